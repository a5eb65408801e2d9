#include "history_audit.h"

#include "soak_payload.h"

#include "core/storage/database_connection.h"
#include "core/storage/message_query.h"
#include "core/storage/message_range_scan.h"
#include "core/storage/stored_message.h"

#include <QDateTime>
#include <QHash>
#include <QSet>

namespace mqttdesk {

namespace {

constexpr int kSample = 10;

DatabaseConnection::Options readOnly()
{
    DatabaseConnection::Options options;
    options.readOnly = true;
    return options;
}

} // namespace

HistoryAudit::HistoryAudit(QString databasePath, qint64 profileId)
    : m_path(std::move(databasePath))
    , m_profileId(profileId)
{}

StorageError HistoryAudit::update(qint64 published)
{
    m_published = qMax(m_published, published);
    if (m_copies.size() < size_t(m_published))
        m_copies.resize(size_t(m_published), 0);
    DatabaseConnection connection(m_path, QStringLiteral("soak-audit"), readOnly());
    if (!connection.isOpen())
        return connection.error();
    StorageError error;
    {
        MessageRangeScan scan(connection);
        MessageRangeScan::Range range;
        range.profileId = m_profileId;
        range.afterId = m_throughId;
        const qint64 read = scan.scan(
            range,
            [this](const MessageRangeScan::Row &row) {
                const std::optional<qint64> n = SoakPayload::numberOf(row.payload);
                if (!n || *n < 0 || *n >= qint64(m_copies.size())) {
                    ++m_strangers;
                } else {
                    quint8 &copies = m_copies[size_t(*n)];
                    copies = quint8(qMin(255, copies + 1));
                }
                return true;
            },
            &error);
        if (read >= 0) {
            m_rows += read;
            m_throughId = qMax(m_throughId, scan.throughId());
        }
    }
    return error;
}

HistoryAudit::Result HistoryAudit::result() const
{
    Result r;
    r.rows = m_rows;
    r.strangers = m_strangers;
    for (qint64 n = 0; n < m_published; ++n) {
        const quint8 copies = m_copies[size_t(n)];
        if (copies == 0) {
            ++r.missing;
            if (r.missingSample.size() < kSample)
                r.missingSample.append(n);
        } else if (copies > 1) {
            const bool qos2 = SoakPayload::qosOf(n) == QoS::ExactlyOnce;
            (qos2 ? r.duplicates2 : r.duplicates1) += 1;
            QList<qint64> &sample = qos2 ? r.duplicates2Sample : r.duplicates1Sample;
            if (sample.size() < kSample)
                sample.append(n);
        }
    }
    return r;
}

QStringList HistoryAudit::describe(const QList<qint64> &numbers, StorageError *error) const
{
    QStringList lines;
    if (numbers.isEmpty())
        return lines;
    DatabaseConnection connection(m_path, QStringLiteral("soak-describe"), readOnly());
    if (!connection.isOpen()) {
        if (error)
            *error = connection.error();
        return lines;
    }
    const QSet<qint64> wanted(numbers.cbegin(), numbers.cend());
    QHash<qint64, QList<qint64>> rows; // number -> row ids
    {
        MessageRangeScan scan(connection);
        MessageRangeScan::Range range;
        range.profileId = m_profileId;
        scan.scan(
            range,
            [&](const MessageRangeScan::Row &row) {
                const std::optional<qint64> n = SoakPayload::numberOf(row.payload);
                if (n && wanted.contains(*n))
                    rows[*n].append(row.id);
                return true;
            },
            error);
    }
    const MessageQuery query(connection);
    for (const qint64 n : numbers) {
        QString line =
            QStringLiteral("#%1 (published at QoS %2):").arg(n).arg(int(SoakPayload::qosOf(n)));
        const QList<qint64> ids = rows.value(n);
        if (ids.isEmpty())
            line += QStringLiteral(" no row");
        for (const qint64 id : ids) {
            const std::optional<StoredMessage> m = query.message(id);
            if (!m) {
                line += QStringLiteral(" row %1 unreadable;").arg(id);
                continue;
            }
            line += QStringLiteral(" row %1 QoS %2 DUP %3 packet id %4 topic %5 at %6;")
                        .arg(id)
                        .arg(m->qos)
                        .arg(m->dup ? 1 : 0)
                        .arg(m->packetId ? QString::number(*m->packetId) : QStringLiteral("-"))
                        .arg(m->topic, QDateTime::fromMSecsSinceEpoch(m->receivedUs / 1000)
                                           .toString(QStringLiteral("HH:mm:ss.zzz")));
        }
        lines.append(line);
    }
    return lines;
}

} // namespace mqttdesk
