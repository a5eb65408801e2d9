#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>
#include <QtGlobal>

#include <array>
#include <deque>
#include <optional>

namespace mqttdesk {

// What a broker reports under `$SYS`, as typed values: fed one message at a time (apply),
// with the time passed in so tests inject the clock. No QObject, no I/O.
//
// Knows mosquitto's `$SYS/broker/...` and EMQX's `$SYS/brokers/<node>/...` names; every other
// `$SYS` topic is kept as raw text (bounded) for the table of all topics.
class BrokerStats
{
public:
    enum class Flavour
    {
        Unknown,
        Mosquitto,
        Emqx,
    };

    // The counters that only grow, whose per-second rate is derived (or read from the
    // broker's own 1-minute load average when it publishes one).
    enum class Rate
    {
        MessagesReceived,
        MessagesSent,
        BytesReceived,
        BytesSent,
    };
    static constexpr int RateCount = 4;

    struct RatePoint
    {
        qint64 atUs = 0;
        double perSecond = 0;
    };

    struct TopicValue
    {
        QString topic;
        QString value;
        qint64 atUs = 0;
    };

    static constexpr qsizetype DefaultMaxTopics = 2000;
    static constexpr qint64 DefaultHistoryUs = 10LL * 60 * 1000 * 1000; // 10 minutes

    explicit BrokerStats(qsizetype maxTopics = DefaultMaxTopics,
                         qint64 historyUs = DefaultHistoryUs);

    // One `$SYS` message; anything else is ignored.
    void apply(const QString &topic, const QByteArray &payload, qint64 nowUs);
    void clear();

    Flavour flavour() const { return m_flavour; }
    // The EMQX node name from `$SYS/brokers/<node>/...` (empty for other brokers).
    QString node() const { return m_node; }
    bool hasAny() const { return !m_topics.isEmpty(); }

    std::optional<QString> version;
    std::optional<qint64> uptimeSeconds;
    std::optional<qint64> clientsConnected;
    std::optional<qint64> clientsTotal;
    std::optional<qint64> clientsMaximum; // the most connected at once since the start
    std::optional<qint64> subscriptions;
    std::optional<qint64> retained;
    std::optional<qint64> heapCurrent;
    std::optional<qint64> heapMaximum;
    // Load averages over 1, 5 and 15 minutes: mosquitto's messages received per minute
    // (load/messages/received/Nmin), or a broker's own load1/load5/load15.
    std::optional<double> load1;
    std::optional<double> load5;
    std::optional<double> load15;

    std::optional<qint64> total(Rate rate) const { return m_rates[index(rate)].total; }
    // The latest per-second rate (the broker's own 1min load when published).
    std::optional<double> rate(Rate rate) const { return m_rates[index(rate)].current; }
    // One point per sample, the last historyUs only.
    const std::deque<RatePoint> &history(Rate rate) const { return m_rates[index(rate)].history; }

    // Every `$SYS` topic seen, in order of first arrival, with its last value.
    const QList<TopicValue> &topics() const { return m_topics; }
    // Samples dropped because maxTopics distinct topics were already kept.
    qint64 droppedTopics() const { return m_droppedTopics; }

    // "1234 seconds" (mosquitto), "3 days, 2 hours, 1 minutes, 5 seconds" (EMQX), or a plain
    // number of seconds.
    static std::optional<qint64> parseUptime(const QString &text);
    // "mosquitto version 2.0.11" -> "2.0.11"; anything else is returned trimmed.
    static QString parseVersion(const QString &text);

private:
    struct RateState
    {
        std::optional<qint64> total;
        std::optional<qint64> lastTotal;
        qint64 lastTotalUs = 0;
        std::optional<double> current;
        bool brokerLoad = false; // current comes from the broker's 1min load
        std::deque<RatePoint> history;
    };

    static int index(Rate rate) { return static_cast<int>(rate); }
    void keepTopic(const QString &topic, const QString &value, qint64 nowUs);
    void applyMosquitto(QStringView key, const QString &value, qint64 nowUs);
    void applyEmqx(QStringView key, const QString &value, qint64 nowUs);
    void applyTotal(Rate rate, const QString &value, qint64 nowUs);
    void applyLoad(Rate rate, const QString &value, qint64 nowUs);
    void addPoint(RateState &state, double perSecond, qint64 nowUs);

    qsizetype m_maxTopics;
    qint64 m_historyUs;
    Flavour m_flavour = Flavour::Unknown;
    QString m_node;
    std::array<RateState, RateCount> m_rates;
    QList<TopicValue> m_topics;
    QHash<QString, qsizetype> m_topicIndex;
    qint64 m_droppedTopics = 0;
};

} // namespace mqttdesk
