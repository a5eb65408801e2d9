#include "ui/connections/server_reference_prompt.h"

#include "ui/widgets/prompts.h"

namespace mqttdesk {

ServerReferencePrompt::Decision ServerReferencePrompt::ask(QWidget *parent,
                                                           const QString &connectionName,
                                                           bool moved, const QString &reference,
                                                           const QStringList &addresses)
{
    Prompts::Request question;
    question.parent = parent;
    question.title = tr("Another server");
    question.text = moved ? tr("The broker of %1 says it has moved to %2.")
                                .arg(connectionName, addresses.join(QStringLiteral(", ")))
                          : tr("The broker of %1 asks to use another server: %2.")
                                .arg(connectionName, addresses.join(QStringLiteral(", ")));
    question.informativeText =
        tr("Connect there now? The connection's other settings stay the same; the session there "
           "starts afresh unless that server keeps one for this client id.");
    question.detailedText = tr("Server Reference: %1").arg(reference);
    question.acceptText = tr("Connect there");
    question.rejectText = tr("Stay disconnected");
    question.rememberText = tr("Do the same from now on for this connection");
    const Prompts::Answer answer = Prompts::question(question);
    return Decision{answer.accepted, answer.remember};
}

} // namespace mqttdesk
