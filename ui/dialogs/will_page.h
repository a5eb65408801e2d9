#pragma once

#include "ui/dialogs/profile_page.h"

#include <optional>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLineEdit;
class QPlainTextEdit;

namespace mqttdesk {

class PairsTable;

// Last will: topic, QoS, retain, payload in a chosen encoding, and the MQTT
// 5.0 will properties.
class WillPage : public ProfilePage
{
    Q_OBJECT
public:
    explicit WillPage(QWidget *parent = nullptr);

    void load(const ConnectionProfile &profile) override;
    void store(ConnectionProfile &profile) const override;
    ProfileProblems problems() const override;

    // The payload typed in `encoding`, or nothing when it does not parse.
    static std::optional<QByteArray> decode(const QString &text, PayloadEncoding encoding);
    static QString encode(const QByteArray &payload, PayloadEncoding encoding);

private:
    void onEncodingChanged();
    void updateEnabled();
    PayloadEncoding encoding() const;

    QCheckBox *m_enabled;
    QLineEdit *m_topic;
    QComboBox *m_qos;
    QCheckBox *m_retain;
    QComboBox *m_encoding;
    QPlainTextEdit *m_payload;
    QDoubleSpinBox *m_delay;
    QCheckBox *m_expires;
    QDoubleSpinBox *m_expiry;
    QLineEdit *m_contentType;
    QLineEdit *m_responseTopic;
    QLineEdit *m_correlation;
    QCheckBox *m_utf8;
    PairsTable *m_userProperties;
    PayloadEncoding m_shownEncoding = PayloadEncoding::Text;
    // The loaded bytes, kept exact until the text is edited (text that is
    // not valid UTF-8 would not survive a round trip through the editor).
    QByteArray m_loadedPayload;
    bool m_payloadEdited = false;
};

} // namespace mqttdesk
