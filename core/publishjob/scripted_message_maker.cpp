#include "core/publishjob/scripted_message_maker.h"

#include "core/script/script_runner.h"

#include <QDateTime>
#include <QRandomGenerator>

namespace mqttdesk {

ScriptedMessageMaker::ScriptedMessageMaker(CompiledTemplate message, QString clientId,
                                           QObject *parent)
    : QObject(parent)
    , m_message(std::move(message))
    , m_clientId(std::move(clientId))
{
    // One thread, kept: its engine holds the compiled script from one batch to the next.
    m_pool.setMaxThreadCount(1);
    m_pool.setExpiryTimeout(-1);
}

ScriptedMessageMaker::~ScriptedMessageMaker()
{
    m_cancelled = true;
    m_pool.waitForDone();
}

bool ScriptedMessageMaker::make(QList<MessageOrder> orders)
{
    if (m_busy)
        return false;
    m_busy = true;
    m_cancelled = false;
    m_pool.start([this, orders = std::move(orders), message = m_message, clientId = m_clientId,
                  limits = m_limits] {
        QRandomGenerator random(QRandomGenerator::global()->generate());
        QList<MadeMessage> made;
        made.reserve(orders.size());
        for (const MessageOrder &order : orders) {
            if (m_cancelled)
                break;
            made.append(makeOne(message, order, clientId, &random, limits));
        }
        // The destructor waits for this task, so `this` is alive here; a queued call to an
        // object deleted before it runs is dropped.
        QMetaObject::invokeMethod(
            this,
            [this, made = std::move(made)] {
                m_busy = false;
                emit this->made(made);
            },
            Qt::QueuedConnection);
    });
    return true;
}

MadeMessage ScriptedMessageMaker::makeOne(const CompiledTemplate &message,
                                          const MessageOrder &order, const QString &clientId,
                                          QRandomGenerator *random, const ScriptLimits &limits)
{
    MadeMessage out;
    out.counter = order.counter;
    const TemplateContext context(order.counter, order.nowMs, clientId, random);
    out.scriptInput = message.payload(context);
    const ScriptResult result = ScriptRunner::forCurrentThread().runOutgoing(
        message.source().script, out.scriptInput, message.topic(context), order.counter, limits);
    if (!result.ok()) {
        out.error = tr("Script error: %1").arg(result.error->text());
        return out;
    }
    if (result.kind == ScriptResult::Kind::Bytes)
        out.payload.bytes = result.bytes;
    else
        out.payload.text = result.text;
    PublishDraftError error;
    out.packet = message.message(context, out.payload, &error);
    if (!out.packet)
        out.error = error.message();
    return out;
}

} // namespace mqttdesk
