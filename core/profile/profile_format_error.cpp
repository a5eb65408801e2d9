#include "core/profile/profile_format_error.h"

#include <QCoreApplication>

namespace mqttdesk {

ProfileFormatError::ProfileFormatError(Kind kind, QString field, QString detail, int line)
    : m_kind(kind)
    , m_field(std::move(field))
    , m_detail(std::move(detail))
    , m_line(line)
{}

ProfileFormatError ProfileFormatError::prefixed(const QString &parent) const
{
    ProfileFormatError copy = *this;
    if (m_field.isEmpty())
        copy.m_field = parent;
    else if (m_field.startsWith(QLatin1Char('[')))
        copy.m_field = parent + m_field;
    else
        copy.m_field = parent + QLatin1Char('.') + m_field;
    return copy;
}

QString ProfileFormatError::message() const
{
    const auto tr = [](const char *text) {
        return QCoreApplication::translate("mqttdesk::ProfileFormatError", text);
    };
    QString text;
    switch (m_kind) {
    case Kind::None:
        return {};
    case Kind::Syntax:
        text = tr("The file is not valid JSON (line %1): %2").arg(m_line).arg(m_detail);
        return text;
    case Kind::UnknownFormat:
        return tr("The file is neither an MQTT Desk profile export nor an MQTTX export nor MQTT "
                  "Explorer's settings: %1")
            .arg(m_detail);
    case Kind::UnsupportedVersion:
        return tr("The file was written by a newer MQTT Desk (format version %1); update the "
                  "application to import it.")
            .arg(m_detail);
    case Kind::Missing:
        text = tr("The field \"%1\" is missing.").arg(m_field);
        break;
    case Kind::WrongType:
        text = tr("The field \"%1\" has the wrong type: expected %2.").arg(m_field, m_detail);
        return text;
    case Kind::OutOfRange:
        text = tr("The field \"%1\" is out of range: %2.").arg(m_field, m_detail);
        return text;
    case Kind::UnknownValue:
        text = tr("The field \"%1\" has an unknown value: %2.").arg(m_field, m_detail);
        return text;
    case Kind::BadEncoding:
        text = tr("The field \"%1\" is not valid %2.").arg(m_field, m_detail);
        return text;
    case Kind::Unreadable:
        return tr("The file could not be read: %1").arg(m_detail);
    }
    if (!m_detail.isEmpty())
        text += QLatin1Char(' ') + m_detail;
    return text;
}

} // namespace mqttdesk
