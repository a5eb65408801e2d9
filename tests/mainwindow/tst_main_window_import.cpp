// Import and export through the main window, on temporary data dirs: importing a file twice
// asks about each clash and, with skip, leaves the list as it was; "apply to all" asks once;
// keep both adds "name (2)" with a fresh client id; replace updates an open connection's
// subscriptions through its view; subscriptions travel with their profile both ways; a client
// id the import would share with a saved connection is asked about.
#include "core/automation/capture_import_job.h"
#include "core/automation/capture_reader.h"
#include "core/automation/capture_writer.h"
#include "core/profile/profile_exporter.h"
#include "core/storage/data_directory.h"
#include "core/storage/database.h"
#include "core/storage/history_exporter.h"
#include "core/workspace/profile_repository.h"
#include "tests/mainwindow/main_window_fixture.h"
#include "tests/support/scripted_prompts.h"
#include "ui/connections/connection_controller.h"
#include "ui/connections/connection_list_model.h"
#include "ui/connections/connection_sidebar.h"
#include "ui/connections/connection_workspace.h"
#include "ui/connections/log_model.h"
#include "ui/dialogs/import_conflict_dialog.h"
#include "ui/mainwindow/connection_actions.h"
#include "ui/mainwindow/profile_commands.h"
#include "ui/mainwindow/profile_import_command.h"
#include "ui/stream/connection_view.h"
#include "ui/subscriptions/subscription_list_model.h"

#include <QAction>
#include <QBuffer>
#include <QCheckBox>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

using namespace mqttdesk;

namespace {

// The profile saved under this sidebar row.
std::optional<ConnectionProfile> saved(const MainWindowFixture &f, qint64 id)
{
    const auto stored = f.window()->connectionModel()->profile(id);
    return stored ? ProfileRepository::fromStored(*stored) : std::nullopt;
}

ProfileSubscription subscription(const ConnectionProfile &p, const QString &filter)
{
    ProfileSubscription s;
    s.profileId = p.id;
    s.filter = filter;
    s.qos = 1;
    s.colour = QStringLiteral("#a1b2c3");
    s.alias = QStringLiteral("Plant floor");
    s.format = QStringLiteral("json");
    return s;
}

// Answers every conflict dialog with one button, ticking "apply to all" when told to.
class ConflictAnswers
{
public:
    ConflictAnswers(ImportPlan::Choice choice, bool forAll = false)
    {
        ProfileImportCommand::setConflictHook([this, choice, forAll](ImportConflictDialog *d) {
            messages << d->message();
            if (forAll)
                d->applyToAllBox()->setChecked(true);
            switch (choice) {
            case ImportPlan::Choice::Replace:
                d->replaceButton()->click();
                break;
            case ImportPlan::Choice::KeepBoth:
                d->keepBothButton()->click();
                break;
            case ImportPlan::Choice::Skip:
                d->skipButton()->click();
                break;
            }
        });
    }
    ~ConflictAnswers() { ProfileImportCommand::setConflictHook({}); }

    QStringList messages;
};

} // namespace

class TestMainWindowImport : public QObject
{
    Q_OBJECT
private slots:
    void init() { m_prompts.emplace(); }
    void cleanup()
    {
        QCOMPARE(m_prompts->unusedAnswers(), 0);
        m_prompts.reset();
    }

    void importTheSameFileTwiceWithSkip()
    {
        QTemporaryDir tmp;
        const QString file = tmp.filePath(QStringLiteral("export.json"));
        {
            MainWindowFixture f;
            QVERIFY(f.createThroughDialog(MainWindowFixture::profile(QStringLiteral("One"), 1883)));
            QVERIFY(f.createThroughDialog(MainWindowFixture::profile(QStringLiteral("Two"), 1884)));
            m_prompts->nextFile(file);
            f.window()->actions()->exportProfiles->trigger();
            QTRY_VERIFY(QFile::exists(file));
        }

        MainWindowFixture f;
        QSignalSpy notices(f.window()->commands(), &ProfileCommands::notice);
        m_prompts->nextFile(file);
        f.window()->actions()->importProfiles->trigger();
        QTRY_VERIFY(f.idOf(QStringLiteral("One")) != 0 && f.idOf(QStringLiteral("Two")) != 0);
        QTRY_VERIFY(!notices.isEmpty());
        const QList<StoredProfile> before = f.window()->connectionModel()->profiles();
        QCOMPARE(before.size(), 2);

        {
            ConflictAnswers answers(ImportPlan::Choice::Skip);
            notices.clear();
            m_prompts->nextFile(file);
            f.window()->actions()->importProfiles->trigger();
            QTRY_COMPARE(notices.size(), 1);
            QCOMPARE(answers.messages.size(), 2); // each clash asked about
            QVERIFY2(answers.messages.first().contains(QStringLiteral("“One”")),
                     qPrintable(answers.messages.first()));
            QVERIFY2(notices.first().first().toString().contains(
                         QStringLiteral("0 added, 0 replaced, 2 skipped")),
                     qPrintable(notices.first().first().toString()));
            QCOMPARE(f.window()->connectionModel()->profiles(), before);
        }
        {
            // Skip for all: asked once.
            ConflictAnswers answers(ImportPlan::Choice::Skip, true);
            notices.clear();
            m_prompts->nextFile(file);
            f.window()->actions()->importProfiles->trigger();
            QTRY_COMPARE(notices.size(), 1);
            QCOMPARE(answers.messages.size(), 1);
            QCOMPARE(f.window()->connectionModel()->profiles(), before);
        }
        // What the window shows is what is stored.
        f.reopen();
        QCOMPARE(f.window()->connectionModel()->profiles(), before);
    }

    void keepBothAndSubscriptionsBothWays()
    {
        QTemporaryDir tmp;
        ConnectionProfile plant = MainWindowFixture::profile(QStringLiteral("Plant"), 1883);
        plant.folder = QStringLiteral("Sites");
        const QString file = tmp.filePath(QStringLiteral("plant.json"));
        QVERIFY(!ProfileExporter::writeFile(file, {plant}, false,
                                            {subscription(plant, QStringLiteral("plant/#"))}));

        MainWindowFixture f;
        m_prompts->nextFile(file);
        f.window()->actions()->importProfiles->trigger();
        QTRY_VERIFY(f.idOf(QStringLiteral("Plant")) != 0);
        const qint64 id = f.idOf(QStringLiteral("Plant"));
        QCOMPARE(saved(f, id)->folder, QStringLiteral("Sites"));
        // The imported connection is selected: its view opens with the subscription.
        QTRY_VERIFY(f.window()->workspace()->controller(id));
        ConnectionView *view = f.window()->workspace()->controller(id)->view();
        QTRY_COMPARE(view->subscriptions()->rowCount(), 1);
        const SubscriptionEntry entry = view->subscriptions()->at(0);
        QCOMPARE(entry.subscription.filter, QStringLiteral("plant/#"));
        QCOMPARE(entry.colour, QStringLiteral("#a1b2c3"));
        QCOMPARE(entry.alias, QStringLiteral("Plant floor"));
        QCOMPARE(entry.format, PayloadFormat::Json);

        // Keep both: "Plant (2)", its own id and client id, the same subscription.
        {
            ConflictAnswers answers(ImportPlan::Choice::KeepBoth);
            m_prompts->nextFile(file);
            f.window()->actions()->importProfiles->trigger();
            QTRY_VERIFY(f.idOf(QStringLiteral("Plant (2)")) != 0);
            QCOMPARE(answers.messages.size(), 1);
        }
        const auto copy = saved(f, f.idOf(QStringLiteral("Plant (2)")));
        QVERIFY(copy->id != plant.id);
        QVERIFY(copy->clientId != plant.clientId);
        QVERIFY(!copy->clientId.isEmpty());

        // Export: each profile with its subscriptions and folder.
        const QString exported = tmp.filePath(QStringLiteral("exported.json"));
        m_prompts->nextFile(exported);
        f.window()->actions()->exportProfiles->trigger();
        QTRY_VERIFY(QFile::exists(exported));
        QFile in(exported);
        QVERIFY(in.open(QIODevice::ReadOnly));
        const QJsonArray profiles = QJsonDocument::fromJson(in.readAll())
                                        .object()
                                        .value(QStringLiteral("profiles"))
                                        .toArray();
        QCOMPARE(profiles.size(), 2);
        for (const QJsonValue &p : profiles) {
            QCOMPARE(p[QStringLiteral("folder")].toString(), QStringLiteral("Sites"));
            const QJsonArray subscriptions = p[QStringLiteral("subscriptions")].toArray();
            QCOMPARE(subscriptions.size(), 1);
            QCOMPARE(subscriptions.first()[QStringLiteral("alias")].toString(),
                     QStringLiteral("Plant floor"));
            QCOMPARE(subscriptions.first()[QStringLiteral("colour")].toString(),
                     QStringLiteral("#a1b2c3"));
            QCOMPARE(subscriptions.first()[QStringLiteral("format")].toString(),
                     QStringLiteral("json"));
        }
    }

    void replaceUpdatesAnOpenConnection()
    {
        QTemporaryDir tmp;
        ConnectionProfile plant = MainWindowFixture::profile(QStringLiteral("Plant"), 1883);
        const QString file = tmp.filePath(QStringLiteral("plant.json"));
        QVERIFY(!ProfileExporter::writeFile(file, {plant}, false,
                                            {subscription(plant, QStringLiteral("plant/#"))}));
        MainWindowFixture f;
        m_prompts->nextFile(file);
        f.window()->actions()->importProfiles->trigger();
        QTRY_VERIFY(f.idOf(QStringLiteral("Plant")) != 0);
        const qint64 id = f.idOf(QStringLiteral("Plant"));
        QTRY_VERIFY(f.window()->workspace()->controller(id));
        ConnectionView *view = f.window()->workspace()->controller(id)->view();
        QTRY_COMPARE(view->subscriptions()->rowCount(), 1);

        // The file changes: another port, two subscriptions.
        plant.port = 1999;
        ProfileSubscription alarms = subscription(plant, QStringLiteral("alarms/#"));
        alarms.alias = QStringLiteral("Alarms");
        QVERIFY(!ProfileExporter::writeFile(
            file, {plant}, false, {subscription(plant, QStringLiteral("plant/#")), alarms}));
        {
            ConflictAnswers answers(ImportPlan::Choice::Replace);
            QSignalSpy notices(f.window()->commands(), &ProfileCommands::notice);
            m_prompts->nextFile(file);
            f.window()->actions()->importProfiles->trigger();
            QTRY_COMPARE(notices.size(), 1);
            QVERIFY(notices.first().first().toString().contains(QStringLiteral("1 replaced")));
        }
        QCOMPARE(f.window()->connectionModel()->profiles().size(), 1);
        QCOMPARE(f.idOf(QStringLiteral("Plant")), id); // the same row
        QCOMPARE(saved(f, id)->port, quint16(1999));
        QCOMPARE(saved(f, id)->id, plant.id);
        QTRY_COMPARE(view->subscriptions()->rowCount(), 2);
        QCOMPARE(view->subscriptions()->at(1).alias, QStringLiteral("Alarms"));

        // Written once, by the view: a fresh window reads the same two.
        f.reopen();
        QTRY_VERIFY(f.window()->workspace()->controller(id));
        view = f.window()->workspace()->controller(id)->view();
        QTRY_VERIFY(view->hasLoadedSubscriptions());
        QCOMPARE(view->subscriptions()->rowCount(), 2);
    }

    void asksBeforeSharingAClientId()
    {
        QTemporaryDir tmp;
        MainWindowFixture f;
        ConnectionProfile mine = MainWindowFixture::profile(QStringLiteral("Mine"), 1883);
        mine.clientId = QStringLiteral("desk-shared");
        QVERIFY(f.createThroughDialog(mine));

        ConnectionProfile theirs = MainWindowFixture::profile(QStringLiteral("Theirs"), 1883);
        theirs.clientId = QStringLiteral("desk-shared");
        const QString file = tmp.filePath(QStringLiteral("theirs.json"));
        QVERIFY(!ProfileExporter::writeFile(file, {theirs}));
        m_prompts->acceptNext(true); // new client ids
        m_prompts->nextFile(file);
        f.window()->actions()->importProfiles->trigger();
        QTRY_VERIFY(f.idOf(QStringLiteral("Theirs")) != 0);
        const Prompts::Request question = m_prompts->last(Prompts::Kind::Question);
        QVERIFY2(question.text.contains(QStringLiteral("“Mine”")), qPrintable(question.text));
        QVERIFY(question.text.contains(QStringLiteral("desk-shared")));
        const QString renewed = saved(f, f.idOf(QStringLiteral("Theirs")))->clientId;
        QVERIFY(!renewed.isEmpty());
        QVERIFY(renewed != QStringLiteral("desk-shared"));

        // Declined: imported as it is.
        ConnectionProfile also = MainWindowFixture::profile(QStringLiteral("Also theirs"), 1883);
        also.clientId = QStringLiteral("desk-shared");
        QVERIFY(!ProfileExporter::writeFile(file, {also}));
        m_prompts->acceptNext(false);
        m_prompts->nextFile(file);
        f.window()->actions()->importProfiles->trigger();
        QTRY_VERIFY(f.idOf(QStringLiteral("Also theirs")) != 0);
        QCOMPARE(saved(f, f.idOf(QStringLiteral("Also theirs")))->clientId,
                 QStringLiteral("desk-shared"));
    }

    // Connection > Import capture into history…: into the selected connection, which need not
    // be open; what is stored is what the file held. A hostile file is a warning and stores
    // nothing.
    void captureIntoTheSelectedHistory()
    {
        MainWindowFixture f;
        MainWindow *w = f.window();
        const qint64 id =
            f.createThroughDialog(MainWindowFixture::profile(QStringLiteral("Target"), 1883));
        QVERIFY(id != 0);
        QCOMPARE(w->sidebar()->selectedProfileId(), id);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("capture.jsonl"));
        QList<CaptureRecord> records;
        for (int i = 0; i < 3; ++i) {
            CaptureRecord r;
            r.timeUs = 1'700'000'000'000'000LL + i;
            r.topic = QStringLiteral("imported/%1").arg(i);
            r.payload = i == 1 ? QByteArray("\x00\xff", 2) : QByteArray::number(i);
            r.qos = quint8(i);
            records.append(r);
        }
        {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            CaptureWriter writer(file);
            for (const CaptureRecord &r : records)
                QVERIFY(writer.write(r));
        }
        auto *import = w->findChild<QAction *>(QStringLiteral("actionImportCapture"));
        QVERIFY(import);
        QSignalSpy finished(w->captureImport(), &CaptureImportJob::finished);
        m_prompts->nextFile(path);
        import->trigger();
        QVERIFY(finished.wait(30000));
        QCOMPARE(finished.first().at(0).toLongLong(), qint64(3));
        QTRY_VERIFY(w->logModel()->entries().last().text.contains(QStringLiteral("Imported 3")));

        // Once the writer committed them, an export of the history gives the file back.
        QList<CaptureRecord> stored;
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                Database db(DataDirectory::databasePath(f.dataDir()));
                if (db.open().isError())
                    return false;
                HistoryExporter::Options options;
                options.filter.profileId = id;
                QBuffer buffer;
                buffer.open(QIODevice::ReadWrite);
                if (HistoryExporter(db.connection()).exportTo(buffer, options) < 0)
                    return false;
                buffer.seek(0);
                stored = CaptureReader::read(buffer).records;
                return stored.size() == 3;
            }(),
            15000);
        QCOMPARE(stored, records);

        const QString bad = dir.filePath(QStringLiteral("bad.jsonl"));
        {
            QFile file(bad);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("not json\n");
        }
        finished.clear();
        m_prompts->nextFile(bad);
        import->trigger();
        QVERIFY(finished.wait(30000));
        QTRY_VERIFY(m_prompts->last(Prompts::Kind::Warning).text.contains(bad));
    }

private:
    std::optional<ScriptedPrompts> m_prompts;
};

QTEST_MAIN(TestMainWindowImport)
#include "tst_main_window_import.moc"
