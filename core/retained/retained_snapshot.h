#pragma once

#include "core/protocol/properties.h"
#include "core/protocol/qos.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QMap>
#include <QMetaType>
#include <QString>

#include <optional>
#include <variant>

namespace mqttdesk {

// One retained value: the payload and QoS the broker sent at subscribe time, and the 5.0
// properties that are simple to carry (content type, payload format indicator, user
// properties).
struct RetainedValue
{
    QByteArray payload;
    QoS qos = QoS::AtMostOnce;
    std::optional<QString> contentType;
    std::optional<quint8> payloadFormatIndicator;
    QList<StringPair> userProperties;
    bool operator==(const RetainedValue &) const = default;
};

// Why a snapshot file could not be read: `where` names the place ("line 3", "messages[2]"),
// `message` says what is wrong there.
struct RetainedSnapshotError
{
    QString where;
    QString message;
    QString toString() const
    {
        return where.isEmpty() ? message : where + QStringLiteral(": ") + message;
    }
};

// What a broker retained under one filter at one moment: a plain value with a versioned
// JSON form ("format": "mqttdesk-retained-snapshot", "version": 1). Payloads are stored as
// base64, plus a readable "text" field when they are valid UTF-8.
class RetainedSnapshot
{
public:
    static constexpr int FormatVersion = 1;

    QString filter;
    QString name;
    QDateTime takenAt; // UTC
    QString broker;    // host:port
    QMap<QString, RetainedValue> topics;

    QByteArray toJson() const;
    static std::variant<RetainedSnapshot, RetainedSnapshotError> fromJson(const QByteArray &json);

    // File helpers: the error names the file on I/O problems.
    std::optional<QString> writeFile(const QString &path) const;
    static std::variant<RetainedSnapshot, RetainedSnapshotError> readFile(const QString &path);

    bool operator==(const RetainedSnapshot &) const = default;
};

} // namespace mqttdesk

Q_DECLARE_METATYPE(mqttdesk::RetainedSnapshot)
