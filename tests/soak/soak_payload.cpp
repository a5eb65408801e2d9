#include "soak_payload.h"

#include <QtEndian>

#include <array>

namespace mqttdesk {

namespace {

// The binary kind starts with bytes no UTF-8 text can (0xFF never occurs in UTF-8).
constexpr std::array<char, 4> kBinaryMagic{'\xff', '\x00', 'S', 'K'};
constexpr char kJsonPrefix[] = "{\"n\":";
constexpr char kTextPrefix[] = "soak message ";

// A fixed mix of the bits of `number` (splitmix64's finaliser): sizes and filler that
// look random but are the same for a number in every run.
quint64 mix(quint64 x)
{
    x += 0x9e3779b97f4a7c15ULL;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

std::optional<qint64> digitsAt(QByteArrayView payload, qsizetype from)
{
    qint64 value = 0;
    qsizetype i = from;
    for (; i < payload.size() && i - from < 18; ++i) {
        const char c = payload.at(i);
        if (c < '0' || c > '9')
            break;
        value = value * 10 + (c - '0');
    }
    if (i == from)
        return std::nullopt;
    return value;
}

} // namespace

qsizetype SoakPayload::sizeOf(qint64 number)
{
    const quint64 bits = mix(quint64(number));
    const bool large = bits % 5 == 0;
    const quint64 span = large ? quint64(kMaximumSize - kMinimumSize) : 240;
    return kMinimumSize + qsizetype((bits >> 8) % (span + 1));
}

PublishPacket SoakPayload::message(qint64 number)
{
    static const char kFiller[] = "lorem ipsum dolor sit amet consectetur adipiscing elit ";
    const qsizetype size = sizeOf(number);
    const int kind = int(number % 3);
    const QByteArray digits = QByteArray::number(number);
    PublishPacket p;
    p.qos = qosOf(number);
    QByteArray &b = p.payload;
    b.reserve(qMax<qsizetype>(size, 64));
    if (kind == 0) {
        p.topic = QStringLiteral("soak/json/%1").arg(number % 4);
        b = kJsonPrefix + digits + ",\"kind\":\"json\",\"pad\":\"";
        for (qsizetype i = 0; b.size() + 2 < size; ++i)
            b.append(char('a' + (number + i) % 26));
        b.append("\"}");
    } else if (kind == 1) {
        p.topic = QStringLiteral("soak/text/%1").arg(number % 4);
        b = kTextPrefix + digits + ' ';
        for (qsizetype i = 0; b.size() < size; ++i)
            b.append(kFiller[i % (sizeof(kFiller) - 1)]);
    } else {
        p.topic = QStringLiteral("soak/bin/%1").arg(number % 4);
        b.append(kBinaryMagic.data(), qsizetype(kBinaryMagic.size()));
        std::array<char, 8> be{};
        qToBigEndian(quint64(number), be.data());
        b.append(be.data(), qsizetype(be.size()));
        for (quint64 x = mix(quint64(number) ^ 0x5a5a); b.size() < size; x = mix(x))
            b.append(char(x & 0xff));
    }
    return p;
}

std::optional<qint64> SoakPayload::numberOf(QByteArrayView payload)
{
    if (payload.startsWith(QByteArrayView(kJsonPrefix)))
        return digitsAt(payload, qsizetype(sizeof(kJsonPrefix) - 1));
    if (payload.startsWith(QByteArrayView(kTextPrefix)))
        return digitsAt(payload, qsizetype(sizeof(kTextPrefix) - 1));
    const qsizetype magic = qsizetype(kBinaryMagic.size());
    if (payload.size() >= magic + 8 &&
        payload.first(magic) == QByteArrayView(kBinaryMagic.data(), magic))
        return qint64(qFromBigEndian<quint64>(payload.data() + magic));
    return std::nullopt;
}

} // namespace mqttdesk
