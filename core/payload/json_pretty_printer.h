#pragma once

#include <QByteArrayView>
#include <QString>
#include <QtGlobal>

namespace mqttdesk {

// Re-indents JSON text token by token (four spaces per level). Unlike a QJsonDocument round
// trip it keeps key order, duplicate keys, number spelling and escapes exactly as sent, and it
// works on a prefix, so a preview of a 10 MB document costs only the preview. It does not
// validate: check with QJsonDocument first when the whole text matters.
class JsonPrettyPrinter
{
public:
    // Indentation stops growing past this depth so that deep nesting cannot blow up the text.
    static constexpr int kMaximumIndentDepth = 64;

    // At most about `maxChars` characters of output (all when negative); `truncated` tells
    // whether input was left over.
    static QString indent(QByteArrayView json, qsizetype maxChars = -1, bool *truncated = nullptr);
};

} // namespace mqttdesk
