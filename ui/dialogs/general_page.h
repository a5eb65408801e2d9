#pragma once

#include "ui/dialogs/profile_page.h"

class QCheckBox;
class QComboBox;
class QLineEdit;
class QToolButton;

namespace mqttdesk {

class PasswordField;

// General: name, folder, protocol, host, port (or a domain to look up with DNS SRV),
// WebSocket path, client id, MQTT version, user name and password.
class GeneralPage : public ProfilePage
{
    Q_OBJECT
public:
    explicit GeneralPage(QWidget *parent = nullptr);

    void load(const ConnectionProfile &profile) override;
    void store(ConnectionProfile &profile) const override;
    ProfileProblems problems() const override;

    TransportScheme scheme() const;
    ProtocolVersion version() const;
    // A fresh client id: "mqttdesk-" and 8 hex digits, 17 characters, so it
    // also fits MQTT 3.1's 23-character limit.
    static QString generateClientId();

Q_SIGNALS:
    void schemeSelected(mqttdesk::TransportScheme scheme);
    void versionSelected(mqttdesk::ProtocolVersion version);

private:
    void onSchemeChanged();
    void onSrvToggled();

    QLineEdit *m_name;
    QLineEdit *m_folder;
    QComboBox *m_scheme;
    QLineEdit *m_host;
    QLineEdit *m_port;
    QCheckBox *m_srv;
    QLineEdit *m_wsPath;
    QLineEdit *m_clientId;
    QToolButton *m_generate;
    QComboBox *m_version;
    QLineEdit *m_username;
    PasswordField *m_password;
    TransportScheme m_lastScheme = TransportScheme::Mqtt;
};

} // namespace mqttdesk
