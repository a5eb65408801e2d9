// Connection > Replay capture…: a capture file read on a worker thread (its summary, or the
// reader's error under the file field), then replayed over a real connection to the fixture's
// mosquitto with a topic rewrite, QoS override and two loops; pause and resume; Start waits
// for a connection; every input is labelled; the pictures in both languages and themes.
#include "core/automation/capture_writer.h"
#include "core/automation/replay_job.h"
#include "tests/connection/client_probe.h"
#include "tests/connection/test_settings.h"
#include "tests/fixture/test_broker.h"
#include "tests/support/screenshot_check.h"
#include "tests/support/screenshot_scene.h"
#include "ui/automation/replay_dialog.h"
#include "ui/widgets/file_field.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>

using namespace mqttdesk;

namespace {

QString writeCapture(const QTemporaryDir &dir, const QString &topic, int count)
{
    const QString path = dir.filePath(QStringLiteral("capture.jsonl"));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return {};
    CaptureWriter writer(file);
    writer.writeHeader(QStringLiteral("plant broker"));
    for (int i = 0; i < count; ++i)
        writer.write({1'700'000'000'000'000 + i * 2'000,
                      topic + QStringLiteral("/m%1").arg(i % 3),
                      QByteArray::number(i),
                      0,
                      i == 0,
                      {},
                      false});
    return path;
}

} // namespace

class TestReplayDialog : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QVERIFY2(m_broker.start(), qPrintable(m_broker.errorString())); }

    void readsAndReplays()
    {
        const QString id = TestSettings::uniqueClientId(QStringLiteral("rd"));
        auto publisher = std::make_unique<ClientProbe>(TestSettings::forListener(
            m_broker, TestBroker::Listener::Plain, ProtocolVersion::V5, id));
        auto receiver = std::make_unique<ClientProbe>(TestSettings::forListener(
            m_broker, TestBroker::Listener::Plain, ProtocolVersion::V5, id + QStringLiteral("r")));
        QVERIFY(receiver->connectAndWait());
        QVERIFY(receiver->subscribeAndWait(QStringLiteral("copy/") + id + QStringLiteral("/#"),
                                           QoS::ExactlyOnce));
        QTemporaryDir dir;
        const QString path = writeCapture(dir, QStringLiteral("plant/") + id, 30);

        ReplayDialog dialog(publisher->connection(), QStringLiteral("Local"));
        QSignalSpy loaded(&dialog, &ReplayDialog::loaded);
        dialog.openCapture(path);
        QVERIFY(!loaded.isEmpty() || loaded.wait(10000));
        const QString summary =
            dialog.findChild<QLabel *>(QStringLiteral("captureSummary"))->text();
        QVERIFY2(summary.contains(QStringLiteral("30")) &&
                     summary.contains(QStringLiteral("plant broker")),
                 qPrintable(summary));
        QVERIFY(!dialog.startButton()->isEnabled()); // not connected yet
        QVERIFY(publisher->connectAndWait());
        dialog.openCapture(path); // buttons follow the connection when the file is (re)read
        QVERIFY(loaded.wait(10000));
        QVERIFY(dialog.startButton()->isEnabled());

        dialog.findChild<QLineEdit *>(QStringLiteral("rewrite"))
            ->setText(QStringLiteral("plant/=copy/"));
        dialog.findChild<QComboBox *>(QStringLiteral("qos"))->setCurrentIndex(2); // QoS 1
        dialog.findChild<QSpinBox *>(QStringLiteral("loops"))->setValue(2);
        dialog.findChild<QCheckBox *>(QStringLiteral("keepRetain"))->setChecked(false);
        dialog.startButton()->click();
        QVERIFY(dialog.job());
        QVERIFY(dialog.pauseButton()->isEnabled());
        dialog.pauseButton()->click();
        QCOMPARE(dialog.job()->state(), ReplayJob::State::Paused);
        dialog.pauseButton()->click();
        QTRY_COMPARE_WITH_TIMEOUT(dialog.job()->state(), ReplayJob::State::Finished, 30000);
        QVERIFY(receiver->waitForMessages(60, 30000));
        for (const ReceivedMessage &m : receiver->messages()) {
            QCOMPARE(m.message.qos, QoS::AtLeastOnce);
            QVERIFY(!m.message.retain);
            QVERIFY(m.message.topic.startsWith(QStringLiteral("copy/")));
        }
        const QString status = dialog.findChild<QLabel *>(QStringLiteral("status"))->text();
        QVERIFY2(status.contains(QStringLiteral("60")), qPrintable(status));
    }

    void brokenFileAndBadRewrite()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("bad.jsonl"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("{\"time_us\":1,\"topic\":\"a\"}\nnot json\n");
        file.close();
        ReplayDialog dialog(nullptr, QStringLiteral("None"));
        QSignalSpy loaded(&dialog, &ReplayDialog::loaded);
        dialog.openCapture(path);
        QVERIFY(!loaded.isEmpty() || loaded.wait(10000));
        auto *field = dialog.findChild<FileField *>(QStringLiteral("captureFile"));
        QCOMPARE(field->state(), FileField::State::Error);
        QVERIFY2(field->reportText().contains(QStringLiteral("Line 2")),
                 qPrintable(field->reportText()));
        QVERIFY(!dialog.startButton()->isEnabled());
    }

    void everyInputIsLabelled()
    {
        ReplayDialog dialog(nullptr, QStringLiteral("None"));
        QList<QWidget *> buddies;
        for (QLabel *label : dialog.findChildren<QLabel *>())
            if (label->buddy())
                buddies << label->buddy();
        for (const char *name : {"speed", "rewrite", "qos", "loops"})
            QVERIFY2(buddies.contains(dialog.findChild<QWidget *>(QString::fromLatin1(name))),
                     name);
        QVERIFY(buddies.contains(
            dialog.findChild<FileField *>(QStringLiteral("captureFile"))->lineEdit()));
    }

    void screenshots_data()
    {
        QTest::addColumn<QString>("language");
        QTest::newRow("en") << QStringLiteral("en");
        QTest::newRow("zh_CN") << QStringLiteral("zh_CN");
    }

    // replay-<language>.png into $MQTTDESK_SCREENSHOT_DIR (MQTTDESK_SCREENSHOT_PALETTE=dark:
    // the dark theme, *-dark.png): a capture read and a replay half done.
    void screenshots()
    {
        QFETCH(QString, language);
        const ScreenshotScene scene(language);
        auto publisher = std::make_unique<ClientProbe>(
            TestSettings::forListener(m_broker, TestBroker::Listener::Plain, ProtocolVersion::V5,
                                      TestSettings::uniqueClientId(QStringLiteral("rs"))));
        QVERIFY(publisher->connectAndWait());
        QTemporaryDir dir;
        const QString path = writeCapture(dir, QStringLiteral("plant/line1/sensors"), 400);
        ReplayDialog dialog(publisher->connection(), QStringLiteral("Factory floor"));
        QSignalSpy loaded(&dialog, &ReplayDialog::loaded);
        dialog.openCapture(path);
        QVERIFY(!loaded.isEmpty() || loaded.wait(10000));
        dialog.findChild<QLineEdit *>(QStringLiteral("rewrite"))
            ->setText(QStringLiteral("plant/=test/plant/"));
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        dialog.startButton()->click();
        QTRY_VERIFY_WITH_TIMEOUT(dialog.job()->stats().sent >= 100, 30000);
        dialog.pauseButton()->click();
        QApplication::processEvents();
        const QImage image = dialog.grab().toImage();
        const QStringList problems = ScreenshotCheck::problems(
            &dialog, image,
            {dialog.startButton(), dialog.pauseButton(), dialog.stopButton(),
             dialog.findChild<QWidget *>(QStringLiteral("progress"))});
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
        const QString out = qEnvironmentVariable("MQTTDESK_SCREENSHOT_DIR");
        if (!out.isEmpty()) {
            QVERIFY(QDir().mkpath(out));
            QVERIFY(image.save(ScreenshotCheck::themed(
                QDir(out).filePath(QStringLiteral("replay-%1.png").arg(language)))));
        }
        dialog.stopButton()->click();
    }

private:
    TestBroker m_broker;
};

QTEST_MAIN(TestReplayDialog)
#include "tst_replay_dialog.moc"
