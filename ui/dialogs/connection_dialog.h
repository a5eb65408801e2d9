#pragma once

#include "core/profile/connection_profile.h"
#include "core/profile/profile_problem.h"
#include "ui/i18n/retranslator.h"

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QPushButton;
class QTabWidget;

namespace mqttdesk {

class AdvancedPage;
class GeneralPage;
class ProfilePage;
class TlsPage;
class WillPage;

// Creates or edits one connection profile: General, TLS, Advanced and Last
// will tabs. Every change is validated at once; Save stays disabled, with a
// message naming the problem, until the form is valid. Secrets come back in
// profile() in clear text; the caller hands them to ProfileSecrets.
class ConnectionDialog : public QDialog
{
    Q_OBJECT
public:
    explicit ConnectionDialog(QWidget *parent = nullptr);

    void setProfile(const ConnectionProfile &profile);
    ConnectionProfile profile() const;
    // The other saved connections: one that reaches the same broker with the same fixed
    // client id is named in a warning (saving stays possible).
    void setOtherProfiles(const QList<ConnectionProfile> &others);

    // Everything wrong or doubtful in the form, errors first.
    ProfileProblems problems() const;
    QString statusText() const;
    // The client id warning; empty when there is none.
    QString clientIdWarning() const;
    QPushButton *saveButton() const { return m_save; }
    QPushButton *testButton() const { return m_test; }
    QTabWidget *tabs() const { return m_tabs; }

public Q_SLOTS:
    // The answer to testConnectionRequested: the CONNACK summary or the error.
    void showTestResult(bool success, const QString &text);

Q_SIGNALS:
    // Seam for the connection engine, which is not part of this build yet:
    // whoever owns connections tests `profile` and calls showTestResult().
    void testConnectionRequested(const mqttdesk::ConnectionProfile &profile);

protected:
    void changeEvent(QEvent *event) override;

private:
    void revalidate();
    void checkClientId();
    void requestTest();
    QList<ProfilePage *> pages() const;

    QTabWidget *m_tabs;
    GeneralPage *m_general;
    TlsPage *m_tls;
    AdvancedPage *m_advanced;
    WillPage *m_will;
    QLabel *m_status;
    QLabel *m_testResult;
    QLabel *m_clientIdClash;
    QDialogButtonBox *m_buttons;
    QPushButton *m_save;
    QPushButton *m_test;
    ConnectionProfile m_base;
    QList<ConnectionProfile> m_others;
    bool m_loading = false;
    Retranslator m_texts;
};

} // namespace mqttdesk
