#include "core/inspector/json_diff.h"

#include "core/inspector/json_path.h"

#include <QJsonArray>
#include <QJsonObject>

#include <algorithm>

namespace mqttdesk {

namespace {

// The side an added or removed value is not on (a default QJsonValue is null, a value).
const QJsonValue kMissing(QJsonValue::Undefined);

// Integral numbers compare exactly (a double would round 64-bit ids); others as doubles.
bool sameNumber(const QJsonValue &left, const QJsonValue &right)
{
    const qint64 l0 = left.toInteger(0);
    const qint64 r0 = right.toInteger(0);
    const bool leftIntegral = l0 == left.toInteger(1);
    const bool rightIntegral = r0 == right.toInteger(1);
    if (leftIntegral && rightIntegral)
        return l0 == r0;
    return left.toDouble() == right.toDouble();
}

class Walker
{
public:
    Walker(JsonDiffResult &result, qsizetype maxEntries)
        : m_result(result)
        , m_max(maxEntries)
    {}

    // False once the limit is reached: the caller stops walking.
    bool walk(const QString &path, const QJsonValue &left, const QJsonValue &right)
    {
        if (left.type() != right.type())
            return add(JsonDiffEntry::Kind::Changed, path, left, right);
        switch (left.type()) {
        case QJsonValue::Object:
            return walkObjects(path, left.toObject(), right.toObject());
        case QJsonValue::Array:
            return walkArrays(path, left.toArray(), right.toArray());
        default:
            if (!JsonDiff::equal(left, right))
                return add(JsonDiffEntry::Kind::Changed, path, left, right);
            return true;
        }
    }

private:
    bool walkObjects(const QString &path, const QJsonObject &left, const QJsonObject &right)
    {
        for (auto it = left.constBegin(); it != left.constEnd(); ++it) {
            const QString child = JsonPath::key(path, it.key());
            const auto other = right.constFind(it.key());
            const bool ok = other == right.constEnd()
                                ? add(JsonDiffEntry::Kind::Removed, child, it.value(), kMissing)
                                : walk(child, it.value(), other.value());
            if (!ok)
                return false;
        }
        for (auto it = right.constBegin(); it != right.constEnd(); ++it) {
            if (left.contains(it.key()))
                continue;
            if (!add(JsonDiffEntry::Kind::Added, JsonPath::key(path, it.key()), kMissing,
                     it.value()))
                return false;
        }
        return true;
    }

    bool walkArrays(const QString &path, const QJsonArray &left, const QJsonArray &right)
    {
        const qsizetype common = qMin(left.size(), right.size());
        for (qsizetype i = 0; i < common; ++i)
            if (!walk(JsonPath::index(path, i), left.at(i), right.at(i)))
                return false;
        for (qsizetype i = common; i < left.size(); ++i)
            if (!add(JsonDiffEntry::Kind::Removed, JsonPath::index(path, i), left.at(i), kMissing))
                return false;
        for (qsizetype i = common; i < right.size(); ++i)
            if (!add(JsonDiffEntry::Kind::Added, JsonPath::index(path, i), kMissing, right.at(i)))
                return false;
        return true;
    }

    bool add(JsonDiffEntry::Kind kind, const QString &path, const QJsonValue &left,
             const QJsonValue &right)
    {
        if (m_result.entries.size() >= m_max) {
            m_result.truncated = true;
            return false;
        }
        m_result.entries.append(JsonDiffEntry{kind, path, left, right});
        return true;
    }

    JsonDiffResult &m_result;
    const qsizetype m_max;
};

} // namespace

qsizetype JsonDiffResult::count(JsonDiffEntry::Kind kind) const
{
    return std::count_if(entries.cbegin(), entries.cend(),
                         [kind](const JsonDiffEntry &e) { return e.kind == kind; });
}

JsonDiffResult JsonDiff::compare(const QJsonValue &left, const QJsonValue &right,
                                 qsizetype maxEntries)
{
    JsonDiffResult result;
    Walker(result, qMax<qsizetype>(0, maxEntries)).walk(JsonPath::root(), left, right);
    return result;
}

bool JsonDiff::equal(const QJsonValue &left, const QJsonValue &right)
{
    if (left.type() != right.type())
        return false;
    switch (left.type()) {
    case QJsonValue::Double:
        return sameNumber(left, right);
    case QJsonValue::Object: {
        const QJsonObject l = left.toObject();
        const QJsonObject r = right.toObject();
        if (l.size() != r.size())
            return false;
        for (auto it = l.constBegin(); it != l.constEnd(); ++it) {
            const auto other = r.constFind(it.key());
            if (other == r.constEnd() || !equal(it.value(), other.value()))
                return false;
        }
        return true;
    }
    case QJsonValue::Array: {
        const QJsonArray l = left.toArray();
        const QJsonArray r = right.toArray();
        if (l.size() != r.size())
            return false;
        for (qsizetype i = 0; i < l.size(); ++i)
            if (!equal(l.at(i), r.at(i)))
                return false;
        return true;
    }
    default:
        return left == right;
    }
}

} // namespace mqttdesk
