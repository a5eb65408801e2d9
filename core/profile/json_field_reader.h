#pragma once

#include "core/profile/profile_format_error.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>
#include <utility>

namespace mqttdesk {

// Reads typed fields from a JSON object while tracking the field path, so that
// the first problem can name exactly where it is ("tls.caFiles[1]"). After the
// first error every read returns its default and the error is kept.
class JsonFieldReader
{
public:
    JsonFieldReader(QJsonObject object, QString path, ProfileFormatError *error);

    bool ok() const { return !m_error->isError(); }
    bool has(const QString &key) const { return m_object.contains(key); }
    QString pathOf(const QString &key) const;

    // Each reader returns `fallback` when the key is absent (or null), and
    // records an error when the value has the wrong type or range.
    QString string(const QString &key, const QString &fallback = {});
    bool boolean(const QString &key, bool fallback);
    qint64 integer(const QString &key, qint64 min, qint64 max, qint64 fallback);
    std::optional<qint64> optionalInteger(const QString &key, qint64 min, qint64 max);
    QByteArray base64(const QString &key);
    QStringList stringList(const QString &key);
    QJsonArray array(const QString &key);
    // A nested reader; an absent key gives an empty object.
    JsonFieldReader object(const QString &key);
    // A reader for element `index` of an array read from `key`.
    JsonFieldReader element(const QString &key, const QJsonArray &array, qsizetype index);

    // Maps a string onto one of `names` (pairs of name and value).
    template<typename E, qsizetype N>
    E choice(const QString &key, const std::pair<const char *, E> (&names)[N], E fallback)
    {
        const QString value = string(key);
        if (!ok() || !has(key))
            return fallback;
        QStringList allowed;
        for (const auto &[name, item] : names) {
            if (value == QLatin1String(name))
                return item;
            allowed << QLatin1String(name);
        }
        fail(ProfileFormatError::Kind::UnknownValue, key,
             QCoreApplication::translate("mqttdesk::JsonFieldReader", "\"%1\" (allowed: %2)")
                 .arg(value, allowed.join(QStringLiteral(", "))));
        return fallback;
    }

    void require(const QString &key);
    void fail(ProfileFormatError::Kind kind, const QString &key, const QString &detail = {});

private:
    QJsonObject m_object;
    QString m_path;
    ProfileFormatError *m_error;
};

} // namespace mqttdesk
