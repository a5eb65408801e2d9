// TemplateLibraryJson: a library with every field set survives toJson → fromJson; a broken
// file names its first problem with its place and gives nothing; load() and save() on disk
// (a missing file, the 0600 mode, an unwritable directory).
#include "core/publish/template_library_json.h"

#include "core/publish/compiled_template.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <functional>

using namespace mqttdesk;

namespace {

// The owner, group and other bits of QFileDevice::Permissions (the "user" bits repeat the
// owner's for a file we own).
constexpr QFileDevice::Permissions kOwnerGroupOther = QFileDevice::Permissions::fromInt(0x7077);

TemplateLibrary fullLibrary()
{
    TemplateLibrary library;
    TemplateCollection plant;
    plant.id = QStringLiteral("0b7f1c2e-0000-4000-8000-000000000001");
    plant.name = QStringLiteral("Plant");
    plant.connection = QStringLiteral("Plant broker");
    plant.variables = {{QStringLiteral("device"), QStringLiteral("pump-7")},
                       {QStringLiteral("site"), QStringLiteral("nörth “quoted”")}};

    PublishTemplate full;
    full.id = QStringLiteral("0b7f1c2e-0000-4000-8000-000000000002");
    full.name = QStringLiteral("Telemetry");
    full.topic = QStringLiteral("plant/{{device}}/telemetry");
    full.qos = QoS::ExactlyOnce;
    full.retain = true;
    full.format = PayloadFormat::Json;
    full.payload = QStringLiteral("{\"n\": {{counter}},\n \"v\": {{random 0 100}}}");
    full.counter = 4242;
    full.script =
        QStringLiteral("// a comment\nreturn JSON.stringify({t: Date.now(), p: payload});");
    full.properties.messageExpiry = 3600;
    full.properties.payloadFormatIndicator = 1;
    full.properties.contentType = QStringLiteral("application/json");
    full.properties.responseTopic = QStringLiteral("plant/{{device}}/reply/{{uuid}}");
    full.properties.correlationData = QStringLiteral("{{uuid}}");
    // Order kept, names may repeat.
    full.properties.userProperties = {{QStringLiteral("z"), QStringLiteral("1")},
                                      {QStringLiteral("a"), QStringLiteral("2")},
                                      {QStringLiteral("z"), QStringLiteral("3")}};
    plant.templates.append(full);

    PublishTemplate hex;
    hex.id = QStringLiteral("0b7f1c2e-0000-4000-8000-000000000003");
    hex.name = QStringLiteral("Raw");
    hex.topic = QStringLiteral("plant/raw");
    hex.qos = QoS::AtLeastOnce;
    hex.format = PayloadFormat::Hex;
    hex.payload = QStringLiteral("de ad be ef");
    hex.properties.messageExpiry = 0; // zero is kept apart from absent
    hex.properties.payloadFormatIndicator = 0;
    plant.templates.append(hex);

    PublishTemplate b64;
    b64.id = QStringLiteral("0b7f1c2e-0000-4000-8000-000000000004");
    b64.name = QStringLiteral("Blob");
    b64.topic = QStringLiteral("plant/blob");
    b64.format = PayloadFormat::Base64;
    b64.payload = QStringLiteral("aGVsbG8=");
    b64.counter = (quint64(1) << 53); // the largest counter stored exactly
    plant.templates.append(b64);
    library.addCollection(plant);

    TemplateCollection shared;
    shared.id = QStringLiteral("0b7f1c2e-0000-4000-8000-000000000005");
    shared.name = QStringLiteral("Shared");
    PublishTemplate plain;
    plain.id = QStringLiteral("0b7f1c2e-0000-4000-8000-000000000006");
    plain.name = QStringLiteral("Hello");
    plain.topic = QStringLiteral("hello");
    plain.payload = QStringLiteral("world");
    shared.templates.append(plain);
    library.addCollection(shared);

    TemplateCollection empty;
    empty.id = QStringLiteral("0b7f1c2e-0000-4000-8000-000000000007");
    empty.name = QStringLiteral("Empty");
    library.addCollection(empty);
    return library;
}

// A minimal valid file with `tweak` applied to its root object.
QByteArray file(const std::function<void(QJsonObject &)> &tweak)
{
    QJsonObject t1{{QStringLiteral("name"), QStringLiteral("first")},
                   {QStringLiteral("topic"), QStringLiteral("a")}};
    QJsonObject t2{{QStringLiteral("name"), QStringLiteral("second")},
                   {QStringLiteral("topic"), QStringLiteral("b")}};
    QJsonObject c{{QStringLiteral("name"), QStringLiteral("C")},
                  {QStringLiteral("templates"), QJsonArray{t1, t2}}};
    QJsonObject root{{QStringLiteral("format"), QStringLiteral("mqttdesk-templates")},
                     {QStringLiteral("version"), 1},
                     {QStringLiteral("collections"), QJsonArray{c}}};
    tweak(root);
    return QJsonDocument(root).toJson();
}

// Sets collections[0].templates[1].<key> (an undefined value removes it).
std::function<void(QJsonObject &)> secondTemplate(const QString &key, const QJsonValue &value)
{
    return [=](QJsonObject &root) {
        QJsonArray collections = root.value(QStringLiteral("collections")).toArray();
        QJsonObject c = collections.at(0).toObject();
        QJsonArray templates = c.value(QStringLiteral("templates")).toArray();
        QJsonObject t = templates.at(1).toObject();
        if (value.isUndefined())
            t.remove(key);
        else
            t.insert(key, value);
        templates[1] = t;
        c.insert(QStringLiteral("templates"), templates);
        collections[0] = c;
        root.insert(QStringLiteral("collections"), collections);
    };
}

// Empty when save() to `path` fails as it should: false, a message naming the path, no file.
QString refusedSave(const QString &path)
{
    QString error;
    if (TemplateLibraryJson::save(fullLibrary(), path, &error))
        return QStringLiteral("saved to ") + path;
    if (!error.startsWith(QStringLiteral("Cannot write")) || !error.contains(path))
        return QStringLiteral("message: ") + error;
    if (QFileInfo::exists(path))
        return QStringLiteral("a file was left at ") + path;
    return QString();
}

} // namespace

class TstTemplateLibraryJson : public QObject
{
    Q_OBJECT
private slots:
    void roundTrip()
    {
        const TemplateLibrary library = fullLibrary();
        const QByteArray json = TemplateLibraryJson::toJson(library);
        QString error;
        const std::optional<TemplateLibrary> back = TemplateLibraryJson::fromJson(json, &error);
        QVERIFY2(back, qPrintable(error));
        QCOMPARE(back->collections().size(), 3);
        // Field by field first, for a readable failure; then the whole.
        const PublishTemplate &t = back->collections().at(0).templates.at(0);
        QCOMPARE(t, library.collections().at(0).templates.at(0));
        QCOMPARE(t.properties.userProperties.at(0).name, QStringLiteral("z"));
        QCOMPARE(t.properties.userProperties.at(2).value, QStringLiteral("3"));
        QCOMPARE(back->collections().at(0).templates.at(1).properties.messageExpiry,
                 std::optional<quint32>(0));
        QCOMPARE(back->collections().at(0).templates.at(2).counter, quint64(1) << 53);
        QCOMPARE(back->collections().at(0).connection, QStringLiteral("Plant broker"));
        QCOMPARE(back->collections().at(0).variables, library.collections().at(0).variables);
        QVERIFY(back->collections().at(1).connection.isEmpty());
        QVERIFY(*back == library);
        // And again: stable.
        QCOMPARE(TemplateLibraryJson::toJson(*back), json);
    }

    void fileShape()
    {
        const QJsonObject root =
            QJsonDocument::fromJson(TemplateLibraryJson::toJson(fullLibrary())).object();
        QCOMPARE(root.value(QStringLiteral("format")).toString(),
                 QStringLiteral("mqttdesk-templates"));
        QCOMPARE(root.value(QStringLiteral("version")).toInt(),
                 TemplateLibraryJson::kFormatVersion);
        const QJsonObject plant =
            root.value(QStringLiteral("collections")).toArray().at(0).toObject();
        QCOMPARE(plant.value(QStringLiteral("connection")).toString(),
                 QStringLiteral("Plant broker"));
        const QJsonObject t = plant.value(QStringLiteral("templates")).toArray().at(0).toObject();
        QCOMPARE(t.value(QStringLiteral("qos")).toInt(), 2);
        QCOMPARE(t.value(QStringLiteral("format")).toString(), QStringLiteral("json"));
        QCOMPARE(t.value(QStringLiteral("counter")).toInteger(), 4242);
        const QJsonArray user = t.value(QStringLiteral("properties"))
                                    .toObject()
                                    .value(QStringLiteral("userProperties"))
                                    .toArray();
        QCOMPARE(user.size(), 3);
        QCOMPARE(user.at(1).toObject().value(QStringLiteral("name")).toString(),
                 QStringLiteral("a"));
        // A shared collection has no "connection"; a template without properties none.
        const QJsonObject shared =
            root.value(QStringLiteral("collections")).toArray().at(1).toObject();
        QVERIFY(!shared.contains(QStringLiteral("connection")));
        QVERIFY(!shared.value(QStringLiteral("templates"))
                     .toArray()
                     .at(0)
                     .toObject()
                     .contains(QStringLiteral("properties")));
    }

    void exportChosenCollections()
    {
        const TemplateLibrary library = fullLibrary();
        QString error;
        const auto back = TemplateLibraryJson::fromJson(
            TemplateLibraryJson::toJson(QList<TemplateCollection>{library.collections().at(1)}),
            &error);
        QVERIFY2(back, qPrintable(error));
        QCOMPARE(back->collections().size(), 1);
        QCOMPARE(back->collections().at(0), library.collections().at(1));
    }

    void defaultsAndIds()
    {
        QString error;
        const auto library = TemplateLibraryJson::fromJson(file([](QJsonObject &) {}), &error);
        QVERIFY2(library, qPrintable(error));
        const PublishTemplate &t = library->collections().at(0).templates.at(0);
        QCOMPARE(t.qos, QoS::AtMostOnce);
        QCOMPARE(t.retain, false);
        QCOMPARE(t.format, PayloadFormat::Text);
        QCOMPARE(t.counter, quint64(1));
        QVERIFY(t.properties.isEmpty());
        // Ids are made for a hand-written file without them.
        QVERIFY(!library->collections().at(0).id.isEmpty());
        QVERIFY(!t.id.isEmpty());
        QVERIFY(t.id != library->collections().at(0).templates.at(1).id);
    }

    void errors_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QStringList>("expected"); // all of them in the message

        QTest::newRow("not JSON") << QByteArray("{\n  \"format\": \"mqttdesk-templates\",\n"
                                                "  \"version\": 1,\n  oops\n}\n")
                                  << QStringList{QStringLiteral("not JSON"),
                                                 QStringLiteral("line 4")};
        QTest::newRow("an array") << QByteArray("[1, 2]")
                                  << QStringList{QStringLiteral("\"mqttdesk-templates\"")};
        QTest::newRow("wrong format")
            << file([](QJsonObject &root) {
                   root.insert(QStringLiteral("format"), QStringLiteral("mqttdesk-profiles"));
               })
            << QStringList{QStringLiteral("not an MQTT Desk template file"),
                           QStringLiteral("\"mqttdesk-templates\"")};
        QTest::newRow("no format")
            << file([](QJsonObject &root) { root.remove(QStringLiteral("format")); })
            << QStringList{QStringLiteral("not an MQTT Desk template file")};
        QTest::newRow("newer version")
            << file([](QJsonObject &root) { root.insert(QStringLiteral("version"), 2); })
            << QStringList{QStringLiteral("newer"), QStringLiteral("format 2")};
        QTest::newRow("version as text") << file([](QJsonObject &root) {
            root.insert(QStringLiteral("version"), QStringLiteral("1"));
        }) << QStringList{QStringLiteral("\"version\"")};
        QTest::newRow("qos 3") << file(secondTemplate(QStringLiteral("qos"), 3))
                               << QStringList{QStringLiteral("collections[0].templates[1].qos")};
        QTest::newRow("qos text") << file(
                                         secondTemplate(QStringLiteral("qos"), QStringLiteral("1")))
                                  << QStringList{QStringLiteral("collections[0].templates[1].qos")};
        QTest::newRow("format cbor")
            << file(secondTemplate(QStringLiteral("format"), QStringLiteral("cbor")))
            << QStringList{QStringLiteral("collections[0].templates[1].format"),
                           QStringLiteral("cbor")};
        QTest::newRow("format nonsense")
            << file(secondTemplate(QStringLiteral("format"), QStringLiteral("yaml")))
            << QStringList{QStringLiteral("collections[0].templates[1].format"),
                           QStringLiteral("yaml")};
        QTest::newRow("template without a name")
            << file(secondTemplate(QStringLiteral("name"), QJsonValue(QJsonValue::Undefined)))
            << QStringList{QStringLiteral("collections[0].templates[1].name"),
                           QStringLiteral("missing")};
        QTest::newRow("collection without a name") << file([](QJsonObject &root) {
            QJsonArray collections = root.value(QStringLiteral("collections")).toArray();
            collections.append(QJsonObject{{QStringLiteral("id"), QStringLiteral("x")}});
            root.insert(QStringLiteral("collections"), collections);
        }) << QStringList{QStringLiteral("collections[1].name"), QStringLiteral("missing")};
        QTest::newRow("counter 0")
            << file(secondTemplate(QStringLiteral("counter"), 0))
            << QStringList{QStringLiteral("collections[0].templates[1].counter")};
        QTest::newRow("retain as text")
            << file(secondTemplate(QStringLiteral("retain"), QStringLiteral("yes")))
            << QStringList{QStringLiteral("collections[0].templates[1].retain")};
        QTest::newRow("payload format indicator 2")
            << file(secondTemplate(QStringLiteral("properties"),
                                   QJsonObject{{QStringLiteral("payloadFormatIndicator"), 2}}))
            << QStringList{
                   QStringLiteral("collections[0].templates[1].properties.payloadFormatIndicator")};
        QTest::newRow("message expiry above 32 bits")
            << file(secondTemplate(QStringLiteral("properties"),
                                   QJsonObject{{QStringLiteral("messageExpiry"), 4294967296.0}}))
            << QStringList{QStringLiteral("collections[0].templates[1].properties.messageExpiry")};
        QTest::newRow("user property without a name")
            << file(secondTemplate(
                   QStringLiteral("properties"),
                   QJsonObject{
                       {QStringLiteral("userProperties"),
                        QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("a")}},
                                   QJsonObject{{QStringLiteral("value"), QStringLiteral("b")}}}}}))
            << QStringList{
                   QStringLiteral("collections[0].templates[1].properties.userProperties[1].name")};
        QTest::newRow("collections not a list") << file([](QJsonObject &root) {
            root.insert(QStringLiteral("collections"), QJsonObject());
        }) << QStringList{QStringLiteral("collections")};
    }
    void errors()
    {
        QFETCH(QByteArray, json);
        QFETCH(QStringList, expected);
        QString error;
        const std::optional<TemplateLibrary> library = TemplateLibraryJson::fromJson(json, &error);
        QVERIFY2(!library, "a file with an error must give nothing");
        for (const QString &e : expected)
            QVERIFY2(error.contains(e), qPrintable(error + QStringLiteral(" ∌ ") + e));
    }

    void errorAfterGoodCollectionsGivesNothing()
    {
        // Collection 0 is fine; collection 1 (a copy of it) has a broken second template.
        const QByteArray json = file([](QJsonObject &root) {
            QJsonArray collections = root.value(QStringLiteral("collections")).toArray();
            QJsonObject second = collections.at(0).toObject();
            QJsonArray templates = second.value(QStringLiteral("templates")).toArray();
            QJsonObject t = templates.at(1).toObject();
            t.insert(QStringLiteral("qos"), 3);
            templates[1] = t;
            second.insert(QStringLiteral("templates"), templates);
            collections.append(second);
            root.insert(QStringLiteral("collections"), collections);
        });
        QString error;
        QVERIFY(!TemplateLibraryJson::fromJson(json, &error));
        QVERIFY2(error.contains(QStringLiteral("collections[1].templates[1].qos")),
                 qPrintable(error));
    }

    void documentedExampleReads()
    {
        // docs/templates.md's complete example is a valid file whose templates all compile and
        // make a message.
        // ctest sets it (cmake/MqttDesk.cmake), as for every test that reads the sources.
        const QString source = qEnvironmentVariable("MQTTDESK_SOURCE_DIR");
        QVERIFY2(!source.isEmpty(), "MQTTDESK_SOURCE_DIR is not set");
        QFile doc(source + QStringLiteral("/docs/templates.md"));
        QVERIFY2(doc.open(QIODevice::ReadOnly), qPrintable(doc.fileName()));
        const QByteArray text = doc.readAll();
        const qsizetype start = text.indexOf("```json\n");
        QVERIFY(start >= 0);
        const qsizetype end = text.indexOf("```", start + 8);
        QVERIFY(end > start);
        QString error;
        const auto library =
            TemplateLibraryJson::fromJson(text.mid(start + 8, end - start - 8), &error);
        QVERIFY2(library, qPrintable(error));
        QCOMPARE(library->collections().size(), 2);
        int made = 0;
        for (qsizetype c = 0; c < library->collections().size(); ++c) {
            for (const PublishTemplate &t : library->collections().at(c).templates) {
                const CompiledTemplate compiled =
                    CompiledTemplate::compile(t, library->variables(c, {}));
                QVERIFY2(compiled.isValid(), qPrintable(t.name + QStringLiteral(": ") +
                                                        compiled.errors().value(0).message()));
                PublishDraftError why;
                QVERIFY2(compiled.message(
                             TemplateContext(t.counter, 0, QStringLiteral("c"), nullptr), &why),
                         qPrintable(t.name + QStringLiteral(": ") + why.message()));
                ++made;
            }
        }
        QCOMPARE(made, 3);
    }

    void loadMissingFileIsEmpty()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = TemplateLibraryJson::filePath(dir.path());
        QCOMPARE(path, dir.filePath(QStringLiteral("templates.json")));
        QString error;
        const auto library = TemplateLibraryJson::load(path, &error);
        QVERIFY2(library, qPrintable(error));
        QVERIFY(library->isEmpty());
        QVERIFY(error.isEmpty());
        QVERIFY(!QFileInfo::exists(path)); // loading creates nothing
    }

    void saveAndLoad()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = TemplateLibraryJson::filePath(dir.path());
        const TemplateLibrary library = fullLibrary();
        QString error;
        QVERIFY2(TemplateLibraryJson::save(library, path, &error), qPrintable(error));
        QCOMPARE(QFileInfo(path).permissions() & kOwnerGroupOther,
                 QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        // No temporary file is left behind.
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden),
                 QStringList{QStringLiteral("templates.json")});
        const auto back = TemplateLibraryJson::load(path, &error);
        QVERIFY2(back, qPrintable(error));
        QVERIFY(*back == library);

        // Saving over an existing file that others could read: replaced, and 0600 again.
        QVERIFY(QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                                QFileDevice::ReadGroup | QFileDevice::ReadOther));
        TemplateLibrary smaller;
        smaller.addCollection(library.collections().at(1));
        QVERIFY2(TemplateLibraryJson::save(smaller, path, &error), qPrintable(error));
        QCOMPARE(QFileInfo(path).permissions() & kOwnerGroupOther,
                 QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        const auto again = TemplateLibraryJson::load(path, &error);
        QVERIFY2(again, qPrintable(error));
        QVERIFY(*again == smaller);
    }

    void loadBrokenFileNamesIt()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = TemplateLibraryJson::filePath(dir.path());
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(file(secondTemplate(QStringLiteral("qos"), 3)));
        f.close();
        QString error;
        QVERIFY(!TemplateLibraryJson::load(path, &error));
        QVERIFY2(error.contains(path), qPrintable(error));
        QVERIFY2(error.contains(QStringLiteral("collections[0].templates[1].qos")),
                 qPrintable(error));
    }

    void saveToUnwritablePath()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        // Under a regular file, and under a missing directory: refused even for root.
        const QString plain = dir.filePath(QStringLiteral("plain"));
        QFile f(plain);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.close();
        QString why = refusedSave(TemplateLibraryJson::filePath(plain));
        QVERIFY2(why.isEmpty(), qPrintable(why));
        why = refusedSave(dir.filePath(QStringLiteral("no/such/dir/templates.json")));
        QVERIFY2(why.isEmpty(), qPrintable(why));
    }

    void saveToReadOnlyDirectory()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString locked = dir.filePath(QStringLiteral("locked"));
        QVERIFY(QDir().mkpath(locked));
        QVERIFY(QFile::setPermissions(locked, QFileDevice::ReadOwner | QFileDevice::ExeOwner));
        QFile probe(locked + QStringLiteral("/probe"));
        const bool writable = probe.open(QIODevice::WriteOnly);
        const QString why =
            writable ? QString() : refusedSave(TemplateLibraryJson::filePath(locked));
        probe.remove();
        QVERIFY(QFile::setPermissions(locked, QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                                  QFileDevice::ExeOwner));
        if (writable)
            QSKIP("A read-only directory stays writable for this user (root); "
                  "saveToUnwritablePath covers the failure");
        QVERIFY2(why.isEmpty(), qPrintable(why));
    }
};

QTEST_GUILESS_MAIN(TstTemplateLibraryJson)
#include "tst_template_library_json.moc"
