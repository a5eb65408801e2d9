#include "core/retained/retained_diff.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QStringDecoder>

#include <algorithm>

namespace mqttdesk {

namespace {

// Line diffs of larger texts would not be read; they are summarised instead.
constexpr qsizetype MaxDiffLines = 20;

std::optional<QString> utf8Text(const QByteArray &bytes)
{
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    QString text = decoder(bytes);
    if (decoder.hasError())
        return std::nullopt;
    return text;
}

QString payloadCell(const std::optional<RetainedValue> &value)
{
    if (!value)
        return QString();
    if (const auto text = utf8Text(value->payload))
        return *text;
    return QStringLiteral("base64:") + QString::fromLatin1(value->payload.toBase64());
}

// For JSON objects: which top-level keys were added, removed or changed.
std::optional<QStringList> jsonKeyNotes(const QByteArray &before, const QByteArray &after)
{
    const QJsonDocument a = QJsonDocument::fromJson(before);
    const QJsonDocument b = QJsonDocument::fromJson(after);
    if (!a.isObject() || !b.isObject())
        return std::nullopt;
    const QJsonObject objectA = a.object();
    const QJsonObject objectB = b.object();
    QStringList added, removed, changed;
    for (auto it = objectB.begin(); it != objectB.end(); ++it) {
        if (!objectA.contains(it.key()))
            added.append(it.key());
        else if (objectA.value(it.key()) != it.value())
            changed.append(it.key());
    }
    for (auto it = objectA.begin(); it != objectA.end(); ++it)
        if (!objectB.contains(it.key()))
            removed.append(it.key());
    QStringList notes;
    if (!changed.isEmpty())
        notes.append(QCoreApplication::translate("RetainedDiff", "keys changed: %1")
                         .arg(changed.join(QStringLiteral(", "))));
    if (!added.isEmpty())
        notes.append(QCoreApplication::translate("RetainedDiff", "keys added: %1")
                         .arg(added.join(QStringLiteral(", "))));
    if (!removed.isEmpty())
        notes.append(QCoreApplication::translate("RetainedDiff", "keys removed: %1")
                         .arg(removed.join(QStringLiteral(", "))));
    return notes;
}

// A modest line diff: the common leading and trailing lines are dropped, the rest is shown
// as removed ("- ") and added ("+ ") lines.
QStringList lineNotes(const QString &before, const QString &after)
{
    const QStringList a = before.split(QLatin1Char('\n'));
    const QStringList b = after.split(QLatin1Char('\n'));
    qsizetype head = 0;
    while (head < a.size() && head < b.size() && a.at(head) == b.at(head))
        ++head;
    qsizetype tail = 0;
    while (tail < a.size() - head && tail < b.size() - head &&
           a.at(a.size() - 1 - tail) == b.at(b.size() - 1 - tail))
        ++tail;
    const qsizetype removedCount = a.size() - head - tail;
    const qsizetype addedCount = b.size() - head - tail;
    if (removedCount + addedCount > MaxDiffLines)
        return {QCoreApplication::translate("RetainedDiff", "%1 lines removed, %2 lines added")
                    .arg(removedCount)
                    .arg(addedCount)};
    QStringList notes;
    for (qsizetype i = head; i < a.size() - tail; ++i)
        notes.append(QStringLiteral("- ") + a.at(i));
    for (qsizetype i = head; i < b.size() - tail; ++i)
        notes.append(QStringLiteral("+ ") + b.at(i));
    return notes;
}

QStringList changeNotes(const RetainedValue &a, const RetainedValue &b)
{
    QStringList notes;
    if (a.qos != b.qos)
        notes.append(QCoreApplication::translate("RetainedDiff", "qos %1 -> %2")
                         .arg(int(a.qos))
                         .arg(int(b.qos)));
    if (a.contentType != b.contentType || a.payloadFormatIndicator != b.payloadFormatIndicator ||
        a.userProperties != b.userProperties)
        notes.append(QCoreApplication::translate("RetainedDiff", "properties changed"));
    if (a.payload == b.payload)
        return notes;
    if (const auto keys = jsonKeyNotes(a.payload, b.payload)) {
        notes.append(*keys);
        return notes;
    }
    const auto textA = utf8Text(a.payload);
    const auto textB = utf8Text(b.payload);
    if (textA && textB)
        notes.append(lineNotes(*textA, *textB));
    else
        notes.append(
            QCoreApplication::translate("RetainedDiff", "binary payload changed (%1 -> %2 bytes)")
                .arg(a.payload.size())
                .arg(b.payload.size()));
    return notes;
}

QString csvField(const QString &field)
{
    if (!field.contains(QLatin1Char(',')) && !field.contains(QLatin1Char('"')) &&
        !field.contains(QLatin1Char('\n')) && !field.contains(QLatin1Char('\r')))
        return field;
    QString quoted = field;
    quoted.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

QJsonValue valueJson(const std::optional<RetainedValue> &value)
{
    if (!value)
        return QJsonValue::Null;
    QJsonObject object;
    object.insert(QStringLiteral("qos"), int(value->qos));
    object.insert(QStringLiteral("payload"), QString::fromLatin1(value->payload.toBase64()));
    if (const auto text = utf8Text(value->payload))
        object.insert(QStringLiteral("text"), *text);
    return object;
}

} // namespace

RetainedDiff RetainedDiff::compare(const RetainedSnapshot &a, const RetainedSnapshot &b)
{
    RetainedDiff diff;
    // Both maps are sorted by topic: one merge pass.
    auto itA = a.topics.cbegin();
    auto itB = b.topics.cbegin();
    while (itA != a.topics.cend() || itB != b.topics.cend()) {
        if (itB == b.topics.cend() || (itA != a.topics.cend() && itA.key() < itB.key())) {
            diff.changes.append({itA.key(), RetainedChange::Kind::Removed, itA.value(), {}, {}});
            ++itA;
        } else if (itA == a.topics.cend() || itB.key() < itA.key()) {
            diff.changes.append({itB.key(), RetainedChange::Kind::Added, {}, itB.value(), {}});
            ++itB;
        } else {
            if (itA.value() == itB.value())
                ++diff.unchanged;
            else
                diff.changes.append({itA.key(), RetainedChange::Kind::Changed, itA.value(),
                                     itB.value(), changeNotes(itA.value(), itB.value())});
            ++itA;
            ++itB;
        }
    }
    return diff;
}

int RetainedDiff::count(RetainedChange::Kind kind) const
{
    return int(std::count_if(changes.cbegin(), changes.cend(),
                             [kind](const RetainedChange &change) { return change.kind == kind; }));
}

QString RetainedDiff::kindName(RetainedChange::Kind kind)
{
    // Machine-readable names for JSON and CSV; not translated.
    switch (kind) {
    case RetainedChange::Kind::Added:
        return QStringLiteral("added");
    case RetainedChange::Kind::Removed:
        return QStringLiteral("removed");
    case RetainedChange::Kind::Changed:
        return QStringLiteral("changed");
    }
    return QString();
}

QByteArray RetainedDiff::toJson() const
{
    QJsonArray list;
    for (const RetainedChange &change : changes) {
        QJsonObject object;
        object.insert(QStringLiteral("topic"), change.topic);
        object.insert(QStringLiteral("change"), kindName(change.kind));
        object.insert(QStringLiteral("a"), valueJson(change.before));
        object.insert(QStringLiteral("b"), valueJson(change.after));
        if (!change.details.isEmpty())
            object.insert(QStringLiteral("details"), QJsonArray::fromStringList(change.details));
        list.append(object);
    }
    QJsonObject root;
    root.insert(QStringLiteral("added"), count(RetainedChange::Kind::Added));
    root.insert(QStringLiteral("removed"), count(RetainedChange::Kind::Removed));
    root.insert(QStringLiteral("changed"), count(RetainedChange::Kind::Changed));
    root.insert(QStringLiteral("unchanged"), unchanged);
    root.insert(QStringLiteral("changes"), list);
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

QByteArray RetainedDiff::toCsv() const
{
    QString csv = QStringLiteral("topic,change,payload A,payload B\r\n");
    for (const RetainedChange &change : changes) {
        csv += csvField(change.topic) + QLatin1Char(',') + kindName(change.kind) +
               QLatin1Char(',') + csvField(payloadCell(change.before)) + QLatin1Char(',') +
               csvField(payloadCell(change.after)) + QStringLiteral("\r\n");
    }
    return csv.toUtf8();
}

QString RetainedDiff::toText() const
{
    QString text;
    for (const RetainedChange &change : changes) {
        switch (change.kind) {
        case RetainedChange::Kind::Added:
            text += QCoreApplication::translate("RetainedDiff", "added    %1: %2\n")
                        .arg(change.topic, payloadCell(change.after));
            break;
        case RetainedChange::Kind::Removed:
            text += QCoreApplication::translate("RetainedDiff", "removed  %1: %2\n")
                        .arg(change.topic, payloadCell(change.before));
            break;
        case RetainedChange::Kind::Changed:
            text += QCoreApplication::translate("RetainedDiff", "changed  %1\n").arg(change.topic);
            for (const QString &note : change.details)
                text += QStringLiteral("    ") + note + QLatin1Char('\n');
            break;
        }
    }
    text += QCoreApplication::translate("RetainedDiff",
                                        "%1 added, %2 removed, %3 changed, %4 unchanged\n")
                .arg(count(RetainedChange::Kind::Added))
                .arg(count(RetainedChange::Kind::Removed))
                .arg(count(RetainedChange::Kind::Changed))
                .arg(unchanged);
    return text;
}

} // namespace mqttdesk
