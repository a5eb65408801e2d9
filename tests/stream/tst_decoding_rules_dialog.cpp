// The decoding rules dialog and what the rules do to the stream: rules added, edited,
// moved, removed, checked as typed (filter, .proto files read off the GUI thread, message
// type), imported and exported as the CLI's --rules file; and a stream over a real SQLite
// history shown again by the rules at once (Protobuf, numeric arrays), a subscription's
// "Display as" still first. Script rules: edited and tested in the dialog (the test runs off
// the GUI thread), and a stream rendered by them on the loader's worker, errors on the message.

#include "core/payload/decoder_registry.h"
#include "core/protobuf/proto_schema_cache.h"
#include "core/protobuf/proto_schema_source.h"
#include "core/protobuf/protobuf_decoder.h"
#include "core/script/script_decoder.h"
#include "core/workspace/connection_services.h"
#include "tests/stream/stream_test_support.h"
#include "tests/support/screenshot_check.h"
#include "tests/support/scripted_prompts.h"
#include "ui/i18n/language.h"
#include "ui/stream/connection_view.h"
#include "ui/stream/decoding_rule_editor.h"
#include "ui/stream/decoding_rules_dialog.h"
#include "ui/stream/message_stream_model.h"
#include "ui/stream/message_stream_view.h"
#include "ui/stream/script_options_editor.h"
#include "ui/theme/theme.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QFontDatabase>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace mqttdesk;
using namespace Qt::StringLiterals;

namespace {

const QString kData = QStringLiteral(MQTTDESK_PROTO_DATA);

// demo.Reading {device: "pump-7", timestamp_ms: 300}: 0a 06 "pump-7" | 10 ac 02
const QByteArray kReading("\x0a\x06pump-7\x10\xac\x02", 11);

DecodingRule protobufRule(const QString &filter)
{
    ProtoSchemaSource source;
    source.files = {kData + u"/demo.proto"_s};
    source.importPaths = {kData};
    source.messageType = u"demo.Reading"_s;
    return {filter, u"protobuf"_s, source.toJson()};
}

DecodingRule numericRule(const QString &filter)
{
    return {filter, u"numeric"_s,
            QJsonObject{{u"type"_s, u"int16"_s}, {u"endian"_s, u"big"_s}, {u"skip"_s, 0}}};
}

DecodingRule scriptRule(const QString &filter, const QString &script, int timeLimitMs = 5000)
{
    QJsonObject options = ScriptDecoder::options(script);
    options.insert(u"timeLimitMs"_s, timeLimitMs);
    return {filter, u"script"_s, options};
}

QPushButton *okButton(const DecodingRulesDialog &dialog)
{
    return dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
}

} // namespace

class TestDecodingRulesDialog : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();

    void listsAndEditsRules();
    void protobufFilesAreReadAndTypesOffered();
    void problemsBlockOk();
    void moveAndRemove();
    void exportAndImport();
    void streamShownAgainByRules();
    void largeProtobufPayloadsAreDecodedWhole();
    void scriptRuleEditedAndTested();
    void streamRenderedByScriptsOffTheGuiThread();
    void languageAndLabels();
    void screenshots_data();
    void screenshots();

private:
    QTemporaryDir m_tmp;
};

void TestDecodingRulesDialog::initTestCase()
{
    if (qEnvironmentVariable("MQTTDESK_SCREENSHOT_PALETTE") == QLatin1String("dark"))
        QApplication::setPalette(Theme::darkPalette());
    Language::install(*qApp, u"en"_s);
    ProtobufDecoder::registerIn(DecoderRegistry::instance());
    // As the app does: a script never runs on the GUI thread (it would render a placeholder).
    ScriptDecoder::registerIn(DecoderRegistry::instance(), QThread::currentThread());
    QVERIFY(m_tmp.isValid());
}

void TestDecodingRulesDialog::init()
{
    ProtoSchemaCache::instance().clear();
}

void TestDecodingRulesDialog::listsAndEditsRules()
{
    DecodingRules rules;
    QVERIFY(rules.append(numericRule(u"plant/+/raw"_s)));
    QVERIFY(rules.append({u"$SYS/#"_s, u"text"_s, {}}));
    DecodingRulesDialog dialog(rules);
    QCOMPARE(dialog.rows(), (QStringList{u"plant/+/raw → Numeric array"_s, u"$SYS/# → Text"_s}));
    // The first rule is selected and shown in the editor with its options.
    QCOMPARE(dialog.findChild<QLineEdit *>(u"ruleFilter"_s)->text(), u"plant/+/raw"_s);
    QCOMPARE(dialog.findChild<QComboBox *>(u"numberType"_s)->currentText(), u"int16"_s);
    QCOMPARE(dialog.findChild<QComboBox *>(u"byteOrder"_s)->currentIndex(), 1);

    // Editing the fields edits the rule and its row.
    QLineEdit *filter = dialog.findChild<QLineEdit *>(u"ruleFilter"_s);
    filter->selectAll();
    QTest::keyClicks(filter, u"plant/#"_s);
    dialog.findChild<QSpinBox *>(u"headerSkip"_s)->setValue(4);
    QCOMPARE(dialog.rows().first(), u"plant/# → Numeric array"_s);
    QCOMPARE(dialog.rules().rules().first().options.value(u"skip"_s).toInt(), 4);
    QCOMPARE(dialog.rules().rules().first().filter, u"plant/#"_s);
    QVERIFY(okButton(dialog)->isEnabled());
}

void TestDecodingRulesDialog::protobufFilesAreReadAndTypesOffered()
{
    DecodingRulesDialog dialog(DecodingRules{});
    QVERIFY(!dialog.editor()->isEnabled()); // nothing to edit yet
    dialog.addRule();
    QVERIFY(dialog.editor()->isEnabled());
    QTest::keyClicks(dialog.findChild<QLineEdit *>(u"ruleFilter"_s), u"factory/+/reading"_s);
    QComboBox *decoder = dialog.findChild<QComboBox *>(u"ruleDecoder"_s);
    decoder->setCurrentIndex(decoder->findData(u"protobuf"_s));
    QVERIFY(!okButton(dialog)->isEnabled());
    QVERIFY2(dialog.problem().contains(u"Add the .proto file"_s), qPrintable(dialog.problem()));

    // The file is read on the pool; its types fill the chooser.
    ScriptedPrompts prompts;
    prompts.nextFiles({kData + u"/demo.proto"_s});
    QPushButton *add = nullptr;
    for (QPushButton *b : dialog.editor()->findChildren<QPushButton *>())
        if (b->accessibleName() == u"Add .proto files"_s)
            add = b;
    QVERIFY(add);
    QSignalSpy read(dialog.editor(), &DecodingRuleEditor::schemaRead);
    add->click();
    QVERIFY(read.wait());
    dialog.editor()->addImportPath(kData);
    QTRY_COMPARE(dialog.editor()->messageTypes(),
                 (QStringList{u"demo.Envelope"_s, u"demo.Reading"_s, u"demo.Reading.Location"_s}));
    QComboBox *type = dialog.findChild<QComboBox *>(u"protoType"_s);
    QCOMPARE(type->count(), 3);
    QVERIFY2(dialog.problem().contains(u"Choose the message type"_s), qPrintable(dialog.problem()));
    type->setCurrentIndex(type->findText(u"demo.Reading"_s));
    QTRY_VERIFY2(okButton(dialog)->isEnabled(), qPrintable(dialog.problem()));
    const DecodingRule rule = dialog.rules().rules().constFirst();
    QCOMPARE(rule, protobufRule(u"factory/+/reading"_s));

    // A type the files do not declare, typed by hand.
    type->setEditText(u"demo.Readings"_s);
    QVERIFY(!okButton(dialog)->isEnabled());
    QVERIFY2(dialog.problem().contains(u"declare no message type demo.Readings"_s),
             qPrintable(dialog.problem()));
}

void TestDecodingRulesDialog::problemsBlockOk()
{
    DecodingRulesDialog dialog(DecodingRules{});
    dialog.addRule();
    QVERIFY(!okButton(dialog)->isEnabled());
    QCOMPARE(dialog.problem(), u"Rule 1: Enter the topic filter the rule applies to."_s);
    QTest::keyClicks(dialog.findChild<QLineEdit *>(u"ruleFilter"_s), u"a/#/b"_s);
    QVERIFY(!okButton(dialog)->isEnabled());
    QLabel *problem = dialog.findChild<QLabel *>(u"ruleProblem"_s);
    QVERIFY(problem->isVisibleTo(&dialog));
    QVERIFY2(problem->text().contains(u"#"_s), qPrintable(problem->text()));

    // A .proto file with a syntax error: file, line and column.
    QLineEdit *filter = dialog.findChild<QLineEdit *>(u"ruleFilter"_s);
    filter->clear();
    QTest::keyClicks(filter, u"a/b"_s);
    QComboBox *decoder = dialog.findChild<QComboBox *>(u"ruleDecoder"_s);
    decoder->setCurrentIndex(decoder->findData(u"protobuf"_s));
    QSignalSpy read(dialog.editor(), &DecodingRuleEditor::schemaRead);
    dialog.editor()->addProtoFiles({kData + u"/broken.proto"_s});
    QTRY_VERIFY(dialog.problem().contains(u"broken.proto:7:3: Expected \";\"."_s));
    QVERIFY(!okButton(dialog)->isEnabled());
}

void TestDecodingRulesDialog::moveAndRemove()
{
    DecodingRules rules;
    QVERIFY(rules.append({u"a/#"_s, u"json"_s, {}}));
    QVERIFY(rules.append({u"b/#"_s, u"hex"_s, {}}));
    QVERIFY(rules.append({u"c/#"_s, u"text"_s, {}}));
    DecodingRulesDialog dialog(rules);
    dialog.selectRule(2);
    dialog.moveRule(-1);
    QCOMPARE(dialog.rows(), (QStringList{u"a/# → JSON"_s, u"c/# → Text"_s, u"b/# → Hex"_s}));
    QCOMPARE(dialog.findChild<QListWidget *>(u"rules"_s)->currentRow(), 1);
    dialog.moveRule(-1);
    dialog.moveRule(-1); // already first: nothing
    QCOMPARE(dialog.rules().rules().first().filter, u"c/#"_s);
    dialog.selectRule(1);
    dialog.removeRule();
    QCOMPARE(dialog.rows(), (QStringList{u"c/# → Text"_s, u"b/# → Hex"_s}));
    QCOMPARE(dialog.findChild<QLineEdit *>(u"ruleFilter"_s)->text(), u"b/#"_s);
}

void TestDecodingRulesDialog::exportAndImport()
{
    DecodingRules rules;
    QVERIFY(rules.append(protobufRule(u"factory/+/reading"_s)));
    QVERIFY(rules.append(numericRule(u"plant/+/raw"_s)));
    DecodingRulesDialog dialog(rules);
    const QString path = m_tmp.filePath(u"rules.json"_s);
    ScriptedPrompts prompts;
    prompts.nextFile(path);
    for (QPushButton *b : dialog.findChildren<QPushButton *>())
        if (b->text() == u"E&xport…"_s)
            b->click();
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonArray saved = QJsonDocument::fromJson(file.readAll()).array();
    QCOMPARE(saved, rules.toJson()); // the list `mqttdesk-cli sub --rules` reads

    // Import replaces the list; a bad file changes nothing and says why.
    DecodingRulesDialog other(DecodingRules{});
    QString why;
    QVERIFY2(other.importFrom(path, &why), qPrintable(why));
    QCOMPARE(other.rules(), rules);
    const QString bad = m_tmp.filePath(u"bad.json"_s);
    QFile badFile(bad);
    QVERIFY(badFile.open(QIODevice::WriteOnly));
    badFile.write(R"([{"filter": "a/#/b", "decoder": "hex"}])");
    badFile.close();
    prompts.nextFile(bad);
    for (QPushButton *b : other.findChildren<QPushButton *>())
        if (b->text() == u"&Import…"_s)
            b->click();
    QCOMPARE(other.rules(), rules);
    QVERIFY2(prompts.last(Prompts::Kind::Warning).text.contains(u"Decoding rule 1"_s),
             qPrintable(prompts.last(Prompts::Kind::Warning).text));
    // An unwritable path.
    QVERIFY(!dialog.exportTo(u"/nonexistent-dir/rules.json"_s, &why));
    QVERIFY(!why.isEmpty());
}

void TestDecodingRulesDialog::streamShownAgainByRules()
{
    StreamTestStore store;
    QVERIFY(store.isReady());
    QVERIFY(
        store.store({StreamTestStore::message(u"factory/7/reading"_s, kReading),
                     StreamTestStore::message(u"plant/3/raw"_s, QByteArray("\x00\x01\xff\xfe", 4)),
                     StreamTestStore::message(u"factory/7/reading"_s, kReading.first(10)),
                     StreamTestStore::message(u"other"_s, "plain text")}));
    const auto history = store.history();
    MessageStreamModel model(history.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.followTail();
    QTRY_COMPARE(model.rowCount(), 4);
    const auto preview = [&model](int row) {
        return model.index(row).data(MessageStreamModel::PreviewRole).toString();
    };
    QVERIFY(!preview(0).contains(u"\"device\""_s)); // before: detected as text or hex

    DecodingRules rules;
    QVERIFY(rules.append(protobufRule(u"factory/+/reading"_s)));
    QVERIFY(rules.append(numericRule(u"plant/+/raw"_s)));
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.setDecodingRules(rules);
    QCOMPARE(changed.size(), 1); // every loaded row, in one notification
    QVERIFY2(preview(0).contains(u"\"device\": \"pump-7\""_s), qPrintable(preview(0)));
    QVERIFY(model.ruleFor(0));
    QCOMPARE(model.ruleFor(0)->decoder, u"protobuf"_s);
    QCOMPARE(preview(1), u"[1,-2]"_s);
    // The bubble names the decoder that made the text.
    QCOMPARE(model.index(0).data(MessageStreamModel::DecoderNameRole).toString(), u"Protobuf"_s);
    QCOMPARE(model.index(1).data(MessageStreamModel::DecoderNameRole).toString(),
             u"Numeric array"_s);
    // A payload that is not a demo.Reading: the bytes, and the reason on the row's preview.
    QVERIFY(!preview(2).contains(u"\"device\""_s));
    QVERIFY(!model.ruleFor(3));
    QCOMPARE(preview(3), u"plain text"_s);

    // Rules removed: shown as before.
    model.setDecodingRules({});
    QVERIFY(!preview(0).contains(u"\"device\""_s));
    QVERIFY(!model.ruleFor(0));
}

void TestDecodingRulesDialog::largeProtobufPayloadsAreDecodedWhole()
{
    // kReading with `raw` (field 9) of `size` bytes 0x01: a Protobuf message cut anywhere is
    // truncated, so a prefix of it never decodes.
    const auto reading = [](qsizetype size) -> QByteArray {
        QByteArray out = kReading + '\x4a';
        for (quint64 n = quint64(size);; n >>= 7) {
            out += char(n < 0x80 ? n : (n & 0x7f) | 0x80);
            if (n < 0x80)
                break;
        }
        return out + QByteArray(size, '\x01');
    };
    StreamTestStore store;
    QVERIFY(store.isReady());
    QVERIFY(store.ensureProfile(1));
    // 40 KB stays in the row and is decoded at once; 100 KB lives in storage's side table.
    QVERIFY(store.store({StreamTestStore::message(u"factory/7/reading"_s, reading(40 * 1024)),
                         StreamTestStore::message(u"factory/8/reading"_s, reading(100 * 1024))}));
    const auto history = store.history();
    MessageStreamModel model(history.get(), store.path());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    DecodingRules rules;
    QVERIFY(rules.append(protobufRule(u"factory/+/reading"_s)));
    model.setDecodingRules(rules);
    QTRY_VERIFY(model.rowCount() == 2 && !model.isLoading());
    const auto preview = [&model](int row) {
        return model.index(row).data(MessageStreamModel::PreviewRole).toString();
    };
    QVERIFY(!model.rowAt(0)->message.payloadDeferred);
    QVERIFY2(preview(0).contains(u"\"device\": \"pump-7\""_s), qPrintable(preview(0)));
    QVERIFY(model.rowAt(1)->message.payloadDeferred);
    // Read whole and decoded on a worker: the placeholder until then, no prefix read.
    QCOMPARE(preview(1), u"Loading preview…"_s);
    QVERIFY(model.ruleFor(1)); // Show all opens with the rule meanwhile too
    QTRY_VERIFY2(preview(1).contains(u"\"device\": \"pump-7\""_s), qPrintable(preview(1)));
    QVERIFY(preview(1).contains(u"\"raw\": \"AQEBAQEB"_s));
    QVERIFY(!preview(1).contains(u"Not a valid"_s));
    QCOMPARE(model.index(1).data(MessageStreamModel::DecoderNameRole).toString(), u"Protobuf"_s);
    QVERIFY(model.isTruncated(1));
    QVERIFY(model.rowAt(1)->message.payload.isEmpty()); // not kept with the row
}

void TestDecodingRulesDialog::scriptRuleEditedAndTested()
{
    DecodingRulesDialog dialog(DecodingRules{});
    dialog.addRule();
    DecodingRuleEditor *editor = dialog.editor();
    QLineEdit *filter = dialog.findChild<QLineEdit *>(u"ruleFilter"_s);
    QTest::keyClicks(filter, u"plant/+/temp"_s);
    QComboBox *decoder = dialog.findChild<QComboBox *>(u"ruleDecoder"_s);
    const int script = decoder->findText(u"Script (JavaScript)"_s);
    QVERIFY(script >= 0);
    decoder->setCurrentIndex(script);
    ScriptOptionsEditor *options = editor->scriptEditor();
    QVERIFY(options->isVisibleTo(&dialog));
    QPlainTextEdit *code = dialog.findChild<QPlainTextEdit *>(u"scriptCode"_s);
    QCOMPARE(code, options->codeEditor());
    QCOMPARE(code->font().family(), QFontDatabase::systemFont(QFontDatabase::FixedFont).family());
    // An empty script is a problem that blocks OK.
    code->clear();
    QVERIFY(!editor->problem().isEmpty());
    QVERIFY(!okButton(dialog)->isEnabled());
    code->setFocus();
    QTest::keyClicks(code, u"var t = JSON.parse(payload).t;"_s);
    QTest::keyClick(code, Qt::Key_Return);
    QTest::keyClicks(code, u"return (t / 10) + ' C on ' + topic;"_s);
    dialog.findChild<QSpinBox *>(u"scriptTimeLimit"_s)->setValue(80);
    QVERIFY2(editor->problem().isEmpty(), qPrintable(editor->problem()));
    QVERIFY(okButton(dialog)->isEnabled());
    const DecodingRule rule = dialog.rules().rules().first();
    QCOMPARE(rule.decoder, u"script"_s);
    QCOMPARE(ScriptDecoder::script(rule.options),
             u"var t = JSON.parse(payload).t;\nreturn (t / 10) + ' C on ' + topic;"_s);
    QCOMPARE(rule.options.value(u"timeLimitMs"_s).toInt(), 80);
    QCOMPARE(dialog.rows().first(), u"plant/+/temp → Script (JavaScript)"_s);

    // Test: the sample through the script, off the GUI thread.
    dialog.findChild<QLineEdit *>(u"scriptSampleTopic"_s)->setText(u"plant/boiler/temp"_s);
    dialog.findChild<QLineEdit *>(u"scriptSample"_s)->setText(u"{\"t\": 215}"_s);
    QSignalSpy tested(options, &ScriptOptionsEditor::tested);
    QTest::mouseClick(options->testButton(), Qt::LeftButton);
    QVERIFY(tested.wait());
    QVERIFY(!options->testFailed());
    QCOMPARE(options->testResult(), u"Result:\n21.5 C on plant/boiler/temp"_s);
    // A failing script shows its error with the line.
    code->setPlainText(u"var a = 1;\nthrow new Error('boom');"_s);
    QTest::mouseClick(options->testButton(), Qt::LeftButton);
    QVERIFY(tested.wait());
    QVERIFY(options->testFailed());
    QCOMPARE(options->testResult(), u"Script error at line 2: Error: boom"_s);
    code->setPlainText(u"var a = ;"_s);
    QTest::mouseClick(options->testButton(), Qt::LeftButton);
    QVERIFY(tested.wait());
    QVERIFY2(options->testResult().startsWith(u"Script error at line 1: SyntaxError"_s),
             qPrintable(options->testResult()));

    // Shown again with its options, another rule's fields cleared.
    DecodingRules rules;
    QVERIFY(rules.append(scriptRule(u"a/#"_s, u"return payload;"_s, 120)));
    QVERIFY(rules.append(numericRule(u"b/#"_s)));
    DecodingRulesDialog again(rules);
    QCOMPARE(again.findChild<QPlainTextEdit *>(u"scriptCode"_s)->toPlainText(),
             u"return payload;"_s);
    QCOMPARE(again.findChild<QSpinBox *>(u"scriptTimeLimit"_s)->value(), 120);
    QCOMPARE(again.rules(), rules);

    // Tab order: from the numeric fields into the script's, in reading order (skipping what Tab
    // does not stop at, and the inner line edit of a spin box).
    const auto next = [](QWidget *from) {
        QWidget *w = from->nextInFocusChain();
        while (from->isAncestorOf(w) || !(w->focusPolicy() & Qt::TabFocus))
            w = w->nextInFocusChain();
        return w;
    };
    QWidget *skip = again.findChild<QSpinBox *>(u"headerSkip"_s);
    QWidget *codeField = again.findChild<QPlainTextEdit *>(u"scriptCode"_s);
    QCOMPARE(next(skip), codeField);
    QWidget *limitField = again.findChild<QSpinBox *>(u"scriptTimeLimit"_s);
    QCOMPARE(next(codeField), limitField);
    QCOMPARE(next(limitField),
             static_cast<QWidget *>(again.findChild<QLineEdit *>(u"scriptSampleTopic"_s)));
}

void TestDecodingRulesDialog::streamRenderedByScriptsOffTheGuiThread()
{
    StreamTestStore store;
    QVERIFY(store.isReady());
    QVERIFY(store.store({StreamTestStore::message(u"plant/1/temp"_s, R"({"t": 215})"),
                         StreamTestStore::message(u"plant/2/temp"_s, "not json"),
                         StreamTestStore::message(u"loop/1"_s, "x"),
                         StreamTestStore::message(u"plant/3/temp"_s, R"({"t": 100})")}));
    const auto history = store.history();
    MessageStreamModel model(history.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.followTail();
    QTRY_COMPARE(model.rowCount(), 4);
    const auto preview = [&model](int row) {
        return model.index(row).data(MessageStreamModel::PreviewRole).toString();
    };
    DecodingRules rules;
    QVERIFY(rules.append(scriptRule(u"plant/+/temp"_s,
                                    u"var r = JSON.parse(payload);\n"
                                    "return (r.t / 10) + ' °C (QoS ' + message.qos + ')';"_s)));
    QVERIFY(rules.append(scriptRule(u"loop/#"_s, u"while (true) {}"_s, 30)));
    model.setDecodingRules(rules);
    // Never rendered here: the worker's answer replaces the placeholder.
    QCOMPARE(preview(0), u"Loading preview…"_s);
    QTRY_COMPARE(preview(0), u"21.5 °C (QoS 0)"_s);
    QCOMPARE(model.index(0).data(MessageStreamModel::DecoderNameRole).toString(),
             u"Script (JavaScript)"_s);
    // An exception is shown on its message, with the line, above the payload.
    QTRY_VERIFY2(preview(1).startsWith(u"Script error at line 1: SyntaxError"_s),
                 qPrintable(preview(1)));
    QVERIFY(preview(1).endsWith(u"not json"_s));
    // A script stopped by its time limit says so; the rows after it are rendered as usual.
    QTRY_VERIFY2(preview(2).startsWith(u"Script error: Stopped after 30 ms"_s),
                 qPrintable(preview(2)));
    QTRY_COMPARE(preview(3), u"10 °C (QoS 0)"_s);
}

void TestDecodingRulesDialog::languageAndLabels()
{
    DecodingRules rules;
    QVERIFY(rules.append(protobufRule(u"factory/+/reading"_s)));
    DecodingRulesDialog dialog(rules);
    const QString english = dialog.windowTitle();
    QCOMPARE(Language::install(*qApp, u"zh_CN"_s), u"zh_CN"_s);
    QTRY_VERIFY(dialog.windowTitle() != english);
    QVERIFY(!dialog.rows().first().contains(u"Protobuf"_s) ||
            dialog.rows().first().contains(u"→"_s));
    Language::install(*qApp, u"en"_s);
    QTRY_COMPARE(dialog.windowTitle(), english);

    // Every input is named: a buddy label or an accessible name.
    QList<QWidget *> inputs;
    for (QWidget *w : dialog.findChildren<QWidget *>())
        if (qobject_cast<QLineEdit *>(w) || qobject_cast<QComboBox *>(w) ||
            qobject_cast<QListWidget *>(w) || qobject_cast<QSpinBox *>(w) ||
            qobject_cast<QPlainTextEdit *>(w))
            inputs << w;
    QVERIFY(inputs.size() >= 8);
    QList<QWidget *> buddies;
    for (QLabel *label : dialog.findChildren<QLabel *>())
        if (label->buddy())
            buddies << label->buddy();
    for (QWidget *w : inputs) {
        if (w->window() != &dialog || qobject_cast<QLineEdit *>(w->parentWidget()) ||
            qobject_cast<QComboBox *>(w->parentWidget()) ||
            qobject_cast<QSpinBox *>(w->parentWidget()))
            continue; // a combo box's popup or its own line edit
        QVERIFY2(
            buddies.contains(w) || !w->accessibleName().isEmpty(),
            qPrintable(w->objectName() + u' ' + QString::fromLatin1(w->metaObject()->className())));
    }
}

void TestDecodingRulesDialog::screenshots_data()
{
    QTest::addColumn<QString>("language");
    QTest::newRow("en") << u"en"_s;
    QTest::newRow("zh_CN") << u"zh_CN"_s;
}

void TestDecodingRulesDialog::screenshots()
{
    QFETCH(QString, language);
    QVERIFY(Language::install(*qApp, language).startsWith(language));
    const auto english = qScopeGuard([] { Language::install(*qApp, u"en"_s); });
    // Readings from three pumps as Protobuf, one cut short in transit, a vibration sensor's
    // samples as big-endian int16, and JSON the rules leave to detection.
    StreamTestStore store;
    QVERIFY(store.isReady());
    QVERIFY(store.ensureProfile(1));
    QList<StoredMessage> messages;
    const QByteArray samples("\x00\x0c\xff\xf1\x01\x2c\x00\x07\xfe\x0c\x00\x00", 12);
    for (int i = 0; i < 9; ++i) {
        const QByteArray device = "pump-" + QByteArray::number(7 + i % 3);
        // device, timestamp_ms, status (OK), a quantity {value, unit}
        QByteArray reading = "\x0a" + QByteArray(1, char(device.size())) + device + "\x10" +
                             QByteArray("\xa3\xc5\xd4\xa4\xc8\x32", 6) + "\x18\x01";
        const QByteArray quantity = QByteArray("\x09\x00\x00\x00\x00\x00\x80\x35\x40\x10\x01", 11);
        reading += "\x22" + QByteArray(1, char(quantity.size())) + quantity;
        const QString topic = u"factory/line-%1/reading"_s.arg(1 + i % 3);
        messages.append(StreamTestStore::message(topic, i == 4 ? reading.first(9) : reading));
        if (i % 3 == 1)
            messages.append(StreamTestStore::message(u"plant/press-2/vibration/raw"_s, samples));
        if (i % 4 == 2)
            messages.append(StreamTestStore::message(u"plant/line-1/status"_s,
                                                     R"({"state":"running","speed":42.5})"));
    }
    QVERIFY(store.store(messages));

    ConnectionServices::Options options;
    options.writer = store.writer();
    options.databasePath = store.path();
    options.profileId = 1;
    ConnectionServices services(ConnectionSettings{}, options); // never connected here
    ConnectionView::Context context;
    context.services = &services;
    ConnectionView view(context);
    QSignalSpy loaded(&view, &ConnectionView::decodingRulesLoaded);
    QVERIFY(loaded.wait());
    DecodingRules rules;
    QVERIFY(rules.append(protobufRule(u"factory/+/reading"_s)));
    QVERIFY(rules.append(numericRule(u"plant/+/vibration/raw"_s)));
    QSignalSpy saved(&view, &ConnectionView::decodingRulesSaved);
    view.applyDecodingRules(rules);
    QVERIFY(saved.wait());
    MessageStreamModel *model = view.streamModel();
    QTRY_COMPARE(model->rowCount(), int(messages.size()));
    QTRY_VERIFY(!model->isLoading());
    view.resize(1280, 800);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.streamView()->listView()->scrollToBottom();
    QCoreApplication::processEvents();
    const QImage streamImage = view.grab().toImage();
    QStringList problems = ScreenshotCheck::problems(
        &view, streamImage, {view.streamView(), view.streamView()->listView()});
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));

    // The rules, as the dialog shows them, the Protobuf rule's types read from its files.
    DecodingRulesDialog dialog(rules);
    QSignalSpy read(dialog.editor(), &DecodingRuleEditor::schemaRead);
    QVERIFY(read.wait());
    dialog.resize(960, 560);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QCoreApplication::processEvents();
    const QImage dialogImage = dialog.grab().toImage();
    problems = ScreenshotCheck::problems(
        &dialog, dialogImage, {dialog.findChild<QListWidget *>(u"rules"_s), dialog.editor()});
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));

    const QString dir = qEnvironmentVariable("MQTTDESK_SCREENSHOT_DIR");
    if (!dir.isEmpty()) {
        QVERIFY(QDir().mkpath(dir));
        QVERIFY(streamImage.save(ScreenshotCheck::themed(
            QDir(dir).filePath(u"decoding-protobuf-%1.png"_s.arg(language)))));
        QVERIFY(dialogImage.save(
            ScreenshotCheck::themed(QDir(dir).filePath(u"decoding-rules-%1.png"_s.arg(language)))));
    }
}

QTEST_MAIN(TestDecodingRulesDialog)
#include "tst_decoding_rules_dialog.moc"
