#pragma once

#include "core/protocol/decode_error.h"
#include "core/protocol/encode_error.h"
#include "core/protocol/frame.h"
#include "core/protocol/packets.h"
#include "core/protocol/properties.h"
#include "core/protocol/protocol_version.h"
#include "core/protocol/result.h"
#include "core/protocol/topic_name_cache.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QtGlobal>

namespace mqttdesk {

using DecodeResult = Result<Packet, DecodeError>;
using EncodeResult = Result<QByteArray, EncodeError>;
using PropertiesResult = Result<Properties, DecodeError>;

// Pure MQTT packet encoding and decoding for 3.1, 3.1.1 and 5.0. No state, no I/O.
// Encoding uses the fewest Remaining Length bytes [MQTT-1.5.5-1] and writes Property
// Length 0 when a 5.0 packet has no properties [MQTT-2.2.2-1] (except the short forms
// 5.0 permits for acks, DISCONNECT and AUTH with a success code and no properties).

// The whole packet (fixed header included), or the reason it cannot be encoded.
EncodeResult tryEncode(const Packet &packet, ProtocolVersion version);
// The same; an empty QByteArray if the packet cannot be encoded.
QByteArray encode(const Packet &packet, ProtocolVersion version);

// Decodes one packet from its fixed header byte and body (the bytes after the
// Remaining Length). A CONNECT is decoded by the protocol level it carries; the
// `version` argument is used for every other packet. Error offsets are into `body`.
DecodeResult decode(quint8 fixedHeaderByte, QByteArrayView body, ProtocolVersion version);
// The same for a FrameReader frame; error offsets are absolute stream offsets.
DecodeResult decode(const Frame &frame, ProtocolVersion version);
// Prefer this one: a large frame's own buffer (Frame::storage) becomes the PUBLISH
// payload without a copy: decode(std::move(*frame), version). With `topicNames`, a PUBLISH
// whose Topic Name was read before shares that QString (a stream's reader keeps one cache).
DecodeResult decode(Frame &&frame, ProtocolVersion version, TopicNameCache *topicNames = nullptr);

// A bare 5.0 property block (Property Length + properties), as storage keeps the
// properties of a message. `context` selects which properties are allowed. The
// encoder returns an empty array if a property is not allowed or out of range (a
// valid block is never empty: no properties is the single byte 0x00).
QByteArray encodeProperties(const Properties &properties,
                            PropertyContext context = PropertyContext::Publish);
PropertiesResult decodeProperties(QByteArrayView block,
                                  PropertyContext context = PropertyContext::Publish);

} // namespace mqttdesk
