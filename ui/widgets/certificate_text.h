#pragma once

#include "core/profile/tls_file_report.h"

namespace mqttdesk {

// How a certificate is described inline in the dialogs.
class CertificateText
{
public:
    // "Subject: CN=…  ·  Issuer: CN=…  ·  Expires 2027-05-01" (or "Expired on …").
    static QString describe(const CertificateDetails &summary);
};

} // namespace mqttdesk
