#include "core/retained/retained_diff.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace mqttdesk;
using namespace Qt::StringLiterals;

namespace {
RetainedValue rv(const QByteArray &payload, QoS qos)
{
    RetainedValue value;
    value.payload = payload;
    value.qos = qos;
    return value;
}
} // namespace

class TstRetainedDiff : public QObject
{
    Q_OBJECT
private slots:
    void exactlyTheChanges();
    void equalSnapshots();
    void jsonKeysNoted();
    void textLinesNoted();
    void qosChange();
    void jsonExport();
    void csvExport();
};

namespace {

RetainedSnapshot base()
{
    RetainedSnapshot snapshot;
    snapshot.filter = QStringLiteral("s/#");
    for (int i = 0; i < 10; ++i)
        snapshot.topics.insert(QStringLiteral("s/%1").arg(i),
                               rv(QByteArray::number(i * 10), QoS::AtLeastOnce));
    return snapshot;
}

RetainedSnapshot changed()
{
    RetainedSnapshot b = base();
    b.topics.remove(QStringLiteral("s/3"));
    b.topics.insert(QStringLiteral("s/new"), rv(QByteArray("\xff\x00", 2), QoS::AtMostOnce));
    b.topics[QStringLiteral("s/5")].payload = "fifty-five";
    return b;
}

} // namespace

void TstRetainedDiff::exactlyTheChanges()
{
    const RetainedDiff diff = RetainedDiff::compare(base(), changed());
    QCOMPARE(diff.changes.size(), 3);
    QCOMPARE(diff.unchanged, 8);
    QCOMPARE(diff.count(RetainedChange::Kind::Added), 1);
    QCOMPARE(diff.count(RetainedChange::Kind::Removed), 1);
    QCOMPARE(diff.count(RetainedChange::Kind::Changed), 1);
    QCOMPARE(diff.changes.at(0).topic, QStringLiteral("s/3"));
    QCOMPARE(diff.changes.at(0).kind, RetainedChange::Kind::Removed);
    QCOMPARE(diff.changes.at(0).before->payload, QByteArray("30"));
    QVERIFY(!diff.changes.at(0).after);
    QCOMPARE(diff.changes.at(1).topic, QStringLiteral("s/5"));
    QCOMPARE(diff.changes.at(1).kind, RetainedChange::Kind::Changed);
    QCOMPARE(diff.changes.at(1).before->payload, QByteArray("50"));
    QCOMPARE(diff.changes.at(1).after->payload, QByteArray("fifty-five"));
    QCOMPARE(diff.changes.at(1).details, (QStringList{u"- 50"_s, u"+ fifty-five"_s}));
    QCOMPARE(diff.changes.at(2).topic, QStringLiteral("s/new"));
    QCOMPARE(diff.changes.at(2).kind, RetainedChange::Kind::Added);
    QVERIFY(!diff.isEqual());
    QVERIFY(diff.toText().endsWith(QStringLiteral("1 added, 1 removed, 1 changed, 8 unchanged\n")));
}

void TstRetainedDiff::equalSnapshots()
{
    const RetainedDiff diff = RetainedDiff::compare(base(), base());
    QVERIFY(diff.isEqual());
    QCOMPARE(diff.unchanged, 10);
}

void TstRetainedDiff::jsonKeysNoted()
{
    RetainedSnapshot a, b;
    a.topics.insert(u"t"_s, rv(R"({"x": 1, "y": 2, "z": 3})", QoS::AtMostOnce));
    b.topics.insert(u"t"_s, rv(R"({"x": 1, "y": 5, "w": 0})", QoS::AtMostOnce));
    const RetainedDiff diff = RetainedDiff::compare(a, b);
    QCOMPARE(diff.changes.size(), 1);
    QCOMPARE(diff.changes.at(0).details,
             (QStringList{u"keys changed: y"_s, u"keys added: w"_s, u"keys removed: z"_s}));
}

void TstRetainedDiff::textLinesNoted()
{
    RetainedSnapshot a, b;
    a.topics.insert(u"t"_s, rv("one\ntwo\nthree", QoS::AtMostOnce));
    b.topics.insert(u"t"_s, rv("one\n2\nthree", QoS::AtMostOnce));
    QCOMPARE(RetainedDiff::compare(a, b).changes.at(0).details,
             (QStringList{u"- two"_s, u"+ 2"_s}));
}

void TstRetainedDiff::qosChange()
{
    RetainedSnapshot a, b;
    a.topics.insert(u"t"_s, rv("same", QoS::AtMostOnce));
    b.topics.insert(u"t"_s, rv("same", QoS::ExactlyOnce));
    const RetainedDiff diff = RetainedDiff::compare(a, b);
    QCOMPARE(diff.changes.size(), 1);
    QCOMPARE(diff.changes.at(0).details, (QStringList{u"qos 0 -> 2"_s}));
}

void TstRetainedDiff::jsonExport()
{
    const QJsonObject root =
        QJsonDocument::fromJson(RetainedDiff::compare(base(), changed()).toJson()).object();
    QCOMPARE(root.value(u"added"_s).toInt(), 1);
    QCOMPARE(root.value(u"removed"_s).toInt(), 1);
    QCOMPARE(root.value(u"changed"_s).toInt(), 1);
    QCOMPARE(root.value(u"unchanged"_s).toInt(), 8);
    const QJsonArray changes = root.value(u"changes"_s).toArray();
    QCOMPARE(changes.size(), 3);
    const QJsonObject changedEntry = changes.at(1).toObject();
    QCOMPARE(changedEntry.value(u"topic"_s).toString(), QStringLiteral("s/5"));
    QCOMPARE(changedEntry.value(u"change"_s).toString(), QStringLiteral("changed"));
    QCOMPARE(changedEntry.value(u"a"_s).toObject().value(u"text"_s).toString(),
             QStringLiteral("50"));
    QCOMPARE(changedEntry.value(u"b"_s).toObject().value(u"text"_s).toString(),
             QStringLiteral("fifty-five"));
    QVERIFY(changes.at(0).toObject().value(u"b"_s).isNull());
    const QJsonObject added = changes.at(2).toObject();
    QCOMPARE(added.value(u"b"_s).toObject().value(u"payload"_s).toString(), QStringLiteral("/wA="));
    QVERIFY(!added.value(u"b"_s).toObject().contains(u"text"_s));
}

void TstRetainedDiff::csvExport()
{
    RetainedSnapshot b = changed();
    b.topics[QStringLiteral("s/5")].payload = "a,\"quoted\"";
    const QByteArray csv = RetainedDiff::compare(base(), b).toCsv();
    QCOMPARE(csv, QByteArray("topic,change,payload A,payload B\r\n"
                             "s/3,removed,30,\r\n"
                             "s/5,changed,50,\"a,\"\"quoted\"\"\"\r\n"
                             "s/new,added,,base64:/wA=\r\n"));
}

QTEST_GUILESS_MAIN(TstRetainedDiff)
#include "tst_retained_diff.moc"
