#pragma once

#include "core/payload/payload_format.h"
#include "core/protocol/packets.h"
#include "ui/i18n/retranslator.h"
#include "ui/stream/publish_ack.h"

#include <QList>
#include <QWidget>

#include <functional>
#include <optional>

class QCheckBox;
class QComboBox;
class QCompleter;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QStringListModel;
class QToolButton;

namespace mqttdesk {

class PublishDraft;
class PublishPropertiesFields;
struct PublishDraftError;

// The publish bar under the stream: topic (completed from the publish history), QoS,
// retain, a payload editor in text / JSON / hex / Base64, the 5.0 properties, and Send
// (Ctrl+Enter). A form over PublishDraft, which checks and sizes the packet: everything is
// checked before anything is sent, each problem inline at its field: a wildcard in the topic,
// invalid JSON (the caret goes to the error), a packet over the server's Maximum Packet Size,
// publishing while disconnected when the profile refuses it.
class PublishBar : public QWidget
{
    Q_OBJECT
public:
    explicit PublishBar(QWidget *parent = nullptr);

    void setMqtt5(bool mqtt5);
    void setConnected(bool connected);
    bool isConnected() const { return m_connected; }
    // Whether QoS 1/2 messages may be queued while disconnected (the profile's offline mode).
    void setQueueWhileOffline(bool queue) { m_queueOffline = queue; }
    // The server's Maximum Packet Size from CONNACK (absent: no limit).
    void setMaximumPacketSize(std::optional<quint32> bytes) { m_maxPacket = bytes; }

    // The packet the form describes, or nothing with errorText() saying why.
    std::optional<PublishPacket> buildPacket();
    // Validates and emits publishRequested; false when refused (the reason is shown).
    bool send();
    QString errorText() const;

    // Remembers a sent message for completion and one-click resend (newest first).
    void addToHistory(const PublishPacket &packet);
    // Replaces the history (the saved one, newest first).
    void setHistory(const QList<PublishPacket> &history);
    // Puts history entry `index` back into the form and sends it as it was; false when
    // refused (not connected, the reason shown).
    bool resendFromHistory(int index);
    const QList<PublishPacket> &history() const { return m_history; }
    // Puts a message back into the form (e.g. "edit and resend" from a bubble).
    void load(const PublishPacket &packet);
    // Shows how the last publish is doing.
    void showAck(const PublishAck &ack);
    QString statusText() const;

    QLineEdit *topicEdit() const { return m_topic; }
    QComboBox *qosBox() const { return m_qos; }
    QCheckBox *retainBox() const { return m_retain; }
    QComboBox *formatBox() const { return m_format; }
    QPlainTextEdit *payloadEdit() const { return m_payload; }
    QPushButton *sendButton() const { return m_send; }
    QSpinBox *expiryBox() const { return m_expiry; }
    QLineEdit *contentTypeEdit() const { return m_contentType; }
    QComboBox *payloadIndicatorBox() const { return m_indicator; }
    QLineEdit *responseTopicEdit() const { return m_responseTopic; }
    QLineEdit *correlationEdit() const { return m_correlation; }
    QLineEdit *userPropertiesEdit() const { return m_userProperties; }
    QToolButton *historyButton() const { return m_historyButton; }
    QToolButton *propertiesToggle() const { return m_propertiesToggle; }
    // MQTT 5 and the properties panel open: only then are the properties sent.
    bool propertiesActive() const;
    QCompleter *topicCompleter() const { return m_completer; }

    // Bytes the PUBLISH packet takes on the wire (fixed header included; -1 when it cannot be
    // encoded). PublishDraft::wireSize() for 5.0 or 3.1.1.
    static qint64 packetSize(const PublishPacket &packet, bool mqtt5);

signals:
    void publishRequested(const mqttdesk::PublishPacket &packet);

protected:
    void changeEvent(QEvent *event) override;
    void setStatus(std::function<QString()> text);

private:
    // The form as a draft, without the user properties (their text is parsed by buildPacket()).
    PublishDraft draft() const;
    // The input a draft error points at.
    QWidget *fieldWidget(const PublishDraftError &error) const;
    // Shows the error and puts the focus and the caret where it points.
    bool failAt(const PublishDraftError &error);
    bool fail(const QString &text, QWidget *focus = nullptr);
    void clearError();
    void historyChanged();
    void rebuildHistoryMenu();

    QLineEdit *m_topic = nullptr;
    QCompleter *m_completer = nullptr;
    QStringListModel *m_topics = nullptr;
    QComboBox *m_qos = nullptr;
    QCheckBox *m_retain = nullptr;
    QComboBox *m_format = nullptr;
    QPlainTextEdit *m_payload = nullptr;
    QToolButton *m_propertiesToggle = nullptr;
    QToolButton *m_historyButton = nullptr;
    PublishPropertiesFields *m_properties = nullptr; // the fields below are its
    QSpinBox *m_expiry = nullptr;
    QLineEdit *m_contentType = nullptr;
    QComboBox *m_indicator = nullptr;
    QLineEdit *m_responseTopic = nullptr;
    QLineEdit *m_correlation = nullptr;
    QLineEdit *m_userProperties = nullptr;
    QPushButton *m_send = nullptr;
    QLabel *m_error = nullptr;
    QLabel *m_status = nullptr;
    // What m_status says, made again when the language changes.
    std::function<QString()> m_statusText;
    bool m_mqtt5 = true;
    bool m_connected = false;
    bool m_queueOffline = true;
    std::optional<quint32> m_maxPacket;
    QList<PublishPacket> m_history;
    Retranslator m_texts;
};

} // namespace mqttdesk
