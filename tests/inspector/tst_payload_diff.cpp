// Diffs of two payloads: lines by Myers' algorithm with its bound, bytes row by row without
// materialising text; PayloadDiff picking the mode from the decoders' renderings and keeping
// what was sent in structural mode; DiffModel showing each mode under QAbstractItemModelTester.
// JsonDiff itself is tested in tst_json_diff.cpp.
#include "core/inspector/diff_model.h"
#include "core/inspector/hex_diff.h"
#include "core/inspector/json_diff.h"
#include "core/inspector/line_diff.h"
#include "core/inspector/payload_diff.h"
#include "core/payload/decoder_registry.h"
#include "core/protobuf/protobuf_decoder.h"
#include "core/sparkplug/sparkplug_decoder.h"
#include "tests/inspector/json_diff_test_support.h"

#include <QAbstractItemModelTester>
#include <QCborMap>
#include <QCborValue>
#include <QElapsedTimer>
#include <QJsonValue>
#include <QRandomGenerator>
#include <QTest>
#include <QtEndian>

using namespace Qt::StringLiterals;

namespace mqttdesk {

class TestPayloadDiff : public QObject
{
    Q_OBJECT
private slots:
    void structuralKeepsWhatWasSent();
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

using namespace test;

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

void TestPayloadDiff::structuralKeepsWhatWasSent()
{
    // Through PayloadDiff: duplicates and big integers that a QJsonDocument would lose.
    const PayloadDiffResult ids =
        PayloadDiff::compare(side(R"({"id": 18446744073709551615, "tag": "a", "tag": "b"})"),
                             side(R"({"id": 18446744073709551614, "tag": "a", "tag": "c"})"));
    QCOMPARE(ids.mode, PayloadDiffMode::Structural);
    QCOMPARE(describe(ids.json), u"Changed $.id: 18446744073709551615 -> 18446744073709551614; "
                                 u"Changed $.tag: \"b\" -> \"c\""_s);
    QCOMPARE(ids.summary, u"2 changed, 0 added, 0 removed"_s);
    // Spellings of one value: no differences, though the lines differ.
    const PayloadDiffResult spelled =
        PayloadDiff::compare(side(R"({"v": 12.50, "n": 1})"), side(R"({"v": 12.5, "n": 1e0})"));
    QCOMPARE(spelled.mode, PayloadDiffMode::Structural);
    QVERIFY(!spelled.hasDifferences());
    // Invalid JSON on either side: compared as lines, as a forced Structural says.
    const std::pair<QByteArray, QByteArray> invalid[] = {{R"({"a": 1})", R"({"a": 1,})"},
                                                         {R"({"a": 01})", R"({"a": 1})"}};
    for (const auto &[l, r] : invalid) {
        const PayloadDiffResult lines =
            PayloadDiff::compare(side(l, u"text"_s), side(r, u"text"_s));
        QVERIFY(!lines.structuralApplies);
        QCOMPARE(lines.mode, PayloadDiffMode::Lines);
        const PayloadDiffResult forced = PayloadDiff::compare(
            side(l, u"text"_s), side(r, u"text"_s), PayloadDiffMode::Structural);
        QCOMPARE(forced.mode, PayloadDiffMode::Lines);
        QVERIFY(forced.requestedModeUnavailable);
    }
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
    // A figure, not an assertion (the sanitizer build is several times slower).
    qInfo("%lld ms", static_cast<long long>(timer.elapsed()));
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
    // A figure, not an assertion (the sanitizer build is several times slower).
    qInfo("%lld ms", static_cast<long long>(timer.elapsed()));
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
    // A figure, not an assertion (the sanitizer build is several times slower).
    qInfo("%lld ms", static_cast<long long>(timer.elapsed()));
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
    // In the map's order as encoded.
    QCOMPARE(cbor.json.entries.at(0).path, u"$.v"_s);
    QCOMPARE(cbor.json.entries.at(1).path, u"$.soc"_s);

    // Sparkplug B: Protobuf decoded by the registry's decoder, compared as JSON.
    SparkplugDecoder::registerIn(DecoderRegistry::instance());
    const PayloadDiffResult spb = PayloadDiff::compare(side(sparkplug(21.5f, 5), u"sparkplug"_s),
                                                       side(sparkplug(22.0f, 6), u"sparkplug"_s));
    QVERIFY2(spb.errors.isEmpty(), qPrintable(spb.errors.join(u'\n')));
    QCOMPARE(spb.leftDecoder, u"sparkplug"_s);
    QCOMPARE(spb.mode, PayloadDiffMode::Structural);
    QCOMPARE(spb.json.entries.size(), 2);
    // The decoder writes seq before the metrics.
    QCOMPARE(spb.json.entries.at(0).path, u"$.seq"_s);
    QCOMPARE(spb.json.entries.at(1).path, u"$.metrics[0].value"_s);
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
    // Rows in the documents' order; each side's value as it was sent, compact.
    QCOMPARE(text(0, 0), u"$.ts"_s);
    QCOMPARE(text(4, 0), u"$['a b']"_s);
    QCOMPARE(text(4, 1), u"true"_s);
    QCOMPARE(text(4, 2), u"false"_s);
    QCOMPARE(text(3, 1), u"3.71"_s);
    QCOMPARE(text(3, 2), QString());
    QCOMPARE(text(2, 2), u"{\"id\":\"co2\",\"value\":612,\"unit\":\"ppm\"}"_s);
    QCOMPARE(text(5, 2), u"[200,17]"_s);
    QCOMPARE(model.index(5, 1).data(Qt::ToolTipRole).toString(),
             u"{\"ok\":true,\"fw\":\"1.2.0\"}"_s);
    QCOMPARE(DiffModel::jsonText(QJsonValue(u"1"_s)), u"\"1\""_s);
    QCOMPARE(model.index(3, 0).data(DiffModel::KindRole).toInt(), int(DiffModel::RowKind::Removed));
    QCOMPARE(model.index(2, 1).data(DiffModel::KindRole).toInt(), int(DiffModel::RowKind::Added));
    QCOMPARE(model.index(0, 2).data(DiffModel::KindRole).toInt(), int(DiffModel::RowKind::Changed));
    QVERIFY(!model.index(0, 1).data(DiffModel::ByteMaskRole).isValid());
    QCOMPARE(model.index(3, 2).data(Qt::AccessibleDescriptionRole).toString(), u"Removed"_s);
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
