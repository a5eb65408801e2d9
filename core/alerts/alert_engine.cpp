#include "core/alerts/alert_engine.h"

#include "core/protocol/topic.h"

#include <QDateTime>

#include <cmath>

namespace mqttdesk {

namespace {

// How often per-topic memories that have nothing left to do are dropped.
constexpr qint64 kSweepIntervalMs = 1000;

QString limited(QString text)
{
    if (text.size() > AlertEvent::kMaxValueChars)
        text.truncate(AlertEvent::kMaxValueChars);
    return text;
}

AlertSighting sightingOf(const ReceivedMessage &m, QString value)
{
    return AlertSighting{m.message.topic, limited(std::move(value)), m.sequence, m.receivedUs};
}

} // namespace

AlertEngine::AlertEngine(Clock clock)
    : m_clock(clock ? std::move(clock) : Clock([] { return QDateTime::currentMSecsSinceEpoch(); }))
{}

void AlertEngine::setRules(const QList<AlertRule> &rules)
{
    const qint64 now = m_clock();
    m_rules = rules;
    m_compiled.clear();
    m_compiled.resize(size_t(rules.size()));
    m_trie.clear();
    m_routes.clear();
    for (qsizetype i = 0; i < rules.size(); ++i) {
        const AlertRule &rule = rules.at(i);
        Compiled &c = m_compiled[size_t(i)];
        c.live = rule.enabled && !rule.validate();
        if (!c.live)
            continue;
        c.cooldownMs = qint64(rule.cooldownSeconds) * 1000;
        c.lastMessageMs = now;
        c.lastSweepMs = now;
        if (rule.kind == AlertKind::Payload) {
            c.condition = AlertCondition::make(rule);
            c.live = c.condition.has_value();
        } else if (rule.kind == AlertKind::Rate) {
            c.rate.emplace(rule.windowSeconds);
            c.rate->restart(now);
        }
        if (!c.live || !rule.needsMessages())
            continue;
        if (const int *route = m_trie.value(rule.filter)) {
            m_routes[size_t(*route)].append(int(i));
        } else {
            m_trie.insert(rule.filter, int(m_routes.size()));
            m_routes.push_back(QList<int>{int(i)});
        }
    }
}

QStringList AlertEngine::filters() const
{
    QStringList filters;
    for (qsizetype i = 0; i < m_rules.size(); ++i) {
        const AlertRule &rule = m_rules.at(i);
        if (m_compiled[size_t(i)].live && rule.needsMessages() && !filters.contains(rule.filter))
            filters.append(rule.filter);
    }
    return filters;
}

QList<AlertEvent> AlertEngine::ingest(const MessageBatch &batch)
{
    QList<AlertEvent> out;
    if (m_trie.isEmpty() || batch.isEmpty())
        return out;
    // One clock reading per batch: a batch spans a few milliseconds at most.
    const qint64 now = m_clock();
    for (const ReceivedMessage &m : batch) {
        m_trie.forEachMatch(m.message.topic, [&](const QString &, const int &route) {
            for (int index : m_routes[size_t(route)])
                onMessage(index, m, now, out);
        });
    }
    return out;
}

void AlertEngine::onMessage(int index, const ReceivedMessage &m, qint64 now, QList<AlertEvent> &out)
{
    Compiled &c = m_compiled[size_t(index)];
    switch (m_rules[index].kind) {
    case AlertKind::Payload:
        onPayload(index, m, now, out);
        break;
    case AlertKind::Silence:
        c.lastMessageMs = now;
        if (c.latch.isActive() || c.latch.isPending())
            see(index, c.latch, false, true, sightingOf(m, QStringLiteral("0")), now, out);
        break;
    case AlertKind::Rate:
        c.rate->add(now);
        break;
    case AlertKind::RetainedChanged:
        onRetained(index, m, now, out);
        break;
    case AlertKind::ConnectionLost:
        break;
    }
}

void AlertEngine::onPayload(int index, const ReceivedMessage &m, qint64 now, QList<AlertEvent> &out)
{
    ++m_payloadsRead;
    std::optional<AlertCondition::Verdict> verdict =
        m_compiled[size_t(index)].condition->judge(m.message.payload, m.message.topic);
    if (!verdict)
        return; // no value: neither fires nor clears
    see(index, m.message.topic, verdict->fire, verdict->clear,
        sightingOf(m, std::move(verdict->value)), now, out);
}

void AlertEngine::onRetained(int index, const ReceivedMessage &m, qint64 now,
                             QList<AlertEvent> &out)
{
    // Only messages flagged retained: those sent for a (re)subscription [MQTT-3.3.1-9], and
    // with MQTT 5's Retain As Published every retained publish [MQTT-3.3.1-13].
    if (!m.message.retain)
        return;
    Compiled &c = m_compiled[size_t(index)];
    auto it = c.retained.find(m.message.topic);
    if (it == c.retained.end()) {
        c.retained.insert(m.message.topic, m.message.payload); // the first seen: nothing to compare
        return;
    }
    if (*it == m.message.payload)
        return;
    *it = m.message.payload;
    see(index, m.message.topic, true, false,
        sightingOf(m, QString::fromUtf8(m.message.payload.left(AlertEvent::kMaxValueChars * 4))),
        now, out);
}

void AlertEngine::see(int index, AlertLatch &latch, bool fire, bool clear,
                      const AlertSighting &sighting, qint64 now, QList<AlertEvent> &out)
{
    const AlertLatch::Step step = latch.see(
        fire, clear, sighting, now, m_compiled[size_t(index)].cooldownMs, isMomentary(index));
    if (step == AlertLatch::Step::Fire)
        out.append(event(index, AlertEvent::Type::Fired, sighting, now));
    else if (step == AlertLatch::Step::Clear)
        out.append(event(index, AlertEvent::Type::Cleared, sighting, now));
}

void AlertEngine::see(int index, const QString &topic, bool fire, bool clear,
                      const AlertSighting &sighting, qint64 now, QList<AlertEvent> &out)
{
    Compiled &c = m_compiled[size_t(index)];
    auto it = c.latches.find(topic);
    if (it == c.latches.end()) {
        if (!fire)
            return; // nothing fired on this topic: nothing to clear
        it = c.latches.insert(topic, AlertLatch());
    }
    const bool wasPending = it->isPending();
    see(index, *it, fire, clear, sighting, now, out);
    c.pendingTopics += int(it->isPending()) - int(wasPending);
    if (it->isIdle(now, c.cooldownMs))
        c.latches.erase(it);
}

QList<AlertEvent> AlertEngine::connectionUp()
{
    QList<AlertEvent> out;
    const qint64 now = m_clock();
    const bool wasDown = m_link == Link::Down;
    m_link = Link::Up;
    for (qsizetype i = 0; i < m_rules.size(); ++i) {
        Compiled &c = m_compiled[size_t(i)];
        if (!c.live)
            continue;
        switch (m_rules.at(i).kind) {
        case AlertKind::ConnectionLost:
            if (wasDown)
                see(int(i), c.latch, false, true, AlertSighting(), now, out);
            break;
        case AlertKind::Silence:
            c.lastMessageMs = now;
            break;
        case AlertKind::Rate:
            c.rate->restart(now);
            break;
        case AlertKind::Payload:
        case AlertKind::RetainedChanged:
            break;
        }
    }
    return out;
}

QList<AlertEvent> AlertEngine::connectionDown(const QString &reason)
{
    QList<AlertEvent> out;
    const bool wasUp = m_link == Link::Up;
    m_link = Link::Down;
    if (!wasUp)
        return out; // never up (or already down): nothing was lost
    const qint64 now = m_clock();
    for (qsizetype i = 0; i < m_rules.size(); ++i) {
        if (m_compiled[size_t(i)].live && m_rules.at(i).kind == AlertKind::ConnectionLost)
            see(int(i), m_compiled[size_t(i)].latch, true, false,
                AlertSighting{QString(), limited(reason), 0, 0}, now, out);
    }
    return out;
}

void AlertEngine::connectionClosed()
{
    m_link = Link::Down;
}

QList<AlertEvent> AlertEngine::tick()
{
    QList<AlertEvent> out;
    const qint64 now = m_clock();
    for (qsizetype i = 0; i < m_rules.size(); ++i) {
        if (!m_compiled[size_t(i)].live)
            continue;
        firePending(int(i), now, out);
        judgeClock(int(i), now, out);
    }
    return out;
}

void AlertEngine::judgeClock(int index, qint64 now, QList<AlertEvent> &out)
{
    if (m_link == Link::Down)
        return; // the connection-lost rules tell that story
    const AlertRule &rule = m_rules[index];
    Compiled &c = m_compiled[size_t(index)];
    if (rule.kind == AlertKind::Silence) {
        const qint64 silentMs = now - c.lastMessageMs;
        if (silentMs >= qint64(rule.silenceSeconds) * 1000 && !c.latch.isActive())
            see(index, c.latch, true, false,
                AlertSighting{QString(), QString::number(silentMs / 1000), 0, 0}, now, out);
    } else if (rule.kind == AlertKind::Rate) {
        // The rate changes only when a second completes.
        const qint64 second = qint64(std::floor(double(now) / 1000));
        if (second == c.rateSecond)
            return;
        c.rateSecond = second;
        const std::optional<double> rate = c.rate->rate(now);
        if (!rate)
            return;
        const double shown = std::round(*rate * 100) / 100;
        see(index, c.latch, AlertCondition::holds(rule.op, *rate, rule.threshold),
            AlertCondition::clears(rule.op, *rate, rule.threshold, rule.hysteresis),
            AlertSighting{QString(), AlertCondition::numberText(shown), 0, 0}, now, out);
    }
}

void AlertEngine::firePending(int index, qint64 now, QList<AlertEvent> &out)
{
    Compiled &c = m_compiled[size_t(index)];
    const bool momentary = isMomentary(index);
    if (c.latch.isDue(now, c.cooldownMs)) {
        c.latch.firePending(now, momentary);
        out.append(event(index, AlertEvent::Type::Fired, c.latch.sighting(), now));
    }
    if (c.pendingTopics > 0) {
        for (auto it = c.latches.begin(); it != c.latches.end(); ++it) {
            if (!it->isDue(now, c.cooldownMs))
                continue;
            it->firePending(now, momentary);
            --c.pendingTopics;
            out.append(event(index, AlertEvent::Type::Fired, it->sighting(), now));
        }
    }
    if (!c.latches.isEmpty() && now - c.lastSweepMs >= kSweepIntervalMs) {
        c.lastSweepMs = now;
        c.latches.removeIf([&](const QHash<QString, AlertLatch>::iterator &it) {
            return it->isIdle(now, c.cooldownMs);
        });
    }
}

AlertEvent AlertEngine::event(int index, AlertEvent::Type type, const AlertSighting &sighting,
                              qint64 now) const
{
    const AlertRule &rule = m_rules[index];
    AlertEvent e;
    e.type = type;
    e.timeMs = now;
    e.ruleIndex = index;
    e.ruleName = rule.name;
    e.kind = rule.kind;
    if (rule.needsMessages())
        e.filter = rule.filter;
    e.topic = sighting.topic;
    e.value = sighting.value;
    e.sequence = sighting.sequence;
    e.messageTimeUs = sighting.receivedUs;
    if (type != AlertEvent::Type::Fired || !rule.action.isSet())
        return e;
    const QString eventName = AlertEvent::typeName(type);
    const QString time = QDateTime::fromMSecsSinceEpoch(now, Qt::UTC).toString(Qt::ISODateWithMs);
    const QString topic = AlertAction::expand(rule.action.topic, rule.name, sighting.topic,
                                              sighting.value, eventName, time);
    if (const std::optional<TopicError> error = Topic::validateName(topic)) {
        e.actionError =
            tr("The action's topic \"%1\" is not a topic name: %2").arg(topic, error->message());
        return e;
    }
    PublishPacket p;
    p.topic = topic;
    p.payload = AlertAction::expand(rule.action.payload, rule.name, sighting.topic, sighting.value,
                                    eventName, time)
                    .toUtf8();
    p.qos = rule.action.qos;
    p.retain = rule.action.retain;
    e.publish = std::move(p);
    return e;
}

QList<AlertEvent> AlertEngine::activeAlerts() const
{
    QList<AlertEvent> active;
    for (qsizetype i = 0; i < m_rules.size(); ++i) {
        const Compiled &c = m_compiled[size_t(i)];
        if (!c.live)
            continue;
        if (c.latch.isActive()) {
            AlertEvent e =
                event(int(i), AlertEvent::Type::Fired, c.latch.sighting(), c.latch.firedAtMs());
            e.publish.reset();
            active.append(std::move(e));
        }
        for (const AlertLatch &latch : c.latches) {
            if (!latch.isActive())
                continue;
            AlertEvent e =
                event(int(i), AlertEvent::Type::Fired, latch.sighting(), latch.firedAtMs());
            e.publish.reset(); // already asked for when it fired
            active.append(std::move(e));
        }
    }
    return active;
}

} // namespace mqttdesk
