// Shared by the JsonDiff and PayloadDiff tests: two greenhouse readings a minute apart, and
// diff entries written out as text to compare against.
#pragma once

#include "core/inspector/json_diff.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace mqttdesk::test {

using namespace Qt::StringLiterals;

using Kind = JsonDiffEntry::Kind;

// A greenhouse controller's reading a minute apart: one sensor reads differently, a CO2
// sensor came online, the battery field is gone, the status turned into a list of codes.
inline const QByteArray kBefore = R"({
  "device": "greenhouse-3",
  "ts": 1718000000,
  "sensors": [
    {"id": "t1", "value": 21.5, "unit": "°C"},
    {"id": "h1", "value": 48, "unit": "%"}
  ],
  "battery": 3.71,
  "a b": true,
  "status": {"ok": true, "fw": "1.2.0"},
  "tags": ["north", "row-4"]
})";

inline const QByteArray kAfter = R"({
  "device": "greenhouse-3",
  "ts": 1718000060,
  "sensors": [
    {"id": "t1", "value": 21.5, "unit": "°C"},
    {"id": "h1", "value": 51, "unit": "%"},
    {"id": "co2", "value": 612, "unit": "ppm"}
  ],
  "a b": false,
  "status": [200, 17],
  "tags": ["north"],
  "rssi": -67
})";

struct Expected
{
    Kind kind;
    QString path;
};

inline QList<Expected> summarize(const JsonDiffResult &result)
{
    QList<Expected> out;
    for (const JsonDiffEntry &e : result.entries)
        out.append({e.kind, e.path});
    return out;
}

inline QString kindText(Kind kind)
{
    switch (kind) {
    case Kind::Added:
        return u"Added"_s;
    case Kind::Removed:
        return u"Removed"_s;
    case Kind::Changed:
        break;
    }
    return u"Changed"_s;
}

// "Changed $.a: 1 -> 2; Added $.b: -> 3", the entries in order.
inline QString describe(const JsonDiffResult &result)
{
    QStringList out;
    for (const JsonDiffEntry &e : result.entries) {
        if (e.hasLeft == e.leftText.isEmpty() || e.hasRight == e.rightText.isEmpty() ||
            e.hasLeft != (e.kind != Kind::Added) || e.hasRight != (e.kind != Kind::Removed))
            return u"inconsistent entry at "_s + e.path;
        QString line = kindText(e.kind) + u' ' + e.path + u':';
        if (e.hasLeft)
            line += u' ' + e.leftText;
        line += u" ->"_s;
        if (e.hasRight)
            line += u' ' + e.rightText;
        out.append(line);
    }
    return out.join(u"; "_s);
}

} // namespace mqttdesk::test
