#include "core/inspector/json_path.h"

namespace mqttdesk {

bool JsonPath::isIdentifier(QStringView key)
{
    if (key.isEmpty())
        return false;
    for (qsizetype i = 0; i < key.size(); ++i) {
        const QChar c = key[i];
        const bool ascii = c.unicode() < 0x80;
        const bool letter = ascii && (c.isLetter() || c == u'_' || c == u'$');
        if (!letter && !(i > 0 && ascii && c.isDigit()))
            return false;
    }
    return true;
}

QString JsonPath::key(const QString &parent, QStringView key)
{
    if (isIdentifier(key))
        return parent + u'.' + key;
    QString quoted;
    quoted.reserve(key.size() + 2);
    for (const QChar c : key) {
        if (c == u'\'' || c == u'\\')
            quoted += u'\\';
        quoted += c;
    }
    return parent + u"['" + quoted + u"']";
}

QString JsonPath::index(const QString &parent, qsizetype index)
{
    return parent + u'[' + QString::number(index) + u']';
}

} // namespace mqttdesk
