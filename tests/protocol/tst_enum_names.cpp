#include "core/protocol/decode_error.h"
#include "core/protocol/encode_error.h"
#include "core/protocol/packet_type.h"
#include "tests/support/enum_names.h"

#include <QTest>

using namespace mqttdesk;
using namespace mqttdesk::test;

// The names the protocol layer gives its enumerators (for logs and tests): one for each,
// none empty, no two alike, and each in its place in its table.
class TstEnumNames : public QObject
{
    Q_OBJECT

private slots:
    void decodeErrorKinds();
    void encodeErrorKinds();
    void packetTypes();
};

void TstEnumNames::decodeErrorKinds()
{
    using K = DecodeError::Kind;
    checkEnumNames(K::InvalidPacketType, K::NoReasonCodes, &DecodeError::kindName,
                   QStringLiteral("Unknown"));
    QCOMPARE(DecodeError::kindName(K::InvalidPacketType), QStringLiteral("InvalidPacketType"));
    QCOMPARE(DecodeError::kindName(K::InvalidUtf8), QStringLiteral("InvalidUtf8"));
    QCOMPARE(DecodeError::kindName(K::NoReasonCodes), QStringLiteral("NoReasonCodes"));
}

void TstEnumNames::encodeErrorKinds()
{
    using K = EncodeError::Kind;
    checkEnumNames(K::NotInVersion, K::PacketTooLarge, &EncodeError::kindName,
                   QStringLiteral("Unknown"));
    QCOMPARE(EncodeError::kindName(K::NotInVersion), QStringLiteral("NotInVersion"));
    QCOMPARE(EncodeError::kindName(K::EmptyTopicName), QStringLiteral("EmptyTopicName"));
    QCOMPARE(EncodeError::kindName(K::PacketTooLarge), QStringLiteral("PacketTooLarge"));
}

void TstEnumNames::packetTypes()
{
    checkEnumNames(PacketType::Connect, PacketType::Auth, &packetTypeName);
    QCOMPARE(packetTypeName(PacketType::Connect), QStringLiteral("CONNECT"));
    QCOMPARE(packetTypeName(PacketType::Unsuback), QStringLiteral("UNSUBACK"));
    QCOMPARE(packetTypeName(PacketType::Auth), QStringLiteral("AUTH"));
    QCOMPARE(packetTypeName(PacketType(0)), QStringLiteral("UNKNOWN"));
}

QTEST_APPLESS_MAIN(TstEnumNames)
#include "tst_enum_names.moc"
