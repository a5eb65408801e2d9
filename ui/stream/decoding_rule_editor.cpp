#include "ui/stream/decoding_rule_editor.h"

#include "core/payload/decoder_registry.h"
#include "core/payload/numeric_array_decoder.h"
#include "core/protobuf/proto_schema_cache.h"
#include "core/protobuf/proto_schema_source.h"
#include "core/script/script_decoder.h"
#include "ui/stream/script_options_editor.h"
#include "ui/theme/theme.h"
#include "ui/widgets/decoder_combo.h"
#include "ui/widgets/prompts.h"

#include <QApplication>
#include <QComboBox>
#include <QEvent>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QSpinBox>
#include <QStackedWidget>
#include <QThreadPool>
#include <QVBoxLayout>

namespace mqttdesk {

namespace {

enum Page
{
    NoOptions,
    ProtobufPage,
    NumericPage,
    ScriptPage,
};

QStringList itemsOf(const QListWidget *list)
{
    QStringList out;
    for (int i = 0; i < list->count(); ++i)
        out.append(list->item(i)->text());
    return out;
}

} // namespace

DecodingRuleEditor::DecodingRuleEditor(QWidget *parent)
    : QWidget(parent)
{
    m_filter = new QLineEdit(this);
    m_filter->setObjectName(QStringLiteral("ruleFilter"));
    m_decoder = new QComboBox(this);
    m_decoder->setObjectName(QStringLiteral("ruleDecoder"));
    DecoderCombo::fill(m_decoder);
    auto *filterLabel = new QLabel(this);
    filterLabel->setBuddy(m_filter);
    auto *decoderLabel = new QLabel(this);
    decoderLabel->setBuddy(m_decoder);

    // Protobuf: files, import folders, type.
    auto *protobuf = new QWidget(this);
    m_files = new QListWidget(protobuf);
    m_files->setObjectName(QStringLiteral("protoFiles"));
    m_importPaths = new QListWidget(protobuf);
    m_importPaths->setObjectName(QStringLiteral("importPaths"));
    for (QListWidget *list : {m_files, m_importPaths})
        list->setMaximumHeight(90);
    m_addFile = new QPushButton(protobuf);
    m_removeFile = new QPushButton(protobuf);
    m_addPath = new QPushButton(protobuf);
    m_removePath = new QPushButton(protobuf);
    m_type = new QComboBox(protobuf);
    m_type->setObjectName(QStringLiteral("protoType"));
    m_type->setEditable(true);
    m_type->setInsertPolicy(QComboBox::NoInsert);
    auto *filesLabel = new QLabel(protobuf);
    filesLabel->setBuddy(m_files);
    auto *pathsLabel = new QLabel(protobuf);
    pathsLabel->setBuddy(m_importPaths);
    auto *typeLabel = new QLabel(protobuf);
    typeLabel->setBuddy(m_type);
    auto *fileButtons = new QVBoxLayout;
    fileButtons->addWidget(m_addFile);
    fileButtons->addWidget(m_removeFile);
    fileButtons->addStretch();
    auto *filesRow = new QHBoxLayout;
    filesRow->addWidget(m_files, 1);
    filesRow->addLayout(fileButtons);
    auto *pathButtons = new QVBoxLayout;
    pathButtons->addWidget(m_addPath);
    pathButtons->addWidget(m_removePath);
    pathButtons->addStretch();
    auto *pathsRow = new QHBoxLayout;
    pathsRow->addWidget(m_importPaths, 1);
    pathsRow->addLayout(pathButtons);
    auto *protobufForm = new QFormLayout(protobuf);
    protobufForm->setContentsMargins(0, 0, 0, 0);
    protobufForm->addRow(filesLabel, filesRow);
    protobufForm->addRow(pathsLabel, pathsRow);
    protobufForm->addRow(typeLabel, m_type);

    // Numeric arrays: type, byte order, header.
    auto *numeric = new QWidget(this);
    m_numberType = new QComboBox(numeric);
    m_numberType->setObjectName(QStringLiteral("numberType"));
    for (int t = 0; t <= int(NumericArrayDecoder::Type::Float64); ++t)
        m_numberType->addItem(NumericArrayDecoder::typeKey(NumericArrayDecoder::Type(t)));
    m_endian = new QComboBox(numeric);
    m_endian->setObjectName(QStringLiteral("byteOrder"));
    m_endian->addItem(QString(), QStringLiteral("little"));
    m_endian->addItem(QString(), QStringLiteral("big"));
    m_skip = new QSpinBox(numeric);
    m_skip->setObjectName(QStringLiteral("headerSkip"));
    m_skip->setRange(0, 1 << 20);
    auto *numberTypeLabel = new QLabel(numeric);
    numberTypeLabel->setBuddy(m_numberType);
    auto *endianLabel = new QLabel(numeric);
    endianLabel->setBuddy(m_endian);
    auto *skipLabel = new QLabel(numeric);
    skipLabel->setBuddy(m_skip);
    auto *numericForm = new QFormLayout(numeric);
    numericForm->setContentsMargins(0, 0, 0, 0);
    numericForm->addRow(numberTypeLabel, m_numberType);
    numericForm->addRow(endianLabel, m_endian);
    numericForm->addRow(skipLabel, m_skip);

    m_options = new QStackedWidget(this);
    m_options->addWidget(new QWidget(this));
    m_options->addWidget(protobuf);
    m_options->addWidget(numeric);
    // Script: the code, its time limit, a test on a sample.
    m_script = new ScriptOptionsEditor(this);
    m_options->addWidget(m_script);

    m_problem = new QLabel(this);
    m_problem->setObjectName(QStringLiteral("ruleProblem"));
    m_problem->setWordWrap(true);
    m_problem->setTextInteractionFlags(Qt::TextSelectableByMouse);
    applyProblemColour();

    auto *form = new QFormLayout;
    form->addRow(filterLabel, m_filter);
    form->addRow(decoderLabel, m_decoder);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(form);
    layout->addWidget(m_options);
    layout->addWidget(m_problem);
    layout->addStretch();

    m_texts.add([=, this] {
        filterLabel->setText(tr("Topic &filter:"));
        m_filter->setPlaceholderText(tr("e.g. factory/+/telemetry or spBv1.0/#"));
        decoderLabel->setText(tr("&Decode as:"));
        DecoderCombo::retranslate(m_decoder);
        filesLabel->setText(tr(".proto &files:"));
        pathsLabel->setText(tr("&Import folders:"));
        m_importPaths->setToolTip(
            tr("Folders where the files' imports are looked up; each file's own folder is "
               "searched too"));
        typeLabel->setText(tr("Message &type:"));
        m_type->lineEdit()->setPlaceholderText(tr("e.g. demo.Reading"));
        m_addFile->setText(tr("Add…"));
        m_addFile->setAccessibleName(tr("Add .proto files"));
        m_removeFile->setText(tr("Remove"));
        m_removeFile->setAccessibleName(tr("Remove the .proto file"));
        m_addPath->setText(tr("Add…"));
        m_addPath->setAccessibleName(tr("Add an import folder"));
        m_removePath->setText(tr("Remove"));
        m_removePath->setAccessibleName(tr("Remove the import folder"));
        numberTypeLabel->setText(tr("&Number type:"));
        endianLabel->setText(tr("&Byte order:"));
        m_endian->setItemText(0, tr("Little endian"));
        m_endian->setItemText(1, tr("Big endian"));
        skipLabel->setText(tr("&Header to skip:"));
        m_skip->setSuffix(tr(" bytes"));
        showProblem();
    });
    m_texts.retranslate();

    setTabOrder(m_filter, m_decoder);
    setTabOrder(m_decoder, m_files);
    setTabOrder(m_files, m_addFile);
    setTabOrder(m_addFile, m_removeFile);
    setTabOrder(m_removeFile, m_importPaths);
    setTabOrder(m_importPaths, m_addPath);
    setTabOrder(m_addPath, m_removePath);
    setTabOrder(m_removePath, m_type);
    setTabOrder(m_type, m_numberType);
    setTabOrder(m_numberType, m_endian);
    setTabOrder(m_endian, m_skip);
    setTabOrder(m_skip, m_script->codeEditor()); // then through the script's own fields

    connect(m_filter, &QLineEdit::textEdited, this, &DecodingRuleEditor::changed);
    connect(m_decoder, &QComboBox::currentIndexChanged, this, [this] {
        onDecoderChanged();
        changed();
    });
    connect(m_type, &QComboBox::currentTextChanged, this, &DecodingRuleEditor::changed);
    connect(m_numberType, &QComboBox::currentIndexChanged, this, &DecodingRuleEditor::changed);
    connect(m_endian, &QComboBox::currentIndexChanged, this, &DecodingRuleEditor::changed);
    connect(m_skip, &QSpinBox::valueChanged, this, &DecodingRuleEditor::changed);
    connect(m_script, &ScriptOptionsEditor::edited, this, &DecodingRuleEditor::changed);
    connect(m_addFile, &QPushButton::clicked, this, [this] {
        const QStringList files = Prompts::openFileNames(this, tr("Choose .proto files"), QString(),
                                                         tr("Protobuf schemas (*.proto)"));
        addProtoFiles(files);
    });
    connect(m_removeFile, &QPushButton::clicked, this, [this] {
        delete m_files->currentItem();
        readSchema();
        changed();
    });
    connect(m_addPath, &QPushButton::clicked, this, [this] {
        addImportPath(QFileDialog::getExistingDirectory(this, tr("Choose an import folder")));
    });
    connect(m_removePath, &QPushButton::clicked, this, [this] {
        delete m_importPaths->currentItem();
        readSchema();
        changed();
    });
    onDecoderChanged();
}

void DecodingRuleEditor::applyProblemColour()
{
    QPalette palette = m_problem->palette();
    palette.setColor(QPalette::WindowText, Theme::errorText(this->palette()));
    m_problem->setPalette(palette);
}

void DecodingRuleEditor::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        m_texts.retranslate();
    if (event->type() == QEvent::PaletteChange)
        applyProblemColour();
    QWidget::changeEvent(event);
}

DecodingRule DecodingRuleEditor::rule() const
{
    DecodingRule rule;
    rule.filter = m_filter->text().trimmed();
    rule.decoder = DecoderCombo::currentId(m_decoder);
    if (rule.decoder == u"protobuf") {
        ProtoSchemaSource source;
        source.files = itemsOf(m_files);
        source.importPaths = itemsOf(m_importPaths);
        source.messageType = m_type->currentText().trimmed();
        rule.options = source.toJson();
    } else if (rule.decoder == u"numeric") {
        NumericArrayDecoder::Layout layout;
        layout.type = NumericArrayDecoder::Type(m_numberType->currentIndex());
        layout.bigEndian = m_endian->currentIndex() == 1;
        layout.skip = m_skip->value();
        rule.options = layout.toJson();
    } else if (rule.decoder == ScriptDecoder::Id) {
        rule.options = m_script->options();
    }
    return rule;
}

void DecodingRuleEditor::setRule(const DecodingRule &rule)
{
    m_setting = true;
    m_filter->setText(rule.filter);
    if (!DecoderCombo::select(m_decoder, rule.decoder))
        DecoderCombo::select(m_decoder, DecoderRegistry::AutoId);
    m_files->clear();
    m_importPaths->clear();
    m_type->clear();
    m_types.clear();
    m_schemaProblem.clear();
    if (rule.decoder == u"protobuf") {
        const ProtoSchemaSource source =
            ProtoSchemaSource::fromJson(rule.options).value_or(ProtoSchemaSource());
        m_files->addItems(source.files);
        m_importPaths->addItems(source.importPaths);
        m_type->setEditText(source.messageType);
    }
    const NumericArrayDecoder::Layout layout =
        NumericArrayDecoder::Layout::fromJson(rule.options).value_or(NumericArrayDecoder::Layout());
    m_numberType->setCurrentIndex(int(layout.type));
    m_endian->setCurrentIndex(layout.bigEndian ? 1 : 0);
    m_skip->setValue(int(qMin<qsizetype>(layout.skip, m_skip->maximum())));
    m_script->setOptions(rule.decoder == ScriptDecoder::Id ? rule.options : QJsonObject());
    onDecoderChanged();
    m_setting = false;
    showProblem();
}

QStringList DecodingRuleEditor::messageTypes() const
{
    return m_types;
}

void DecodingRuleEditor::addProtoFiles(const QStringList &files)
{
    const QStringList present = itemsOf(m_files);
    for (const QString &file : files) {
        if (!file.isEmpty() && !present.contains(file))
            m_files->addItem(file);
    }
    readSchema();
    changed();
}

void DecodingRuleEditor::addImportPath(const QString &folder)
{
    if (folder.isEmpty() || itemsOf(m_importPaths).contains(folder))
        return;
    m_importPaths->addItem(folder);
    readSchema();
    changed();
}

void DecodingRuleEditor::onDecoderChanged()
{
    const QString id = DecoderCombo::currentId(m_decoder);
    m_options->setCurrentIndex(id == u"protobuf"         ? ProtobufPage
                               : id == u"numeric"        ? NumericPage
                               : id == ScriptDecoder::Id ? ScriptPage
                                                         : NoOptions);
    if (id == u"protobuf")
        readSchema();
}

void DecodingRuleEditor::readSchema()
{
    // Parsing .proto files (and what they import) is file work: on the pool, not here.
    const quint64 generation = ++m_schemaGeneration;
    const QStringList files = itemsOf(m_files);
    const QStringList paths = itemsOf(m_importPaths);
    if (files.isEmpty()) {
        m_types.clear();
        m_schemaProblem.clear();
        showProblem();
        emit schemaRead();
        return;
    }
    QPointer<DecodingRuleEditor> self(this);
    QThreadPool::globalInstance()->start([self, generation, files, paths] {
        QString why;
        const auto schema = ProtoSchemaCache::instance().get(files, paths, &why);
        const QStringList types = schema ? schema->messageTypes() : QStringList();
        QMetaObject::invokeMethod(
            qApp,
            [self, generation, types, why] {
                if (!self || generation != self->m_schemaGeneration)
                    return;
                self->m_types = types;
                self->m_schemaProblem = types.isEmpty() && why.isEmpty()
                                            ? tr("The .proto files declare no message type.")
                                            : why;
                const QString typed = self->m_type->currentText();
                const bool setting = std::exchange(self->m_setting, true);
                self->m_type->clear();
                self->m_type->addItems(types);
                self->m_type->setEditText(typed.isEmpty() && types.size() == 1 ? types.first()
                                                                               : typed);
                self->m_setting = setting;
                self->showProblem();
                emit self->schemaRead();
                if (!self->m_setting)
                    emit self->edited();
            },
            Qt::QueuedConnection);
    });
}

QString DecodingRuleEditor::problem() const
{
    const DecodingRule current = rule();
    if (current.filter.isEmpty())
        return tr("Enter the topic filter the rule applies to.");
    if (const std::optional<QString> why = DecodingRules::validate(current))
        return *why;
    if (current.decoder == u"protobuf") {
        if (m_files->count() == 0)
            return tr("Add the .proto file that declares the messages.");
        if (!m_schemaProblem.isEmpty())
            return m_schemaProblem;
        const QString type = m_type->currentText().trimmed();
        if (type.isEmpty())
            return tr("Choose the message type of the payloads.");
        if (!m_types.isEmpty() && !m_types.contains(type))
            return tr("The .proto files declare no message type %1.").arg(type);
    }
    if (current.decoder == ScriptDecoder::Id && m_script->script().trimmed().isEmpty())
        return tr("Write the script that turns a payload into the text to show.");
    return QString();
}

void DecodingRuleEditor::showProblem()
{
    const QString why = problem();
    m_problem->setText(why);
    m_problem->setVisible(!why.isEmpty());
}

void DecodingRuleEditor::changed()
{
    showProblem();
    if (!m_setting)
        emit edited();
}

} // namespace mqttdesk
