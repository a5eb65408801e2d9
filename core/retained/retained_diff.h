#pragma once

#include "core/retained/retained_snapshot.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace mqttdesk {

// One topic that differs between two snapshots. `before` is the value in A, `after` the
// value in B (unset for an added or a removed topic respectively).
struct RetainedChange
{
    enum class Kind : quint8
    {
        Added,   // in B, not in A
        Removed, // in A, not in B
        Changed, // in both; payload, qos or properties differ
    };
    QString topic;
    Kind kind = Kind::Changed;
    std::optional<RetainedValue> before;
    std::optional<RetainedValue> after;
    // For Changed: short readable notes ("qos 0 -> 1", "keys changed: a, b", "- old line",
    // "+ new line").
    QStringList details;
};

// The comparison of two retained snapshots (A: before, B: after), topic by topic. Pure:
// no I/O. Exports as JSON, CSV and a readable text form.
class RetainedDiff
{
public:
    static RetainedDiff compare(const RetainedSnapshot &a, const RetainedSnapshot &b);

    QList<RetainedChange> changes; // sorted by topic
    int unchanged = 0;

    bool isEqual() const { return changes.isEmpty(); }
    int count(RetainedChange::Kind kind) const;

    QByteArray toJson() const;
    // Columns: topic, change, payload A, payload B; payloads as text when valid UTF-8,
    // otherwise "base64:" and the base64.
    QByteArray toCsv() const;
    QString toText() const;

    static QString kindName(RetainedChange::Kind kind);
};

} // namespace mqttdesk
