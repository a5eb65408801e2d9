#include "ui/subscriptions/user_property_parser.h"

#include <QCoreApplication>

namespace mqttdesk {

std::optional<QList<StringPair>> UserPropertyParser::parse(const QString &text, QString *error)
{
    QList<StringPair> pairs;
    const QStringList parts = text.split(QLatin1Char(';'), Qt::SkipEmptyParts);
    for (const QString &raw : parts) {
        const QString part = raw.trimmed();
        if (part.isEmpty())
            continue;
        const qsizetype eq = part.indexOf(QLatin1Char('='));
        if (eq <= 0) {
            if (error)
                *error =
                    QCoreApplication::translate("UserPropertyParser",
                                                "User property \"%1\" needs the form name=value.")
                        .arg(part);
            return std::nullopt;
        }
        pairs.append({part.left(eq).trimmed(), part.mid(eq + 1).trimmed()});
    }
    return pairs;
}

} // namespace mqttdesk
