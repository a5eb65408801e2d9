#pragma once

#include "core/script/script_error.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace mqttdesk {

// What a script call gave: text (a string it returned, or a number or boolean as text),
// pretty JSON (an object or array it returned), or bytes (an ArrayBuffer or typed array),
// or the error that stopped it.
struct ScriptResult
{
    enum class Kind : quint8
    {
        Text,
        Json,
        Bytes,
    };

    Kind kind = Kind::Text;
    QString text;     // Text and Json
    QByteArray bytes; // Bytes
    std::optional<ScriptError> error;

    bool ok() const { return !error.has_value(); }
    // The result as payload bytes: UTF-8 of the text, or the bytes.
    QByteArray payload() const { return kind == Kind::Bytes ? bytes : text.toUtf8(); }
};

} // namespace mqttdesk
