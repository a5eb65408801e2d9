#pragma once

#include <QSet>
#include <QString>
#include <QTest>

namespace mqttdesk::test {

// The tests of enum -> text tables (kind names, messages) share these walks over every
// enumerator from `first` to `last`. A failure fails the calling test (QVERIFY records it;
// the walk stops there).

// Names, for logs and tests: one for each enumerator, none empty, no two alike, and
// `unknown` (when given) for the value after `last`, so a new enumerator without a name
// shows up as a duplicate or an empty one.
template<typename Enum, typename NameOf>
void checkEnumNames(Enum first, Enum last, NameOf nameOf, const QString &unknown = {})
{
    QSet<QString> seen;
    for (int i = int(first); i <= int(last); ++i) {
        const QString name = nameOf(Enum(i));
        QVERIFY2(!name.isEmpty(), qPrintable(QStringLiteral("no name for %1").arg(i)));
        QVERIFY2(!seen.contains(name), qPrintable(QStringLiteral("%1 twice").arg(name)));
        seen.insert(name);
    }
    if (!unknown.isEmpty())
        QCOMPARE(nameOf(Enum(int(last) + 1)), unknown);
}

// Texts for the user (translated messages): one for each enumerator, none empty.
template<typename Enum, typename TextOf>
void checkEnumTexts(Enum first, Enum last, TextOf textOf)
{
    for (int i = int(first); i <= int(last); ++i) {
        const QString text = textOf(Enum(i));
        QVERIFY2(!text.trimmed().isEmpty(), qPrintable(QStringLiteral("no text for %1").arg(i)));
    }
}

} // namespace mqttdesk::test
