#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <array>
#include <cstddef>

namespace mqttdesk {

// The Topic Names of recent PUBLISH packets, keyed by their bytes on the wire. A stream
// names a few topics over and over: a hit spares the UTF-8 check [MQTT-1.5.4-1..3], the
// conversion and an allocation per message (the QString is shared). Only names that passed
// every check are kept, so the same bytes always get the same verdict. Plain data, no I/O:
// a session keeps one for its connection's reader. Direct-mapped: a collision only costs a
// miss, so names chosen to collide (a hostile broker) cannot do worse than no cache.
class TopicNameCache
{
public:
    // The topic read before from exactly these bytes, or nullptr.
    const QString *find(QByteArrayView raw) const;
    // Keeps a name that passed every check; empty names and names longer than
    // kMaxKeptBytes are not kept.
    void keep(QByteArrayView raw, const QString &topic);

    static constexpr qsizetype kMaxKeptBytes = 256;

private:
    static constexpr std::size_t kSlots = 256;
    struct Slot
    {
        QByteArray raw;
        QString topic;
    };
    static std::size_t slotOf(QByteArrayView raw);

    std::array<Slot, kSlots> m_slots;
};

} // namespace mqttdesk
