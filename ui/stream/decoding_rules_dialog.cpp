#include "ui/stream/decoding_rules_dialog.h"

#include "core/payload/decoder_registry.h"
#include "ui/stream/decoding_rule_editor.h"
#include "ui/widgets/prompts.h"

#include <QDialogButtonBox>
#include <QEvent>
#include <QFile>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSaveFile>
#include <QSplitter>
#include <QVBoxLayout>

namespace mqttdesk {

DecodingRulesDialog::DecodingRulesDialog(const DecodingRules &rules, QWidget *parent)
    : QDialog(parent)
    , m_rules(rules.rules())
{
    m_intro = new QLabel(this);
    m_intro->setWordWrap(true);
    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("rules"));
    m_editor = new DecodingRuleEditor(this);
    m_add = new QPushButton(this);
    m_remove = new QPushButton(this);
    m_up = new QPushButton(this);
    m_down = new QPushButton(this);
    m_import = new QPushButton(this);
    m_export = new QPushButton(this);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("rulesStatus"));
    m_status->setWordWrap(true);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setDefault(true);

    auto *listButtons = new QHBoxLayout;
    for (QPushButton *b : {m_add, m_remove, m_up, m_down})
        listButtons->addWidget(b);
    listButtons->addStretch();
    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_list, 1);
    leftLayout->addLayout(listButtons);
    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(left);
    splitter->addWidget(m_editor);
    splitter->setStretchFactor(1, 1);
    splitter->setChildrenCollapsible(false);
    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_import);
    bottom->addWidget(m_export);
    bottom->addWidget(m_status, 1);
    bottom->addWidget(m_buttons);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_intro);
    layout->addWidget(splitter, 1);
    layout->addLayout(bottom);
    resize(900, 520);

    m_texts.add([this] {
        setWindowTitle(tr("Decoding rules"));
        m_intro->setText(tr("Messages on a topic are shown with the decoder of the first rule "
                            "whose filter matches it. A subscription's \"Display as\" other "
                            "than Auto still comes first. The stored history is shown again "
                            "with the rules at once; nothing is received again."));
        m_list->setAccessibleName(tr("Rules, first match wins"));
        m_add->setText(tr("&Add"));
        m_remove->setText(tr("&Remove"));
        m_up->setText(tr("Move &up"));
        m_down->setText(tr("Move do&wn"));
        m_import->setText(tr("&Import…"));
        m_import->setToolTip(tr("Replace the rules with those of a JSON file"));
        m_export->setText(tr("E&xport…"));
        m_export->setToolTip(tr("Save the rules as JSON, e.g. for mqttdesk-cli sub --rules"));
        for (int i = 0; i < m_list->count(); ++i)
            refreshRow(i);
        updateButtons();
    });
    m_texts.retranslate();

    for (qsizetype i = 0; i < m_rules.size(); ++i) {
        m_list->addItem(QString());
        refreshRow(int(i));
    }
    setTabOrder(m_list, m_add);
    setTabOrder(m_add, m_remove);
    setTabOrder(m_remove, m_up);
    setTabOrder(m_up, m_down);
    setTabOrder(m_down, m_editor);
    setTabOrder(m_editor, m_import);
    setTabOrder(m_import, m_export);
    setTabOrder(m_export, m_buttons);

    connect(m_list, &QListWidget::currentRowChanged, this, &DecodingRulesDialog::onSelected);
    connect(m_editor, &DecodingRuleEditor::edited, this, &DecodingRulesDialog::onEdited);
    connect(m_editor, &DecodingRuleEditor::schemaRead, this, &DecodingRulesDialog::updateButtons);
    connect(m_add, &QPushButton::clicked, this, &DecodingRulesDialog::addRule);
    connect(m_remove, &QPushButton::clicked, this, &DecodingRulesDialog::removeRule);
    connect(m_up, &QPushButton::clicked, this, [this] { moveRule(-1); });
    connect(m_down, &QPushButton::clicked, this, [this] { moveRule(1); });
    connect(m_import, &QPushButton::clicked, this, &DecodingRulesDialog::importRules);
    connect(m_export, &QPushButton::clicked, this, &DecodingRulesDialog::exportRules);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    if (m_list->count() > 0)
        m_list->setCurrentRow(0);
    else
        onSelected();
}

void DecodingRulesDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        m_texts.retranslate();
    QDialog::changeEvent(event);
}

DecodingRules DecodingRulesDialog::rules() const
{
    DecodingRules out;
    for (const DecodingRule &rule : m_rules)
        out.append(rule);
    return out;
}

QStringList DecodingRulesDialog::rows() const
{
    QStringList out;
    for (int i = 0; i < m_list->count(); ++i)
        out.append(m_list->item(i)->text());
    return out;
}

void DecodingRulesDialog::selectRule(int row)
{
    m_list->setCurrentRow(row);
}

void DecodingRulesDialog::refreshRow(int row)
{
    if (row < 0 || row >= m_rules.size() || row >= m_list->count())
        return;
    const DecodingRule &rule = m_rules.at(row);
    QString decoder = DecoderRegistry::instance().name(rule.decoder);
    if (decoder.isEmpty())
        decoder = rule.decoder;
    const QString filter = rule.filter.isEmpty() ? tr("(no filter)") : rule.filter;
    m_list->item(row)->setText(tr("%1 → %2").arg(filter, decoder));
}

void DecodingRulesDialog::onSelected()
{
    m_current = m_list->currentRow();
    const bool has = m_current >= 0 && m_current < m_rules.size();
    m_editor->setEnabled(has);
    m_editor->setRule(has ? m_rules.at(m_current) : DecodingRule());
    updateButtons();
}

void DecodingRulesDialog::onEdited()
{
    if (m_current < 0 || m_current >= m_rules.size())
        return;
    m_rules[m_current] = m_editor->rule();
    refreshRow(m_current);
    updateButtons();
}

void DecodingRulesDialog::addRule()
{
    DecodingRule rule;
    rule.decoder = DecoderRegistry::AutoId.toString();
    m_rules.append(rule);
    m_list->addItem(QString());
    refreshRow(int(m_rules.size()) - 1);
    m_list->setCurrentRow(int(m_rules.size()) - 1);
    m_editor->setFocus();
}

void DecodingRulesDialog::removeRule()
{
    const int row = m_list->currentRow();
    if (row < 0 || row >= m_rules.size())
        return;
    m_rules.removeAt(row);
    delete m_list->takeItem(row);
    onSelected();
}

void DecodingRulesDialog::moveRule(int delta)
{
    const int row = m_list->currentRow();
    const int to = row + delta;
    if (row < 0 || to < 0 || to >= m_rules.size())
        return;
    m_rules.move(row, to);
    refreshRow(row);
    refreshRow(to);
    m_list->setCurrentRow(to);
}

QString DecodingRulesDialog::problem() const
{
    for (qsizetype i = 0; i < m_rules.size(); ++i) {
        const QString why = i == m_current
                                ? m_editor->problem()
                                : DecodingRules::validate(m_rules.at(i))
                                      .value_or(m_rules.at(i).filter.isEmpty()
                                                    ? tr("Enter the topic filter the rule "
                                                         "applies to.")
                                                    : QString());
        if (!why.isEmpty())
            return tr("Rule %1: %2").arg(i + 1).arg(why);
    }
    return QString();
}

void DecodingRulesDialog::updateButtons()
{
    const int row = m_list->currentRow();
    m_remove->setEnabled(row >= 0);
    m_up->setEnabled(row > 0);
    m_down->setEnabled(row >= 0 && row + 1 < m_rules.size());
    const QString why = problem();
    m_status->setText(why);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(why.isEmpty());
}

bool DecodingRulesDialog::exportTo(const QString &path, QString *why)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *why = file.errorString();
        return false;
    }
    file.write(QJsonDocument(rules().toJson()).toJson());
    if (!file.commit()) {
        *why = file.errorString();
        return false;
    }
    return true;
}

bool DecodingRulesDialog::importFrom(const QString &path, QString *why)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *why = file.errorString();
        return false;
    }
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &error);
    if (error.error != QJsonParseError::NoError) {
        *why =
            tr("The file is not JSON: %1 (at byte %2).").arg(error.errorString()).arg(error.offset);
        return false;
    }
    const QJsonArray list =
        document.isArray() ? document.array()
                           : document.object().value(QStringLiteral("decodingRules")).toArray();
    const std::optional<DecodingRules> read = DecodingRules::fromJson(list, why);
    if (!read)
        return false;
    m_rules = read->rules();
    m_list->clear();
    for (qsizetype i = 0; i < m_rules.size(); ++i) {
        m_list->addItem(QString());
        refreshRow(int(i));
    }
    m_current = -1;
    if (m_list->count() > 0)
        m_list->setCurrentRow(0);
    else
        onSelected();
    return true;
}

void DecodingRulesDialog::importRules()
{
    const QString path = Prompts::openFileName(this, tr("Import decoding rules"), QString(),
                                               tr("JSON files (*.json)"));
    if (path.isEmpty())
        return;
    QString why;
    if (!importFrom(path, &why))
        Prompts::warn(this, tr("Import decoding rules"),
                      tr("The rules in %1 cannot be read: %2").arg(path, why));
}

void DecodingRulesDialog::exportRules()
{
    const QString path =
        Prompts::saveFileName(this, tr("Export decoding rules"),
                              QStringLiteral("decoding-rules.json"), tr("JSON files (*.json)"));
    if (path.isEmpty())
        return;
    QString why;
    if (!exportTo(path, &why))
        Prompts::warn(this, tr("Export decoding rules"),
                      tr("The rules cannot be written to %1: %2").arg(path, why));
}

} // namespace mqttdesk
