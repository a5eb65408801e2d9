#pragma once

#include <QString>
#include <QStringView>

namespace mqttdesk {

// Paths into a JSON document in the JSONPath notation users paste into jq-like tools and
// test assertions: `$` is the root, `.name` a key that is an identifier, `['a b']` any other
// key (quotes and backslashes escaped), `[2]` an array element. The tree's "copy path" and
// the diff's rows name places the same way.
class JsonPath
{
public:
    static QString root() { return QStringLiteral("$"); }
    static QString key(const QString &parent, QStringView key);
    static QString index(const QString &parent, qsizetype index);
    // Whether `key` can follow a dot (a letter, `_` or `$`, then letters, digits, `_`, `$`).
    static bool isIdentifier(QStringView key);
};

} // namespace mqttdesk
