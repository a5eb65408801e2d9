#include "core/transport/key_pair_check.h"

#include <QByteArrayView>
#include <QSslCertificate>
#include <QSslKey>

namespace mqttdesk {

namespace {

// Just enough DER to walk SubjectPublicKeyInfo: one TLV at a time.
struct Tlv
{
    quint8 tag = 0;
    QByteArrayView value;
    QByteArrayView rest;
};

std::optional<Tlv> readTlv(QByteArrayView in)
{
    if (in.size() < 2)
        return std::nullopt;
    Tlv tlv;
    tlv.tag = quint8(in[0]);
    qsizetype pos = 1;
    qsizetype length = quint8(in[pos++]);
    if (length & 0x80) {
        const int count = int(length & 0x7f);
        if (count == 0 || count > 4 || in.size() < pos + count)
            return std::nullopt;
        length = 0;
        for (int i = 0; i < count; ++i)
            length = (length << 8) | quint8(in[pos++]);
    }
    if (length > in.size() - pos)
        return std::nullopt;
    tlv.value = in.sliced(pos, length);
    tlv.rest = in.sliced(pos + length);
    return tlv;
}

constexpr quint8 kSequence = 0x30;
constexpr quint8 kBitString = 0x03;
constexpr quint8 kInteger = 0x02;

// The bytes that identify the public key: the EC point, or the RSA modulus.
std::optional<QByteArray> publicMaterial(const QSslKey &publicKey)
{
    const QByteArray der = publicKey.toDer();
    const auto spki = readTlv(der);
    if (!spki || spki->tag != kSequence)
        return std::nullopt;
    const auto algorithm = readTlv(spki->value);
    if (!algorithm || algorithm->tag != kSequence)
        return std::nullopt;
    const auto bits = readTlv(algorithm->rest);
    if (!bits || bits->tag != kBitString || bits->value.size() < 2)
        return std::nullopt;
    const QByteArrayView key = bits->value.sliced(1); // skip the unused-bits count
    if (publicKey.algorithm() == QSsl::Ec)
        return key.toByteArray();
    if (publicKey.algorithm() == QSsl::Rsa) {
        const auto rsa = readTlv(key);
        if (!rsa || rsa->tag != kSequence)
            return std::nullopt;
        const auto modulus = readTlv(rsa->value);
        if (!modulus || modulus->tag != kInteger)
            return std::nullopt;
        return modulus->value.toByteArray();
    }
    return std::nullopt;
}

// SEC1 ECPrivateKey: SEQUENCE { version, privateKey, [0] parameters, [1] publicKey }.
bool ecPrivateKeyHasPublicKey(QByteArrayView der)
{
    const auto outer = readTlv(der);
    if (!outer || outer->tag != kSequence)
        return false;
    QByteArrayView rest = outer->value;
    while (!rest.isEmpty()) {
        const auto field = readTlv(rest);
        if (!field)
            return false;
        if (field->tag == 0xa1)
            return true;
        rest = field->rest;
    }
    return false;
}

} // namespace

std::optional<bool> KeyPairCheck::matches(const QSslCertificate &certificate, const QSslKey &key)
{
    const QSslKey publicKey = certificate.publicKey();
    if (publicKey.isNull() || key.isNull())
        return std::nullopt;
    if (publicKey.algorithm() != key.algorithm())
        return false;
    const auto material = publicMaterial(publicKey);
    if (!material || material->size() < 32)
        return std::nullopt;
    const QByteArray privateDer = key.toDer();
    if (privateDer.isEmpty())
        return std::nullopt;
    if (privateDer.contains(*material))
        return true;
    // An EC private key may omit its public point; then we cannot tell.
    if (key.algorithm() == QSsl::Ec && !ecPrivateKeyHasPublicKey(privateDer))
        return std::nullopt;
    return false;
}

} // namespace mqttdesk
