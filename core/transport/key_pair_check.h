#pragma once

#include <optional>

class QSslCertificate;
class QSslKey;

namespace mqttdesk {

// Does a private key belong to a certificate? Compares the public key material: the EC
// point or the RSA modulus from the certificate must appear in the private key's DER
// (SEC1 and PKCS#1 both carry it). nullopt when the key type or encoding is not covered,
// in which case the TLS backend still refuses a mismatch when it connects.
class KeyPairCheck
{
public:
    static std::optional<bool> matches(const QSslCertificate &certificate, const QSslKey &key);
};

} // namespace mqttdesk
