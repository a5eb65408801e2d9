// "Retained snapshots" against the real mosquitto fixture and a real SQLite store: a
// snapshot is taken (over a connection of its own), stored and listed; after a deployment
// (one topic added, one removed, one changed) the comparison of the stored snapshot with the
// broker now lists exactly those three, shows both values, and exports as JSON and CSV; two
// live brokers compare; rename, export, delete (confirmed) and import work; an invalid
// filter and an unreachable broker are named; the texts follow the language; every input
// has a label. Also renders the dialog with a comparison (English and Chinese) to
// $MQTTDESK_SCREENSHOT_DIR when set.
#include "core/retained/retained_diff_model.h"
#include "core/retained/retained_source.h"
#include "core/workspace/profile_records.h"
#include "stream_test_support.h"
#include "tests/fixture/mosquitto_pub.h"
#include "tests/fixture/test_broker.h"
#include "tests/support/screenshot_check.h"
#include "tests/support/scripted_prompts.h"
#include "ui/i18n/language.h"
#include "ui/theme/theme.h"
#include "ui/topictree/retained_diff_panel.h"
#include "ui/topictree/retained_snapshot_dialog.h"

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QHeaderView>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTcpServer>
#include <QTest>
#include <QTreeWidget>

using namespace mqttdesk;

namespace {
constexpr int kWait = 30000;
} // namespace

class TestRetainedSnapshotDialog : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void cleanup();
    void snapshotThenCompareWithTheBrokerNow();
    void storedSnapshotsAreManaged();
    void twoLiveBrokersCompare();
    void invalidFilterAndUnreachableBrokerAreNamed();
    void textsFollowTheLanguageAndInputsHaveLabels();
    void screenshots_data();
    void screenshots();

private:
    bool publish(const QString &topic, const QByteArray &payload);
    RetainedLiveSource source(const QString &name, quint16 port, qint64 profileId = 1) const;
    // Takes a snapshot named `name` of `filter` through the dialog; its id.
    qint64 take(RetainedSnapshotDialog &dialog, const QString &filter, const QString &name);
    // Selects the side whose text contains `text`.
    static bool choose(QComboBox *box, const QString &text);

    TestBroker m_broker;
    quint16 m_port = 0;
};

void TestRetainedSnapshotDialog::initTestCase()
{
    if (qEnvironmentVariable("MQTTDESK_SCREENSHOT_PALETTE") == QLatin1String("dark"))
        QApplication::setPalette(Theme::darkPalette());
    QVERIFY2(m_broker.start(), qPrintable(m_broker.errorString()));
    m_port = m_broker.port(TestBroker::Listener::Plain);
}

void TestRetainedSnapshotDialog::cleanupTestCase()
{
    m_broker.stop();
}

void TestRetainedSnapshotDialog::cleanup()
{
    Language::install(*qApp, QStringLiteral("en"));
}

bool TestRetainedSnapshotDialog::publish(const QString &topic, const QByteArray &payload)
{
    // mosquitto_pub: an independent client puts the broker's retained state in place.
    // An empty retained message (-n) clears the topic.
    const auto result =
        payload.isEmpty()
            ? MosquittoPub::run({QStringLiteral("-h"), QStringLiteral("127.0.0.1"),
                                 QStringLiteral("-p"), QString::number(m_port),
                                 QStringLiteral("-t"), topic, QStringLiteral("-r"),
                                 QStringLiteral("-q"), QStringLiteral("1"), QStringLiteral("-n")})
            : MosquittoPub::publish(
                  m_port, topic, payload,
                  {QStringLiteral("-r"), QStringLiteral("-q"), QStringLiteral("1")});
    return result.finished && result.exitCode == 0;
}

RetainedLiveSource TestRetainedSnapshotDialog::source(const QString &name, quint16 port,
                                                      qint64 profileId) const
{
    RetainedLiveSource s;
    s.profileId = profileId;
    s.name = name;
    s.settings.transport.host = QStringLiteral("127.0.0.1");
    s.settings.transport.port = port;
    s.settings.session.version = ProtocolVersion::V5;
    s.settings.session.clientId = QStringLiteral("user-%1").arg(profileId);
    return s;
}

qint64 TestRetainedSnapshotDialog::take(RetainedSnapshotDialog &dialog, const QString &filter,
                                        const QString &name)
{
    QSignalSpy taken(&dialog, &RetainedSnapshotDialog::snapshotTaken);
    QSignalSpy loaded(&dialog, &RetainedSnapshotDialog::snapshotsLoaded);
    dialog.filterField()->setText(filter);
    dialog.nameField()->setText(name);
    if (!dialog.takeButton()->isEnabled())
        return 0;
    QTest::mouseClick(dialog.takeButton(), Qt::LeftButton);
    if (!taken.wait(kWait))
        return 0;
    if (!loaded.wait(kWait))
        return 0;
    return taken.first().first().toLongLong();
}

bool TestRetainedSnapshotDialog::choose(QComboBox *box, const QString &text)
{
    for (int i = 0; i < box->count(); ++i)
        if (box->itemText(i).contains(text)) {
            box->setCurrentIndex(i);
            emit box->activated(i); // as a person's choice
            return true;
        }
    return false;
}

void TestRetainedSnapshotDialog::snapshotThenCompareWithTheBrokerNow()
{
    for (int i = 0; i < 5; ++i)
        QVERIFY(publish(QStringLiteral("deploy/%1").arg(i), "v1-" + QByteArray::number(i)));
    QVERIFY(publish(QStringLiteral("elsewhere/x"), "outside"));

    StreamTestStore store;
    QVERIFY(store.isReady());
    QVERIFY(store.ensureProfile(1));
    ProfileRecords records(store.path(), 1);
    RetainedSnapshotDialog dialog(&records, 1, QStringLiteral("deploy/#"));
    QSignalSpy loaded(&dialog, &RetainedSnapshotDialog::snapshotsLoaded);
    QVERIFY(loaded.wait(kWait));
    dialog.setLiveSources({source(QStringLiteral("Plant"), m_port)});
    dialog.show();
    QCOMPARE(dialog.filterField()->text(), QStringLiteral("deploy/#"));
    QCOMPARE(dialog.snapshotList()->topLevelItemCount(), 0);

    QVERIFY(take(dialog, QStringLiteral("deploy/#"), QStringLiteral("before")) > 0);
    QVERIFY2(dialog.statusText().contains(QStringLiteral("5 topics")),
             qPrintable(dialog.statusText()));
    QCOMPARE(dialog.snapshotList()->topLevelItemCount(), 1);
    QCOMPARE(dialog.snapshotList()->topLevelItem(0)->text(0), QStringLiteral("before"));
    QCOMPARE(dialog.snapshotList()->topLevelItem(0)->text(1), QStringLiteral("deploy/#"));
    QCOMPARE(dialog.snapshotList()->topLevelItem(0)->text(2), QStringLiteral("5"));

    // The deployment: one topic added, one removed, one changed.
    QVERIFY(publish(QStringLiteral("deploy/new"), "fresh"));
    QVERIFY(publish(QStringLiteral("deploy/0"), QByteArray()));
    QVERIFY(publish(QStringLiteral("deploy/1"), "v2-1"));

    // By default A is the newest snapshot and B this broker now.
    QVERIFY(dialog.sideA()->currentText().contains(QStringLiteral("before")));
    QVERIFY(dialog.sideB()->currentText().contains(QStringLiteral("Plant")));
    QSignalSpy compared(&dialog, &RetainedSnapshotDialog::compared);
    QTest::mouseClick(dialog.compareButton(), Qt::LeftButton);
    QVERIFY(compared.wait(kWait));

    RetainedDiffModel *model = dialog.diffPanel()->model();
    QCOMPARE(model->rowCount(), 3);
    const auto row = [model](int r) {
        return std::pair(model->index(r, RetainedDiffModel::TopicColumn).data().toString(),
                         model->index(r, 0).data(RetainedDiffModel::KindRole).toInt());
    };
    QCOMPARE(row(0), std::pair(QStringLiteral("deploy/0"), int(RetainedChange::Kind::Removed)));
    QCOMPARE(row(1), std::pair(QStringLiteral("deploy/1"), int(RetainedChange::Kind::Changed)));
    QCOMPARE(row(2), std::pair(QStringLiteral("deploy/new"), int(RetainedChange::Kind::Added)));
    QVERIFY2(dialog.diffPanel()->summaryText().contains(
                 QStringLiteral("Added: 1, removed: 1, changed: 1; unchanged: 3.")),
             qPrintable(dialog.diffPanel()->summaryText()));
    // The selected row shows both values in full.
    dialog.diffPanel()->table()->setCurrentIndex(model->index(1, 0));
    const QString detail = dialog.diffPanel()->detail()->toPlainText();
    QVERIFY2(detail.contains(QStringLiteral("v1-1")) && detail.contains(QStringLiteral("v2-1")),
             qPrintable(detail));

    // Exported as JSON and as CSV (through the save chooser for the CSV).
    QTemporaryDir out;
    const QString json = out.filePath(QStringLiteral("diff.json"));
    QString error;
    QVERIFY2(dialog.diffPanel()->exportTo(json, &error), qPrintable(error));
    QFile jsonFile(json);
    QVERIFY(jsonFile.open(QIODevice::ReadOnly));
    const QByteArray jsonText = jsonFile.readAll();
    QVERIFY(!QJsonDocument::fromJson(jsonText).isNull());
    QVERIFY(jsonText.contains("deploy/new") && jsonText.contains("deploy/0"));
    {
        ScriptedPrompts prompts;
        const QString csv = out.filePath(QStringLiteral("diff.csv"));
        prompts.nextFile(csv);
        QTest::mouseClick(dialog.diffPanel()->exportButton(), Qt::LeftButton);
        QFile csvFile(csv);
        QVERIFY(csvFile.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = csvFile.readAll().trimmed().split('\n');
        QCOMPARE(lines.size(), 4); // header and three rows
        QVERIFY(lines.at(3).startsWith("deploy/new"));
        // A folder that cannot be written: the user is told, nothing crashes.
        prompts.nextFile(out.filePath(QStringLiteral("missing/dir/diff.csv")));
        QTest::mouseClick(dialog.diffPanel()->exportButton(), Qt::LeftButton);
        QVERIFY(prompts.last(Prompts::Kind::Warning).text.contains(QStringLiteral("missing")));
    }

    // The snapshot is kept with the profile: a new dialog lists it.
    RetainedSnapshotDialog again(&records, 1, QString());
    QSignalSpy loadedAgain(&again, &RetainedSnapshotDialog::snapshotsLoaded);
    QVERIFY(loadedAgain.wait(kWait));
    QCOMPARE(again.snapshots().size(), 1);
    QCOMPARE(again.filterField()->text(), QStringLiteral("#"));
    QTRY_COMPARE(records.pendingRequests(), 0);
}

void TestRetainedSnapshotDialog::storedSnapshotsAreManaged()
{
    QVERIFY(publish(QStringLiteral("manage/a"), "1"));
    QVERIFY(publish(QStringLiteral("manage/b"), "2"));
    StreamTestStore store;
    QVERIFY(store.ensureProfile(1));
    ProfileRecords records(store.path(), 1);
    RetainedSnapshotDialog dialog(&records, 1, QString());
    QSignalSpy loaded(&dialog, &RetainedSnapshotDialog::snapshotsLoaded);
    QVERIFY(loaded.wait(kWait));
    dialog.setLiveSources({source(QStringLiteral("Plant"), m_port)});
    QVERIFY(take(dialog, QStringLiteral("manage/#"), QString()) > 0);
    QCOMPARE(dialog.snapshots().size(), 1);
    // Without a name the snapshot is named after its time.
    QVERIFY(dialog.snapshots().first().name.startsWith(QStringLiteral("Snapshot of ")));

    dialog.renameSnapshot(0, QStringLiteral("  release 1.2  "));
    QVERIFY(loaded.wait(kWait));
    QCOMPARE(dialog.snapshots().first().name, QStringLiteral("release 1.2"));
    QCOMPARE(dialog.snapshotList()->topLevelItem(0)->text(0), QStringLiteral("release 1.2"));

    QTemporaryDir out;
    const QString file = out.filePath(QStringLiteral("snap.json"));
    dialog.exportSnapshot(0, file);
    QTRY_VERIFY_WITH_TIMEOUT(dialog.statusText().startsWith(QStringLiteral("Exported")), kWait);
    const auto read = RetainedSnapshot::readFile(file);
    QVERIFY(std::holds_alternative<RetainedSnapshot>(read));
    QCOMPARE(std::get<RetainedSnapshot>(read).topics.size(), 2);
    QCOMPARE(std::get<RetainedSnapshot>(read).name, QStringLiteral("release 1.2"));

    {
        ScriptedPrompts prompts;
        prompts.acceptNext(false); // declined: nothing deleted
        dialog.snapshotList()->setCurrentItem(dialog.snapshotList()->topLevelItem(0));
        dialog.removeSnapshot(0);
        QCOMPARE(prompts.count(Prompts::Kind::Question), 1);
        QVERIFY(prompts.last(Prompts::Kind::Question).text.contains(QStringLiteral("release 1.2")));
        QCOMPARE(records.pendingRequests(), 0);
        prompts.acceptNext(true);
        dialog.removeSnapshot(0);
        QVERIFY(loaded.wait(kWait));
        QCOMPARE(dialog.snapshots().size(), 0);
        QCOMPARE(dialog.snapshotList()->topLevelItemCount(), 0);
    }

    QSignalSpy imported(&dialog, &RetainedSnapshotDialog::snapshotTaken);
    dialog.importSnapshot(file);
    QVERIFY(imported.wait(kWait));
    QVERIFY(loaded.wait(kWait));
    QCOMPARE(dialog.snapshots().size(), 1);
    QCOMPARE(dialog.snapshots().first().topicCount, 2);

    // A file that is not a snapshot is refused with its name; nothing is stored.
    const QString bad = out.filePath(QStringLiteral("bad.json"));
    QFile badFile(bad);
    QVERIFY(badFile.open(QIODevice::WriteOnly));
    badFile.write("{\"format\": \"something else\"}");
    badFile.close();
    QSignalSpy failed(&dialog, &RetainedSnapshotDialog::failed);
    dialog.importSnapshot(bad);
    QVERIFY(failed.wait(kWait));
    QVERIFY2(dialog.statusText().contains(QStringLiteral("Cannot import")),
             qPrintable(dialog.statusText()));
    QCOMPARE(dialog.snapshots().size(), 1);
    QTRY_COMPARE(records.pendingRequests(), 0);
}

void TestRetainedSnapshotDialog::twoLiveBrokersCompare()
{
    // "Staging" and "production": a second broker with one topic that differs.
    TestBroker second;
    QVERIFY2(second.start(), qPrintable(second.errorString()));
    const quint16 secondPort = second.port(TestBroker::Listener::Plain);
    QVERIFY(publish(QStringLiteral("stage/a"), "same"));
    QVERIFY(publish(QStringLiteral("stage/b"), "old"));
    for (const auto &[topic, payload] : {std::pair(QStringLiteral("stage/a"), QByteArray("same")),
                                         std::pair(QStringLiteral("stage/b"), QByteArray("new"))}) {
        const auto r = MosquittoPub::publish(
            secondPort, topic, payload,
            {QStringLiteral("-r"), QStringLiteral("-q"), QStringLiteral("1")});
        QVERIFY(r.finished && r.exitCode == 0);
    }

    RetainedSnapshotDialog dialog(nullptr, 1, QStringLiteral("stage/#"));
    dialog.setLiveSources({source(QStringLiteral("Production"), secondPort, 2),
                           source(QStringLiteral("Staging"), m_port, 1)});
    // This connection comes first, and there is nothing stored to list.
    QVERIFY(dialog.sideA()->itemText(0).contains(QStringLiteral("Staging")));
    QCOMPARE(dialog.sideA()->count(), 2);
    QVERIFY(choose(dialog.sideA(), QStringLiteral("Staging")));
    QVERIFY(choose(dialog.sideB(), QStringLiteral("Production")));
    QSignalSpy compared(&dialog, &RetainedSnapshotDialog::compared);
    dialog.compare();
    QVERIFY(compared.wait(kWait));
    RetainedDiffModel *model = dialog.diffPanel()->model();
    QCOMPARE(model->rowCount(), 1);
    QCOMPARE(model->index(0, 0).data().toString(), QStringLiteral("stage/b"));
    QCOMPARE(model->index(0, RetainedDiffModel::BeforeColumn).data().toString(),
             QStringLiteral("old"));
    QCOMPARE(model->index(0, RetainedDiffModel::AfterColumn).data().toString(),
             QStringLiteral("new"));
    QVERIFY(dialog.diffPanel()->summaryText().contains(QStringLiteral("Production")));
    second.stop();
}

void TestRetainedSnapshotDialog::invalidFilterAndUnreachableBrokerAreNamed()
{
    RetainedSnapshotDialog dialog(nullptr, 1, QStringLiteral("bad/#/filter"));
    dialog.setLiveSources({source(QStringLiteral("Plant"), m_port)});
    QVERIFY(!dialog.takeButton()->isEnabled());
    dialog.filterField()->setText(QStringLiteral("ok/#"));
    QVERIFY(dialog.takeButton()->isEnabled());

    // A comparison with a broker that is not there names it and ends.
    QTcpServer closed;
    QVERIFY(closed.listen(QHostAddress::LocalHost));
    const quint16 deadPort = closed.serverPort();
    closed.close();
    dialog.setLiveSources(
        {source(QStringLiteral("Plant"), m_port), source(QStringLiteral("Gone"), deadPort, 9)});
    QVERIFY(choose(dialog.sideB(), QStringLiteral("Gone")));
    QSignalSpy failed(&dialog, &RetainedSnapshotDialog::failed);
    dialog.compare();
    QVERIFY(failed.wait(kWait));
    QVERIFY2(dialog.statusText().contains(QStringLiteral("Gone")), qPrintable(dialog.statusText()));
    QVERIFY(!dialog.isBusy());
    QVERIFY(dialog.compareButton()->isEnabled());
}

void TestRetainedSnapshotDialog::textsFollowTheLanguageAndInputsHaveLabels()
{
    RetainedSnapshotDialog dialog(nullptr, 1, QString());
    dialog.setLiveSources({source(QStringLiteral("Plant"), m_port)});
    const QString english = dialog.windowTitle();
    const QString compareText = dialog.compareButton()->text();
    QCOMPARE(Language::install(*qApp, QStringLiteral("zh_CN")), QStringLiteral("zh_CN"));
    QTRY_VERIFY(dialog.windowTitle() != english);
    QVERIFY(dialog.compareButton()->text() != compareText);
    QVERIFY(dialog.diffPanel()->exportButton()->text() != QStringLiteral("E&xport comparison…"));
    QVERIFY(dialog.sideA()->itemText(0).contains(QStringLiteral("Plant")));
    QVERIFY(!dialog.sideA()->itemText(0).contains(QStringLiteral("now")));
    Language::install(*qApp, QStringLiteral("en"));
    QTRY_COMPARE(dialog.windowTitle(), english);

    // Every input is named: a buddy label or an accessible name.
    QList<QWidget *> inputs;
    for (QWidget *w : dialog.findChildren<QWidget *>())
        if (qobject_cast<QLineEdit *>(w) || qobject_cast<QComboBox *>(w) ||
            (qobject_cast<QAbstractItemView *>(w) && !qobject_cast<QHeaderView *>(w)) ||
            qobject_cast<QPlainTextEdit *>(w))
            inputs << w;
    QVERIFY(inputs.size() >= 6);
    QList<QWidget *> buddies;
    for (QLabel *label : dialog.findChildren<QLabel *>())
        if (label->buddy())
            buddies << label->buddy();
    for (QWidget *w : inputs) {
        if (w->window() != &dialog)
            continue; // a combo box's popup list
        QVERIFY2(buddies.contains(w) || !w->accessibleName().isEmpty(),
                 w->metaObject()->className());
    }
}

void TestRetainedSnapshotDialog::screenshots_data()
{
    QTest::addColumn<QString>("language");
    QTest::newRow("en") << QStringLiteral("en");
    QTest::newRow("zh_CN") << QStringLiteral("zh_CN");
}

void TestRetainedSnapshotDialog::screenshots()
{
    QFETCH(QString, language);
    QVERIFY(Language::install(*qApp, language).startsWith(language));
    const QString prefix = QStringLiteral("shot-%1/").arg(language);
    const QString longTopic =
        prefix + QStringLiteral("site-north/building-7/floor-3/line-12/station-44/"
                                "vibration-sensor-with-a-very-long-name/config");
    const QStringList topics{prefix + QStringLiteral("pump/1/setpoint"),
                             prefix + QStringLiteral("pump/2/setpoint"),
                             prefix + QStringLiteral("valve/9/state"),
                             prefix + QStringLiteral("firmware/version"), longTopic};
    for (int i = 0; i < topics.size(); ++i)
        QVERIFY(publish(topics.at(i),
                        QStringLiteral("{\"value\": %1, \"unit\": \"bar\"}").arg(i).toUtf8()));
    StreamTestStore store;
    QVERIFY(store.ensureProfile(1));
    ProfileRecords records(store.path(), 1);
    RetainedSnapshotDialog dialog(&records, 1, prefix + QStringLiteral("#"));
    QSignalSpy loaded(&dialog, &RetainedSnapshotDialog::snapshotsLoaded);
    QVERIFY(loaded.wait(kWait));
    dialog.setLiveSources({source(QStringLiteral("Plant (production)"), m_port)});
    dialog.resize(1180, 760);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QVERIFY(take(dialog, prefix + QStringLiteral("#"), QStringLiteral("v1.4 deployed")) > 0);
    QVERIFY(publish(topics.at(0), "{\"value\": 7, \"unit\": \"bar\"}"));
    QVERIFY(publish(topics.at(2), QByteArray()));
    QVERIFY(publish(prefix + QStringLiteral("pump/3/setpoint"), "{\"value\": 3}"));
    QVERIFY(publish(longTopic, "{\"value\": 4, \"unit\": \"mbar\"}"));
    QSignalSpy compared(&dialog, &RetainedSnapshotDialog::compared);
    dialog.compare();
    QVERIFY(compared.wait(kWait));
    QCOMPARE(dialog.diffPanel()->model()->rowCount(), 4);
    QCoreApplication::processEvents();

    const QImage image = dialog.grab().toImage();
    const QStringList problems = ScreenshotCheck::problems(
        &dialog, image,
        {dialog.snapshotList(), dialog.diffPanel()->table(), dialog.diffPanel()->detail(),
         static_cast<const QWidget *>(dialog.compareButton())},
        20);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    const QString dir = qEnvironmentVariable("MQTTDESK_SCREENSHOT_DIR");
    if (!dir.isEmpty()) {
        QVERIFY(QDir().mkpath(dir));
        QVERIFY(image.save(ScreenshotCheck::themed(
            QDir(dir).filePath(QStringLiteral("retained-diff-%1.png").arg(language)))));
    }
    // Clean the broker for the other functions.
    for (const QString &topic : topics)
        QVERIFY(publish(topic, QByteArray()));
    QVERIFY(publish(prefix + QStringLiteral("pump/3/setpoint"), QByteArray()));
    QTRY_COMPARE(records.pendingRequests(), 0);
}

QTEST_MAIN(TestRetainedSnapshotDialog)
#include "tst_retained_snapshot_dialog.moc"
