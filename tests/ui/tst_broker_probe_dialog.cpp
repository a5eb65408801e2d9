// Connection > Test broker… against the real mosquitto fixture: every line fills in (all
// supported on a stock mosquitto), the CONNACK's announcements show, the report exports as
// Markdown and JSON through the file chooser, an unwritable file is a warning, closing a
// running test cancels it; every input is labelled; the pictures in both languages and themes.
#include "core/probe/broker_probe.h"
#include "tests/connection/test_settings.h"
#include "tests/fixture/test_broker.h"
#include "tests/support/screenshot_check.h"
#include "tests/support/screenshot_scene.h"
#include "tests/support/scripted_prompts.h"
#include "ui/probe/broker_probe_dialog.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace mqttdesk;

class TestBrokerProbeDialog : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QVERIFY2(m_broker.start(), qPrintable(m_broker.errorString())); }

    void runsExportsAndCancels()
    {
        ScriptedPrompts prompts;
        const ConnectionSettings settings =
            TestSettings::forListener(m_broker, TestBroker::Listener::Plain, ProtocolVersion::V5,
                                      TestSettings::uniqueClientId(QStringLiteral("pd")));
        BrokerProbeDialog dialog(settings, QStringLiteral("Local broker"));
        QVERIFY(!dialog.exportMarkdownButton()->isEnabled());
        dialog.maxPayloadField()->setValue(64);
        dialog.pingsField()->setValue(5);
        QSignalSpy finished(&dialog, &BrokerProbeDialog::finished);
        dialog.startButton()->click();
        QVERIFY(dialog.isRunning());
        QCOMPARE(dialog.startButton()->text(), QStringLiteral("&Cancel test"));
        QVERIFY(!dialog.pingsField()->isEnabled());
        QVERIFY(finished.wait(120000));

        QTreeWidget *checks = dialog.checksView();
        QCOMPARE(checks->topLevelItemCount(), int(ProbeCheckResult::allChecks().size()));
        for (int row = 0; row < checks->topLevelItemCount(); ++row) {
            const QTreeWidgetItem *item = checks->topLevelItem(row);
            QCOMPARE(item->data(1, Qt::UserRole).toInt(), int(ProbeOutcome::Supported));
            QCOMPARE(item->text(1), ProbeCheckResult::outcomeText(ProbeOutcome::Supported));
        }
        QVERIFY(dialog.announcementsView()->topLevelItemCount() >= 10);
        QVERIFY2(dialog.statusText().contains(QStringLiteral("Largest payload that passed")),
                 qPrintable(dialog.statusText()));
        QVERIFY(dialog.statusText().contains(QStringLiteral("Ping: p50")));
        QCOMPARE(dialog.startButton()->text(), QStringLiteral("&Run again"));

        QTemporaryDir dir;
        const QString md = dir.filePath(QStringLiteral("report.md"));
        prompts.nextFile(md);
        dialog.exportMarkdownButton()->click();
        QFile mdFile(md);
        QVERIFY(mdFile.open(QIODevice::ReadOnly));
        const QString markdown = QString::fromUtf8(mdFile.readAll());
        QVERIFY(markdown.contains(QStringLiteral("| ")));
        QVERIFY(markdown.contains(ProbeCheckResult::title(ProbeCheck::SharedSubscription)));
        QVERIFY(dialog.statusText().contains(md));

        const QString json = dir.filePath(QStringLiteral("report.json"));
        prompts.nextFile(json);
        dialog.exportJsonButton()->click();
        QFile jsonFile(json);
        QVERIFY(jsonFile.open(QIODevice::ReadOnly));
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(jsonFile.readAll(), &error);
        QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
        QVERIFY(doc.object().contains(QStringLiteral("checks")));

        prompts.nextFile(dir.filePath(QStringLiteral("no/such/dir/report.json")));
        dialog.exportJsonButton()->click();
        QVERIFY(prompts.last(Prompts::Kind::Warning).text.contains(QStringLiteral("no/such")));

        // Run again, then close while it runs: the probe is cancelled and cleans up.
        finished.clear();
        dialog.startButton()->click();
        QVERIFY(dialog.isRunning());
        dialog.reject();
        QVERIFY(!finished.isEmpty() || finished.wait(60000)); // may end within the cancel
        QVERIFY(dialog.probe()->report().cancelled);
        QVERIFY(dialog.probe()->report().retainedNotCleared.isEmpty());
    }

    void everyInputIsLabelled()
    {
        BrokerProbeDialog dialog(ConnectionSettings{}, QStringLiteral("x"));
        QList<QWidget *> buddies;
        for (const QLabel *label : dialog.findChildren<QLabel *>())
            if (label->buddy())
                buddies << label->buddy();
        QVERIFY(buddies.contains(dialog.maxPayloadField()));
        QVERIFY(buddies.contains(dialog.pingsField()));
        QVERIFY(buddies.contains(dialog.announcementsView()));
        QVERIFY(!dialog.checksView()->accessibleName().isEmpty());
    }

    void screenshots_data()
    {
        QTest::addColumn<QString>("language");
        QTest::newRow("en") << QStringLiteral("en");
        QTest::newRow("zh_CN") << QStringLiteral("zh_CN");
    }

    // broker-test-<language>.png into $MQTTDESK_SCREENSHOT_DIR (MQTTDESK_SCREENSHOT_PALETTE=
    // dark: *-dark.png): a finished test of the fixture's mosquitto.
    void screenshots()
    {
        QFETCH(QString, language);
        const ScreenshotScene scene(language);
        const ConnectionSettings settings =
            TestSettings::forListener(m_broker, TestBroker::Listener::Plain, ProtocolVersion::V5,
                                      TestSettings::uniqueClientId(QStringLiteral("ps")));
        BrokerProbeDialog dialog(settings, QStringLiteral("Factory broker"));
        dialog.maxPayloadField()->setValue(256);
        dialog.pingsField()->setValue(20);
        dialog.resize(1000, 720);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QSignalSpy finished(&dialog, &BrokerProbeDialog::finished);
        dialog.start();
        QVERIFY(finished.wait(120000));
        QApplication::processEvents();
        const QImage image = dialog.grab().toImage();
        const QStringList problems = ScreenshotCheck::problems(
            &dialog, image,
            {dialog.startButton(), dialog.exportMarkdownButton(), dialog.exportJsonButton(),
             dialog.checksView(), dialog.announcementsView()});
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
        const QString out = qEnvironmentVariable("MQTTDESK_SCREENSHOT_DIR");
        if (!out.isEmpty()) {
            QVERIFY(QDir().mkpath(out));
            QVERIFY(image.save(ScreenshotCheck::themed(
                QDir(out).filePath(QStringLiteral("broker-test-%1.png").arg(language)))));
        }
    }

private:
    TestBroker m_broker;
};

QTEST_MAIN(TestBrokerProbeDialog)
#include "tst_broker_probe_dialog.moc"
