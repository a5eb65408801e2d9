#include "ui/dialogs/message_box_secret_consent.h"

#include <QCoreApplication>
#include <QMessageBox>
#include <QPushButton>

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
    QMessageBox box(
        QMessageBox::Warning, tr("No keychain available"),
        tr("The passwords of \"%1\" cannot be saved in the system keychain.").arg(profile.name),
        QMessageBox::NoButton, m_parent);
    box.setInformativeText(tr("Save them unencrypted in the connection's profile? Anyone who "
                              "can read your files can then read them. If you say no, you will "
                              "be asked for them when connecting."));
    box.setDetailedText(reason);
    QPushButton *plain = box.addButton(tr("Save &unencrypted"), QMessageBox::AcceptRole);
    box.addButton(tr("&Do not save"), QMessageBox::RejectRole);
    box.exec();
    return box.clickedButton() == plain;
}

} // namespace mqttdesk
