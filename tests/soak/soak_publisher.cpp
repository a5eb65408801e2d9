#include "soak_publisher.h"

#include "soak_payload.h"

#include "core/connection/connection.h"
#include "core/connection/connection_thread.h"

#include <cmath>

namespace mqttdesk {

namespace {

constexpr int kTickMs = 10;
// A tick that comes late (the harness's thread was busy restarting the broker) sends what
// is due in slices of this many, so one batch never holds seconds of traffic.
constexpr qint64 kMaximumBatch = 4000;
constexpr int kFailuresKept = 10;

} // namespace

SoakPublisher::SoakPublisher(const ConnectionSettings &settings, double rate, QObject *parent)
    : QObject(parent)
    , m_thread(std::make_unique<ConnectionThread>(settings))
    , m_rate(rate)
{
    m_pacer.setTimerType(Qt::PreciseTimer);
    m_pacer.setInterval(kTickMs);
    connect(&m_pacer, &QTimer::timeout, this, &SoakPublisher::tick);
    Connection *c = m_thread->connection();
    connect(c, &Connection::connected, this, [this] {
        if (++m_connects == 1)
            emit connected();
    });
    connect(c, &Connection::publishesFinished, this, &SoakPublisher::onEnded);
}

SoakPublisher::~SoakPublisher() = default;

void SoakPublisher::connectToBroker()
{
    m_thread->connection()->connectToBroker();
}

void SoakPublisher::disconnectFromBroker()
{
    m_thread->connection()->disconnectFromBroker();
}

void SoakPublisher::start()
{
    m_clock.start();
    m_pacer.start();
}

void SoakPublisher::stop()
{
    m_pacer.stop();
}

void SoakPublisher::tick()
{
    const auto due = qint64(std::floor(double(m_clock.elapsed()) * m_rate / 1000.0));
    while (m_sent < due) {
        const qint64 n = qMin(due - m_sent, kMaximumBatch);
        QList<PublishPacket> batch;
        batch.reserve(n);
        for (qint64 i = 0; i < n; ++i)
            batch.append(SoakPayload::message(m_sent + i));
        const quint64 first = m_thread->connection()->publishBatch(std::move(batch));
        m_batches.emplace(first, Batch{.firstNumber = m_sent, .count = n, .ended = 0});
        m_sent += n;
        m_ended.resize(size_t(m_sent), false);
    }
}

void SoakPublisher::onEnded(const QList<PublishOutcome> &outcomes)
{
    for (const PublishOutcome &o : outcomes) {
        if (!o.isFinal())
            continue;
        auto it = m_batches.upper_bound(o.token);
        if (it == m_batches.begin()) {
            ++m_endedTwice; // a token of a batch that had ended whole: a second end
            continue;
        }
        --it;
        Batch &batch = it->second;
        const auto offset = qint64(o.token - it->first);
        if (offset >= batch.count) {
            ++m_endedTwice;
            continue;
        }
        const qint64 number = batch.firstNumber + offset;
        if (m_ended[size_t(number)]) {
            ++m_endedTwice;
            continue;
        }
        m_ended[size_t(number)] = true;
        if (o.status == PublishStatus::Failed) {
            ++m_failed;
            if (m_failures.size() < kFailuresKept)
                m_failures.append(
                    QStringLiteral("message %1: %2")
                        .arg(QString::number(number),
                             o.error ? o.error->toString() : QStringLiteral("failed")));
        } else {
            ++m_completed;
        }
        if (++batch.ended == batch.count)
            m_batches.erase(it);
    }
}

} // namespace mqttdesk
