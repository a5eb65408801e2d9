#include "core/retained/retained_snapshot.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace mqttdesk;
using namespace Qt::StringLiterals;

namespace {
RetainedValue rv(const QByteArray &payload, QoS qos)
{
    RetainedValue value;
    value.payload = payload;
    value.qos = qos;
    return value;
}
} // namespace

class TstRetainedSnapshot : public QObject
{
    Q_OBJECT
private slots:
    void roundTrip();
    void textFieldOnlyForUtf8();
    void fileRoundTrip();
    void badInput_data();
    void badInput();
    void parseErrorNamesLine();
    void missingFile();
};

namespace {

RetainedSnapshot sample()
{
    RetainedSnapshot snapshot;
    snapshot.filter = QStringLiteral("lab/#");
    snapshot.name = QStringLiteral("before upgrade");
    snapshot.takenAt = QDateTime(QDate(2026, 12, 5), QTime(10, 30, 1, 250), Qt::UTC);
    snapshot.broker = QStringLiteral("127.0.0.1:1883");
    snapshot.topics.insert(QStringLiteral("lab/text"),
                           rv(QByteArray("hello \xc3\xa9"), QoS::AtLeastOnce));
    RetainedValue binary;
    binary.payload = QByteArray("\x00\xff\xfe\x01\x80", 5);
    binary.qos = QoS::ExactlyOnce;
    snapshot.topics.insert(QStringLiteral("lab/binary"), binary);
    RetainedValue rich;
    rich.payload = QByteArray("{\"t\": 21.5}");
    rich.contentType = QStringLiteral("application/json");
    rich.payloadFormatIndicator = 1;
    rich.userProperties = {{QStringLiteral("unit"), QStringLiteral("C")},
                           {QStringLiteral("unit"), QStringLiteral("again")}};
    snapshot.topics.insert(QStringLiteral("lab/rich"), rich);
    return snapshot;
}

} // namespace

void TstRetainedSnapshot::roundTrip()
{
    const RetainedSnapshot snapshot = sample();
    const QByteArray json = snapshot.toJson();
    QVERIFY(json.contains("\"format\": \"mqttdesk-retained-snapshot\""));
    QVERIFY(json.contains("\"version\": 1"));
    QVERIFY(json.contains("\"takenAt\": \"2026-12-05T10:30:01.250Z\""));
    const auto result = RetainedSnapshot::fromJson(json);
    QVERIFY(std::holds_alternative<RetainedSnapshot>(result));
    QCOMPARE(std::get<RetainedSnapshot>(result), snapshot);
}

void TstRetainedSnapshot::textFieldOnlyForUtf8()
{
    const QByteArray json = sample().toJson();
    QVERIFY(json.contains("\"text\": \"hello \xc3\xa9\""));
    // The binary payload has only its base64 (AP/+AYA=), no text.
    const QJsonArray messages =
        QJsonDocument::fromJson(json).object().value(u"messages"_s).toArray();
    QCOMPARE(messages.size(), 3);
    const QJsonObject binary = messages.at(0).toObject();
    QCOMPARE(binary.value(u"topic"_s).toString(), u"lab/binary"_s);
    QCOMPARE(binary.value(u"payload"_s).toString(), u"AP/+AYA="_s);
    QVERIFY(!binary.contains(u"text"_s));
}

void TstRetainedSnapshot::fileRoundTrip()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("snap.json"));
    QVERIFY(!sample().writeFile(path).has_value());
    const auto result = RetainedSnapshot::readFile(path);
    QVERIFY(std::holds_alternative<RetainedSnapshot>(result));
    QCOMPARE(std::get<RetainedSnapshot>(result), sample());
}

void TstRetainedSnapshot::badInput_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("expected");

    const QByteArray head =
        R"({"format": "mqttdesk-retained-snapshot", "version": 1, "filter": "a/#", )";
    QTest::newRow("not an object") << QByteArray("[1, 2]") << "the file is not a JSON object";
    QTest::newRow("wrong format") << QByteArray(R"({"format": "x", "version": 1})")
                                  << "format: not a retained snapshot";
    QTest::newRow("no version") << QByteArray(R"({"format": "mqttdesk-retained-snapshot"})")
                                << "version: missing or not a number";
    QTest::newRow("future version")
        << QByteArray(R"({"format": "mqttdesk-retained-snapshot", "version": 2})")
        << "version: version 2 is not supported";
    QTest::newRow("no filter")
        << QByteArray(R"({"format": "mqttdesk-retained-snapshot", "version": 1, "messages": []})")
        << "filter: missing or empty";
    QTest::newRow("name not string") << head + R"("name": 3, "messages": []})"
                                     << "name: not a string";
    QTest::newRow("bad date") << head + R"("takenAt": "yesterday", "messages": []})"
                              << "takenAt: not an ISO 8601 date";
    QTest::newRow("no messages") << head + "\"x\": 1}"
                                 << "messages: missing or not an array";
    QTest::newRow("message not object") << head + R"("messages": [1]})"
                                        << "messages[0]: not an object";
    QTest::newRow("no topic") << head + R"("messages": [{"qos": 0, "payload": ""}]})"
                              << "messages[0]: topic is missing or empty";
    QTest::newRow("duplicate topic")
        << head +
               R"("messages": [{"topic": "a", "qos": 0, "payload": ""}, {"topic": "a", "qos": 0, "payload": ""}]})"
        << "messages[1]: topic \"a\" appears twice";
    QTest::newRow("qos 3") << head + R"("messages": [{"topic": "a", "qos": 3, "payload": ""}]})"
                           << "messages[0]: qos must be 0, 1 or 2";
    QTest::newRow("qos missing") << head + R"("messages": [{"topic": "a", "payload": ""}]})"
                                 << "messages[0]: qos must be 0, 1 or 2";
    QTest::newRow("no payload") << head + R"("messages": [{"topic": "a", "qos": 0}]})"
                                << "messages[0]: payload is missing or not a string";
    QTest::newRow("bad base64")
        << head + R"("messages": [{"topic": "a", "qos": 0, "payload": "@@@"}]})"
        << "messages[0]: payload is not valid base64";
    QTest::newRow("content type")
        << head + R"("messages": [{"topic": "a", "qos": 0, "payload": "", "contentType": 1}]})"
        << "messages[0]: contentType is not a string";
    QTest::newRow("indicator")
        << head +
               R"("messages": [{"topic": "a", "qos": 0, "payload": "", "payloadFormatIndicator": 5}]})"
        << "messages[0]: payloadFormatIndicator must be 0 or 1";
    QTest::newRow("user props not array")
        << head + R"("messages": [{"topic": "a", "qos": 0, "payload": "", "userProperties": {}}]})"
        << "messages[0]: userProperties is not an array";
    QTest::newRow("user prop shape")
        << head +
               R"("messages": [{"topic": "a", "qos": 0, "payload": "", "userProperties": [["n"]]}]})"
        << "messages[0]: each user property must be [name, value]";
}

void TstRetainedSnapshot::badInput()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, expected);
    const auto result = RetainedSnapshot::fromJson(json);
    QVERIFY(std::holds_alternative<RetainedSnapshotError>(result));
    const QString message = std::get<RetainedSnapshotError>(result).toString();
    QVERIFY2(message.startsWith(expected), qPrintable(message));
}

void TstRetainedSnapshot::parseErrorNamesLine()
{
    const auto result = RetainedSnapshot::fromJson("{\n  \"format\": 1,\n  oops\n}");
    QVERIFY(std::holds_alternative<RetainedSnapshotError>(result));
    const RetainedSnapshotError error = std::get<RetainedSnapshotError>(result);
    QCOMPARE(error.where, QStringLiteral("line 3"));
    QVERIFY2(error.message.startsWith(QStringLiteral("not valid JSON")), qPrintable(error.message));
}

void TstRetainedSnapshot::missingFile()
{
    const auto result = RetainedSnapshot::readFile(QStringLiteral("/nonexistent/snap.json"));
    QVERIFY(std::holds_alternative<RetainedSnapshotError>(result));
    QVERIFY(std::get<RetainedSnapshotError>(result).toString().startsWith(
        QStringLiteral("/nonexistent/snap.json: cannot read")));
}

QTEST_GUILESS_MAIN(TstRetainedSnapshot)
#include "tst_retained_snapshot.moc"
