#pragma once

#include "ui/dialogs/profile_page.h"

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;

namespace mqttdesk {

class CaFileList;
class FileField;
class PasswordField;

// TLS: CA (system and/or files), client certificate and key or PKCS#12,
// passphrases, minimum version, peer name, ALPN, verify peer, and the TLS key log for
// Wireshark (off by default, with a warning). Every file is checked when chosen and
// described inline.
class TlsPage : public ProfilePage
{
    Q_OBJECT
public:
    explicit TlsPage(QWidget *parent = nullptr);

    void load(const ConnectionProfile &profile) override;
    void store(ConnectionProfile &profile) const override;
    ProfileProblems problems() const override;
    void schemeChanged(TransportScheme scheme) override;

    // The key/certificate mismatch warning, or "".
    QString keyMatchWarning() const;

private:
    void checkCertificate();
    void checkKey();
    void checkPkcs12();
    void checkKeyMatch();
    void updateInsecure();
    void updateKeyLog();

    QLabel *m_notice;
    QCheckBox *m_systemCa;
    CaFileList *m_caFiles;
    FileField *m_certificate;
    FileField *m_key;
    PasswordField *m_keyPassphrase;
    FileField *m_pkcs12;
    PasswordField *m_pkcs12Password;
    QComboBox *m_minimumVersion;
    QLineEdit *m_peerName;
    QLineEdit *m_alpn;
    QCheckBox *m_verifyPeer;
    QLabel *m_insecure;
    QLabel *m_keyMatch;
    QCheckBox *m_writeKeyLog;
    FileField *m_keyLogFile;
    QLabel *m_keyLogWarning;
    bool m_passphraseStored = false;
    bool m_pkcs12PasswordStored = false;
};

} // namespace mqttdesk
