#include "core/storage/database.h"
#include "core/storage/history_exporter.h"
#include "core/storage/message_writer.h"
#include "support/history_fixture.h"
#include "support/message_factory.h"

#include <QBuffer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace mqttdesk;
using mqttdesk::test::HistoryFixture;

class TestHistoryExporter : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void jsonLinesRoundTrip_data();
    void jsonLinesRoundTrip();
    void csvRoundTrip();
    void filterApplies();
    void failingDeviceIsTypedError();
    void cancelStops();
    void upToIdBoundsTheExport();

private:
    // All messages written, in id order (id = index + 1).
    QList<StoredMessage> m_written;
    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;
};

void TestHistoryExporter::initTestCase()
{
    const QString path = m_dir.filePath(QStringLiteral("e.sqlite"));
    m_db = std::make_unique<Database>(path);
    QVERIFY(!m_db->open().isError());
    MessageWriter writer(path);
    writer.start();
    for (int i = 0; i < 300; ++i)
        m_written << HistoryFixture::message(i);
    StoredMessage special = test::makeMessage(1, QStringLiteral("a,\"quoted\"\ntopic"),
                                              "line one\r\nline \"two\", three", 5);
    special.properties = QByteArray::fromHex("26000161000162");
    special.subscriptionId = 9;
    special.packetId = 77;
    special.dup = true;
    // A message we published that the server refused: its publish state is exported too.
    special.direction = StoredMessage::Direction::Outgoing;
    special.publishStage = StoredMessage::PublishStage::Failed;
    special.publishReason = 0x87;
    special.publishError = QStringLiteral("not \"authorized\", by ACL");
    m_written << special;
    m_written << test::makeMessage(1, QStringLiteral("big"), QByteArray(70000, '\x80'), 6);
    for (const StoredMessage &m : std::as_const(m_written))
        QVERIFY(writer.enqueue(m));
    QVERIFY(writer.waitUntilIdle(60000));
}

void TestHistoryExporter::jsonLinesRoundTrip_data()
{
    QTest::addColumn<int>("encoding");
    QTest::addColumn<int>("pageSize");
    QTest::addRow("text, pages of 7") << int(HistoryExporter::PayloadEncoding::Text) << 7;
    QTest::addRow("base64, pages of 1000") << int(HistoryExporter::PayloadEncoding::Base64) << 1000;
}

void TestHistoryExporter::jsonLinesRoundTrip()
{
    QFETCH(int, encoding);
    QFETCH(int, pageSize);
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    HistoryExporter::Options options;
    options.filter.profileId = 1;
    options.payload = HistoryExporter::PayloadEncoding(encoding);
    options.pageSize = pageSize;
    QList<qint64> progress;
    StorageError error;
    const qint64 rows =
        HistoryExporter(m_db->connection())
            .exportTo(buffer, options, &error, nullptr, [&](qint64 n) { progress << n; });
    QVERIFY2(rows == m_written.size(), qPrintable(error.detail));
    QVERIFY(progress.size() > (pageSize == 7 ? 40 : 0));
    QCOMPARE(progress.constLast(), rows);

    const QList<QByteArray> lines = buffer.data().split('\n');
    QCOMPARE(lines.size(), m_written.size() + 1); // trailing newline
    for (qsizetype i = 0; i < m_written.size(); ++i) {
        QJsonParseError parseError;
        const QJsonObject o = QJsonDocument::fromJson(lines.at(i), &parseError).object();
        QCOMPARE(parseError.error, QJsonParseError::NoError);
        const StoredMessage &want = m_written.at(i);
        QCOMPARE(o.value(QStringLiteral("id")).toInteger(), i + 1);
        QCOMPARE(o.value(QStringLiteral("topic")).toString(), want.topic);
        QCOMPARE(o.value(QStringLiteral("time_us")).toInteger(), want.receivedUs);
        QCOMPARE(o.value(QStringLiteral("qos")).toInt(), want.qos);
        QCOMPARE(o.value(QStringLiteral("retain")).toBool(), want.retain);
        QCOMPARE(o.value(QStringLiteral("dup")).toBool(), want.dup);
        QCOMPARE(o.value(QStringLiteral("direction")).toString(),
                 want.direction == StoredMessage::Direction::Outgoing ? QStringLiteral("out")
                                                                      : QStringLiteral("in"));
        const QString payloadText = o.value(QStringLiteral("payload")).toString();
        const QByteArray payload =
            o.value(QStringLiteral("payload_encoding")).toString() == QStringLiteral("base64")
                ? QByteArray::fromBase64(payloadText.toLatin1())
                : payloadText.toUtf8();
        QCOMPARE(payload, want.payload);
        QCOMPARE(
            QByteArray::fromBase64(o.value(QStringLiteral("properties")).toString().toLatin1()),
            want.properties);
        QCOMPARE(o.value(QStringLiteral("subscription_id")).isNull(), !want.subscriptionId);
        QCOMPARE(o.value(QStringLiteral("publish_stage")).isNull(), !want.publishStage);
        QCOMPARE(o.value(QStringLiteral("publish_error")).toString(), want.publishError);
        if (want.publishStage) {
            QCOMPARE(o.value(QStringLiteral("publish_stage")).toString(), QStringLiteral("failed"));
            QCOMPARE(o.value(QStringLiteral("publish_reason")).toInt(), 0x87);
        }
    }
    const QJsonObject special = QJsonDocument::fromJson(lines.at(300)).object();
    QCOMPARE(special.value(QStringLiteral("packet_id")).toInt(), 77);
    QCOMPARE(special.value(QStringLiteral("time")).toString(),
             QStringLiteral("1970-01-01T00:00:00.000005Z"));
}

// A small RFC 4180 reader for the check.
static QList<QList<QByteArray>> parseCsv(const QByteArray &data)
{
    QList<QList<QByteArray>> rows;
    QList<QByteArray> row;
    QByteArray field;
    bool quoted = false;
    for (qsizetype i = 0; i < data.size(); ++i) {
        const char c = data.at(i);
        if (quoted) {
            if (c == '"' && i + 1 < data.size() && data.at(i + 1) == '"') {
                field += '"';
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            row << field;
            field.clear();
        } else if (c == '\r' && i + 1 < data.size() && data.at(i + 1) == '\n') {
            row << field;
            rows << row;
            row.clear();
            field.clear();
            ++i;
        } else {
            field += c;
        }
    }
    return rows;
}

void TestHistoryExporter::csvRoundTrip()
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    HistoryExporter::Options options;
    options.filter.profileId = 1;
    options.format = HistoryExporter::Format::Csv;
    options.pageSize = 64;
    QCOMPARE(HistoryExporter(m_db->connection()).exportTo(buffer, options), m_written.size());
    const auto rows = parseCsv(buffer.data());
    QCOMPARE(rows.size(), m_written.size() + 1);
    QCOMPARE(rows.first().first(), QByteArray("id"));
    QCOMPARE(rows.first().size(), 17);
    QCOMPARE(rows.first().at(14), QByteArray("publish_stage"));
    for (qsizetype i = 0; i < m_written.size(); ++i) {
        const QList<QByteArray> &row = rows.at(i + 1);
        QCOMPARE(row.size(), 17);
        const StoredMessage &want = m_written.at(i);
        QCOMPARE(QString::fromUtf8(row.at(4)), want.topic);
        const QByteArray payload =
            row.at(11) == "base64" ? QByteArray::fromBase64(row.at(12)) : row.at(12);
        QCOMPARE(payload, want.payload);
        QCOMPARE(QByteArray::fromBase64(row.at(13)), want.properties);
        QCOMPARE(row.at(14).isEmpty(), !want.publishStage);
        QCOMPARE(QString::fromUtf8(row.at(16)), want.publishError);
    }
}

void TestHistoryExporter::filterApplies()
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    HistoryExporter::Options options;
    options.filter.profileId = 1;
    options.filter.topicFilter = QStringLiteral("home/room3/#");
    options.pageSize = 3;
    const qint64 rows = HistoryExporter(m_db->connection()).exportTo(buffer, options);
    qint64 expected = 0;
    for (int i = 0; i < 300; ++i)
        expected += HistoryFixture::message(i).topic.startsWith(QLatin1String("home/room3/"));
    QCOMPARE(rows, expected);
}

void TestHistoryExporter::failingDeviceIsTypedError()
{
    QBuffer buffer;
    buffer.open(QIODevice::ReadOnly); // every write fails
    HistoryExporter::Options options;
    options.filter.profileId = 1;
    StorageError error;
    QTest::ignoreMessage(QtWarningMsg, "QIODevice::write (QBuffer): ReadOnly device");
    QCOMPARE(HistoryExporter(m_db->connection()).exportTo(buffer, options, &error), -1);
    QCOMPARE(error.kind, StorageError::Kind::IoError);
    QVERIFY(error.message.contains(QStringLiteral("Writing the export failed")));
}

void TestHistoryExporter::cancelStops()
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    HistoryExporter::Options options;
    options.filter.profileId = 1;
    options.pageSize = 10;
    std::atomic_bool cancel{false};
    const qint64 rows = HistoryExporter(m_db->connection())
                            .exportTo(buffer, options, nullptr, &cancel, [&](qint64 n) {
                                if (n >= 50)
                                    cancel = true;
                            });
    QCOMPARE(rows, -1);
    QCOMPARE(buffer.data().count('\n'), 50);
}

void TestHistoryExporter::upToIdBoundsTheExport()
{
    // Rows stored after the caller counted (ids above upToId) are left out, also in the
    // middle of a page; the large payload at the end stays out too.
    for (const int pageSize : {7, 1000}) {
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        HistoryExporter::Options options;
        options.filter.profileId = 1;
        options.pageSize = pageSize;
        options.upToId = 123;
        QList<qint64> progress;
        const qint64 rows =
            HistoryExporter(m_db->connection())
                .exportTo(buffer, options, nullptr, nullptr, [&](qint64 n) { progress << n; });
        QCOMPARE(rows, 123);
        QCOMPARE(progress.constLast(), 123);
        const QList<QByteArray> lines = buffer.data().split('\n');
        QCOMPARE(lines.size(), 124);
        QCOMPARE(
            QJsonDocument::fromJson(lines.at(122)).object().value(QStringLiteral("id")).toInteger(),
            123);
    }
}

QTEST_GUILESS_MAIN(TestHistoryExporter)
#include "tst_history_exporter.moc"
