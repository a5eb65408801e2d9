// PublishBar: every inline error (wildcard topic, invalid JSON with its position, packet
// over the Maximum Packet Size, publishing while disconnected), the 5.0 properties,
// Ctrl+Enter, completion from history and one-click resend.
#include "core/payload/payload_encoder.h"
#include "core/protocol/topic.h"
#include "ui/i18n/language.h"
#include "ui/publish/publish_bar.h"

#include <QApplication>

#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStringListModel>
#include <QTest>
#include <QToolButton>

using namespace mqttdesk;

static QString ackText(PublishAck::Stage stage)
{
    PublishAck ack;
    ack.stage = stage;
    return ack.text();
}

class TestPublishBar : public QObject
{
    Q_OBJECT
private slots:
    void sendsTextWithOptions();
    void wildcardTopicRefused();
    void invalidJsonShowsPosition();
    void hexAndBase64Encode();
    void overMaximumPacketSizeRefused();
    void disconnectedQueuesOrRefuses();
    void mqtt5PropertiesAreSent();
    void ctrlEnterSends();
    void historyCompletesAndResends();
    void savedHistoryRefillsAndResends();
    void failedAckShownInline();
    void statusFollowsTheLanguage();
    void everyInputHasALabel();

private:
    static void setFormat(PublishBar &bar, PayloadFormat format)
    {
        bar.formatBox()->setCurrentIndex(bar.formatBox()->findData(int(format)));
    }
};

void TestPublishBar::sendsTextWithOptions()
{
    PublishBar bar;
    bar.setConnected(true);
    QSignalSpy requested(&bar, &PublishBar::publishRequested);
    bar.topicEdit()->setText(QStringLiteral("a/b"));
    bar.qosBox()->setCurrentIndex(1);
    bar.retainBox()->setChecked(true);
    bar.payloadEdit()->setPlainText(QStringLiteral("héllo"));
    QVERIFY(bar.send());
    QCOMPARE(requested.size(), 1);
    const auto packet = requested.at(0).at(0).value<PublishPacket>();
    QCOMPARE(packet.topic, QStringLiteral("a/b"));
    QCOMPARE(packet.qos, QoS::AtLeastOnce);
    QVERIFY(packet.retain);
    QCOMPARE(packet.payload, QStringLiteral("héllo").toUtf8());
    QVERIFY(bar.errorText().isEmpty());
}

void TestPublishBar::wildcardTopicRefused()
{
    PublishBar bar;
    bar.setConnected(true);
    QSignalSpy requested(&bar, &PublishBar::publishRequested);
    bar.topicEdit()->setText(QStringLiteral("a/+/b"));
    QVERIFY(!bar.send());
    QCOMPARE(requested.size(), 0);
    QCOMPARE(bar.errorText(), Topic::validateName(u"a/+/b")->message());
    QCOMPARE(bar.topicEdit()->cursorPosition(), 2);
}

void TestPublishBar::invalidJsonShowsPosition()
{
    PublishBar bar;
    bar.setConnected(true);
    bar.topicEdit()->setText(QStringLiteral("j"));
    setFormat(bar, PayloadFormat::Json);
    const QString text = QStringLiteral("{\"a\": 1,\n \"b\": }");
    bar.payloadEdit()->setPlainText(text);
    QVERIFY(!bar.send());
    const EncodedPayload expected = PayloadEncoder::encode(text, PayloadFormat::Json);
    QVERIFY(expected.error);
    QCOMPARE(bar.errorText(), expected.error->message());
    QCOMPARE(bar.payloadEdit()->textCursor().position(), int(expected.error->offset));
    bar.payloadEdit()->setPlainText(QStringLiteral("{\"a\": 1}"));
    QVERIFY(bar.send());
}

void TestPublishBar::hexAndBase64Encode()
{
    PublishBar bar;
    bar.setConnected(true);
    QSignalSpy requested(&bar, &PublishBar::publishRequested);
    bar.topicEdit()->setText(QStringLiteral("h"));
    setFormat(bar, PayloadFormat::Hex);
    bar.payloadEdit()->setPlainText(QStringLiteral("00 ff 10"));
    QVERIFY(bar.send());
    QCOMPARE(requested.last().at(0).value<PublishPacket>().payload, QByteArray("\x00\xff\x10", 3));
    bar.payloadEdit()->setPlainText(QStringLiteral("0g"));
    QVERIFY(!bar.send());
    QVERIFY(!bar.errorText().isEmpty());
    setFormat(bar, PayloadFormat::Base64);
    bar.payloadEdit()->setPlainText(QStringLiteral("aGk="));
    QVERIFY(bar.send());
    QCOMPARE(requested.last().at(0).value<PublishPacket>().payload, QByteArray("hi"));
}

void TestPublishBar::overMaximumPacketSizeRefused()
{
    PublishBar bar;
    bar.setConnected(true);
    bar.setMaximumPacketSize(100);
    bar.topicEdit()->setText(QStringLiteral("t"));
    bar.payloadEdit()->setPlainText(QString(200, QLatin1Char('x')));
    QVERIFY(!bar.send());
    QVERIFY(bar.errorText().contains(QStringLiteral("100")));
    bar.payloadEdit()->setPlainText(QString(50, QLatin1Char('x')));
    QVERIFY(bar.send());
    PublishPacket p;
    p.topic = QStringLiteral("t");
    p.payload = QByteArray(50, 'x');
    // fixed header 2 + topic 3 + property length 1 + payload 50
    QCOMPARE(PublishBar::packetSize(p, true), 56);
    QCOMPARE(PublishBar::packetSize(p, false), 55);
}

void TestPublishBar::disconnectedQueuesOrRefuses()
{
    PublishBar bar;
    QSignalSpy requested(&bar, &PublishBar::publishRequested);
    bar.setConnected(false);
    bar.topicEdit()->setText(QStringLiteral("t"));
    bar.qosBox()->setCurrentIndex(0);
    QVERIFY(!bar.send());
    QVERIFY(bar.errorText().contains(QStringLiteral("QoS")));
    bar.qosBox()->setCurrentIndex(1);
    QVERIFY(bar.send());
    QCOMPARE(requested.size(), 1);
    bar.setQueueWhileOffline(false);
    QVERIFY(!bar.send());
    QVERIFY(!bar.errorText().isEmpty());
    QCOMPARE(requested.size(), 1);
}

void TestPublishBar::mqtt5PropertiesAreSent()
{
    PublishBar bar;
    bar.setConnected(true);
    QSignalSpy requested(&bar, &PublishBar::publishRequested);
    bar.topicEdit()->setText(QStringLiteral("req"));
    bar.propertiesToggle()->click(); // the panel open: its fields go out
    QCOMPARE(bar.propertiesToggle()->text(), QStringLiteral("Properties on"));
    bar.expiryBox()->setValue(30);
    bar.contentTypeEdit()->setText(QStringLiteral("text/plain"));
    bar.payloadIndicatorBox()->setCurrentIndex(2);
    bar.responseTopicEdit()->setText(QStringLiteral("resp/1"));
    bar.correlationEdit()->setText(QStringLiteral("abc"));
    bar.userPropertiesEdit()->setText(QStringLiteral("k=v; k=w"));
    QVERIFY(bar.send());
    const Properties p = requested.last().at(0).value<PublishPacket>().properties;
    QCOMPARE(p.integer(PropertyId::MessageExpiryInterval), std::optional<quint32>(30));
    QCOMPARE(p.string(PropertyId::ContentType),
             std::optional<QString>(QStringLiteral("text/plain")));
    QCOMPARE(p.integer(PropertyId::PayloadFormatIndicator), std::optional<quint32>(1));
    QCOMPARE(p.string(PropertyId::ResponseTopic), std::optional<QString>(QStringLiteral("resp/1")));
    QCOMPARE(p.binary(PropertyId::CorrelationData), std::optional<QByteArray>("abc"));
    QCOMPARE(p.userProperties().size(), 2);
    bar.responseTopicEdit()->setText(QStringLiteral("resp/#"));
    QVERIFY(!bar.send());
    // The panel closed: none of what it holds is sent (and its errors do not count).
    bar.propertiesToggle()->click();
    QVERIFY(!bar.propertiesActive());
    QCOMPARE(bar.propertiesToggle()->text(), QStringLiteral("Properties"));
    QVERIFY(bar.send());
    QVERIFY(requested.last().at(0).value<PublishPacket>().properties.isEmpty());
    bar.propertiesToggle()->click();
    bar.responseTopicEdit()->setText(QStringLiteral("resp/1"));
    // 3.1.1 sends no properties.
    bar.setMqtt5(false);
    QVERIFY(bar.send());
    QVERIFY(requested.last().at(0).value<PublishPacket>().properties.isEmpty());
}

void TestPublishBar::ctrlEnterSends()
{
    PublishBar bar;
    bar.setConnected(true);
    bar.show();
    QVERIFY(QTest::qWaitForWindowExposed(&bar));
    QSignalSpy requested(&bar, &PublishBar::publishRequested);
    bar.topicEdit()->setText(QStringLiteral("k"));
    bar.payloadEdit()->setFocus();
    QTest::keyClick(bar.payloadEdit(), Qt::Key_Return, Qt::ControlModifier);
    QCOMPARE(requested.size(), 1);
}

void TestPublishBar::historyCompletesAndResends()
{
    PublishBar bar;
    bar.setConnected(true);
    QSignalSpy requested(&bar, &PublishBar::publishRequested);
    for (const char *topic : {"a/one", "a/two", "a/one"}) {
        bar.topicEdit()->setText(QString::fromLatin1(topic));
        QVERIFY(bar.send());
    }
    QCOMPARE(bar.history().size(), 2);
    QCOMPARE(bar.history().first().topic, QStringLiteral("a/one"));
    auto *topics = qobject_cast<QStringListModel *>(bar.topicCompleter()->model());
    QVERIFY(topics);
    QCOMPARE(topics->stringList(), (QStringList{QStringLiteral("a/one"), QStringLiteral("a/two")}));
    auto *historyButton = bar.findChildren<QToolButton *>().last();
    QVERIFY(historyButton->menu());
    const auto actions = historyButton->menu()->actions();
    QCOMPARE(actions.size(), 2);
    actions.at(1)->trigger();
    QCOMPARE(requested.size(), 4);
    QCOMPARE(requested.last().at(0).value<PublishPacket>().topic, QStringLiteral("a/two"));
}

void TestPublishBar::savedHistoryRefillsAndResends()
{
    PublishBar bar;
    bar.setConnected(true);
    QSignalSpy requested(&bar, &PublishBar::publishRequested);
    PublishPacket text;
    text.topic = QStringLiteral("t/text");
    text.payload = "hello";
    text.qos = QoS::ExactlyOnce;
    text.retain = true;
    // In the order the form builds them, so the rebuilt packet compares equal.
    text.properties.setInteger(PropertyId::MessageExpiryInterval, 60);
    text.properties.setString(PropertyId::ContentType, QStringLiteral("text/plain"));
    text.properties.addUserProperty(QStringLiteral("k"), QStringLiteral("v"));
    PublishPacket binary;
    binary.topic = QStringLiteral("t/bin");
    binary.payload = QByteArray("\x00\xff\x10", 3);
    bar.setHistory({text, binary});
    auto *topics = qobject_cast<QStringListModel *>(bar.topicCompleter()->model());
    QCOMPARE(topics->stringList(),
             (QStringList{QStringLiteral("t/text"), QStringLiteral("t/bin")}));
    QCOMPARE(bar.historyButton()->menu()->actions().size(), 2);

    // Binary comes back as hex, so sending the form again gives the same bytes.
    QVERIFY(bar.resendFromHistory(1));
    QCOMPARE(requested.size(), 1);
    QCOMPARE(requested.last().at(0).value<PublishPacket>().payload, binary.payload);
    QCOMPARE(bar.topicEdit()->text(), QStringLiteral("t/bin"));
    QCOMPARE(bar.formatBox()->currentData().toInt(), int(PayloadFormat::Hex));
    QCOMPARE(bar.buildPacket()->payload, binary.payload);
    QCOMPARE(bar.history().first().topic, QStringLiteral("t/bin"));

    // Text with its properties: the form shows them all; the resent packet is the saved one.
    bar.historyButton()->menu()->actions().at(1)->trigger();
    QCOMPARE(requested.size(), 2);
    const auto sent = requested.last().at(0).value<PublishPacket>();
    QCOMPARE(sent.topic, text.topic);
    QCOMPARE(sent.properties, text.properties);
    QCOMPARE(bar.payloadEdit()->toPlainText(), QStringLiteral("hello"));
    QCOMPARE(bar.qosBox()->currentIndex(), 2);
    QVERIFY(bar.retainBox()->isChecked());
    QCOMPARE(bar.contentTypeEdit()->text(), QStringLiteral("text/plain"));
    QCOMPARE(bar.expiryBox()->value(), 60);
    QCOMPARE(bar.userPropertiesEdit()->text(), QStringLiteral("k=v"));
    QCOMPARE(bar.buildPacket()->properties, text.properties);

    // Disconnected and refusing to queue: refused inline, nothing sent.
    bar.setConnected(false);
    bar.setQueueWhileOffline(false);
    QVERIFY(!bar.resendFromHistory(0));
    QCOMPARE(requested.size(), 2);
    QVERIFY(!bar.errorText().isEmpty());
}

void TestPublishBar::failedAckShownInline()
{
    PublishBar bar;
    bar.showAck(PublishAck{PublishAck::Stage::Completed, {}, {}});
    QVERIFY(bar.statusText().contains(ackText(PublishAck::Stage::Completed)));
    bar.showAck(
        PublishAck{PublishAck::Stage::Failed, ReasonCode(0x87), QStringLiteral("Not authorized")});
    QVERIFY(bar.errorText().contains(QStringLiteral("0x87")));
}

// The status line ("Last message: completed") is made again in the new language, as
// every other text, not left in the one it was first written in.
void TestPublishBar::statusFollowsTheLanguage()
{
    PublishBar bar;
    bar.showAck(PublishAck{PublishAck::Stage::Completed, {}, {}});
    const QString english = bar.statusText();
    QVERIFY(english.startsWith(QStringLiteral("Last message: ")));

    Language::install(*qApp, QStringLiteral("zh_CN"));
    const QString chinese = QCoreApplication::translate("mqttdesk::PublishBar", "Last message: %1")
                                .arg(ackText(PublishAck::Stage::Completed));
    QVERIFY(chinese != english);
    QTRY_COMPARE(bar.statusText(), chinese);

    Language::install(*qApp, QStringLiteral("en"));
    QTRY_COMPARE(bar.statusText(), english);
}

void TestPublishBar::everyInputHasALabel()
{
    PublishBar bar;
    QSet<QWidget *> buddies;
    for (QLabel *label : bar.findChildren<QLabel *>()) {
        if (label->buddy())
            buddies.insert(label->buddy());
    }
    for (QWidget *w :
         {static_cast<QWidget *>(bar.topicEdit()), static_cast<QWidget *>(bar.qosBox()),
          static_cast<QWidget *>(bar.formatBox()), static_cast<QWidget *>(bar.payloadEdit()),
          static_cast<QWidget *>(bar.expiryBox()), static_cast<QWidget *>(bar.contentTypeEdit()),
          static_cast<QWidget *>(bar.payloadIndicatorBox()),
          static_cast<QWidget *>(bar.responseTopicEdit()),
          static_cast<QWidget *>(bar.correlationEdit()),
          static_cast<QWidget *>(bar.userPropertiesEdit())})
        QVERIFY(buddies.contains(w));
    for (QToolButton *b : bar.findChildren<QToolButton *>())
        QVERIFY(!b->accessibleName().isEmpty() && !b->toolTip().isEmpty());
}

QTEST_MAIN(TestPublishBar)
#include "tst_publish_bar.moc"
