// mqttdesk-cli topics against the real mosquitto fixture: the tree of what arrived (retained
// messages on several levels, an empty level, a second root), as text and as JSON, stopping
// after -C messages or -W seconds; a bad -F and a missing -t are refused.
#include "cli_broker.h"
#include "cli_process.h"
#include "tests/fixture/mosquitto_pub.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace mqttdesk;

class TestCliTopics : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void textTree();
    void jsonTree();
    void timeoutWithNothingPrintsAnEmptyTree();
    void refusesBadArguments();

private:
    QStringList connection() const
    {
        return {QStringLiteral("-h"), QStringLiteral("127.0.0.1"), QStringLiteral("-p"),
                QString::number(m_broker.port(TestBroker::Listener::Plain))};
    }
    CliBroker m_broker;
};

void TestCliTopics::initTestCase()
{
    QVERIFY2(m_broker.start(), "mosquitto did not start");
    const quint16 port = m_broker.port(TestBroker::Listener::Plain);
    // Retained: they arrive at subscribe, so -C knows how many to wait for.
    for (const auto &[topic, payload] :
         QList<std::pair<QString, QByteArray>>{{QStringLiteral("farm/barn/temp"), "18"},
                                               {QStringLiteral("farm/barn/door"), "open"},
                                               {QStringLiteral("farm//gate"), "shut"},
                                               {QStringLiteral("farm"), "online"}})
        QCOMPARE(MosquittoPub::publish(port, topic, payload, {QStringLiteral("-r")}).exitCode, 0);
}

void TestCliTopics::textTree()
{
    const auto r = CliProcess::run(QStringList{QStringLiteral("topics")} + connection() +
                                   QStringList{QStringLiteral("-t"), QStringLiteral("farm/#"),
                                               QStringLiteral("-C"), QStringLiteral("4")});
    QVERIFY2(r.finished && r.exitCode == 0, r.err.constData());
    const QStringList lines = QString::fromUtf8(r.out).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    // "farm/#" takes "farm" itself too [MQTT-4.7.1-2]. Children by name; the empty level
    // has its marker; R where a retained value is held.
    QCOMPARE(lines.value(0), QStringLiteral("farm  4 (1 here)  0.4/s  R"));
    QVERIFY2(lines.value(1).startsWith(QStringLiteral("  ⟨")), qPrintable(lines.value(1)));
    QCOMPARE(lines.value(2), QStringLiteral("    gate  1  0.1/s  R"));
    QCOMPARE(lines.value(3), QStringLiteral("  barn  2  0.2/s"));
    QCOMPARE(lines.value(4), QStringLiteral("    door  1  0.1/s  R"));
    QCOMPARE(lines.value(5), QStringLiteral("    temp  1  0.1/s  R"));
    QCOMPARE(lines.value(6), QStringLiteral("4 topics, 4 messages"));
}

void TestCliTopics::jsonTree()
{
    const auto r = CliProcess::run(QStringList{QStringLiteral("topics")} + connection() +
                                   QStringList{QStringLiteral("-t"), QStringLiteral("farm/barn/#"),
                                               QStringLiteral("-C"), QStringLiteral("2"),
                                               QStringLiteral("-F"), QStringLiteral("json")});
    QVERIFY2(r.finished && r.exitCode == 0, r.err.constData());
    QJsonParseError error;
    const QJsonObject o = QJsonDocument::fromJson(r.out, &error).object();
    QCOMPARE(error.error, QJsonParseError::NoError);
    QCOMPARE(o.value(QStringLiteral("topics")).toInt(), 2);
    QCOMPARE(o.value(QStringLiteral("messages")).toInt(), 2);
    const QJsonObject farm = o.value(QStringLiteral("tree")).toArray().at(0).toObject();
    QCOMPARE(farm.value(QStringLiteral("segment")).toString(), QStringLiteral("farm"));
    QVERIFY(!farm.value(QStringLiteral("isTopic")).toBool());
    const QJsonObject barn = farm.value(QStringLiteral("children")).toArray().at(0).toObject();
    QCOMPARE(barn.value(QStringLiteral("topic")).toString(), QStringLiteral("farm/barn"));
    const QJsonArray leaves = barn.value(QStringLiteral("children")).toArray();
    QCOMPARE(leaves.size(), 2);
    QCOMPARE(leaves.at(1).toObject().value(QStringLiteral("topic")).toString(),
             QStringLiteral("farm/barn/temp"));
    QVERIFY(leaves.at(1).toObject().value(QStringLiteral("retained")).toBool());
    QCOMPARE(leaves.at(1).toObject().value(QStringLiteral("messages")).toInt(), 1);
}

void TestCliTopics::timeoutWithNothingPrintsAnEmptyTree()
{
    const auto r = CliProcess::run(QStringList{QStringLiteral("topics")} + connection() +
                                   QStringList{QStringLiteral("-t"), QStringLiteral("nobody/#"),
                                               QStringLiteral("-W"), QStringLiteral("1")});
    QVERIFY2(r.finished && r.exitCode == 0, r.err.constData());
    QCOMPARE(r.out, QByteArray("0 topics, 0 messages\n"));
}

void TestCliTopics::refusesBadArguments()
{
    auto r = CliProcess::run(QStringList{QStringLiteral("topics")} + connection());
    QCOMPARE(r.exitCode, 1);
    QVERIFY(r.err.contains("topics needs at least one topic filter"));
    r = CliProcess::run(QStringList{QStringLiteral("topics")} + connection() +
                        QStringList{QStringLiteral("-t"), QStringLiteral("a"), QStringLiteral("-F"),
                                    QStringLiteral("xml")});
    QCOMPARE(r.exitCode, 1);
    QVERIFY(r.err.contains("-F json"));
    r = CliProcess::run({QStringLiteral("topics"), QStringLiteral("--help")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.contains("Usage: mqttdesk-cli topics"));
}

QTEST_GUILESS_MAIN(TestCliTopics)
#include "tst_cli_topics.moc"
