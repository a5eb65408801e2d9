#pragma once

#include "core/publish/compiled_template.h"
#include "core/script/script_limits.h"

#include <QCoreApplication>
#include <QList>
#include <QMetaType>
#include <QObject>
#include <QString>
#include <QThreadPool>

#include <atomic>
#include <optional>

namespace mqttdesk {

// What one message of a scripted template is made from: its {{counter}} and its time.
struct MessageOrder
{
    quint64 counter = 1;
    qint64 nowMs = 0;
};

// One message made (or not) from a scripted template.
struct MadeMessage
{
    quint64 counter = 1;
    std::optional<PublishPacket> packet; // nothing: `error` says why
    QString error;                       // translated, with the script's line
    QString scriptInput;                 // the expanded payload the script was given
    MadePayload payload;                 // what the script returned (for a preview)
};

// Makes the messages of a template with an outgoing script. A script may take up to its time
// limit, so it never runs on the caller's (the GUI) thread: make() hands a batch of orders to
// a worker thread of its own (its ScriptRunner, and so its compiled script, kept between
// batches) and made() brings the messages back on the caller's thread, in order. For each
// order the template is expanded, the script turns the expanded payload into the one to send,
// and the message is checked as any other (PublishDraft). A script that throws, returns
// nothing or is stopped by a limit fails that message only.
class ScriptedMessageMaker : public QObject
{
    Q_OBJECT
public:
    ScriptedMessageMaker(CompiledTemplate message, QString clientId, QObject *parent = nullptr);
    // Stops the batch being made after its current message and waits for it.
    ~ScriptedMessageMaker() override;

    void setLimits(const ScriptLimits &limits) { m_limits = limits; }
    // What the next make() makes (a batch being made keeps its own).
    void setMessage(CompiledTemplate message, QString clientId)
    {
        m_message = std::move(message);
        m_clientId = std::move(clientId);
    }
    const CompiledTemplate &message() const { return m_message; }

    // Starts making `orders`; false (nothing done) while a batch is being made.
    bool make(QList<MessageOrder> orders);
    bool isBusy() const { return m_busy; }
    // The batch being made stops after its current message; made() still answers (with what
    // was made).
    void cancel() { m_cancelled = true; }

    // Makes one message on the calling thread (a worker's: never the GUI thread).
    static MadeMessage makeOne(const CompiledTemplate &message, const MessageOrder &order,
                               const QString &clientId, QRandomGenerator *random,
                               const ScriptLimits &limits);

signals:
    void made(const QList<mqttdesk::MadeMessage> &messages);

private:
    CompiledTemplate m_message;
    QString m_clientId;
    ScriptLimits m_limits;
    bool m_busy = false;
    std::atomic_bool m_cancelled = false;
    QThreadPool m_pool; // one thread; waited for in the destructor
};

} // namespace mqttdesk

Q_DECLARE_METATYPE(mqttdesk::MadeMessage)
