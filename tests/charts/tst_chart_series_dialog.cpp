#include "core/payload/numeric_array_decoder.h"
#include "tests/support/screenshot_check.h"
#include "ui/charts/chart_series_dialog.h"
#include "ui/i18n/language.h"
#include "ui/widgets/decoder_combo.h"

#include <QAbstractButton>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QImage>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTest>
#include <QTranslator>

using namespace mqttdesk;
using namespace Qt::StringLiterals;

namespace {

ChartSeriesSpec jsonSpec()
{
    ChartSeriesSpec spec;
    spec.name = u"Roof temperature"_s;
    spec.topicFilter = u"weather/+/temp"_s;
    spec.extractor.kind = ExtractorSpec::Kind::JsonPath;
    spec.extractor.path = u"$.sensors[0].temp"_s;
    spec.extractor.scale = 0.1;
    spec.extractor.offset = -273.15;
    spec.extractor.unit = u"°C"_s;
    spec.perTopic = true;
    return spec;
}

} // namespace

class TestChartSeriesDialog : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void validSpecEnablesOk();
    void badFilterDisablesOk();
    void badPathDisablesOk();
    void badLayoutAndNumbersDisableOk();
    void rowsFollowTheKind();
    void roundTrip_data();
    void roundTrip();
    void decodedDefaultsToTheRules();
    void unknownDecoderIsKeptAndReported();
    void jsonRoundTrip();
    void fromJsonRefusesBadInput();
    void everyInputIsNamed();
    void retranslates();
    void screenshot();
};

void TestChartSeriesDialog::initTestCase()
{
    Language::install(*qApp, u"en"_s);
}

void TestChartSeriesDialog::validSpecEnablesOk()
{
    ChartSeriesDialog dialog;
    dialog.filterEdit()->setText(u"sensors/+/temperature"_s);
    dialog.pathEdit()->setText(u"$.v"_s);
    QVERIFY(dialog.problem().isEmpty());
    QVERIFY(dialog.okButton()->isEnabled());
    QVERIFY(dialog.problemLabel()->isHidden());
    const ChartSeriesSpec spec = dialog.spec();
    QCOMPARE(spec.topicFilter, u"sensors/+/temperature"_s);
    QCOMPARE(spec.extractor.kind, ExtractorSpec::Kind::JsonPath);
    QCOMPARE(spec.extractor.path, u"$.v"_s);
    QCOMPARE(spec.displayName(), u"sensors/+/temperature $.v"_s);
}

void TestChartSeriesDialog::badFilterDisablesOk()
{
    ChartSeriesDialog dialog;
    dialog.pathEdit()->setText(u"$.v"_s);
    for (const QString &bad : {u""_s, u"a/#/b"_s, u"a/b+"_s, u"$share/"_s}) {
        dialog.filterEdit()->setText(bad);
        QVERIFY2(!dialog.okButton()->isEnabled(), qPrintable(bad));
        QVERIFY(!dialog.problemLabel()->isHidden());
        QVERIFY2(dialog.problemLabel()->text().startsWith(u"Topic filter:"_s),
                 qPrintable(dialog.problemLabel()->text()));
    }
    dialog.filterEdit()->setText(u"a/#"_s);
    QVERIFY(dialog.okButton()->isEnabled());
    QVERIFY(dialog.problemLabel()->isHidden());
}

void TestChartSeriesDialog::badPathDisablesOk()
{
    ChartSeriesDialog dialog;
    dialog.filterEdit()->setText(u"a/b"_s);
    for (const QString &bad : {u"$."_s, u"$[x"_s, u"v"_s, u"$['a"_s, u""_s}) {
        dialog.pathEdit()->setText(bad);
        QVERIFY2(!dialog.okButton()->isEnabled(), qPrintable(bad));
        QVERIFY(!dialog.problemLabel()->text().isEmpty());
    }
    dialog.pathEdit()->setText(u"$.a."_s);
    QVERIFY2(dialog.problemLabel()->text().startsWith(u"Path: "_s),
             qPrintable(dialog.problemLabel()->text()));
    dialog.pathEdit()->setText(u"$..t"_s);
    QVERIFY2(dialog.okButton()->isEnabled(), qPrintable(dialog.problem()));
    // A decoded field needs a path too.
    dialog.kindCombo()->setCurrentIndex(int(ExtractorSpec::Kind::Decoded));
    dialog.pathEdit()->setText(u"$.["_s);
    QVERIFY(!dialog.okButton()->isEnabled());
    dialog.pathEdit()->setText(u"$.metrics[0].value"_s);
    QVERIFY2(dialog.okButton()->isEnabled(), qPrintable(dialog.problem()));
}

void TestChartSeriesDialog::badLayoutAndNumbersDisableOk()
{
    ChartSeriesDialog dialog;
    dialog.filterEdit()->setText(u"a/b"_s);
    dialog.kindCombo()->setCurrentIndex(int(ExtractorSpec::Kind::NumericArray));
    dialog.layoutEdit()->setText(u"int12"_s);
    QVERIFY(!dialog.okButton()->isEnabled());
    QVERIFY(dialog.problemLabel()->text().startsWith(u"Layout:"_s));
    dialog.layoutEdit()->setText(u"int16be:4"_s);
    QVERIFY2(dialog.okButton()->isEnabled(), qPrintable(dialog.problem()));
    dialog.scaleEdit()->setText(u"ten"_s);
    QVERIFY(!dialog.okButton()->isEnabled());
    dialog.scaleEdit()->setText(u"1e-3"_s);
    QVERIFY(dialog.okButton()->isEnabled());
    dialog.offsetEdit()->setText(u"inf"_s);
    QVERIFY(!dialog.okButton()->isEnabled());
    dialog.offsetEdit()->setText(u"-40"_s);
    QVERIFY(dialog.okButton()->isEnabled());
    const ChartSeriesSpec spec = dialog.spec();
    QCOMPARE(spec.extractor.scale, 1e-3);
    // Numbers are shown in their shortest exact form.
    ChartSeriesDialog shown;
    shown.setSpec(jsonSpec());
    QCOMPARE(shown.scaleEdit()->text(), u"0.1"_s);
    QCOMPARE(shown.offsetEdit()->text(), u"-273.15"_s);
    QCOMPARE(spec.extractor.offset, -40.0);
    const auto layout = NumericArrayDecoder::Layout::fromJson(spec.extractor.decoderOptions);
    QVERIFY(layout);
    QCOMPARE(layout->type, NumericArrayDecoder::Type::Int16);
    QVERIFY(layout->bigEndian);
    QCOMPARE(layout->skip, 4);
}

void TestChartSeriesDialog::rowsFollowTheKind()
{
    ChartSeriesDialog dialog;
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    struct Case
    {
        ExtractorSpec::Kind kind;
        bool decoder, path, index, layout;
    };
    for (const Case &c : {Case{ExtractorSpec::Kind::Text, false, false, false, false},
                          Case{ExtractorSpec::Kind::JsonPath, false, true, false, false},
                          Case{ExtractorSpec::Kind::NumericArray, false, false, true, true},
                          Case{ExtractorSpec::Kind::Decoded, true, true, false, false}}) {
        dialog.kindCombo()->setCurrentIndex(int(c.kind));
        QCOMPARE(dialog.decoderCombo()->isVisible(), c.decoder);
        QCOMPARE(dialog.metricEdit()->isVisible(), c.decoder);
        QCOMPARE(dialog.pathEdit()->isVisible(), c.path);
        QCOMPARE(dialog.indexSpin()->isVisible(), c.index);
        QCOMPARE(dialog.layoutEdit()->isVisible(), c.layout);
    }
}

void TestChartSeriesDialog::roundTrip_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::newRow("text") << QByteArray(R"({"topicFilter":"a/b","extractor":{"kind":"text"}})");
    QTest::newRow("jsonPath") << QJsonDocument(jsonSpec().toJson()).toJson();
    QTest::newRow("numericArray") << QByteArray(
        R"({"name":"Register 3","topicFilter":"plc/regs","extractor":
            {"kind":"numericArray","index":3,"decoderOptions":
             {"type":"uint16","endian":"big","skip":2},"unit":"V","scale":0.01}})");
    QTest::newRow("decoded") << QByteArray(
        R"({"topicFilter":"plant/#","perTopic":true,"extractor":
            {"kind":"decoded","decoder":"cbor","path":"$.metrics[0].value"}})");
    // A decoder's settings (e.g. a Protobuf schema) have no fields here, and are kept.
    QTest::newRow("decoder options") << QByteArray(
        R"({"topicFilter":"demo/#","extractor":
            {"kind":"decoded","decoder":"cbor","path":"$.value",
             "decoderOptions":{"type":"demo.Reading","files":["/tmp/demo.proto"]}}})");
    QTest::newRow("rules") << QByteArray(
        R"({"topicFilter":"sensors/#","extractor":
            {"kind":"decoded","decoder":"rules","path":"$.temperature","unit":"°C"}})");
    QTest::newRow("metric") << QByteArray(
        R"({"topicFilter":"spBv1.0/plant/DDATA/#","extractor":
            {"kind":"decoded","decoder":"rules","metric":"Temperature"}})");
}

void TestChartSeriesDialog::roundTrip()
{
    QFETCH(QByteArray, json);
    QString why;
    const auto spec = ChartSeriesSpec::fromJson(QJsonDocument::fromJson(json).object(), &why);
    QVERIFY2(spec, qPrintable(why));
    ChartSeriesDialog dialog;
    dialog.setSpec(*spec);
    QVERIFY2(dialog.okButton()->isEnabled(), qPrintable(dialog.problem()));
    QCOMPARE(dialog.spec(), *spec);
}

void TestChartSeriesDialog::decodedDefaultsToTheRules()
{
    ChartSeriesDialog dialog;
    dialog.filterEdit()->setText(u"spBv1.0/#"_s);
    dialog.kindCombo()->setCurrentIndex(int(ExtractorSpec::Kind::Decoded));
    QCOMPARE(DecoderCombo::currentId(dialog.decoderCombo()), u"rules"_s);
    QCOMPARE(dialog.decoderCombo()->currentText(), u"As the decoding rules show it"_s);
    // Neither a path nor a metric: not yet.
    dialog.pathEdit()->clear();
    QVERIFY(!dialog.okButton()->isEnabled());
    QVERIFY(dialog.problem().contains(u"metric"_s));
    // A metric alone is enough; the path is not used then.
    dialog.metricEdit()->setText(u" Temperature "_s);
    QVERIFY2(dialog.okButton()->isEnabled(), qPrintable(dialog.problem()));
    const ChartSeriesSpec spec = dialog.spec();
    QCOMPARE(spec.extractor.decoder, u"rules"_s);
    QCOMPARE(spec.extractor.metric, u"Temperature"_s);
    QVERIFY(spec.extractor.path.isEmpty());
    QCOMPARE(spec.displayName(), u"spBv1.0/# Temperature"_s);
}

void TestChartSeriesDialog::unknownDecoderIsKeptAndReported()
{
    ChartSeriesSpec spec;
    spec.topicFilter = u"a/b"_s;
    spec.extractor.kind = ExtractorSpec::Kind::Decoded;
    spec.extractor.decoder = u"no-such-decoder"_s;
    spec.extractor.path = u"$.v"_s;
    ChartSeriesDialog dialog;
    dialog.setSpec(spec);
    QCOMPARE(dialog.spec(), spec);
    QVERIFY(!dialog.okButton()->isEnabled());
    QVERIFY2(dialog.problemLabel()->text().contains(u"no-such-decoder"_s),
             qPrintable(dialog.problemLabel()->text()));
}

void TestChartSeriesDialog::jsonRoundTrip()
{
    const ChartSeriesSpec spec = jsonSpec();
    const auto back = ChartSeriesSpec::fromJson(spec.toJson());
    QVERIFY(back);
    QCOMPARE(*back, spec);
    // Defaults stay out of the JSON.
    ChartSeriesSpec plain;
    plain.topicFilter = u"x"_s;
    QCOMPARE(plain.toJson().keys(), (QStringList{u"extractor"_s, u"topicFilter"_s}));
}

void TestChartSeriesDialog::fromJsonRefusesBadInput()
{
    const QList<QByteArray> bad{
        R"({"extractor":{"kind":"text"}})",
        R"({"topicFilter":"a/#/b","extractor":{"kind":"text"}})",
        R"({"topicFilter":"a","extractor":{"kind":"jsonPath","path":"$."}})",
        R"({"topicFilter":"a","perTopic":"yes","extractor":{"kind":"text"}})",
        R"({"topicFilter":"a","extractor":"text"})",
        R"({"topicFilter":"a","name":3,"extractor":{"kind":"text"}})",
    };
    for (const QByteArray &json : bad) {
        QString why;
        QVERIFY2(!ChartSeriesSpec::fromJson(QJsonDocument::fromJson(json).object(), &why), json);
        QVERIFY2(!why.isEmpty(), json);
    }
}

void TestChartSeriesDialog::everyInputIsNamed()
{
    ChartSeriesDialog dialog;
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QSet<const QWidget *> buddies;
    for (const QLabel *label : dialog.findChildren<QLabel *>()) {
        if (label->buddy()) {
            buddies.insert(label->buddy());
            QVERIFY2(label->text().contains(u'&'), qPrintable(label->text()));
        }
    }
    QList<QWidget *> inputs;
    for (QWidget *w : dialog.findChildren<QWidget *>()) {
        if (qobject_cast<QLineEdit *>(w) || qobject_cast<QComboBox *>(w) ||
            qobject_cast<QAbstractSpinBox *>(w) || qobject_cast<QCheckBox *>(w))
            inputs << w;
    }
    QVERIFY(inputs.size() >= 11);
    for (const QWidget *w : std::as_const(inputs)) {
        if (qobject_cast<const QLineEdit *>(w) && qobject_cast<QAbstractSpinBox *>(w->parent()))
            continue; // the spin box's own editor
        const auto *check = qobject_cast<const QCheckBox *>(w);
        const bool named = buddies.contains(w) || !w->accessibleName().isEmpty() ||
                           (check && !check->text().isEmpty());
        QVERIFY2(named, qPrintable(w->objectName()));
        QVERIFY2(!w->toolTip().isEmpty(), qPrintable(w->objectName()));
    }
    // Tab goes through the fields in order.
    QCOMPARE(dialog.nameEdit()->nextInFocusChain(), dialog.filterEdit());
}

// Translates a few of the dialog's texts, to see them change without a catalogue entry.
class FakeTranslator : public QTranslator
{
public:
    bool isEmpty() const override { return false; }
    QString translate(const char *context, const char *source, const char *, int) const override
    {
        const QByteArrayView c(context);
        const QByteArrayView s(source);
        if (c == "mqttdesk::ChartSeriesDialog" && s == "Chart series")
            return u"图表序列"_s;
        if (c == "mqttdesk::ChartSeriesDialog" && s == "JSON path")
            return u"JSON 路径"_s;
        if (c == "mqttdesk::ChartSeriesDialog" && s == "Topic filter: %1")
            return u"主题过滤器：%1"_s;
        return {};
    }
};

void TestChartSeriesDialog::retranslates()
{
    ChartSeriesDialog dialog;
    dialog.filterEdit()->setText(u"a/#/b"_s);
    QCOMPARE(dialog.windowTitle(), u"Chart series"_s);
    FakeTranslator translator;
    QVERIFY(QCoreApplication::installTranslator(&translator));
    QTRY_COMPARE(dialog.windowTitle(), u"图表序列"_s);
    QCOMPARE(dialog.kindCombo()->itemText(int(ExtractorSpec::Kind::JsonPath)), u"JSON 路径"_s);
    QVERIFY(dialog.problemLabel()->text().startsWith(u"主题过滤器："_s));
    QCoreApplication::removeTranslator(&translator);
    QTRY_COMPARE(dialog.windowTitle(), u"Chart series"_s);
}

// The dialog as the user first sees a problem: saved as chart-series-dialog-en.png when
// MQTTDESK_SCREENSHOT_DIR is set.
void TestChartSeriesDialog::screenshot()
{
    ChartSeriesDialog dialog;
    ChartSeriesSpec spec = jsonSpec();
    spec.extractor.path = u"$.sensors[0]."_s;
    dialog.setSpec(spec);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QVERIFY(!dialog.okButton()->isEnabled());
    const QImage image = dialog.grab().toImage();
    const QStringList problems = ScreenshotCheck::problems(
        &dialog, image,
        {dialog.filterEdit(), dialog.pathEdit(), dialog.problemLabel(), dialog.okButton()});
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
    const QString dir = qEnvironmentVariable("MQTTDESK_SCREENSHOT_DIR");
    if (!dir.isEmpty()) {
        QVERIFY(QDir().mkpath(dir));
        QVERIFY(image.save(QDir(dir).filePath(u"chart-series-dialog-en.png"_s)));
    }
}

QTEST_MAIN(TestChartSeriesDialog)
#include "tst_chart_series_dialog.moc"
