#pragma once

#include "ui/dialogs/profile_page.h"

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QGroupBox;
class QLineEdit;
class QSpinBox;

namespace mqttdesk {

class FallbackBrokersTable;
class PairsTable;
class PasswordField;
class VariablesTable;

// Advanced: session, MQTT 5.0 CONNECT properties and user properties,
// reconnect, offline queue, fallback brokers and server references, proxy, WebSocket headers, the
// connection's template variables, history budget and where secrets are kept.
class AdvancedPage : public ProfilePage
{
    Q_OBJECT
public:
    explicit AdvancedPage(QWidget *parent = nullptr);

    void load(const ConnectionProfile &profile) override;
    void store(ConnectionProfile &profile) const override;
    ProfileProblems problems() const override;
    void schemeChanged(TransportScheme scheme) override;
    void versionChanged(ProtocolVersion version) override;

private:
    void retranslateSession();
    void enableSession();

    QWidget *m_content;
    QSpinBox *m_keepAlive;
    QCheckBox *m_cleanStart;
    QCheckBox *m_resumeSession;
    QCheckBox *m_storeBeforeAck;
    QDoubleSpinBox *m_sessionExpiry;
    QSpinBox *m_receiveMaximum;
    QDoubleSpinBox *m_maximumPacketSize;
    QSpinBox *m_topicAliasMaximum;
    QCheckBox *m_requestResponseInfo;
    QCheckBox *m_requestProblemInfo;
    PairsTable *m_userProperties;
    QCheckBox *m_reconnect;
    QSpinBox *m_minBackoff;
    QSpinBox *m_maxBackoff;
    QSpinBox *m_queueSize;
    QComboBox *m_offlineMode;
    FallbackBrokersTable *m_fallbacks;
    QComboBox *m_fallbackOrder;
    QComboBox *m_serverReference;
    QComboBox *m_proxyType;
    QLineEdit *m_proxyHost;
    QSpinBox *m_proxyPort;
    QLineEdit *m_proxyUser;
    PasswordField *m_proxyPassword;
    QGroupBox *m_wsGroup;
    PairsTable *m_wsHeaders;
    VariablesTable *m_templateVariables;
    QDoubleSpinBox *m_maxMessages;
    QDoubleSpinBox *m_maxMegabytes;
    QDoubleSpinBox *m_maxAgeHours;
    QCheckBox *m_plainSecrets;
    bool m_proxyPasswordStored = false;
    ProtocolVersion m_version = ProtocolVersion::V5;
    RetentionBudget m_loadedRetention;
};

} // namespace mqttdesk
