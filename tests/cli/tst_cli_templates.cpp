// pub --template / --collection / --var / --expand against the real mosquitto fixture: the
// app's template file read from the data directory or an exported file, variables expanded
// per repeat ({{counter}} counting), overrides by -t, -q and --var, a saved connection's
// variables (--profile) between the collection's and --var, and every refusal made before
// connecting, so that nothing with a literal "{{name}}" ever reaches the broker.
#include "core/profile/connection_profile.h"
#include "core/profile/profile_json.h"
#include "core/publish/template_library_json.h"
#include "core/storage/data_directory.h"
#include "core/storage/database.h"
#include "core/storage/profile_store.h"
#include "tests/cli/cli_broker.h"
#include "tests/cli/cli_process.h"
#include "tests/fixture/mosquitto_sub.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace mqttdesk;
using namespace Qt::StringLiterals;

using Listener = TestBroker::Listener;

class TstCliTemplates : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void expandCountsEveryRepeat();
    void expandOffSendsBracesAsTheyAre();
    void templateFromDataDirectory();
    void varsAndOverridesWin();
    void collectionFileAndProperties();
    void profileVariablesComeBetween();
    void scriptMakesEachPayload();
    void refusalsComeBeforeConnecting_data();
    void refusalsComeBeforeConnecting();

private:
    QStringList plain() const { return m_broker.connectArgs(Listener::Plain); }
    bool subscribe(MosquittoSub &sub, const QString &filter, const QStringList &extra = {});
    // A library with collections "Plant" (device = pump-7) and "Lab" (device = bench-1),
    // both holding a template "Reading", and "Plant" a "Status" only it has.
    TemplateLibrary library(const QString &topic) const;
    QString writeLibrary(const QTemporaryDir &dir, const TemplateLibrary &library) const;
    // `profile` saved as the app saves it, in the database of data directory `dir`.
    bool saveProfile(const QTemporaryDir &dir, const ConnectionProfile &profile) const;

    CliBroker m_broker;
};

void TstCliTemplates::initTestCase()
{
    QVERIFY2(m_broker.start(), qPrintable(m_broker.errorString()));
}

void TstCliTemplates::cleanupTestCase()
{
    m_broker.stop();
}

bool TstCliTemplates::subscribe(MosquittoSub &sub, const QString &filter, const QStringList &extra)
{
    return sub.start(m_broker.port(Listener::Plain), filter, QStringList{u"-v"_s} + extra);
}

TemplateLibrary TstCliTemplates::library(const QString &topic) const
{
    TemplateLibrary lib;
    TemplateCollection plant;
    plant.name = u"Plant"_s;
    plant.variables = {{u"device"_s, u"pump-7"_s}};
    PublishTemplate reading;
    reading.name = u"Reading"_s;
    reading.topic = topic + u"/{{device}}"_s;
    reading.format = PayloadFormat::Json;
    reading.payload = uR"({"n":{{counter}},"device":"{{device}}"})"_s;
    reading.qos = QoS::AtLeastOnce;
    reading.counter = 5;
    plant.templates.append(reading);
    PublishTemplate status = reading;
    status.name = u"Status"_s;
    status.payload = u"up {{{{literal}}"_s;
    status.format = PayloadFormat::Text;
    status.properties.contentType = u"text/{{device}}"_s;
    status.properties.userProperties = {{u"src"_s, u"{{device}}"_s}};
    plant.templates.append(status);
    lib.addCollection(plant);
    TemplateCollection lab;
    lab.name = u"Lab"_s;
    lab.variables = {{u"device"_s, u"bench-1"_s}};
    lab.templates.append(reading);
    lib.addCollection(lab);
    return lib;
}

QString TstCliTemplates::writeLibrary(const QTemporaryDir &dir, const TemplateLibrary &lib) const
{
    const QString path = TemplateLibraryJson::filePath(dir.path());
    QString error;
    if (!TemplateLibraryJson::save(lib, path, &error))
        qWarning("%s", qPrintable(error));
    return path;
}

bool TstCliTemplates::saveProfile(const QTemporaryDir &dir, const ConnectionProfile &profile) const
{
    Database database(DataDirectory::databasePath(dir.path()));
    if (database.open().isError())
        return false;
    StoredProfile stored;
    stored.uuid = profile.id.toString(QUuid::WithoutBraces);
    stored.name = profile.name;
    stored.data = ProfileJson::toJson(profile);
    StorageError error;
    return ProfileStore(database.connection()).create(stored, &error) > 0 && !error.isError();
}

void TstCliTemplates::expandCountsEveryRepeat()
{
    const QString topic = m_broker.uniqueTopic("expand");
    MosquittoSub sub;
    QVERIFY(subscribe(sub, topic + u"/#"_s, {u"-q"_s, u"1"_s}));
    const auto r = CliProcess::run(
        QStringList{u"pub"_s} + plain() +
        QStringList{u"-t"_s, topic + u"/{{device}}"_s, u"--expand"_s, u"--var"_s, u"device=d1"_s,
                    u"-m"_s, u"{{counter}}"_s, u"-q"_s, u"1"_s, u"--repeat"_s, u"200"_s});
    QVERIFY2(r.finished && r.exitCode == 0, r.err.constData());
    QVERIFY2(sub.waitForMessages(200), sub.output().constData());
    const auto messages = sub.messages();
    QCOMPARE(messages.size(), 200);
    for (int i = 0; i < 200; ++i) {
        QCOMPARE(messages.at(i).topic, topic + u"/d1"_s);
        QCOMPARE(messages.at(i).payload, QByteArray::number(i + 1));
    }
}

void TstCliTemplates::expandOffSendsBracesAsTheyAre()
{
    // mosquitto_pub compatibility: without --expand nothing is a variable.
    const QString topic = m_broker.uniqueTopic("literal");
    MosquittoSub sub;
    QVERIFY(subscribe(sub, topic));
    const auto r =
        CliProcess::run(QStringList{u"pub"_s} + plain() +
                        QStringList{u"-t"_s, topic, u"-m"_s, u"{{counter}} {{nothing}}"_s});
    QVERIFY2(r.finished && r.exitCode == 0, r.err.constData());
    QVERIFY(sub.waitForMessages(1));
    QCOMPARE(sub.messages().first().payload, "{{counter}} {{nothing}}"_ba);
}

void TstCliTemplates::templateFromDataDirectory()
{
    const QString topic = m_broker.uniqueTopic("template");
    QTemporaryDir dir;
    writeLibrary(dir, library(topic));
    MosquittoSub sub;
    QVERIFY(subscribe(sub, topic + u"/#"_s, {u"-q"_s, u"1"_s}));
    // "Status" is in one collection only: its name alone is enough.
    auto r = CliProcess::run(QStringList{u"pub"_s} + plain() +
                             QStringList{u"--data-dir"_s, dir.path(), u"--template"_s,
                                         u"Plant/Reading"_s, u"--repeat"_s, u"3"_s, u"--interval"_s,
                                         u"5"_s});
    QVERIFY2(r.finished && r.exitCode == 0, r.err.constData());
    r = CliProcess::run(
        QStringList{u"pub"_s} + plain() +
        QStringList{u"--data-dir"_s, dir.path(), u"--template"_s, u"Lab/Reading"_s});
    QVERIFY2(r.finished && r.exitCode == 0, r.err.constData());
    QVERIFY2(sub.waitForMessages(4), sub.output().constData());
    const auto m = sub.messages();
    QCOMPARE(m.at(0).topic, topic + u"/pump-7"_s);
    // The template's counter was at 5.
    QCOMPARE(m.at(0).payload, R"({"n":5,"device":"pump-7"})"_ba);
    QCOMPARE(m.at(1).payload, R"({"n":6,"device":"pump-7"})"_ba);
    QCOMPARE(m.at(2).payload, R"({"n":7,"device":"pump-7"})"_ba);
    QCOMPARE(m.at(3).topic, topic + u"/bench-1"_s);
    QCOMPARE(m.at(3).payload, R"({"n":5,"device":"bench-1"})"_ba);
}

void TstCliTemplates::varsAndOverridesWin()
{
    const QString topic = m_broker.uniqueTopic("override");
    QTemporaryDir dir;
    writeLibrary(dir, library(topic));
    MosquittoSub sub;
    QVERIFY(subscribe(sub, topic + u"/#"_s, {u"-q"_s, u"2"_s}));
    const auto r = CliProcess::run(
        QStringList{u"pub"_s} + plain() +
        QStringList{u"--data-dir"_s, dir.path(), u"--template"_s, u"Plant/Reading"_s, u"--var"_s,
                    u"device=pump-9"_s, u"-t"_s, topic + u"/x/{{device}}"_s, u"-q"_s, u"2"_s});
    QVERIFY2(r.finished && r.exitCode == 0, r.err.constData());
    QVERIFY2(sub.waitForMessages(1), sub.output().constData());
    QCOMPARE(sub.messages().first().topic, topic + u"/x/pump-9"_s);
    QCOMPARE(sub.messages().first().payload, R"({"n":5,"device":"pump-9"})"_ba);
}

void TstCliTemplates::collectionFileAndProperties()
{
    const QString topic = m_broker.uniqueTopic("collection");
    QTemporaryDir dir;
    const QString file = dir.filePath(u"team.json"_s);
    QFile::rename(writeLibrary(dir, library(topic)), file);
    MosquittoSub sub;
    QVERIFY(sub.start(m_broker.port(Listener::Plain), topic + u"/#"_s,
                      {u"-V"_s, u"mqttv5"_s, u"-F"_s, u"%t|%p|%P|%C"_s}));
    const auto r = CliProcess::run(
        QStringList{u"pub"_s} + plain() +
        QStringList{u"-V"_s, u"mqttv5"_s, u"--collection"_s, file, u"--template"_s, u"Status"_s});
    QVERIFY2(r.finished && r.exitCode == 0, r.err.constData());
    // -F prints %t|%p|%P|%C: topic, payload, user properties, content type.
    const QByteArray expected =
        (topic + u"/pump-7|up {{literal}}|src:pump-7|text/pump-7"_s).toUtf8();
    QTRY_VERIFY2_WITH_TIMEOUT(sub.output().contains(expected), sub.output().constData(), 15000);
}

void TstCliTemplates::profileVariablesComeBetween()
{
    // The collection's value < the --profile connection's < --var.
    const QString topic = m_broker.uniqueTopic("profile");
    QTemporaryDir dir;
    writeLibrary(dir, library(topic));
    ConnectionProfile profile;
    profile.name = u"plant site"_s;
    profile.host = TestBroker::host();
    profile.port = m_broker.port(Listener::Plain);
    profile.templateVariables = {{u"device"_s, u"pump-profile"_s}, {u"line"_s, u"L2"_s}};
    QVERIFY(saveProfile(dir, profile));
    MosquittoSub sub;
    QVERIFY(subscribe(sub, topic + u"/#"_s, {u"-q"_s, u"1"_s}));
    const QStringList saved{u"pub"_s, u"--data-dir"_s, dir.path(), u"--profile"_s, u"plant site"_s};
    auto r = CliProcess::run(saved + QStringList{u"--template"_s, u"Plant/Reading"_s});
    QVERIFY2(r.finished && r.exitCode == 0, r.err.constData());
    r = CliProcess::run(
        saved + QStringList{u"--template"_s, u"Plant/Reading"_s, u"--var"_s, u"device=pump-var"_s});
    QVERIFY2(r.finished && r.exitCode == 0, r.err.constData());
    // --expand: the connection's variables without a collection.
    r = CliProcess::run(saved + QStringList{u"-t"_s, topic + u"/{{line}}"_s, u"--expand"_s, u"-m"_s,
                                            u"{{device}}"_s, u"-q"_s, u"1"_s});
    QVERIFY2(r.finished && r.exitCode == 0, r.err.constData());
    QVERIFY2(sub.waitForMessages(3), sub.output().constData());
    const auto m = sub.messages();
    QCOMPARE(m.at(0).topic, topic + u"/pump-profile"_s);
    QCOMPARE(m.at(0).payload, R"({"n":5,"device":"pump-profile"})"_ba);
    QCOMPARE(m.at(1).topic, topic + u"/pump-var"_s);
    QVERIFY2(m.at(1).payload.contains(R"("device":"pump-var")"), m.at(1).payload.constData());
    QCOMPARE(m.at(2).topic, topic + u"/L2"_s);
    QCOMPARE(m.at(2).payload, "pump-profile"_ba);
}

void TstCliTemplates::scriptMakesEachPayload()
{
    // The app's PublishJob runs the template's script for every message: message 2 throws
    // (said on stderr with its line; exit code 4, a publish refused), the others go with the
    // script's payload.
    const QString topic = m_broker.uniqueTopic("script");
    TemplateLibrary lib = library(topic);
    PublishTemplate scripted;
    scripted.name = u"Scripted"_s;
    scripted.topic = topic + u"/{{device}}"_s;
    scripted.payload = u"{{device}}"_s;
    scripted.qos = QoS::AtLeastOnce;
    scripted.script = u"if (counter === 2)\n  throw new Error('not two');\n"
                      "return {n: counter, d: payload};"_s;
    lib.addTemplate(0, scripted);
    QTemporaryDir dir;
    writeLibrary(dir, lib);
    MosquittoSub sub;
    QVERIFY(subscribe(sub, topic + u"/#"_s, {u"-q"_s, u"1"_s}));
    const auto r = CliProcess::run(QStringList{u"pub"_s} + plain() +
                                   QStringList{u"--data-dir"_s, dir.path(), u"--template"_s,
                                               u"Plant/Scripted"_s, u"--repeat"_s, u"3"_s});
    QVERIFY2(r.finished && r.exitCode == 4, r.err.constData());
    QVERIFY2(r.err.contains("Message 2 was not sent"), r.err.constData());
    QVERIFY2(r.err.contains("Line 2"), r.err.constData());
    QVERIFY2(r.err.contains("not two"), r.err.constData());
    QVERIFY2(sub.waitForMessages(2), sub.output().constData());
    QCOMPARE(sub.messages().at(0).payload, R"({"n":1,"d":"pump-7"})"_ba);
    QCOMPARE(sub.messages().at(1).payload, R"({"n":3,"d":"pump-7"})"_ba);
}

void TstCliTemplates::refusalsComeBeforeConnecting_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("says");
    QTest::newRow("unknown variable")
        << QStringList{u"-t"_s, u"t"_s, u"--expand"_s, u"-m"_s, u"{{devcie}}"_s} << u"“devcie”"_s;
    QTest::newRow("bad arguments")
        << QStringList{u"-t"_s, u"t"_s, u"--expand"_s, u"-m"_s, u"{{random 9 1}}"_s}
        << u"{{random MIN MAX}}"_s;
    QTest::newRow("topic variable")
        << QStringList{u"-t"_s, u"t/{{x}}"_s, u"--expand"_s, u"-m"_s, u"m"_s} << u"Topic:"_s;
    QTest::newRow("no such template")
        << QStringList{u"--template"_s, u"Nope"_s} << u"no template “Nope”"_s;
    QTest::newRow("ambiguous template")
        << QStringList{u"--template"_s, u"Reading"_s} << u"Plant, Lab"_s;
    QTest::newRow("template and -m")
        << QStringList{u"--template"_s, u"Status"_s, u"-m"_s, u"x"_s} << u"drop -m"_s;
    QTest::newRow("var without expand")
        << QStringList{u"-t"_s, u"t"_s, u"-m"_s, u"x"_s, u"--var"_s, u"a=b"_s} << u"--var needs"_s;
    QTest::newRow("var without a value")
        << QStringList{u"-t"_s, u"t"_s, u"--expand"_s, u"-m"_s, u"x"_s, u"--var"_s, u"ab"_s}
        << u"name=value"_s;
    QTest::newRow("collection without template")
        << QStringList{u"-t"_s, u"t"_s, u"-m"_s, u"x"_s, u"--collection"_s, u"/nonexistent"_s}
        << u"--collection needs --template"_s;
    QTest::newRow("expand with -l")
        << QStringList{u"-t"_s, u"t"_s, u"--expand"_s, u"-l"_s} << u"not on -l"_s;
}

void TstCliTemplates::refusalsComeBeforeConnecting()
{
    QFETCH(QStringList, args);
    QFETCH(QString, says);
    QTemporaryDir dir;
    writeLibrary(dir, library(u"refused"_s));
    const QString id =
        u"cli-refused-%1"_s.arg(QLatin1String(QTest::currentDataTag())).replace(u' ', u'-');
    const qsizetype logBefore = m_broker.logSize();
    const auto r = CliProcess::run(QStringList{u"pub"_s} + plain() +
                                   QStringList{u"-i"_s, id, u"--data-dir"_s, dir.path()} + args);
    QVERIFY(r.finished);
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(QString::fromUtf8(r.err).contains(says), r.err.constData());
    // It never connected: the broker has not heard of the client.
    QVERIFY(!m_broker.broker().log().mid(logBefore).contains(id.toUtf8()));
}

QTEST_GUILESS_MAIN(TstCliTemplates)
#include "tst_cli_templates.moc"
