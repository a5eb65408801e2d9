#include "core/request/request_client.h"

#include "core/connection/connection.h"
#include "core/protocol/reason_code.h"
#include "core/protocol/topic.h"
#include "core/publish/template_text.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>

namespace mqttdesk {

namespace {

// The text of a JSON member as a correlation compares: strings as they are, numbers and
// booleans as JSON writes them.
QByteArray memberText(const QByteArray &payload, const QString &member)
{
    const QJsonDocument doc = QJsonDocument::fromJson(payload);
    if (!doc.isObject())
        return {};
    const QJsonValue v = doc.object().value(member);
    if (v.isString())
        return v.toString().toUtf8();
    if (v.isDouble() || v.isBool())
        return QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact).mid(1).chopped(1);
    return {};
}

} // namespace

RequestClient::RequestClient(Connection *connection, QObject *parent)
    : QObject(parent)
    , m_connection(connection)
    , m_random(QRandomGenerator::global()->generate())
{
    connect(connection, &Connection::subscribeFinished, this, &RequestClient::onSubscribeFinished);
    connect(connection, &Connection::publishFinished, this, &RequestClient::onPublishFinished);
    connect(connection, &Connection::messagesReceived, this, &RequestClient::onMessages);
}

RequestClient::~RequestClient() = default;

RequestRecord *RequestClient::find(quint64 id)
{
    for (auto it = m_records.rbegin(); it != m_records.rend(); ++it) {
        if (it->id == id)
            return &*it;
    }
    return nullptr;
}

const RequestRecord *RequestClient::record(quint64 id) const
{
    return const_cast<RequestClient *>(this)->find(id);
}

int RequestClient::pendingCount() const
{
    return int(m_pending.size());
}

quint64 RequestClient::send(const CompiledTemplate &message, const RequestOptions &options,
                            quint64 counter, const QHash<QString, QString> &variables,
                            QString *error)
{
    if (!m_connection) {
        *error = tr("The connection is gone.");
        return 0;
    }
    const TemplateContext context(counter, QDateTime::currentMSecsSinceEpoch(), m_clientId,
                                  &m_random);
    const TemplateText responseText = TemplateText::compile(options.responseTopic, variables);
    const TemplateText correlationText = TemplateText::compile(options.correlation, variables);
    if (!responseText.isValid()) {
        *error = tr("Response topic: %1").arg(responseText.errors().first().message());
        return 0;
    }
    if (!correlationText.isValid()) {
        *error = tr("Correlation: %1").arg(correlationText.errors().first().message());
        return 0;
    }
    const QString responseTopic = responseText.expand(context);
    if (const auto problem = Topic::validateName(responseTopic)) {
        *error = tr("Response topic: %1").arg(problem->message());
        return 0;
    }
    if (m_version != ProtocolVersion::V5 && options.correlationField.isEmpty() &&
        options.responseTopic.indexOf(QLatin1String("{{")) < 0) {
        // Without Correlation Data a shared reply topic cannot tell replies apart.
        *error = tr("MQTT 3.1.1 has no Correlation Data: give a payload field that carries "
                    "the correlation, or a response topic unique to each request (with "
                    "{{uuid}}).");
        return 0;
    }
    PublishDraftError draftError;
    std::optional<PublishPacket> packet = message.message(context, &draftError);
    if (!packet) {
        *error = draftError.message();
        return 0;
    }
    const QByteArray correlation = correlationText.expand(context).toUtf8();
    if (m_version == ProtocolVersion::V5) {
        packet->properties.setResponseTopic(responseTopic);
        if (!correlation.isEmpty())
            packet->properties.setCorrelationData(correlation);
    }

    RequestRecord r;
    r.id = m_nextId++;
    r.sentAtMs = context.nowMs();
    r.name = message.source().name;
    r.request = std::move(*packet);
    r.responseTopic = responseTopic;
    r.correlation = correlation;
    m_records.push_back(std::move(r));
    const quint64 id = m_records.back().id;
    auto pending = std::make_shared<Pending>();
    pending->id = id;
    pending->options = options;
    m_pending.insert(id, pending);
    trim();
    emit requestAdded(id);

    ResponseTopic &topic = m_topics[responseTopic];
    ++topic.users;
    if (topic.subscribed) {
        publishRequest(id);
    } else if (topic.subscribeToken == 0) {
        Subscription s;
        s.filter = responseTopic;
        s.options.qos = options.responseQos;
        topic.subscribeToken = m_connection->subscribe({s});
    }
    return id;
}

void RequestClient::publishRequest(quint64 id)
{
    RequestRecord *r = find(id);
    const auto pending = m_pending.value(id);
    if (!r || !pending || !m_connection)
        return;
    r->status = RequestRecord::Status::Waiting;
    pending->clock.start();
    m_publishTokens.insert(m_connection->publish(r->request), id);
    pending->timeout = std::make_unique<QTimer>();
    pending->timeout->setSingleShot(true);
    connect(pending->timeout.get(), &QTimer::timeout, this, [this, id] {
        const auto p = m_pending.value(id);
        finish(id, RequestRecord::Status::TimedOut,
               tr("No reply within %1 ms.").arg(p ? p->options.timeoutMs : 0));
    });
    pending->timeout->start(pending->options.timeoutMs);
    emit requestChanged(id);
}

void RequestClient::finish(quint64 id, RequestRecord::Status status, const QString &error)
{
    const auto pending = m_pending.take(id);
    if (!pending)
        return;
    RequestRecord *r = find(id);
    if (r) {
        r->status = status;
        r->error = error;
    }
    const QString topic = r ? r->responseTopic : QString();
    if (!topic.isEmpty())
        release(topic);
    emit requestChanged(id);
    emit requestFinished(id);
}

void RequestClient::release(const QString &topic)
{
    auto it = m_topics.find(topic);
    if (it == m_topics.end() || --it->users > 0)
        return;
    const bool subscribed = it->subscribed;
    m_topics.erase(it);
    if (subscribed && m_connection)
        m_connection->unsubscribe({topic});
}

void RequestClient::onSubscribeFinished(quint64 token, const SubscribeResult &result)
{
    QString topicName;
    for (auto it = m_topics.begin(); it != m_topics.end(); ++it) {
        if (it->subscribeToken == token && !it->subscribed) {
            topicName = it.key();
            break;
        }
    }
    if (topicName.isEmpty())
        return;
    const ReasonCode code =
        result.reasonCodes.isEmpty() ? ReasonCode::UnspecifiedError : result.reasonCodes.first();
    QList<quint64> waiting;
    for (const auto &p : std::as_const(m_pending)) {
        const RequestRecord *r = find(p->id);
        if (r && r->responseTopic == topicName && r->status == RequestRecord::Status::Subscribing)
            waiting.append(p->id);
    }
    std::sort(waiting.begin(), waiting.end());
    if (result.error || quint8(code) >= 0x80) {
        const QString why = result.error
                                ? result.error->message
                                : tr("The server refused the subscription to the response topic "
                                     "“%1”: %2.")
                                      .arg(topicName, reasonCodeText(code, PacketType::Suback));
        // Each finish() releases the topic; the last one forgets it (nothing to unsubscribe).
        for (quint64 id : waiting)
            finish(id, RequestRecord::Status::Failed, why);
        return;
    }
    m_topics[topicName].subscribed = true;
    for (quint64 id : waiting)
        publishRequest(id);
}

void RequestClient::onPublishFinished(quint64 token, const PublishOutcome &outcome)
{
    const auto it = m_publishTokens.constFind(token);
    if (it == m_publishTokens.cend())
        return;
    const quint64 id = *it;
    m_publishTokens.erase(it);
    if (outcome.status != PublishStatus::Failed)
        return;
    finish(id, RequestRecord::Status::Failed,
           outcome.error ? outcome.error->message
                         : tr("The server refused the request: %1.")
                               .arg(reasonCodeText(outcome.reasonCode, PacketType::Puback)));
}

bool RequestClient::matches(const RequestRecord &record, const Pending &pending,
                            const PublishPacket &reply) const
{
    if (reply.topic != record.responseTopic)
        return false;
    if (!pending.options.correlationField.isEmpty())
        return memberText(reply.payload, pending.options.correlationField) == record.correlation;
    if (m_version == ProtocolVersion::V5 && !record.correlation.isEmpty())
        return reply.properties.correlationData() == record.correlation;
    return true;
}

void RequestClient::onMessages(const QList<ReceivedMessage> &batch)
{
    if (m_pending.isEmpty())
        return;
    for (const ReceivedMessage &m : batch) {
        if (!m_topics.contains(m.message.topic))
            continue;
        // The oldest waiting request that the reply answers.
        quint64 answered = 0;
        for (const auto &p : std::as_const(m_pending)) {
            const RequestRecord *r = find(p->id);
            if (r && r->status == RequestRecord::Status::Waiting &&
                (!answered || p->id < answered) && matches(*r, *p, m.message))
                answered = p->id;
        }
        if (!answered)
            continue;
        const auto pending = m_pending.value(answered);
        RequestRecord *r = find(answered);
        r->rttMs = double(pending->clock.nsecsElapsed()) / 1e6;
        r->reply = m.message;
        finish(answered, RequestRecord::Status::Replied);
    }
}

void RequestClient::trim()
{
    // Drops the oldest finished requests beyond the limit; waiting ones stay.
    while (qsizetype(m_records.size()) > m_limit && m_records.front().isDone())
        m_records.pop_front();
}

} // namespace mqttdesk
