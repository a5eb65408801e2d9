#pragma once

#include <QDateTime>
#include <QRandomGenerator>
#include <QString>
#include <QTimeZone>
#include <QUuid>
#include <QtGlobal>

namespace mqttdesk {

// The values of one message's variables. {{counter}}, {{uuid}}, {{now}}, {{now_ms}} and
// {{client_id}} are the same everywhere in one message (topic, payload and properties), so a
// request's topic and its payload can carry the same id; {{random}}, {{random_float}} and
// {{pick}} draw anew at each occurrence.
class TemplateContext
{
public:
    TemplateContext() = default;
    TemplateContext(quint64 counter, qint64 nowMs, QString clientId, QRandomGenerator *random)
        : m_counter(counter)
        , m_nowMs(nowMs)
        , m_clientId(std::move(clientId))
        , m_random(random)
    {}

    quint64 counter() const { return m_counter; }
    qint64 nowMs() const { return m_nowMs; }
    const QString &clientId() const { return m_clientId; }
    QRandomGenerator &random() const { return m_random ? *m_random : *QRandomGenerator::global(); }

    // Made on first use: a message that has no {{uuid}} pays nothing for one.
    const QString &uuid() const
    {
        if (m_uuid.isEmpty())
            m_uuid = QUuid::createUuid().toString(QUuid::WithoutBraces);
        return m_uuid;
    }
    // ISO 8601 in UTC with milliseconds, e.g. 2026-12-06T13:50:00.123Z.
    const QString &nowIso() const
    {
        if (m_nowIso.isEmpty())
            m_nowIso = QDateTime::fromMSecsSinceEpoch(m_nowMs, QTimeZone::utc())
                           .toString(QStringLiteral("yyyy-MM-dd'T'HH:mm:ss.zzz'Z'"));
        return m_nowIso;
    }

private:
    quint64 m_counter = 1;
    qint64 m_nowMs = 0;
    QString m_clientId;
    QRandomGenerator *m_random = nullptr;
    mutable QString m_uuid;
    mutable QString m_nowIso;
};

} // namespace mqttdesk
