#pragma once

#include "core/storage/stored_message.h"

#include <QStringList>

namespace mqttdesk::bench {

// The benchmark's messages: 1,000 topics site/<s>/device/<d>/<metric>, small JSON text
// payloads (about 60 bytes) with a status word among ok/warn/idle/fault (fault in 1 of 50).
class BenchWorkload
{
public:
    BenchWorkload();
    StoredMessage message(qint64 profileId, qint64 n) const;
    const QStringList &topics() const { return m_topics; }

private:
    QStringList m_topics;
};

} // namespace mqttdesk::bench
