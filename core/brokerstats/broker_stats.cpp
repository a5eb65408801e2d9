#include "core/brokerstats/broker_stats.h"

#include <QRegularExpression>

namespace mqttdesk {

namespace {

const QString kSysPrefix = QStringLiteral("$SYS/");
const QString kMosquittoPrefix = QStringLiteral("$SYS/broker/");
const QString kEmqxPrefix = QStringLiteral("$SYS/brokers/");

std::optional<qint64> toInt(const QString &value)
{
    bool ok = false;
    const qint64 v = value.trimmed().toLongLong(&ok);
    if (ok)
        return v;
    // Some brokers publish counters as "12.0".
    const double d = value.trimmed().toDouble(&ok);
    if (ok)
        return static_cast<qint64>(d);
    return std::nullopt;
}

std::optional<double> toDouble(const QString &value)
{
    bool ok = false;
    const double v = value.trimmed().toDouble(&ok);
    return ok ? std::optional<double>(v) : std::nullopt;
}

} // namespace

BrokerStats::BrokerStats(qsizetype maxTopics, qint64 historyUs)
    : m_maxTopics(maxTopics)
    , m_historyUs(historyUs)
{}

void BrokerStats::clear()
{
    *this = BrokerStats(m_maxTopics, m_historyUs);
}

void BrokerStats::apply(const QString &topic, const QByteArray &payload, qint64 nowUs)
{
    if (!topic.startsWith(kSysPrefix))
        return;
    const QString value = QString::fromUtf8(payload);
    keepTopic(topic, value, nowUs);
    if (topic.startsWith(kMosquittoPrefix)) {
        if (m_flavour == Flavour::Unknown)
            m_flavour = Flavour::Mosquitto;
        applyMosquitto(QStringView(topic).mid(kMosquittoPrefix.size()), value, nowUs);
    } else if (topic.startsWith(kEmqxPrefix)) {
        const QStringView rest = QStringView(topic).mid(kEmqxPrefix.size());
        const qsizetype slash = rest.indexOf(QLatin1Char('/'));
        if (slash <= 0)
            return; // `$SYS/brokers` itself lists the nodes
        if (m_flavour == Flavour::Unknown)
            m_flavour = Flavour::Emqx;
        const QString node = rest.left(slash).toString();
        if (m_node.isEmpty())
            m_node = node;
        if (node != m_node)
            return; // a cluster: the dashboard follows the first node it heard of
        applyEmqx(rest.mid(slash + 1), value, nowUs);
    }
}

void BrokerStats::keepTopic(const QString &topic, const QString &value, qint64 nowUs)
{
    const auto it = m_topicIndex.constFind(topic);
    if (it != m_topicIndex.cend()) {
        TopicValue &t = m_topics[*it];
        t.value = value;
        t.atUs = nowUs;
        return;
    }
    if (m_topics.size() >= m_maxTopics) {
        ++m_droppedTopics;
        return;
    }
    m_topicIndex.insert(topic, m_topics.size());
    m_topics.append({topic, value, nowUs});
}

void BrokerStats::applyMosquitto(QStringView key, const QString &value, qint64 nowUs)
{
    // https://mosquitto.org/man/mosquitto-8.html, "BROKER STATUS".
    if (key == u"version")
        version = parseVersion(value);
    else if (key == u"uptime")
        uptimeSeconds = parseUptime(value);
    else if (key == u"clients/connected" || (key == u"clients/active" && !clientsConnected))
        clientsConnected = toInt(value);
    else if (key == u"clients/total")
        clientsTotal = toInt(value);
    else if (key == u"clients/maximum")
        clientsMaximum = toInt(value);
    else if (key == u"subscriptions/count")
        subscriptions = toInt(value);
    else if (key == u"retained messages/count")
        retained = toInt(value);
    else if (key == u"heap/current" || key == u"heap/current size")
        heapCurrent = toInt(value);
    else if (key == u"heap/maximum" || key == u"heap/maximum size")
        heapMaximum = toInt(value);
    else if (key == u"messages/received")
        applyTotal(Rate::MessagesReceived, value, nowUs);
    else if (key == u"messages/sent")
        applyTotal(Rate::MessagesSent, value, nowUs);
    else if (key == u"bytes/received")
        applyTotal(Rate::BytesReceived, value, nowUs);
    else if (key == u"bytes/sent")
        applyTotal(Rate::BytesSent, value, nowUs);
    else if (key == u"load/messages/received/1min") {
        applyLoad(Rate::MessagesReceived, value, nowUs);
        load1 = toDouble(value);
    } else if (key == u"load/messages/received/5min")
        load5 = toDouble(value);
    else if (key == u"load/messages/received/15min")
        load15 = toDouble(value);
    else if (key == u"load/messages/sent/1min")
        applyLoad(Rate::MessagesSent, value, nowUs);
    else if (key == u"load/bytes/received/1min")
        applyLoad(Rate::BytesReceived, value, nowUs);
    else if (key == u"load/bytes/sent/1min")
        applyLoad(Rate::BytesSent, value, nowUs);
}

void BrokerStats::applyEmqx(QStringView key, const QString &value, qint64 nowUs)
{
    // EMQX: $SYS/brokers/<node>/{version,uptime,sysdescr}, stats/... and metrics/....
    if (key == u"version")
        version = parseVersion(value);
    else if (key == u"uptime")
        uptimeSeconds = parseUptime(value);
    else if (key == u"stats/connections/count")
        clientsConnected = toInt(value);
    else if (key == u"stats/connections/max")
        clientsMaximum = toInt(value); // the most at once, not a total
    else if (key == u"load1")
        load1 = toDouble(value);
    else if (key == u"load5")
        load5 = toDouble(value);
    else if (key == u"load15")
        load15 = toDouble(value);
    else if (key == u"stats/subscriptions/count")
        subscriptions = toInt(value);
    else if (key == u"stats/retained/count")
        retained = toInt(value);
    else if (key == u"metrics/messages/received")
        applyTotal(Rate::MessagesReceived, value, nowUs);
    else if (key == u"metrics/messages/sent")
        applyTotal(Rate::MessagesSent, value, nowUs);
    else if (key == u"metrics/bytes/received")
        applyTotal(Rate::BytesReceived, value, nowUs);
    else if (key == u"metrics/bytes/sent")
        applyTotal(Rate::BytesSent, value, nowUs);
}

void BrokerStats::applyTotal(Rate rate, const QString &value, qint64 nowUs)
{
    const std::optional<qint64> total = toInt(value);
    if (!total)
        return;
    RateState &s = m_rates[index(rate)];
    s.total = total;
    if (s.lastTotal && nowUs > s.lastTotalUs && *total >= *s.lastTotal && !s.brokerLoad) {
        const double seconds = double(nowUs - s.lastTotalUs) / 1e6;
        addPoint(s, double(*total - *s.lastTotal) / seconds, nowUs);
    }
    // A smaller total means the broker restarted: start over from it.
    s.lastTotal = total;
    s.lastTotalUs = nowUs;
}

void BrokerStats::applyLoad(Rate rate, const QString &value, qint64 nowUs)
{
    // mosquitto's load/.../1min is "per minute, averaged over 1 minute": steadier than the
    // difference of two samples, so it wins when present.
    const std::optional<double> perMinute = toDouble(value);
    if (!perMinute)
        return;
    RateState &s = m_rates[index(rate)];
    if (!s.brokerLoad)
        s.history.clear(); // do not mix the two kinds of points
    s.brokerLoad = true;
    addPoint(s, *perMinute / 60.0, nowUs);
}

void BrokerStats::addPoint(RateState &state, double perSecond, qint64 nowUs)
{
    state.current = perSecond;
    state.history.push_back({nowUs, perSecond});
    while (!state.history.empty() && state.history.front().atUs < nowUs - m_historyUs)
        state.history.pop_front();
}

std::optional<qint64> BrokerStats::parseUptime(const QString &text)
{
    const QString t = text.trimmed();
    if (t.isEmpty())
        return std::nullopt;
    bool ok = false;
    const qint64 plain = t.toLongLong(&ok);
    if (ok)
        return plain;
    static const QRegularExpression part(
        QStringLiteral("(\\d+)\\s*(days?|hours?|minutes?|seconds?|d|h|m|s)\\b"),
        QRegularExpression::CaseInsensitiveOption);
    qint64 seconds = 0;
    bool any = false;
    for (auto it = part.globalMatch(t); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        const qint64 n = m.captured(1).toLongLong();
        const QChar unit = m.captured(2).at(0).toLower();
        qint64 factor = 1;
        if (unit == QLatin1Char('d'))
            factor = 86400;
        else if (unit == QLatin1Char('h'))
            factor = 3600;
        else if (unit == QLatin1Char('m'))
            factor = 60;
        seconds += n * factor;
        any = true;
    }
    return any ? std::optional<qint64>(seconds) : std::nullopt;
}

QString BrokerStats::parseVersion(const QString &text)
{
    static const QRegularExpression mosquitto(QStringLiteral("^mosquitto version\\s+(\\S+)"),
                                              QRegularExpression::CaseInsensitiveOption);
    const QString t = text.trimmed();
    const QRegularExpressionMatch m = mosquitto.match(t);
    return m.hasMatch() ? m.captured(1) : t;
}

} // namespace mqttdesk
