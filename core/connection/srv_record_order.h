#pragma once

#include "core/connection/srv_record.h"

#include <QList>

class QRandomGenerator;

namespace mqttdesk {

// The order in which a client tries the targets of a DNS SRV answer (RFC 2782, "Usage
// rules"): lowest priority first; within one priority, a weighted random choice, again
// and again over the records left, so a record of weight 0 is rarely first.
class SrvRecordOrder
{
public:
    // `records` in the order to try them. A lone record with the target "." says the
    // service is decidedly not available: the result is then empty.
    static QList<SrvRecord> arrange(QList<SrvRecord> records, QRandomGenerator &random);
};

} // namespace mqttdesk
