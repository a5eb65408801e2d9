// The publish bar sends only what the user sees, checked on the wire: its packets go through
// our core Connection to the real mosquitto, and mosquitto_sub (MQTT 5) prints the content
// type and user properties it received. With the properties panel open they arrive; once it
// is closed the next PUBLISH carries none, though the fields still hold their values.
#include "core/connection/connection.h"
#include "core/connection/connection_thread.h"
#include "tests/fixture/mosquitto_sub.h"
#include "tests/fixture/test_broker.h"
#include "ui/publish/publish_bar.h"

#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QTest>
#include <QToolButton>

using namespace mqttdesk;

class TestPublishBarBroker : public QObject
{
    Q_OBJECT
private slots:
    void closedPanelSendsNoProperties();
};

void TestPublishBarBroker::closedPanelSendsNoProperties()
{
    TestBroker broker;
    QVERIFY2(broker.start(), qPrintable(broker.errorString()));
    const quint16 port = broker.port(TestBroker::Listener::Plain);
    MosquittoSub sub;
    QVERIFY(sub.start(port, QStringLiteral("bar/#"),
                      {QStringLiteral("-V"), QStringLiteral("mqttv5"), QStringLiteral("-F"),
                       QStringLiteral("MQTTDESK-MSG\t%t|%C|%P\t%x")}));

    ConnectionSettings settings;
    settings.transport.port = port;
    settings.session.version = ProtocolVersion::V5;
    ConnectionThread thread(settings);
    Connection *connection = thread.connection();
    QSignalSpy connected(connection, &Connection::connected);
    connection->connectToBroker();
    QVERIFY(!connected.isEmpty() || connected.wait(15000));

    PublishBar bar;
    bar.setMqtt5(true);
    bar.setConnected(true);
    connect(&bar, &PublishBar::publishRequested, connection,
            [connection](const PublishPacket &packet) { connection->publish(packet); });
    bar.topicEdit()->setText(QStringLiteral("bar/t"));
    bar.payloadEdit()->setPlainText(QStringLiteral("one"));
    bar.propertiesToggle()->click();
    bar.contentTypeEdit()->setText(QStringLiteral("text/plain"));
    bar.userPropertiesEdit()->setText(QStringLiteral("site=plant 3"));
    QVERIFY2(bar.send(), qPrintable(bar.errorText()));
    QVERIFY2(sub.waitForMessages(1), sub.output().constData());
    QCOMPARE(sub.messages().at(0).topic, QStringLiteral("bar/t|text/plain|site:plant 3"));

    bar.propertiesToggle()->click(); // closed: the values stay in the fields, unsent
    QCOMPARE(bar.contentTypeEdit()->text(), QStringLiteral("text/plain"));
    bar.payloadEdit()->setPlainText(QStringLiteral("two"));
    QVERIFY2(bar.send(), qPrintable(bar.errorText()));
    QVERIFY2(sub.waitForMessages(2), sub.output().constData());
    QCOMPARE(sub.messages().at(1).topic, QStringLiteral("bar/t||"));
    QCOMPARE(sub.messages().at(1).payload, QByteArray("two"));
    connection->disconnectFromBroker();
}

QTEST_MAIN(TestPublishBarBroker)
#include "tst_publish_bar_broker.moc"
