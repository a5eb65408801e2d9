// sub -F in-process: what the broker cannot send or the clock cannot fix (a Topic Alias,
// a given receive time and zone, the widths where we differ from mosquitto_sub on purpose,
// --format with %p), and the formats refused before connecting, checked against
// mosquitto_sub's own checks. tst_cli_output compares real messages with mosquitto_sub.
#include "app/cli/cli_parser.h"
#include "app/cli/message_formatter.h"
#include "app/cli/output_sink.h"

#include <QProcess>
#include <QTemporaryFile>
#include <QTest>

#include <ctime>

using namespace mqttdesk;

class TstCliFormat : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void fields_data();
    void fields();
    void jsonCarriesTheTopicAlias();
    void notJsonIsReported();
    void refusedAsMosquittoSubRefuses_data();
    void refusedAsMosquittoSubRefuses();
    void widthIsLimited();
};

namespace {

// 2023-11-14T22:13:20.123456Z: in Asia/Kolkata (+0530, no summer time) a Wednesday.
constexpr qint64 kReceivedUs = Q_INT64_C(1700000000123456);

ReceivedMessage message(const QByteArray &payload, quint16 topicAlias = 0)
{
    ReceivedMessage m;
    m.message.topic = QStringLiteral("a/b");
    m.message.payload = payload;
    m.topicAlias = topicAlias;
    m.receivedUs = kReceivedUs;
    return m;
}

// What `sub -F format [extra]` prints for `messages`, and the warnings it gives.
QByteArray render(const QString &format, const QList<ReceivedMessage> &messages,
                  const QStringList &extra = {}, QStringList *warnings = nullptr)
{
    CliError error;
    const std::optional<CliOptions> options = CliParser::parse(
        QStringList{QStringLiteral("mqttdesk-cli"), QStringLiteral("sub"), QStringLiteral("-t"),
                    QStringLiteral("a/b"), QStringLiteral("-F"), format} +
            extra,
        &error);
    if (!options) {
        qWarning("%s", qPrintable(error.message));
        return "(refused)";
    }
    QTemporaryFile file;
    if (!file.open())
        return "(no file)";
    {
        OutputSink sink(file.handle(), false);
        MessageFormatter formatter(*options);
        formatter.setWarningHandler([warnings](const QString &text) {
            if (warnings)
                warnings->append(text);
        });
        for (const ReceivedMessage &m : messages)
            formatter.write(m, sink);
    }
    file.seek(0);
    return file.readAll();
}

} // namespace

void TstCliFormat::initTestCase()
{
    // Before the first local time is taken.
    qputenv("TZ", "Asia/Kolkata");
    tzset();
}

void TstCliFormat::fields_data()
{
    QTest::addColumn<QString>("format");
    QTest::addColumn<QStringList>("extra");
    QTest::addColumn<QByteArray>("payload");
    QTest::addColumn<int>("topicAlias");
    QTest::addColumn<QByteArray>("expected");
    const auto row = [](const char *name, const char *format, const QByteArray &payload, int alias,
                        const QByteArray &expected, const QStringList &extra = {}) {
        QTest::newRow(name) << QString::fromUtf8(format) << extra << payload << alias << expected;
    };
    // mosquitto_broker never sends a Topic Alias; other servers do.
    row("topic alias", "[%A][%5A][%-5A][%05A]", "x", 3, "[3][    3][3    ][00003]\n");
    row("no topic alias", "[%A][%5A][%-5A][%05A]", "x", 0, "[][     ][     ][00000]\n");
    row("local time", "%I|%U|@N|@Y-@m-@d @H:@M:@S|@s|@z @Z", "x", 0,
        "2023-11-15T03:43:20+0530|1700000000.123456000|123456000|2023-11-15 03:43:20|"
        "1700000000|+0530 IST\n");
    // Whatever LC_TIME says: mosquitto_sub never leaves the C locale.
    row("names in the C locale", "@a @A @b @B @p|@c", "x", 0,
        "Wed Wednesday Nov November AM|Wed Nov 15 03:43:20 2023\n");
    row("time in a width", "[%26I][%-26I][%.10I]", "x", 0,
        "[  2023-11-15T03:43:20+0530][2023-11-15T03:43:20+0530  ][2023-11-15]\n");
    // mosquitto_sub 2.0 shows only len/2 bytes of a payload shorter than a %x width (6865
    // of hello in %12x): we show every byte that fits.
    row("hex narrower than the width", "[%12x][%-12X][%012x][%11x]", "hello", 0,
        "[  68656c6c6f][68656C6C6F  ][0068656c6c6f][ 68656c6c6f]\n");
    row("hex wider than the width", "[%4x][%5X][%-5x]", "hello", 0, "[6865][ 6865][6865 ]\n");
    // mosquitto_sub 2.0 pads %-p, %-x and %-X without a width with a space per byte.
    row("left-aligned without a width", "[%-p][%-x][%-X][%-0p]", "hi", 0, "[hi][6869][6869][hi]\n");
    row("--format hex in %p", "[%p][%8p][%-8p][%4p]", "hi!", 0,
        "[686921][  686921][686921  ][6869]\n",
        {QStringLiteral("--format"), QStringLiteral("hex")});
    row("--format base64 in %p", "[%p][%10p]", "hi!", 0, "[aGkh][      aGkh]\n",
        {QStringLiteral("--format"), QStringLiteral("base64")});
    row("-N", "%p.", "x", 0, "x.", {QStringLiteral("-N")});
    row("empty format", "", "x", 0, "\n");
    row("NUL and escapes", "%p\\0\\e\\a\\v\\r", "x", 0, QByteArray("x\0\x1b\a\v\r\n", 7));
}

void TstCliFormat::fields()
{
    QFETCH(QString, format);
    QFETCH(QStringList, extra);
    QFETCH(QByteArray, payload);
    QFETCH(int, topicAlias);
    QFETCH(QByteArray, expected);
    QCOMPARE(render(format, {message(payload, quint16(topicAlias))}, extra), expected);
}

void TstCliFormat::jsonCarriesTheTopicAlias()
{
    // Where mosquitto_sub would have it (the session has taken it out of the properties):
    // first, before the properties that came with it.
    ReceivedMessage aliased = message("1", 9);
    aliased.message.qos = QoS::AtLeastOnce;
    aliased.message.packetId = 12;
    aliased.message.properties.addUserProperty(QStringLiteral("k"), QStringLiteral("v"));
    aliased.message.properties.setContentType(QStringLiteral("ct"));
    aliased.message.properties.addUserProperty(QStringLiteral("k"), QStringLiteral("w"));
    aliased.message.properties.setMessageExpiryInterval(4294967295u);
    QCOMPARE(render(QStringLiteral("%J"), {aliased, message("2", 1), message("3")}),
             QByteArray("{\"tst\":\"2023-11-15T03:43:20.123456Z+0530\",\"topic\":\"a/b\","
                        "\"qos\":1,\"retain\":0,\"payloadlen\":1,\"mid\":12,\"properties\":{"
                        "\"topic-alias\":9,\"user-properties\":{\"k\":\"v\",\"k\":\"w\"},"
                        "\"content-type\":\"ct\",\"message-expiry-interval\":4294967295},"
                        "\"payload\":1}\n"
                        "{\"tst\":\"2023-11-15T03:43:20.123456Z+0530\",\"topic\":\"a/b\","
                        "\"qos\":0,\"retain\":0,\"payloadlen\":1,"
                        "\"properties\":{\"topic-alias\":1},\"payload\":2}\n"
                        "{\"tst\":\"2023-11-15T03:43:20.123456Z+0530\",\"topic\":\"a/b\","
                        "\"qos\":0,\"retain\":0,\"payloadlen\":1,\"payload\":3}\n"));
}

void TstCliFormat::notJsonIsReported()
{
    // As mosquitto_sub: the field is left out, the rest printed, and the trouble reported
    // once for each %J.
    QStringList warnings;
    QCOMPARE(render(QStringLiteral("<%J|%p>"), {message("{\"a\":"), message("[1]")}, {}, &warnings),
             QByteArray("<|{\"a\":>\n<{\"tst\":\"2023-11-15T03:43:20.123456Z+0530\",\"topic\":"
                        "\"a/b\",\"qos\":0,\"retain\":0,\"payloadlen\":3,\"payload\":[1]}|[1]>\n"));
    QCOMPARE(warnings.size(), 1);
    QVERIFY2(warnings.first().contains(QLatin1String("'a/b'")), qPrintable(warnings.first()));
}

void TstCliFormat::refusedAsMosquittoSubRefuses_data()
{
    QTest::addColumn<QString>("format");
    QTest::addColumn<QString>("why"); // empty: taken
    const auto row = [](const char *format, const char *why) {
        QTest::newRow(*format ? format : "(empty)")
            << QString::fromUtf8(format) << QString::fromUtf8(why);
    };
    row("%", "ends in the middle of '%'");
    row("a %5", "ends in the middle of '%5'");
    row("%-", "ends in the middle of '%-'");
    row("%-0", "ends in the middle of '%-0'");
    row("%5.", "ends in the middle of '%5.'");
    row("%5.3", "ends in the middle of '%5.3'");
    row("x@", "ends in the middle of '@'");
    row("x\\", "ends in the middle of '\\'");
    row("%k", "unknown field '%k'");
    row("%0-5t", "unknown field '%0-'");
    row("%--5t", "unknown field '%--'");
    row("%5.3v", "unknown field '%5.3v'");
    row("\\q", "unknown escape '\\q'");
    row("\\x41", "unknown escape '\\x'");
    for (const char *taken :
         {"%-05.3t %.t %5.t %-0t %00t %%", "@Q @@ @N @%", "\\0\\a\\e\\n\\r\\t\\v\\\\",
          "%A%C%D%E%F%I%J%P%R%S%U%X%j%l%m%p%q%r%t%x", ""})
        row(taken, "");
}

void TstCliFormat::refusedAsMosquittoSubRefuses()
{
    QFETCH(QString, format);
    QFETCH(QString, why);
    CliError error;
    const std::optional<CliOptions> options = CliParser::parse(
        QStringList{QStringLiteral("mqttdesk-cli"), QStringLiteral("sub"), QStringLiteral("-t"),
                    QStringLiteral("a"), QStringLiteral("-F"), format},
        &error);
    QCOMPARE(!options, !why.isEmpty());
    if (!options) {
        QCOMPARE(error.kind, CliError::Kind::InvalidValue);
        QVERIFY2(error.message.startsWith(QLatin1String("-F: ")), qPrintable(error.message));
        QVERIFY2(error.message.contains(why), qPrintable(error.message));
    }
    // mosquitto_sub checks the format before it connects (nothing listens on port 1, so
    // a format it takes ends in a connection error instead).
    QProcess theirs;
    theirs.start(QStringLiteral("mosquitto_sub"),
                 {QStringLiteral("-h"), QStringLiteral("127.0.0.1"), QStringLiteral("-p"),
                  QStringLiteral("1"), QStringLiteral("-t"), QStringLiteral("a"),
                  QStringLiteral("-F"), format});
    QVERIFY(theirs.waitForFinished(20000));
    const QByteArray err = theirs.readAllStandardError();
    QCOMPARE(err.contains(" specifier"), !why.isEmpty());
}

void TstCliFormat::widthIsLimited()
{
    // mosquitto_sub's int would overflow; we refuse instead.
    CliError error;
    QVERIFY(!CliParser::parse({QStringLiteral("mqttdesk-cli"), QStringLiteral("sub"),
                               QStringLiteral("-t"), QStringLiteral("a"), QStringLiteral("-F"),
                               QStringLiteral("%65536t")},
                              &error));
    QVERIFY2(error.message.contains(QLatin1String("'%65536t'")), qPrintable(error.message));
    QCOMPARE(render(QStringLiteral("%.65535t|%65535t"), {message("x")}).size(), 3 + 65535 + 2);
}

QTEST_GUILESS_MAIN(TstCliFormat)
#include "tst_cli_format.moc"
