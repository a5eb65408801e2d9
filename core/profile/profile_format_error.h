#pragma once

#include <QString>

namespace mqttdesk {

// Why a profile (or a profile file) could not be read. `field` is a JSON path
// such as "profiles[2].tls.caFiles[0]"; `line` is set for syntax errors.
class ProfileFormatError
{
public:
    enum class Kind
    {
        None,
        Syntax,        // the file is not JSON at all
        UnknownFormat, // valid JSON, but not a file we know
        UnsupportedVersion,
        Missing,
        WrongType,
        OutOfRange,
        UnknownValue, // a string that is not one of the allowed names
        BadEncoding,  // e.g. invalid Base64
        Unreadable,   // the file could not be opened
    };

    ProfileFormatError() = default;
    ProfileFormatError(Kind kind, QString field, QString detail = {}, int line = 0);

    bool isError() const { return m_kind != Kind::None; }
    Kind kind() const { return m_kind; }
    QString field() const { return m_field; }
    QString detail() const { return m_detail; }
    int line() const { return m_line; }

    // The same error located under a parent field, e.g. "profiles[3]".
    ProfileFormatError prefixed(const QString &parent) const;

    // A sentence naming what is wrong and where, for the user.
    QString message() const;

private:
    Kind m_kind = Kind::None;
    QString m_field;
    QString m_detail;
    int m_line = 0;
};

} // namespace mqttdesk
