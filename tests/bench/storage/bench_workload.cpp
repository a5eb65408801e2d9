#include "bench_workload.h"

namespace mqttdesk::bench {

BenchWorkload::BenchWorkload()
{
    const char *metrics[] = {"temperature", "humidity", "power", "status", "voltage"};
    for (int s = 0; s < 10; ++s) {
        for (int d = 0; d < 20; ++d) {
            for (const char *metric : metrics)
                m_topics << QStringLiteral("site/%1/device/%2/%3")
                                .arg(s)
                                .arg(d)
                                .arg(QLatin1String(metric));
        }
    }
}

StoredMessage BenchWorkload::message(qint64 profileId, qint64 n) const
{
    static const char *statuses[] = {"ok", "warn", "idle"};
    const char *status = (n % 50 == 7) ? "fault" : statuses[n % 3];
    StoredMessage message;
    message.profileId = profileId;
    message.topic = m_topics.at(n % m_topics.size());
    message.payload = "{\"seq\":" + QByteArray::number(n) +
                      ",\"value\":" + QByteArray::number(double(n % 1000) / 10.0, 'f', 1) +
                      ",\"status\":\"" + status + "\"}";
    message.qos = quint8(n % 3);
    message.receivedUs = 1'700'000'000'000'000 + n * 10;
    return message;
}

} // namespace mqttdesk::bench
