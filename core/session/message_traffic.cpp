#include "core/session/message_traffic.h"

#include "core/protocol/codec.h"
#include "core/session/ack_builder.h"
#include "core/session/request_validator.h"

#include <QCoreApplication>

#include <algorithm>

namespace mqttdesk {

namespace {} // namespace

MessageTraffic::MessageTraffic(SessionLink &link, PacketIdAllocator &ids)
    : m_link(link)
    , m_outbound(ids)
{}

bool MessageTraffic::isV5() const
{
    return m_link.sessionOptions().version == ProtocolVersion::V5;
}

// ---- connection life --------------------------------------------------------------

void MessageTraffic::beginConnection(const ConnackInfo &server)
{
    const SessionOptions &options = m_link.sessionOptions();
    const bool v5 = isV5();
    // Our window: the server's Receive Maximum (5.0 §4.9), capped by our own limit; a 3.x
    // server announces none, and a conservative window is assumed (see SessionOptions).
    const quint16 window =
        qMin(v5 ? server.receiveMaximum : options.maximumInFlightWithoutReceiveMaximum,
             options.maximumInFlight);
    const quint16 aliases = v5 && options.outboundTopicAliases ? server.topicAliasMaximum : 0;
    m_outbound.beginConnection(window, aliases);
    m_inbound.beginConnection(v5 ? options.topicAliasMaximum : 0,
                              v5 ? options.receiveMaximum.value_or(65535) : 65535);

    // PUBREL and unacknowledged PUBLISH of a resumed session first, in their original
    // order [MQTT-4.4.0-1, MQTT-4.6.0-1], then the queue.
    pump();
}

void MessageTraffic::endConnection()
{
    m_outbound.endConnection();
    m_inbound.endConnection();
    m_answeredUnknownPubrecs.clear();
}

void MessageTraffic::discardSessionState()
{
    for (const OutboundEntry &entry : m_outbound.discardInFlight()) {
        publishFailed(
            entry.token, entry.message.packetId,
            SessionError::make(SessionError::Kind::SessionLost,
                               QCoreApplication::translate("mqttdesk::MessageTraffic",
                                                           "The session ended before the message "
                                                           "was fully acknowledged; it may or may "
                                                           "not have been delivered."),
                               QStringLiteral("MQTT-3.2.2-5")));
    }
    m_inbound.clearSession();
    m_awaitingStore.clear();
    m_qos1Held.clear();
    m_qos2AwaitingStore.clear();
}

// ---- publish out ------------------------------------------------------------------

void MessageTraffic::publish(PublishRequested request)
{
    const SessionOptions &options = m_link.sessionOptions();
    const ConnackInfo *server = m_link.server();
    PublishPacket &message = request.message;
    if (std::optional<SessionError> error =
            RequestValidator::checkPublish(message, options.version, server)) {
        publishFailed(request.token, 0, *error);
        return;
    }
    if (server) {
        // Refuse what can never be sent before it takes a place in the queue.
        PublishPacket sized = message;
        if (sized.qos != QoS::AtMostOnce)
            sized.packetId = 1; // any id has the same size
        const EncodeResult encoded = tryEncode(sized, options.version);
        if (!encoded) {
            publishFailed(request.token, 0, SessionError::fromEncodeError(encoded.error()));
            return;
        }
        const qsizetype aliasMargin = m_outbound.aliasesEnabled() ? 3 : 0;
        if (std::optional<SessionError> error = RequestValidator::checkSize(
                encoded.value().size() + aliasMargin, PacketType::Publish, server)) {
            publishFailed(request.token, 0, *error);
            return;
        }
        if (message.qos == QoS::AtMostOnce) {
            // QoS 0 is never held back by the window [MQTT-4.9.0-2].
            if (std::optional<SessionError> error =
                    m_link.send(m_outbound.withTopicAlias(message))) {
                publishFailed(request.token, 0, *error);
                return;
            }
            PublishOutcome outcome;
            outcome.token = request.token;
            outcome.status = PublishStatus::Sent;
            m_link.emitAction(std::move(outcome));
            return;
        }
        m_outbound.enqueue(request.token, message);
        pump();
        if (!m_outbound.queue().empty() && m_outbound.queue().back().token == request.token) {
            PublishOutcome outcome;
            outcome.token = request.token;
            outcome.status = PublishStatus::Queued;
            m_link.emitAction(std::move(outcome));
        }
        return;
    }
    // Offline.
    if (message.qos == QoS::AtMostOnce) {
        publishFailed(
            request.token, 0,
            SessionError::make(SessionError::Kind::NotConnected,
                               QCoreApplication::translate("mqttdesk::MessageTraffic",
                                                           "Not connected: a QoS 0 message cannot "
                                                           "be queued. Connect first, or publish "
                                                           "with QoS 1 or 2.")));
        return;
    }
    if (m_outbound.queuedCount() >= options.offlineQueueLimit) {
        publishFailed(request.token, 0,
                      SessionError::make(
                          SessionError::Kind::OfflineQueueFull,
                          options.offlineQueueLimit <= 0
                              ? QCoreApplication::translate("mqttdesk::MessageTraffic",
                                                            "Not connected, and queueing while "
                                                            "offline is turned off.")
                              : QCoreApplication::translate("mqttdesk::MessageTraffic",
                                                            "Not connected, and %1 messages are "
                                                            "already waiting (the offline queue "
                                                            "limit). Connect, or raise the limit.")
                                    .arg(options.offlineQueueLimit)));
        return;
    }
    m_outbound.enqueue(request.token, message);
    PublishOutcome outcome;
    outcome.token = request.token;
    outcome.status = PublishStatus::Queued;
    m_link.emitAction(std::move(outcome));
}

void MessageTraffic::pump()
{
    if (!m_link.server())
        return;
    // Each turn takes an entry off the queue or fills a window slot, so it ends.
    while (std::optional<OutboundFlow::Next> next = m_outbound.takeNext()) {
        if (const auto *pubrel = std::get_if<PubrelPacket>(&next->packet)) {
            m_link.send(*pubrel); // resent PUBREL of a resumed session [MQTT-4.4.0-1]
            continue;
        }
        sendWindowed(*next);
        if (!m_link.server())
            return;
    }
}

bool MessageTraffic::sendWindowed(const OutboundFlow::Next &next)
{
    const ConnackInfo *server = m_link.server();
    const PublishPacket &message = std::get<PublishPacket>(next.packet);
    std::optional<SessionError> error;
    // Queued while offline: this server's limits are known only now.
    if (quint8(message.qos) > quint8(server->maximumQoS)) {
        PublishPacket copy = message;
        error = RequestValidator::checkPublish(copy, m_link.sessionOptions().version, server);
    } else if (message.retain && !server->retainAvailable) {
        PublishPacket copy = message;
        error = RequestValidator::checkPublish(copy, m_link.sessionOptions().version, server);
    }
    if (!error) {
        const EncodeResult encoded = tryEncode(message, m_link.sessionOptions().version);
        if (!encoded)
            error = SessionError::fromEncodeError(encoded.error());
        else
            error = RequestValidator::checkSize(encoded.value().size() +
                                                    (m_outbound.aliasesEnabled() ? 3 : 0),
                                                PacketType::Publish, server);
    }
    if (!error)
        error = m_link.send(m_outbound.withTopicAlias(message));
    if (error) {
        m_outbound.abandon(message.packetId);
        publishFailed(next.token, message.packetId, *error);
        return false;
    }
    if (next.resend)
        m_link.log(LogLevel::Info,
                   QStringLiteral("resent PUBLISH id=%1 with DUP=1").arg(message.packetId));
    return true;
}

void MessageTraffic::publishFailed(quint64 token, quint16 packetId, const SessionError &error,
                                   const Properties &properties)
{
    PublishOutcome outcome;
    outcome.token = token;
    outcome.status = PublishStatus::Failed;
    outcome.packetId = packetId;
    outcome.reasonCode = error.reasonCode.value_or(ReasonCode::UnspecifiedError);
    outcome.properties = properties;
    outcome.error = error;
    m_link.log(LogLevel::Warning, error.toString());
    m_link.emitAction(std::move(outcome));
}

SessionError MessageTraffic::rejected(PacketType packet, ReasonCode code,
                                      const Properties &properties) const
{
    QString text =
        QCoreApplication::translate("mqttdesk::MessageTraffic", "The server answered %1 with %2.")
            .arg(packetTypeName(packet), reasonCodeText(code, packet));
    if (const std::optional<QString> reason = properties.reasonString())
        text += QLatin1Char(' ') +
                QCoreApplication::translate("mqttdesk::MessageTraffic", "It says: \"%1\".")
                    .arg(*reason);
    return SessionError::make(SessionError::Kind::RejectedByServer, text, {}, code);
}

// ---- acks of our PUBLISH ----------------------------------------------------------

void MessageTraffic::onPuback(const PubackPacket &packet)
{
    const std::optional<OutboundEntry> entry = m_outbound.onPuback(packet.packetId);
    if (!entry) {
        // We resend only on a new connection [MQTT-4.4.0-1], so even a duplicate ack here
        // means the server's session state is not ours.
        m_link.failConnection(
            SessionError::unknownPacketId(PacketType::Puback, packet.packetId, isV5()));
        return;
    }
    if (isSuccess(packet.reasonCode)) {
        PublishOutcome outcome;
        outcome.token = entry->token;
        outcome.status = PublishStatus::Acknowledged;
        outcome.packetId = packet.packetId;
        outcome.reasonCode = packet.reasonCode;
        outcome.properties = packet.properties;
        m_link.emitAction(std::move(outcome));
    } else {
        // The flow ends; no retransmission [MQTT-4.4.0-2].
        publishFailed(entry->token, packet.packetId,
                      rejected(PacketType::Puback, packet.reasonCode, packet.properties),
                      packet.properties);
    }
    pump();
}

void MessageTraffic::onPubrec(const PubrecPacket &packet)
{
    const bool success = isSuccess(packet.reasonCode);
    const std::optional<OutboundEntry> entry = m_outbound.onPubrec(packet.packetId, success);
    if (!entry) {
        m_link.log(LogLevel::Warning,
                   QStringLiteral("PUBREC for unknown packet id %1").arg(packet.packetId));
        if (success) {
            // Unlike the other acks, this one has an answer defined for it: let the server
            // finish its side (5.0: PUBREL with 0x92 Packet Identifier not found, §3.6.2.1).
            PubrelPacket pubrel = ack<PubrelPacket>(packet.packetId);
            if (isV5())
                pubrel.reasonCode = ReasonCode::PacketIdentifierNotFound;
            m_link.send(pubrel);
            m_answeredUnknownPubrecs.insert(packet.packetId);
        }
        return;
    }
    if (!success) {
        publishFailed(entry->token, packet.packetId,
                      rejected(PacketType::Pubrec, packet.reasonCode, packet.properties),
                      packet.properties);
        pump();
        return;
    }
    m_link.send(ack<PubrelPacket>(packet.packetId)); // [MQTT-4.3.3-4]
    PublishOutcome outcome;
    outcome.token = entry->token;
    outcome.status = PublishStatus::Received;
    outcome.packetId = packet.packetId;
    outcome.reasonCode = packet.reasonCode;
    outcome.properties = packet.properties;
    m_link.emitAction(std::move(outcome));
}

void MessageTraffic::onPubcomp(const PubcompPacket &packet)
{
    const std::optional<OutboundEntry> entry = m_outbound.onPubcomp(packet.packetId);
    if (!entry) {
        if (m_answeredUnknownPubrecs.remove(packet.packetId))
            return; // the end of a flow we answered, see onPubrec
        m_link.failConnection(
            SessionError::unknownPacketId(PacketType::Pubcomp, packet.packetId, isV5()));
        return;
    }
    if (isSuccess(packet.reasonCode)) {
        PublishOutcome outcome;
        outcome.token = entry->token;
        outcome.status = PublishStatus::Completed;
        outcome.packetId = packet.packetId;
        outcome.reasonCode = packet.reasonCode;
        outcome.properties = packet.properties;
        m_link.emitAction(std::move(outcome));
    } else {
        publishFailed(entry->token, packet.packetId,
                      rejected(PacketType::Pubcomp, packet.reasonCode, packet.properties),
                      packet.properties);
    }
    pump();
}

// ---- PUBLISH in -------------------------------------------------------------------

void MessageTraffic::onPublish(PublishPacket &packet)
{
    DeliverMessage delivery;
    if (isV5()) {
        delivery.topicAlias = packet.properties.topicAlias().value_or(0);
        if (std::optional<SessionError> error = m_inbound.resolveTopicAlias(packet)) {
            m_link.failConnection(*error);
            return;
        }
    }
    delivery.subscriptionIdentifiers = packet.properties.subscriptionIdentifiers();
    const bool afterStore = acknowledgeAfterStore();
    switch (packet.qos) {
    case QoS::AtMostOnce:
        delivery.message = std::move(packet);
        deliver(delivery);
        return;
    case QoS::AtLeastOnce: {
        const quint16 id = packet.packetId;
        if (const auto held = m_qos1Held.find(id); held != m_qos1Held.end()) {
            // The server resends a message we hold the PUBACK of (the connection was lost
            // before storage finished): it is delivered once. Stored: acknowledge now;
            // not yet: the PUBACK follows MessagesStored.
            if (held.value()) {
                m_qos1Held.erase(held);
                m_link.send(ack<PubackPacket>(id));
            }
            m_link.log(LogLevel::Info,
                       QStringLiteral("resent QoS 1 PUBLISH id=%1 not delivered again").arg(id));
            return;
        }
        delivery.message = std::move(packet);
        deliver(delivery);
        if (afterStore) {
            m_awaitingStore.push_back({delivery.sequence, id, QoS::AtLeastOnce});
            m_qos1Held.insert(id, false);
        } else {
            // Acked even if the application drops it [MQTT-4.5.0-2, MQTT-4.3.2-4].
            m_link.send(ack<PubackPacket>(id));
        }
        return;
    }
    case QoS::ExactlyOnce:
        break;
    }
    const quint16 id = packet.packetId;
    switch (m_inbound.receiveQos2(id)) {
    case InboundFlow::Qos2Receipt::New:
        delivery.message = std::move(packet);
        deliver(delivery);
        if (afterStore) {
            m_awaitingStore.push_back({delivery.sequence, id, QoS::ExactlyOnce});
            m_qos2AwaitingStore.insert(id);
        } else {
            m_link.send(ack<PubrecPacket>(id)); // [MQTT-4.3.3-8]
        }
        return;
    case InboundFlow::Qos2Receipt::Duplicate:
        // Delivered already: acknowledge again, do not deliver [MQTT-4.3.3-10] (the
        // PUBREC of one still being stored follows MessagesStored).
        m_link.log(LogLevel::Info,
                   QStringLiteral("duplicate QoS 2 PUBLISH id=%1 not delivered again").arg(id));
        if (!m_qos2AwaitingStore.contains(id))
            m_link.send(ack<PubrecPacket>(id));
        return;
    case InboundFlow::Qos2Receipt::OverReceiveMaximum:
        m_link.failConnection(SessionError::protocolViolation(
            QStringLiteral("MQTT-3.3.4-9"),
            QCoreApplication::translate("mqttdesk::MessageTraffic",
                                        "it sent more unacknowledged QoS 2 messages "
                                        "than our Receive Maximum allows"),
            ReasonCode::ReceiveMaximumExceeded));
        return;
    }
}

void MessageTraffic::deliver(DeliverMessage &delivery)
{
    delivery.sequence = ++m_deliverySequence;
    m_link.emitAction(delivery);
}

bool MessageTraffic::acknowledgeAfterStore() const
{
    return m_link.sessionOptions().acknowledgeAfterStore;
}

void MessageTraffic::onMessagesStored(const MessagesStored &stored)
{
    // Refused by storage: not acknowledged, and forgotten, so that the server's resend
    // after a reconnect is delivered (and stored) again.
    for (const quint64 sequence : stored.refused) {
        const auto it =
            std::find_if(m_awaitingStore.begin(), m_awaitingStore.end(),
                         [sequence](const AwaitingStore &a) { return a.sequence == sequence; });
        if (it == m_awaitingStore.end())
            continue;
        if (it->qos == QoS::AtLeastOnce) {
            m_qos1Held.remove(it->packetId);
        } else {
            m_qos2AwaitingStore.remove(it->packetId);
            m_inbound.forget(it->packetId);
        }
        m_awaitingStore.erase(it);
    }
    const bool connected = m_link.server() != nullptr;
    while (!m_awaitingStore.empty() && m_awaitingStore.front().sequence <= stored.throughSequence) {
        const AwaitingStore done = m_awaitingStore.front();
        m_awaitingStore.pop_front();
        if (done.qos == QoS::AtLeastOnce) {
            if (connected) {
                m_qos1Held.remove(done.packetId);
                m_link.send(ack<PubackPacket>(done.packetId)); // [MQTT-4.3.2-4]
            } else {
                m_qos1Held.insert(done.packetId, true);
            }
        } else {
            m_qos2AwaitingStore.remove(done.packetId);
            // Disconnected: the server resends the PUBLISH, and the duplicate is answered.
            if (connected)
                m_link.send(ack<PubrecPacket>(done.packetId)); // [MQTT-4.3.3-8]
        }
    }
}

void MessageTraffic::onPubrel(const PubrelPacket &packet)
{
    const bool known = m_inbound.release(packet.packetId);
    PubcompPacket pubcomp = ack<PubcompPacket>(packet.packetId);
    if (!known) {
        m_link.log(LogLevel::Warning,
                   QStringLiteral("PUBREL for unknown packet id %1").arg(packet.packetId));
        if (isV5())
            pubcomp.reasonCode = ReasonCode::PacketIdentifierNotFound;
    }
    m_link.send(pubcomp); // [MQTT-4.3.3-11]
}

} // namespace mqttdesk
