#pragma once

#include "core/protocol/properties.h"
#include "core/protocol/wire_reader.h"
#include "core/protocol/wire_writer.h"

namespace mqttdesk {

// Reads/writes a 5.0 property block (Property Length + properties, 5.0 §2.2.2) and
// applies the table-driven checks: known identifier, allowed in `context`, at most
// once unless repeatable, value in range. Internal to the codec.
class PropertyCodec
{
public:
    static bool read(WireReader &reader, PropertyContext context, Properties &out);
    static void write(WireWriter &writer, const Properties &properties, PropertyContext context);
    // Where a value is out of range, the rule it breaks; empty if the value is fine.
    static QString valueRule(PropertyId id, quint32 value);
};

} // namespace mqttdesk
