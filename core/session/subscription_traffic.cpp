#include "core/session/subscription_traffic.h"

#include "core/session/request_validator.h"

#include <QCoreApplication>

namespace mqttdesk {

namespace {} // namespace

SubscriptionTraffic::SubscriptionTraffic(SessionLink &link, PacketIdAllocator &ids)
    : m_link(link)
    , m_ids(ids)
{}

bool SubscriptionTraffic::isV5() const
{
    return m_link.sessionOptions().version == ProtocolVersion::V5;
}

// ---- connection life --------------------------------------------------------------

void SubscriptionTraffic::beginConnection(const ConnackInfo &server)
{
    // The server forgot our subscriptions: make them again.
    if (!server.sessionPresent) {
        const ProtocolVersion version = m_link.sessionOptions().version;
        for (SubscribeRequested &request : m_book.resubscribeRequests()) {
            if (std::optional<SessionError> error =
                    RequestValidator::checkSubscribe(request, version, &server)) {
                subscribeFailed(request, *error, true);
                continue;
            }
            sendSubscribe(request, true);
        }
    }
    for (SubscriptionBook::Waiting &waiting : m_book.takeWaiting()) {
        if (auto *subscribe = std::get_if<SubscribeRequested>(&waiting))
            this->subscribe(std::move(*subscribe));
        else if (auto *unsubscribe = std::get_if<UnsubscribeRequested>(&waiting))
            this->unsubscribe(std::move(*unsubscribe));
    }
}

void SubscriptionTraffic::endConnection()
{
    for (const auto &[id, pending] : m_book.takeAllPendingSubscribes()) {
        m_ids.release(id);
        subscribeFailed(
            pending.request,
            SessionError::make(SessionError::Kind::TransportClosed,
                               QCoreApplication::translate("mqttdesk::SubscriptionTraffic",
                                                           "The connection closed before the "
                                                           "server acknowledged the "
                                                           "subscription.")),
            pending.resubscribe);
    }
    for (const auto &[id, pending] : m_book.takeAllPendingUnsubscribes()) {
        m_ids.release(id);
        unsubscribeFailed(pending, SessionError::make(SessionError::Kind::TransportClosed,
                                                      QCoreApplication::translate(
                                                          "mqttdesk::SubscriptionTraffic",
                                                          "The connection closed before the server "
                                                          "acknowledged the unsubscription.")));
    }
}

void SubscriptionTraffic::forgetSubscriptions()
{
    m_book.clearActive();
    const SessionError cancelled = SessionError::make(
        SessionError::Kind::Cancelled,
        QCoreApplication::translate("mqttdesk::SubscriptionTraffic",
                                    "Cancelled: the connection was closed by you."));
    for (SubscriptionBook::Waiting &waiting : m_book.takeWaiting()) {
        if (auto *subscribe = std::get_if<SubscribeRequested>(&waiting))
            subscribeFailed(*subscribe, cancelled);
        else if (auto *unsubscribe = std::get_if<UnsubscribeRequested>(&waiting))
            unsubscribeFailed(*unsubscribe, cancelled);
    }
}

// ---- requests and acks ------------------------------------------------------------

void SubscriptionTraffic::subscribe(SubscribeRequested request)
{
    const ConnackInfo *server = m_link.server();
    if (std::optional<SessionError> error =
            RequestValidator::checkSubscribe(request, m_link.sessionOptions().version, server)) {
        subscribeFailed(request, *error);
        return;
    }
    if (server) {
        sendSubscribe(std::move(request), false);
    } else if (m_link.isConnectionPending()) {
        m_book.addWaiting(std::move(request));
    } else {
        subscribeFailed(request,
                        SessionError::make(SessionError::Kind::NotConnected,
                                           QCoreApplication::translate(
                                               "mqttdesk::SubscriptionTraffic",
                                               "Not connected: connect before subscribing.")));
    }
}

void SubscriptionTraffic::unsubscribe(UnsubscribeRequested request)
{
    if (std::optional<SessionError> error =
            RequestValidator::checkUnsubscribe(request, m_link.sessionOptions().version)) {
        unsubscribeFailed(request, *error);
        return;
    }
    if (m_link.server()) {
        sendUnsubscribe(std::move(request));
    } else if (m_link.isConnectionPending()) {
        m_book.addWaiting(std::move(request));
    } else {
        unsubscribeFailed(request,
                          SessionError::make(SessionError::Kind::NotConnected,
                                             QCoreApplication::translate(
                                                 "mqttdesk::SubscriptionTraffic",
                                                 "Not connected: connect before unsubscribing.")));
    }
}

void SubscriptionTraffic::sendSubscribe(SubscribeRequested request, bool resubscribe)
{
    const std::optional<quint16> id = m_ids.allocate();
    if (!id) {
        subscribeFailed(
            request,
            SessionError::make(SessionError::Kind::PacketIdsExhausted,
                               QCoreApplication::translate("mqttdesk::SubscriptionTraffic",
                                                           "All 65,535 packet identifiers are in "
                                                           "use; try again when messages in "
                                                           "flight are acknowledged.")),
            resubscribe);
        return;
    }
    SubscribePacket packet;
    packet.packetId = *id;
    packet.subscriptions = request.subscriptions;
    if (request.subscriptionIdentifier)
        packet.properties.addSubscriptionIdentifier(*request.subscriptionIdentifier);
    for (const StringPair &pair : request.userProperties)
        packet.properties.addUserProperty(pair.name, pair.value);
    if (std::optional<SessionError> error = m_link.send(packet)) {
        m_ids.release(*id);
        subscribeFailed(request, *error, resubscribe);
        return;
    }
    m_book.addPending(*id, SubscriptionBook::PendingSubscribe{std::move(request), resubscribe});
}

void SubscriptionTraffic::sendUnsubscribe(UnsubscribeRequested request)
{
    const std::optional<quint16> id = m_ids.allocate();
    if (!id) {
        unsubscribeFailed(
            request, SessionError::make(
                         SessionError::Kind::PacketIdsExhausted,
                         QCoreApplication::translate("mqttdesk::SubscriptionTraffic",
                                                     "All 65,535 packet identifiers are in use; "
                                                     "try again later.")));
        return;
    }
    UnsubscribePacket packet;
    packet.packetId = *id;
    packet.filters = request.filters;
    for (const StringPair &pair : request.userProperties)
        packet.properties.addUserProperty(pair.name, pair.value);
    if (std::optional<SessionError> error = m_link.send(packet)) {
        m_ids.release(*id);
        unsubscribeFailed(request, *error);
        return;
    }
    m_book.addPending(*id, std::move(request));
}

void SubscriptionTraffic::onSuback(const SubackPacket &packet)
{
    std::optional<SubscriptionBook::PendingSubscribe> pending =
        m_book.takePendingSubscribe(packet.packetId);
    if (!pending) {
        // An ack must echo a request in flight; waiting on would hang the real request.
        m_link.failConnection(
            SessionError::unknownPacketId(PacketType::Suback, packet.packetId, isV5()));
        return;
    }
    m_ids.release(packet.packetId);
    const SubscribeRequested &request = pending->request;
    if (packet.reasonCodes.size() != request.subscriptions.size()) {
        subscribeFailed(
            request,
            SessionError::make(SessionError::Kind::ProtocolViolation,
                               QCoreApplication::translate("mqttdesk::SubscriptionTraffic",
                                                           "The server's SUBACK did not answer "
                                                           "every filter.")),
            pending->resubscribe);
        m_link.failConnection(SessionError::protocolViolation(
            isV5() ? QStringLiteral("MQTT-3.8.4-6") : QStringLiteral("MQTT-3.8.4-5"),
            QCoreApplication::translate("mqttdesk::SubscriptionTraffic",
                                        "its SUBACK has %1 reason codes for %2 filters")
                .arg(packet.reasonCodes.size())
                .arg(request.subscriptions.size())));
        return;
    }
    m_book.granted(request, packet.reasonCodes);
    SubscribeResult result;
    result.token = request.token;
    result.subscriptions = request.subscriptions;
    result.reasonCodes = packet.reasonCodes;
    result.properties = packet.properties;
    result.resubscribe = pending->resubscribe;
    m_link.emitAction(std::move(result));
}

void SubscriptionTraffic::onUnsuback(const UnsubackPacket &packet)
{
    std::optional<UnsubscribeRequested> pending = m_book.takePendingUnsubscribe(packet.packetId);
    if (!pending) {
        m_link.failConnection(
            SessionError::unknownPacketId(PacketType::Unsuback, packet.packetId, isV5()));
        return;
    }
    m_ids.release(packet.packetId);
    QList<ReasonCode> codes = packet.reasonCodes;
    if (!isV5()) {
        codes = QList<ReasonCode>(pending->filters.size(), ReasonCode::Success);
    } else if (codes.size() != pending->filters.size()) {
        unsubscribeFailed(*pending, SessionError::make(SessionError::Kind::ProtocolViolation,
                                                       QCoreApplication::translate(
                                                           "mqttdesk::SubscriptionTraffic",
                                                           "The server's UNSUBACK did not answer "
                                                           "every filter.")));
        m_link.failConnection(SessionError::protocolViolation(
            QStringLiteral("MQTT-3.11.3-1"),
            QCoreApplication::translate("mqttdesk::SubscriptionTraffic",
                                        "its UNSUBACK has %1 reason codes for %2 filters")
                .arg(codes.size())
                .arg(pending->filters.size())));
        return;
    }
    m_book.removed(pending->filters, codes);
    UnsubscribeResult result;
    result.token = pending->token;
    result.filters = pending->filters;
    result.reasonCodes = codes;
    result.properties = packet.properties;
    m_link.emitAction(std::move(result));
}

void SubscriptionTraffic::subscribeFailed(const SubscribeRequested &request,
                                          const SessionError &error, bool resubscribe)
{
    SubscribeResult result;
    result.token = request.token;
    result.subscriptions = request.subscriptions;
    result.resubscribe = resubscribe;
    result.error = error;
    m_link.log(LogLevel::Warning, error.toString());
    m_link.emitAction(std::move(result));
}

void SubscriptionTraffic::unsubscribeFailed(const UnsubscribeRequested &request,
                                            const SessionError &error)
{
    UnsubscribeResult result;
    result.token = request.token;
    result.filters = request.filters;
    result.error = error;
    m_link.log(LogLevel::Warning, error.toString());
    m_link.emitAction(std::move(result));
}

} // namespace mqttdesk
