#include "core/protocol/decode_error.h"
#include "core/protocol/encode_error.h"
#include "core/protocol/packet_type.h"

#include <QSet>
#include <QTest>

using namespace mqttdesk;

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

namespace {

// Walks every enumerator from `first` to `last`.
template<typename Enum, typename NameOf>
void checkNames(Enum first, Enum last, NameOf nameOf)
{
    QSet<QString> seen;
    for (int i = int(first); i <= int(last); ++i) {
        const QString name = nameOf(Enum(i));
        QVERIFY2(!name.isEmpty(), qPrintable(QStringLiteral("no name for %1").arg(i)));
        QVERIFY2(!seen.contains(name), qPrintable(QStringLiteral("%1 twice").arg(name)));
        seen.insert(name);
    }
}

} // namespace

void TstEnumNames::decodeErrorKinds()
{
    using K = DecodeError::Kind;
    checkNames(K::InvalidPacketType, K::NoReasonCodes, &DecodeError::kindName);
    QCOMPARE(DecodeError::kindName(K::InvalidPacketType), QStringLiteral("InvalidPacketType"));
    QCOMPARE(DecodeError::kindName(K::InvalidUtf8), QStringLiteral("InvalidUtf8"));
    QCOMPARE(DecodeError::kindName(K::NoReasonCodes), QStringLiteral("NoReasonCodes"));
    QCOMPARE(DecodeError::kindName(K(int(K::NoReasonCodes) + 1)), QStringLiteral("Unknown"));
}

void TstEnumNames::encodeErrorKinds()
{
    using K = EncodeError::Kind;
    checkNames(K::NotInVersion, K::PacketTooLarge, &EncodeError::kindName);
    QCOMPARE(EncodeError::kindName(K::NotInVersion), QStringLiteral("NotInVersion"));
    QCOMPARE(EncodeError::kindName(K::EmptyTopicName), QStringLiteral("EmptyTopicName"));
    QCOMPARE(EncodeError::kindName(K::PacketTooLarge), QStringLiteral("PacketTooLarge"));
    QCOMPARE(EncodeError::kindName(K(int(K::PacketTooLarge) + 1)), QStringLiteral("Unknown"));
}

void TstEnumNames::packetTypes()
{
    checkNames(PacketType::Connect, PacketType::Auth, &packetTypeName);
    QCOMPARE(packetTypeName(PacketType::Connect), QStringLiteral("CONNECT"));
    QCOMPARE(packetTypeName(PacketType::Unsuback), QStringLiteral("UNSUBACK"));
    QCOMPARE(packetTypeName(PacketType::Auth), QStringLiteral("AUTH"));
    QCOMPARE(packetTypeName(PacketType(0)), QStringLiteral("UNKNOWN"));
}

QTEST_APPLESS_MAIN(TstEnumNames)
#include "tst_enum_names.moc"
