#include "core/connection/srv_record_order.h"

#include <QRandomGenerator>

#include <algorithm>

namespace mqttdesk {

QList<SrvRecord> SrvRecordOrder::arrange(QList<SrvRecord> records, QRandomGenerator &random)
{
    // RFC 2782: 'A Target of "." means that the service is decidedly not available at this
    // domain.'
    if (records.size() == 1 &&
        (records.first().target == QLatin1String(".") || records.first().target.isEmpty()))
        return {};
    // Zero-weight records go first within their priority before the running sums are
    // taken, as the RFC asks, so they are chosen only when the draw is 0.
    std::stable_sort(records.begin(), records.end(), [](const SrvRecord &a, const SrvRecord &b) {
        if (a.priority != b.priority)
            return a.priority < b.priority;
        return a.weight == 0 && b.weight != 0;
    });
    QList<SrvRecord> ordered;
    ordered.reserve(records.size());
    qsizetype begin = 0;
    while (begin < records.size()) {
        qsizetype end = begin;
        while (end < records.size() && records.at(end).priority == records.at(begin).priority)
            ++end;
        QList<SrvRecord> group = records.mid(begin, end - begin);
        while (!group.isEmpty()) {
            quint32 total = 0;
            for (const SrvRecord &r : std::as_const(group))
                total += r.weight;
            // A number between 0 and the sum of the weights, inclusive; the first record
            // whose running sum reaches it is next.
            const quint32 draw = random.bounded(total + 1);
            quint32 running = 0;
            qsizetype chosen = group.size() - 1;
            for (qsizetype i = 0; i < group.size(); ++i) {
                running += group.at(i).weight;
                if (running >= draw) {
                    chosen = i;
                    break;
                }
            }
            ordered.append(group.takeAt(chosen));
        }
        begin = end;
    }
    ordered.removeIf([](const SrvRecord &r) { return r.target == QLatin1String("."); });
    return ordered;
}

} // namespace mqttdesk
