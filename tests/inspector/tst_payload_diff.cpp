// Diffs of two payloads: JSON key by key with JSONPath paths, lines by Myers' algorithm with
// its bound, bytes row by row without materialising text; PayloadDiff picking the mode from
// the decoders' renderings; DiffModel showing each mode under QAbstractItemModelTester.
#include "core/inspector/diff_model.h"
#include "core/inspector/hex_diff.h"
#include "core/inspector/json_diff.h"
#include "core/inspector/line_diff.h"
#include "core/inspector/payload_diff.h"
#include "core/payload/decoder_registry.h"
#include "core/protobuf/protobuf_decoder.h"
#include "core/sparkplug/sparkplug_decoder.h"

#include <QAbstractItemModelTester>
#include <QCborMap>
#include <QCborValue>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTest>
#include <QtEndian>

using namespace Qt::StringLiterals;

namespace mqttdesk {

class TestPayloadDiff : public QObject
{
    Q_OBJECT
private slots:
    void jsonChangesAddsAndRemoves();
    void jsonScalarsByTypeAndValue();
    void jsonEntryLimit();
    void linesInsertDeleteChange();
    void linesMatchTheLongestCommonSubsequence();
    void linesFastOnLargeMostlyEqualInputs();
    void linesFallBackPastTheBound();
    void hexMasksAndTrailingBytes();
    void hexNextDifference();
    void hexLargePairIsLazy();
    void modeFromTheRenderings();
    void forcedModes();
    void decodersThatRenderJson();
    void protobufLikeDecoderFallsBackToHex();
    void modelStructural();
    void modelLines();
    void modelHex();
};

namespace {

using Kind = JsonDiffEntry::Kind;

QJsonValue parse(const QByteArray &json)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError)
        qFatal("bad test JSON: %s", qPrintable(error.errorString()));
    return doc.isArray() ? QJsonValue(doc.array()) : QJsonValue(doc.object());
}

// A greenhouse controller's reading a minute apart: one sensor reads differently, a CO2
// sensor came online, the battery field is gone, the status turned into a list of codes.
const QByteArray kBefore = R"({
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

const QByteArray kAfter = R"({
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

QList<Expected> summarize(const JsonDiffResult &result)
{
    QList<Expected> out;
    for (const JsonDiffEntry &e : result.entries)
        out.append({e.kind, e.path});
    return out;
}

QStringList numbered(const QString &prefix, int count, int from = 0)
{
    QStringList out;
    out.reserve(count);
    for (int i = from; i < from + count; ++i)
        out << prefix + QString::number(i);
    return out;
}

// Checks that the rows walk both sides in order, Same rows pair equal lines, and returns
// the number of Same rows.
int checkRows(const LineDiffResult &result, const QStringList &left, const QStringList &right)
{
    int nextLeft = 0;
    int nextRight = 0;
    int same = 0;
    for (const LineDiffRow &row : result.rows) {
        if (row.leftLine >= 0) {
            if (row.leftLine != nextLeft++)
                return -1;
        }
        if (row.rightLine >= 0) {
            if (row.rightLine != nextRight++)
                return -1;
        }
        const bool both = row.leftLine >= 0 && row.rightLine >= 0;
        switch (row.kind) {
        case LineDiffRow::Kind::Same:
            if (!both || left.at(row.leftLine) != right.at(row.rightLine))
                return -1;
            ++same;
            break;
        case LineDiffRow::Kind::Changed:
            if (!both)
                return -1;
            break;
        case LineDiffRow::Kind::Added:
            if (row.leftLine >= 0 || row.rightLine < 0)
                return -1;
            break;
        case LineDiffRow::Kind::Removed:
            if (row.rightLine >= 0 || row.leftLine < 0)
                return -1;
            break;
        }
    }
    return nextLeft == left.size() && nextRight == right.size() ? same : -1;
}

int lcsLength(const QStringList &a, const QStringList &b)
{
    QList<QList<int>> table(a.size() + 1, QList<int>(b.size() + 1, 0));
    for (qsizetype i = a.size() - 1; i >= 0; --i)
        for (qsizetype j = b.size() - 1; j >= 0; --j)
            table[i][j] = a.at(i) == b.at(j) ? table[i + 1][j + 1] + 1
                                             : qMax(table[i + 1][j], table[i][j + 1]);
    return table[0][0];
}

PayloadDiffSide side(const QByteArray &bytes, const QString &decoder = u"auto"_s)
{
    PayloadDiffSide out;
    out.bytes = bytes;
    out.decoder = decoder;
    return out;
}

// A Sparkplug B DDATA: timestamp, one Float metric "Temperature", seq.
QByteArray sparkplug(float temperature, int seq)
{
    QByteArray value(4, '\0');
    qToLittleEndian(temperature, value.data());
    const QByteArray metric = "\x0a\x0bTemperature\x20\x09\x65" + value;
    return "\x08\xe8\x07" + QByteArray("\x12", 1) + char(metric.size()) + metric + "\x18" +
           char(seq);
}

// A log file from a gateway, 40 lines, with a few lines edited.
QString gatewayLog(bool edited)
{
    QStringList lines;
    for (int i = 0; i < 40; ++i)
        lines << u"2024-06-10T08:%1:00Z gw-2 INFO uplink ok rssi=-7%2"_s.arg(i, 2, 10, QChar(u'0'))
                     .arg(i % 10);
    if (edited) {
        lines[5] = u"2024-06-10T08:05:00Z gw-2 WARN uplink retry rssi=-91"_s;
        lines.insert(20, u"2024-06-10T08:19:30Z gw-2 ERROR modem reset"_s);
        lines.removeAt(31);
    }
    return lines.join(u'\n') + u'\n';
}

} // namespace

void TestPayloadDiff::jsonChangesAddsAndRemoves()
{
    const JsonDiffResult result = JsonDiff::compare(parse(kBefore), parse(kAfter));
    QVERIFY(!result.truncated);
    // The left's keys in its (QJsonObject's) order, then the keys only the right has.
    const QList<Expected> expected = {
        {Kind::Changed, u"$['a b']"_s},
        {Kind::Removed, u"$.battery"_s},
        {Kind::Changed, u"$.sensors[1].value"_s},
        {Kind::Added, u"$.sensors[2]"_s},
        {Kind::Changed, u"$.status"_s}, // object to array: one entry
        {Kind::Removed, u"$.tags[1]"_s},
        {Kind::Changed, u"$.ts"_s},
        {Kind::Added, u"$.rssi"_s},
    };
    const QList<Expected> actual = summarize(result);
    QCOMPARE(actual.size(), expected.size());
    for (qsizetype i = 0; i < expected.size(); ++i) {
        QCOMPARE(actual.at(i).path, expected.at(i).path);
        QCOMPARE(actual.at(i).kind, expected.at(i).kind);
    }
    const JsonDiffEntry &value = result.entries.at(2);
    QCOMPARE(value.left, QJsonValue(48));
    QCOMPARE(value.right, QJsonValue(51));
    const JsonDiffEntry &added = result.entries.at(3);
    QVERIFY(added.left.isUndefined());
    QCOMPARE(added.right.toObject().value(u"id"_s).toString(), u"co2"_s);
    QVERIFY(result.entries.at(1).right.isUndefined());
    QCOMPARE(result.entries.at(4).left.type(), QJsonValue::Object);
    QCOMPARE(result.entries.at(4).right.type(), QJsonValue::Array);
    QCOMPARE(result.count(Kind::Changed), 4);
    QCOMPARE(result.count(Kind::Added), 2);
    QCOMPARE(result.count(Kind::Removed), 2);

    // Equal documents, and nested arrays element by element.
    QVERIFY(JsonDiff::compare(parse(kBefore), parse(kBefore)).entries.isEmpty());
    const JsonDiffResult nested =
        JsonDiff::compare(parse(R"({"grid": [[1, 2], [3, 4]], "it's": {"x y": 1}})"),
                          parse(R"({"grid": [[1, 2], [3, 5, 6]], "it's": {"x y": 2}})"));
    const QList<Expected> nestedExpected = {{Kind::Changed, u"$.grid[1][1]"_s},
                                            {Kind::Added, u"$.grid[1][2]"_s},
                                            {Kind::Changed, u"$['it\\'s']['x y']"_s}};
    QCOMPARE(nested.entries.size(), nestedExpected.size());
    for (qsizetype i = 0; i < nestedExpected.size(); ++i) {
        QCOMPARE(nested.entries.at(i).path, nestedExpected.at(i).path);
        QCOMPARE(nested.entries.at(i).kind, nestedExpected.at(i).kind);
    }
    // Roots of different types: one change at $.
    const JsonDiffResult roots = JsonDiff::compare(QJsonArray{1}, QJsonObject{});
    QCOMPARE(roots.entries.size(), 1);
    QCOMPARE(roots.entries.first().path, u"$"_s);
}

void TestPayloadDiff::jsonScalarsByTypeAndValue()
{
    QVERIFY(!JsonDiff::equal(QJsonValue(1), QJsonValue(u"1"_s)));
    QVERIFY(JsonDiff::equal(QJsonValue(1), QJsonValue(1.0)));
    QVERIFY(JsonDiff::equal(parse("[1]").toArray().first(), parse("[1.0]").toArray().first()));
    QVERIFY(!JsonDiff::equal(QJsonValue(21.5), QJsonValue(21.25)));
    QVERIFY(!JsonDiff::equal(QJsonValue(false), QJsonValue(0)));
    QVERIFY(!JsonDiff::equal(QJsonValue(QJsonValue::Null), QJsonValue(false)));
    // 64-bit ids differ in their last digit, below a double's precision.
    QVERIFY(!JsonDiff::equal(QJsonValue(qint64(9007199254740993)),
                             QJsonValue(qint64(9007199254740992))));
    const JsonDiffResult typeChange =
        JsonDiff::compare(QJsonObject{{u"seq"_s, 1}}, QJsonObject{{u"seq"_s, u"1"_s}});
    QCOMPARE(typeChange.entries.size(), 1);
    QCOMPARE(typeChange.entries.first().path, u"$.seq"_s);
    QCOMPARE(typeChange.entries.first().kind, Kind::Changed);
}

void TestPayloadDiff::jsonEntryLimit()
{
    QJsonArray left;
    QJsonArray right;
    for (int i = 0; i < 500; ++i) {
        left.append(i);
        right.append(i + 1);
    }
    const JsonDiffResult cut = JsonDiff::compare(left, right, 10);
    QCOMPARE(cut.entries.size(), 10);
    QVERIFY(cut.truncated);
    QCOMPARE(cut.entries.last().path, u"$[9]"_s);
    const JsonDiffResult all = JsonDiff::compare(left, right);
    QCOMPARE(all.entries.size(), 500);
    QVERIFY(!all.truncated);
}

void TestPayloadDiff::linesInsertDeleteChange()
{
    using K = LineDiffRow::Kind;
    const QStringList left = {u"temp=21.5"_s, u"hum=48"_s, u"co2=600"_s, u"lux=1200"_s,
                              u"bat=3.71"_s};
    const QStringList right = {u"temp=21.5"_s, u"hum=51"_s, u"co2=600"_s, u"bat=3.71"_s,
                               u"rssi=-67"_s};
    const LineDiffResult result = LineDiff::compare(left, right);
    QVERIFY(!result.approximate);
    const QList<LineDiffRow> expected = {{K::Same, 0, 0}, {K::Changed, 1, 1},
                                         {K::Same, 2, 2}, {K::Removed, 3, -1},
                                         {K::Same, 4, 3}, {K::Added, -1, 4}};
    QCOMPARE(result.rows.size(), expected.size());
    for (qsizetype i = 0; i < expected.size(); ++i) {
        QCOMPARE(result.rows.at(i).kind, expected.at(i).kind);
        QCOMPARE(result.rows.at(i).leftLine, expected.at(i).leftLine);
        QCOMPARE(result.rows.at(i).rightLine, expected.at(i).rightLine);
    }
    QCOMPARE(result.differingRows(), 3);

    // A run of two removed lines next to three added ones: two Changed rows, one Added.
    const LineDiffResult runs = LineDiff::compare({u"a"_s, u"b"_s, u"c"_s, u"z"_s},
                                                  {u"a"_s, u"x"_s, u"y"_s, u"w"_s, u"z"_s});
    QCOMPARE(runs.rows.size(), 5);
    QCOMPARE(runs.rows.at(1).kind, K::Changed);
    QCOMPARE(runs.rows.at(2).kind, K::Changed);
    QCOMPARE(runs.rows.at(3).kind, K::Added);
    QCOMPARE(runs.rows.at(3).rightLine, 3);

    // Empty sides.
    QVERIFY(LineDiff::compare({}, {}).rows.isEmpty());
    const LineDiffResult added = LineDiff::compare({}, {u"a"_s, u"b"_s});
    QCOMPARE(added.rows.size(), 2);
    QCOMPARE(added.rows.at(1).kind, K::Added);
    const LineDiffResult removed = LineDiff::compare({u"a"_s}, {});
    QCOMPARE(removed.rows.size(), 1);
    QCOMPARE(removed.rows.first().kind, K::Removed);
}

void TestPayloadDiff::linesMatchTheLongestCommonSubsequence()
{
    // Random edits over a small alphabet: many equal lines in many places.
    QRandomGenerator random(20240610);
    for (int round = 0; round < 300; ++round) {
        QStringList left;
        QStringList right;
        const int n = int(random.bounded(0, 40));
        const int m = int(random.bounded(0, 40));
        for (int i = 0; i < n; ++i)
            left << QString::number(random.bounded(0, 6));
        for (int i = 0; i < m; ++i)
            right << QString::number(random.bounded(0, 6));
        const LineDiffResult result = LineDiff::compare(left, right);
        QVERIFY(!result.approximate);
        const int same = checkRows(result, left, right);
        QVERIFY2(same >= 0, qPrintable(left.join(u',') + u" | "_s + right.join(u',')));
        QCOMPARE(same, lcsLength(left, right));
    }
}

void TestPayloadDiff::linesFastOnLargeMostlyEqualInputs()
{
    // 100,000 lines of readings, 50 of them edited far apart, one inserted and one deleted.
    QStringList left;
    left.reserve(100'000);
    for (int i = 0; i < 100'000; ++i)
        left << u"{\"sensor\":\"s%1\",\"value\":%2}"_s.arg(i % 97).arg(i);
    QStringList right = left;
    for (int i = 1; i <= 50; ++i)
        right[i * 1999] += u" edited"_s;
    right.insert(500, u"inserted"_s);
    right.removeAt(90'000);
    QElapsedTimer timer;
    timer.start();
    const LineDiffResult result = LineDiff::compare(left, right);
    QVERIFY(!result.approximate);
    QCOMPARE(result.differingRows(), 52);
    QCOMPARE(checkRows(result, left, right), 100'000 - 51);
    QVERIFY2(timer.elapsed() < 10'000, qPrintable(QString::number(timer.elapsed())));
}

void TestPayloadDiff::linesFallBackPastTheBound()
{
    // Two unrelated logs between a common header and footer.
    const QStringList header = {u"# gateway gw-2"_s, u"# firmware 4.1"_s};
    const QStringList footer = {u"# end"_s};
    const QStringList left = header + numbered(u"uplink "_s, 3000) + footer;
    const QStringList right = header + numbered(u"downlink "_s, 2500) + footer;
    const LineDiffResult cheap = LineDiff::compare(left, right, 100);
    QVERIFY(cheap.approximate);
    QCOMPARE(cheap.rows.size(), 3 + 3000);
    QCOMPARE(cheap.rows.at(0).kind, LineDiffRow::Kind::Same);
    QCOMPARE(cheap.rows.at(1).kind, LineDiffRow::Kind::Same);
    QCOMPARE(cheap.rows.at(2).kind, LineDiffRow::Kind::Changed);
    QCOMPARE(cheap.rows.at(2 + 2499).kind, LineDiffRow::Kind::Changed);
    QCOMPARE(cheap.rows.at(2 + 2500).kind, LineDiffRow::Kind::Removed);
    QCOMPARE(cheap.rows.last().kind, LineDiffRow::Kind::Same);
    QCOMPARE(checkRows(cheap, left, right), 3);

    // The default bound: 60,000 unrelated lines stop the search quickly.
    QElapsedTimer timer;
    timer.start();
    const LineDiffResult big =
        LineDiff::compare(numbered(u"a"_s, 30'000), numbered(u"b"_s, 30'000));
    QVERIFY(big.approximate);
    QCOMPARE(big.rows.size(), 30'000);
    QVERIFY2(timer.elapsed() < 20'000, qPrintable(QString::number(timer.elapsed())));
    // Within the bound, the exact script.
    QVERIFY(!LineDiff::compare(left, right, 6000).approximate);
}

void TestPayloadDiff::hexMasksAndTrailingBytes()
{
    QByteArray left(40, '\0');
    for (int i = 0; i < left.size(); ++i)
        left[i] = char(i);
    QByteArray right = left;
    right[5] = 'x';
    right[20] = 'y';
    right += "END";
    const HexDiff diff(left, right);
    QCOMPARE(diff.rowCount(), 3); // 43 bytes
    const HexDiffRow first = diff.row(0);
    QCOMPARE(first.offset, 0);
    QVERIFY(first.differs());
    QCOMPARE(first.mask, quint64(1) << 5);
    QCOMPARE(first.left.size(), 16);
    const HexDiffRow second = diff.row(1);
    QCOMPARE(second.mask, quint64(1) << 4);
    const HexDiffRow last = diff.row(2);
    QCOMPARE(last.offset, 32);
    QCOMPARE(last.left.size(), 8);
    QCOMPARE(last.right.size(), 11);
    QCOMPARE(last.mask, quint64(0b111) << 8); // the bytes only the right has
    QCOMPARE(diff.differingBytes(), 5);
    QVERIFY(!diff.row(3).differs()); // out of range: empty

    // Equal sizes ending mid-row: the short last row can be the same.
    const HexDiff equal(left, left);
    QCOMPARE(equal.differingBytes(), 0);
    QCOMPARE(equal.firstDifference(0), -1);
    QCOMPARE(equal.firstSame(2), 2);
    QVERIFY(!equal.rowDiffers(2));
    // Other row widths.
    const HexDiff narrow(left, right, 8);
    QCOMPARE(narrow.rowCount(), 6);
    QCOMPARE(narrow.row(2).mask, quint64(1) << 4);
    QCOMPARE(HexDiff(left, right, 1000).bytesPerRow(), HexDiff::kMaxBytesPerRow);
    // One side empty: everything differs.
    const HexDiff added({}, "abc");
    QCOMPARE(added.rowCount(), 1);
    QCOMPARE(added.row(0).mask, quint64(0b111));
    QVERIFY(added.row(0).left.isEmpty());
}

void TestPayloadDiff::hexNextDifference()
{
    // 10 rows; rows 1, 2 and 6 differ, and the right has a byte more (row 10).
    QByteArray left(160, 'a');
    QByteArray right = left;
    right[17] = 'b';
    right[40] = 'b';
    right[100] = 'b';
    right += 'z';
    const HexDiff diff(left, right);
    QCOMPARE(diff.rowCount(), 11);
    QCOMPARE(diff.firstDifference(0), 1);
    QCOMPARE(diff.firstDifference(2), 2);
    QCOMPARE(diff.firstDifference(3), 6);
    QCOMPARE(diff.firstDifference(7), 10);
    QCOMPARE(diff.firstDifference(11), -1);
    QCOMPARE(diff.lastDifference(10), 10);
    QCOMPARE(diff.lastDifference(9), 6);
    QCOMPARE(diff.lastDifference(5), 2);
    QCOMPARE(diff.lastDifference(0), -1);
    QCOMPARE(diff.firstSame(1), 3);
    QCOMPARE(diff.firstSame(10), -1);
    QCOMPARE(diff.lastSame(2), 0);
    QCOMPARE(diff.lastSame(10), 9);
}

void TestPayloadDiff::hexLargePairIsLazy()
{
    // 32 MB firmware images that differ in one byte near the end and in their length.
    const qsizetype size = 32 * 1024 * 1024;
    const QByteArray left(size, '\x5a');
    QByteArray right = left;
    right[size - 100] = '\x5b';
    right.append("\x01\x02", 2);
    QElapsedTimer timer;
    timer.start();
    const HexDiff diff(left, right);
    QCOMPARE(diff.rowCount(), size / 16 + 1);
    QCOMPARE(diff.row(0).mask, quint64(0));
    QCOMPARE(diff.firstDifference(0), (size - 100) / 16);
    QCOMPARE(diff.firstDifference((size - 100) / 16 + 1), size / 16);
    QCOMPARE(diff.lastDifference(size / 16 - 1), (size - 100) / 16);
    QCOMPARE(diff.differingBytes(), 3);
    QVERIFY2(timer.elapsed() < 10'000, qPrintable(QString::number(timer.elapsed())));
    QVERIFY(diff.left().isSharedWith(left)); // never copied
}

void TestPayloadDiff::modeFromTheRenderings()
{
    const PayloadDiffResult json = PayloadDiff::compare(side(kBefore), side(kAfter));
    QCOMPARE(json.mode, PayloadDiffMode::Structural);
    QVERIFY(json.structuralApplies);
    QVERIFY(json.linesApplies);
    QCOMPARE(json.leftDecoder, u"json"_s);
    QCOMPARE(json.json.entries.size(), 8);
    QCOMPARE(json.summary, u"4 changed, 2 added, 2 removed"_s);
    QVERIFY(json.errors.isEmpty());

    const PayloadDiffResult text =
        PayloadDiff::compare(side(gatewayLog(false).toUtf8()), side(gatewayLog(true).toUtf8()));
    QCOMPARE(text.mode, PayloadDiffMode::Lines);
    QVERIFY(!text.structuralApplies);
    QCOMPARE(text.leftLines.size(), 40);
    QCOMPARE(text.rightLines.size(), 40);
    QCOMPARE(text.lines.differingRows(), 3);
    QCOMPARE(text.summary, u"3 lines differ"_s);

    // A JSON reading against a plain-text one: lines.
    const PayloadDiffResult mixed = PayloadDiff::compare(side(kBefore), side("temp=21.5\n"));
    QCOMPARE(mixed.mode, PayloadDiffMode::Lines);

    // Binary frames from a Modbus gateway: bytes.
    const QByteArray frame("\x01\x03\x04\x00\xd7\x01\xe0\xfa\x33", 9);
    QByteArray other = frame;
    other[4] = '\xd9';
    const PayloadDiffResult binary = PayloadDiff::compare(side(frame), side(other));
    QCOMPARE(binary.mode, PayloadDiffMode::Hex);
    QVERIFY(!binary.linesApplies);
    QCOMPARE(binary.differingBytes, 1);
    QCOMPARE(binary.summary, u"1 byte differs"_s);
    QCOMPARE(binary.leftDecoder, u"hex"_s);

    // Identical payloads.
    const PayloadDiffResult same = PayloadDiff::compare(side(kBefore), side(kBefore));
    QVERIFY(!same.hasDifferences());
    QCOMPARE(same.summary, u"No differences"_s);
    QCOMPARE(PayloadDiff::splitLines(u"a\nb\n"_s), (QStringList{u"a"_s, u"b"_s}));
    QCOMPARE(PayloadDiff::splitLines(u"a\n\nb"_s), (QStringList{u"a"_s, QString(), u"b"_s}));
    QVERIFY(PayloadDiff::splitLines(QString()).isEmpty());
}

void TestPayloadDiff::forcedModes()
{
    const PayloadDiffResult lines =
        PayloadDiff::compare(side(kBefore), side(kAfter), PayloadDiffMode::Lines);
    QCOMPARE(lines.mode, PayloadDiffMode::Lines);
    QVERIFY(!lines.requestedModeUnavailable);
    QVERIFY(lines.lines.differingRows() > 0);
    const PayloadDiffResult hex =
        PayloadDiff::compare(side(kBefore), side(kAfter), PayloadDiffMode::Hex);
    QCOMPARE(hex.mode, PayloadDiffMode::Hex);
    QVERIFY(hex.differingBytes > 0);
    QVERIFY(hex.summary.endsWith(u"bytes differ"_s));

    // Structural on text: the best that applies, and why.
    const PayloadDiffResult text =
        PayloadDiff::compare(side("temp=21.5\n"), side("temp=22\n"), PayloadDiffMode::Structural);
    QCOMPARE(text.mode, PayloadDiffMode::Lines);
    QVERIFY(text.requestedModeUnavailable);
    QCOMPARE(text.errors,
             QStringList{u"Not a JSON object or array on both sides: compared as Lines."_s});
    QCOMPARE(text.summary, u"1 line differs"_s);
    const PayloadDiffResult binary = PayloadDiff::compare(
        side(QByteArray("\x00\x01", 2)), side(QByteArray("\x00\x02", 2)), PayloadDiffMode::Lines);
    QCOMPARE(binary.mode, PayloadDiffMode::Hex);
    QCOMPARE(binary.errors, QStringList{u"Not text on both sides: compared as Hex."_s});
    // A JSON scalar is not structural.
    QVERIFY(!PayloadDiff::compare(side("21.5"), side("22")).structuralApplies);
}

void TestPayloadDiff::decodersThatRenderJson()
{
    // CBOR readings from a battery sensor, decoded to JSON on both sides.
    const QByteArray left =
        QCborValue(QCborMap{{u"id"_s, u"bat-1"_s}, {u"v"_s, 3.71}, {u"soc"_s, 82}}).toCbor();
    const QByteArray right =
        QCborValue(QCborMap{{u"id"_s, u"bat-1"_s}, {u"v"_s, 3.69}, {u"soc"_s, 80}}).toCbor();
    const PayloadDiffResult cbor =
        PayloadDiff::compare(side(left, u"cbor"_s), side(right, u"cbor"_s));
    QCOMPARE(cbor.leftDecoder, u"cbor"_s);
    QCOMPARE(cbor.mode, PayloadDiffMode::Structural);
    QCOMPARE(summarize(cbor.json).size(), 2);
    QCOMPARE(cbor.json.entries.at(0).path, u"$.soc"_s);
    QCOMPARE(cbor.json.entries.at(1).path, u"$.v"_s);

    // Sparkplug B: Protobuf decoded by the registry's decoder, compared as JSON.
    SparkplugDecoder::registerIn(DecoderRegistry::instance());
    const PayloadDiffResult spb = PayloadDiff::compare(side(sparkplug(21.5f, 5), u"sparkplug"_s),
                                                       side(sparkplug(22.0f, 6), u"sparkplug"_s));
    QVERIFY2(spb.errors.isEmpty(), qPrintable(spb.errors.join(u'\n')));
    QCOMPARE(spb.leftDecoder, u"sparkplug"_s);
    QCOMPARE(spb.mode, PayloadDiffMode::Structural);
    QCOMPARE(spb.json.entries.size(), 2);
    QCOMPARE(spb.json.entries.at(0).path, u"$.metrics[0].value"_s);
    QCOMPARE(spb.json.entries.at(1).path, u"$.seq"_s);
}

void TestPayloadDiff::protobufLikeDecoderFallsBackToHex()
{
    // demo.Reading {device: "pump-7", timestamp_ms: 300} and 301.
    const QByteArray left("\x0a\x06pump-7\x10\xac\x02", 11);
    const QByteArray right("\x0a\x06pump-7\x10\xad\x02", 11);
    // Not registered here (yet): rendered as Auto would, detected as binary.
    QVERIFY(!DecoderRegistry::instance().decoder(u"protobuf"));
    const PayloadDiffResult unknown =
        PayloadDiff::compare(side(left, u"protobuf"_s), side(right, u"protobuf"_s));
    QCOMPARE(unknown.mode, PayloadDiffMode::Hex);
    QCOMPARE(unknown.differingBytes, 1);
    QVERIFY(unknown.errors.isEmpty());

    // Registered, but without a schema: the decoder's fallback, its reason kept per side.
    ProtobufDecoder::registerIn(DecoderRegistry::instance());
    const PayloadDiffResult noSchema =
        PayloadDiff::compare(side(left, u"protobuf"_s), side(right, u"protobuf"_s));
    QCOMPARE(noSchema.mode, PayloadDiffMode::Hex);
    QVERIFY(!noSchema.structuralApplies);
    QVERIFY(!noSchema.linesApplies);
    QVERIFY(noSchema.leftError.has_value());
    QVERIFY(noSchema.rightError.has_value());
    QCOMPARE(noSchema.errors.size(), 2);
    QVERIFY2(noSchema.errors.first().startsWith(u"Left: "_s), qPrintable(noSchema.errors.first()));
    QCOMPARE(noSchema.summary, u"1 byte differs"_s);
}

void TestPayloadDiff::modelStructural()
{
    DiffModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 0);
    model.setResult(PayloadDiff::compare(side(kBefore), side(kAfter)));
    QCOMPARE(model.mode(), PayloadDiffMode::Structural);
    QCOMPARE(model.rowCount(), 8);
    QCOMPARE(model.columnCount(), 3);
    QCOMPARE(model.headerData(0, Qt::Horizontal).toString(), u"Path"_s);
    QCOMPARE(model.headerData(1, Qt::Horizontal).toString(), u"Left"_s);
    QCOMPARE(model.headerData(2, Qt::Horizontal).toString(), u"Right"_s);
    auto text = [&model](int row, int column) {
        return model.index(row, column).data().toString();
    };
    QCOMPARE(text(0, 0), u"$['a b']"_s);
    QCOMPARE(text(0, 1), u"true"_s);
    QCOMPARE(text(0, 2), u"false"_s);
    QCOMPARE(text(1, 1), u"3.71"_s);
    QCOMPARE(text(1, 2), QString());
    QCOMPARE(text(3, 2), u"{\"id\":\"co2\",\"unit\":\"ppm\",\"value\":612}"_s);
    QCOMPARE(text(4, 2), u"[200,17]"_s);
    QCOMPARE(DiffModel::jsonText(QJsonValue(u"1"_s)), u"\"1\""_s);
    QCOMPARE(model.index(1, 0).data(DiffModel::KindRole).toInt(), int(DiffModel::RowKind::Removed));
    QCOMPARE(model.index(3, 1).data(DiffModel::KindRole).toInt(), int(DiffModel::RowKind::Added));
    QCOMPARE(model.index(0, 2).data(DiffModel::KindRole).toInt(), int(DiffModel::RowKind::Changed));
    QVERIFY(!model.index(0, 1).data(DiffModel::ByteMaskRole).isValid());
    QCOMPARE(model.index(1, 2).data(Qt::AccessibleDescriptionRole).toString(), u"Removed"_s);
    QCOMPARE(model.nextDifference(-1), 0);
    QCOMPARE(model.nextDifference(0), 1);
    QCOMPARE(model.nextDifference(7), -1);
    QCOMPARE(model.previousDifference(model.rowCount()), 7);
    QCOMPARE(model.previousDifference(0), -1);
    model.clear();
    QCOMPARE(model.rowCount(), 0);
}

void TestPayloadDiff::modelLines()
{
    DiffModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setResult(
        PayloadDiff::compare(side(gatewayLog(false).toUtf8()), side(gatewayLog(true).toUtf8())));
    QCOMPARE(model.mode(), PayloadDiffMode::Lines);
    QCOMPARE(model.columnCount(), 4);
    QCOMPARE(model.headerData(0, Qt::Horizontal).toString(), u"Line"_s);
    QCOMPARE(model.headerData(3, Qt::Horizontal).toString(), u"Right"_s);
    QCOMPARE(model.rowCount(), 41); // 40 lines, one inserted, one deleted
    QCOMPARE(model.index(0, 0).data().toString(), u"1"_s);
    QCOMPARE(model.index(0, 1).data().toString(), gatewayLog(false).section(u'\n', 0, 0));
    QCOMPARE(model.index(5, 0).data(DiffModel::KindRole).toInt(), int(DiffModel::RowKind::Changed));
    QVERIFY(model.index(5, 3).data().toString().contains(u"WARN"_s));
    QCOMPARE(model.index(20, 1).data().toString(), QString()); // the inserted line's row
    QCOMPARE(model.index(20, 3).data().toString(),
             u"2024-06-10T08:19:30Z gw-2 ERROR modem reset"_s);
    QCOMPARE(model.index(20, 2).data().toString(), u"21"_s);
    QCOMPARE(model.index(0, 0).data(Qt::TextAlignmentRole).value<Qt::Alignment>(),
             Qt::AlignRight | Qt::AlignVCenter);
    // Runs of differing rows, forwards and back.
    QCOMPARE(model.nextDifference(-1), 5);
    QCOMPARE(model.nextDifference(5), 20);
    QCOMPARE(model.nextDifference(20), 31);
    QCOMPARE(model.index(31, 0).data(DiffModel::KindRole).toInt(),
             int(DiffModel::RowKind::Removed));
    QCOMPARE(model.nextDifference(31), -1);
    QCOMPARE(model.previousDifference(model.rowCount()), 31);
    QCOMPARE(model.previousDifference(31), 20);
    QCOMPARE(model.previousDifference(5), -1);

    // A minified document on one line is cut in the cell.
    const QString longLine(3 * DiffModel::kMaxCellChars, u'x');
    model.setResult(PayloadDiff::compare(side(longLine.toUtf8()), side("y")));
    QCOMPARE(model.index(0, 1).data().toString().size(), DiffModel::kMaxCellChars + 1);
}

void TestPayloadDiff::modelHex()
{
    DiffModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QByteArray left(64, '\0');
    for (int i = 0; i < left.size(); ++i)
        left[i] = char(0x30 + i % 40);
    QByteArray right = left;
    right[3] = '\xff';
    right[33] = '\x01';
    right[34] = '\x02';
    right.chop(4);
    model.setResult(PayloadDiff::compare(side(left), side(right), PayloadDiffMode::Hex));
    QCOMPARE(model.mode(), PayloadDiffMode::Hex);
    QCOMPARE(model.rowCount(), 4);
    QCOMPARE(model.columnCount(), 3);
    QCOMPARE(model.headerData(0, Qt::Horizontal).toString(), u"Offset"_s);
    QCOMPARE(model.index(2, 0).data().toString(), u"00000020"_s);
    QCOMPARE(model.index(0, 1).data().toString(),
             u"30 31 32 33 34 35 36 37  38 39 3a 3b 3c 3d 3e 3f |0123456789:;<=>?|"_s);
    QCOMPARE(model.index(0, 2).data().toString().left(12), u"30 31 32 ff "_s);
    QCOMPARE(model.index(0, 2).data().toString().mid(50, 4), u"012."_s);
    QCOMPARE(model.index(0, 1).data(DiffModel::ByteMaskRole).toULongLong(), 1ULL << 3);
    QCOMPARE(model.index(2, 2).data(DiffModel::ByteMaskRole).toULongLong(), 0b110ULL);
    QCOMPARE(model.index(3, 2).data(DiffModel::ByteCountRole).toInt(), 12);
    QCOMPARE(model.index(3, 1).data(DiffModel::BytesPerRowRole).toInt(), 16);
    QCOMPARE(model.index(3, 1).data(DiffModel::ByteMaskRole).toULongLong(), 0xf000ULL);
    QCOMPARE(model.index(1, 1).data(DiffModel::KindRole).toInt(), int(DiffModel::RowKind::Same));
    QVERIFY(!model.index(0, 0).data(DiffModel::ByteMaskRole).isValid());
    // The short last row keeps its ASCII column where the full rows have it.
    const QString shortRow = model.index(3, 2).data().toString();
    QCOMPARE(shortRow.indexOf(u'|'), DiffModel::asciiColumn(0, 16) - 1);
    QCOMPARE(DiffModel::hexColumn(8, 16), 25);
    QCOMPARE(DiffModel::hexColumn(3, 8), 9);
    QCOMPARE(model.nextDifference(-1), 0);
    QCOMPARE(model.nextDifference(0), 2);
    QCOMPARE(model.nextDifference(2), -1); // rows 2 and 3 are one run
    QCOMPARE(model.previousDifference(4), 2);
    QCOMPARE(model.previousDifference(2), 0);
    QCOMPARE(model.previousDifference(0), -1);

    // One side empty: rows only the other side has.
    model.setResult(PayloadDiff::compare(side({}), side(left), PayloadDiffMode::Hex));
    QCOMPARE(model.index(0, 0).data(DiffModel::KindRole).toInt(), int(DiffModel::RowKind::Added));
    QCOMPARE(model.index(0, 1).data().toString(), QString());
}

} // namespace mqttdesk

QTEST_MAIN(mqttdesk::TestPayloadDiff)
#include "tst_payload_diff.moc"
