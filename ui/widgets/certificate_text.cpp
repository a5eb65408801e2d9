#include "ui/widgets/certificate_text.h"

#include <QCoreApplication>

namespace mqttdesk {

QString CertificateText::describe(const CertificateDetails &summary)
{
    const auto tr = [](const char *text) {
        return QCoreApplication::translate("mqttdesk::CertificateText", text);
    };
    const QString date = summary.notAfter.toUTC().toString(QStringLiteral("yyyy-MM-dd"));
    QString validity;
    if (summary.expired)
        validity = tr("EXPIRED on %1").arg(date);
    else if (summary.notYetValid)
        validity = tr("not valid before %1")
                       .arg(summary.notBefore.toUTC().toString(QStringLiteral("yyyy-MM-dd")));
    else
        validity = tr("expires %1").arg(date);
    return tr("Subject: %1 · Issuer: %2 · %3").arg(summary.subject, summary.issuer, validity);
}

} // namespace mqttdesk
