#include "ui/dialogs/message_box_secret_consent.h"

#include "ui/widgets/prompts.h"

#include <QCoreApplication>

namespace mqttdesk {

MessageBoxSecretConsent::MessageBoxSecretConsent(QWidget *parent)
    : m_parent(parent)
{}

bool MessageBoxSecretConsent::allowPlainStorage(const ConnectionProfile &profile,
                                                const QString &reason)
{
    const auto tr = [](const char *text) {
        return QCoreApplication::translate("mqttdesk::MessageBoxSecretConsent", text);
    };
    Prompts::Request question;
    question.parent = m_parent;
    question.warning = true; // the secrets would be readable by anyone
    question.title = tr("No keychain available");
    question.text =
        tr("The passwords of \"%1\" cannot be saved in the system keychain.").arg(profile.name);
    // The reason is said in words, not hidden behind "Show details".
    question.informativeText =
        tr("Why: %1\n\nSave them unencrypted in the connection's profile? Anyone who can read "
           "your files can then read them (the data directory is private to your user). If "
           "you say no, you will be asked for them when connecting.")
            .arg(reason);
    question.acceptText = tr("Save &unencrypted");
    question.rejectText = tr("&Do not save");
    return Prompts::ask(question);
}

} // namespace mqttdesk
