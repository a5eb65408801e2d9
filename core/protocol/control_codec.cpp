#include "core/protocol/control_codec.h"

#include "core/protocol/property_codec.h"

namespace mqttdesk {

bool ControlCodec::decodeEmpty(WireReader &r)
{
    return r.expectEnd();
}

void ControlCodec::encodeReasonAndProperties(WireWriter &w, ReasonCode code,
                                             const Properties &properties, ProtocolVersion version)
{
    if (version != ProtocolVersion::V5) {
        // 3.x DISCONNECT has no body.
        if (code != ReasonCode::Success || !properties.isEmpty())
            w.fail(EncodeError::Kind::NotInVersion, QStringLiteral("3.1.1 §3.14"),
                   QStringLiteral("reason code or properties"));
        return;
    }
    if (code == ReasonCode::Success && properties.isEmpty())
        return;
    w.writeReasonCode(code);
    PropertyCodec::write(w, properties, propertyContextFor(w.packet()));
}

bool ControlCodec::decodeReasonAndProperties(WireReader &r, ReasonCode &code,
                                             Properties &properties)
{
    if (r.isV5()) {
        if (!r.atEnd() && !r.readReasonCode(code))
            return false;
        if (!r.atEnd() && !PropertyCodec::read(r, propertyContextFor(r.packet()), properties))
            return false;
    }
    return r.expectEnd();
}

} // namespace mqttdesk
