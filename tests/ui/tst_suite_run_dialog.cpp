// Connection > Run test suite… against the real mosquitto fixture: docs/examples/smoke.suite.json
// runs against the shown connection's broker and passes; a failing suite selects its failed
// step and shows what came instead; an invalid file is named and nothing runs; JUnit XML is
// saved through the file chooser; every input is labelled; the pictures in both languages.
#include "core/suite/suite_result.h"
#include "tests/connection/test_settings.h"
#include "tests/fixture/test_broker.h"
#include "tests/support/screenshot_check.h"
#include "tests/support/screenshot_scene.h"
#include "tests/support/scripted_prompts.h"
#include "ui/suite/suite_run_dialog.h"
#include "ui/widgets/file_field.h"

#include <QApplication>
#include <QCheckBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace mqttdesk;

class TestSuiteRunDialog : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QVERIFY2(m_broker.start(), qPrintable(m_broker.errorString())); }

    void theSmokeExamplePasses()
    {
        ScriptedPrompts prompts;
        SuiteRunDialog dialog(settings(), QStringLiteral("Local"));
        QSignalSpy finished(&dialog, &SuiteRunDialog::runFinished);
        QVERIFY(dialog.run(example(QStringLiteral("smoke.suite.json"))));
        QVERIFY(dialog.isRunning());
        QVERIFY(finished.wait(60000));
        QVERIFY2(dialog.result().passed(), qPrintable(dialog.statusText()));
        QVERIFY(dialog.statusText().startsWith(QStringLiteral("Passed")));
        QTreeWidget *tree = dialog.resultsView();
        QVERIFY(tree->topLevelItemCount() >= 2);
        for (int t = 0; t < tree->topLevelItemCount(); ++t) {
            QVERIFY(tree->topLevelItem(t)->childCount() > 0);
            QCOMPARE(tree->topLevelItem(t)->data(1, Qt::UserRole).toInt(),
                     int(SuiteStatus::Passed));
        }
        // A step's details: the message it matched.
        tree->setCurrentItem(tree->topLevelItem(0)->child(3));
        QVERIFY(!dialog.detailsView()->toPlainText().isEmpty());

        QTemporaryDir dir;
        const QString xml = dir.filePath(QStringLiteral("smoke.xml"));
        prompts.nextFile(xml);
        dialog.junitButton()->click();
        QFile file(xml);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(file.readAll().contains("<testsuites"));
    }

    void aFailingSuiteShowsWhatCameInstead()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("failing.suite.json"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(
            "{\"format\":\"mqttdesk-suite\",\"version\":1,\"name\":\"failing\","
            "  \"connections\":{\"main\":{\"host\":\"localhost\",\"port\":1,\"protocol\":\"5.0\"}},"
            "  \"tests\":[{\"name\":\"wrong value\",\"steps\":["
            "    {\"type\":\"connect\"},"
            "    {\"type\":\"subscribe\",\"filter\":\"mqttdesk-ui/${run}/t\",\"qos\":1},"
            "    "
            "{\"type\":\"publish\",\"topic\":\"mqttdesk-ui/${run}/"
            "t\",\"payload\":\"{\\\"temp\\\":12}\",\"qos\":1},"
            "    "
            "{\"type\":\"expect\",\"filter\":\"mqttdesk-ui/${run}/"
            "t\",\"json\":[{\"path\":\"$.temp\",\"op\":\">\",\"value\":20}],\"timeout_ms\":1500},"
            "    {\"type\":\"disconnect\"}]}]}");
        file.close();
        SuiteRunDialog dialog(settings(), QStringLiteral("Local"));
        QSignalSpy finished(&dialog, &SuiteRunDialog::runFinished);
        QVERIFY(dialog.run(path)); // port 1 is replaced by the connection's
        QVERIFY(finished.wait(60000));
        QVERIFY(!dialog.result().passed());
        QVERIFY(dialog.statusText().startsWith(QStringLiteral("Did not pass")));
        const QTreeWidgetItem *current = dialog.resultsView()->currentItem();
        QVERIFY(current);
        QCOMPARE(current->data(1, Qt::UserRole).toInt(), int(SuiteStatus::Failed));
        const QString details = dialog.detailsView()->toPlainText();
        QVERIFY2(details.contains(QStringLiteral("12")), qPrintable(details));
    }

    void anInvalidFileIsNamed()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("bad.suite.json"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("{\"format\":\"mqttdesk-suite\",\"version\":1,\"tests\":[{\"name\":\"x\","
                   "\"steps\":[{\"type\":\"fly\"}]}]}");
        file.close();
        SuiteRunDialog dialog(settings(), QStringLiteral("Local"));
        QVERIFY(!dialog.run(path));
        QVERIFY(!dialog.isRunning());
        QVERIFY(dialog.statusText().startsWith(QStringLiteral("Not a valid test suite")));
        QVERIFY(!dialog.junitButton()->isEnabled());
    }

    void everyInputIsLabelled()
    {
        SuiteRunDialog dialog(settings(), QStringLiteral("Local"));
        QList<QWidget *> buddies;
        for (const QLabel *label : dialog.findChildren<QLabel *>())
            if (label->buddy())
                buddies << label->buddy();
        QVERIFY(buddies.contains(dialog.fileField()->lineEdit()));
        QVERIFY(buddies.contains(dialog.detailsView()));
        QVERIFY(!dialog.useConnectionBox()->text().isEmpty());
        QVERIFY(!dialog.resultsView()->accessibleName().isEmpty());
    }

    void screenshots_data()
    {
        QTest::addColumn<QString>("language");
        QTest::newRow("en") << QStringLiteral("en");
        QTest::newRow("zh_CN") << QStringLiteral("zh_CN");
    }

    // suite-run-<language>.png into $MQTTDESK_SCREENSHOT_DIR (MQTTDESK_SCREENSHOT_PALETTE=dark:
    // *-dark.png): the JSON telemetry example, run.
    void screenshots()
    {
        QFETCH(QString, language);
        const ScreenshotScene scene(language);
        SuiteRunDialog dialog(settings(), QStringLiteral("Factory broker"));
        dialog.resize(1000, 720);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QSignalSpy finished(&dialog, &SuiteRunDialog::runFinished);
        QVERIFY(dialog.run(example(QStringLiteral("json-telemetry.suite.json"))));
        QVERIFY(finished.wait(60000));
        QTreeWidget *tree = dialog.resultsView();
        tree->setCurrentItem(tree->topLevelItem(0)->child(tree->topLevelItem(0)->childCount() - 2));
        QApplication::processEvents();
        const QImage image = dialog.grab().toImage();
        const QStringList problems = ScreenshotCheck::problems(
            &dialog, image, {dialog.runButton(), dialog.junitButton(), tree, dialog.detailsView()});
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
        const QString out = qEnvironmentVariable("MQTTDESK_SCREENSHOT_DIR");
        if (!out.isEmpty()) {
            QVERIFY(QDir().mkpath(out));
            QVERIFY(image.save(ScreenshotCheck::themed(
                QDir(out).filePath(QStringLiteral("suite-run-%1.png").arg(language)))));
        }
    }

private:
    ConnectionSettings settings() const
    {
        return TestSettings::forListener(m_broker, TestBroker::Listener::Plain, ProtocolVersion::V5,
                                         TestSettings::uniqueClientId(QStringLiteral("sr")));
    }
    static QString example(const QString &name)
    {
        return QDir(qEnvironmentVariable("MQTTDESK_SOURCE_DIR"))
            .filePath(QStringLiteral("docs/examples/") + name);
    }

    TestBroker m_broker;
};

QTEST_MAIN(TestSuiteRunDialog)
#include "tst_suite_run_dialog.moc"
