#include "ui/alerts/alert_rules_dialog.h"

#include "core/alerts/alert_rule_set.h"
#include "core/alerts/alert_rule_store.h"
#include "ui/alerts/alert_rule_form.h"
#include "ui/theme/theme.h"
#include "ui/widgets/prompts.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QStackedWidget>
#include <QStyle>
#include <QVBoxLayout>

namespace mqttdesk {

AlertRulesDialog::AlertRulesDialog(const AlertRuleStore *store, qint64 profileId,
                                   const QString &connectionName, QWidget *parent)
    : QDialog(parent)
    , m_store(store)
    , m_profileId(profileId)
    , m_connectionName(connectionName)
{
    setObjectName(QStringLiteral("alertRulesDialog"));
    m_intro = new QLabel(this);
    m_intro->setWordWrap(true);
    m_loadProblem = new QLabel(this);
    m_loadProblem->setObjectName(QStringLiteral("loadProblem"));
    m_loadProblem->setWordWrap(true);
    m_loadProblem->setTextFormat(Qt::PlainText);
    m_loadProblem->hide();
    Theme::setTextRole(m_loadProblem, Theme::Text::Error);
    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("alertRules"));
    // Long filters and expressions are cut short (the form shows them whole).
    m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_list->setTextElideMode(Qt::ElideRight);
    m_add = new QPushButton(this);
    m_add->setObjectName(QStringLiteral("addRule"));
    m_duplicate = new QPushButton(this);
    m_duplicate->setObjectName(QStringLiteral("duplicateRule"));
    m_remove = new QPushButton(this);
    m_remove->setObjectName(QStringLiteral("removeRule"));
    m_up = new QPushButton(this);
    m_up->setObjectName(QStringLiteral("moveRuleUp"));
    m_down = new QPushButton(this);
    m_down->setObjectName(QStringLiteral("moveRuleDown"));
    m_form = new AlertRuleForm(this);
    m_empty = new QLabel(this);
    m_empty->setObjectName(QStringLiteral("noRule"));
    m_empty->setWordWrap(true);
    m_empty->setAlignment(Qt::AlignCenter);
    Theme::setTextRole(m_empty, Theme::Text::Muted);
    m_import = new QPushButton(this);
    m_import->setObjectName(QStringLiteral("importRules"));
    m_export = new QPushButton(this);
    m_export->setObjectName(QStringLiteral("exportRules"));
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("rulesStatus"));
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText);
    Theme::setTextRole(m_status, Theme::Text::Error);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setDefault(true);

    auto *listButtons = new QGridLayout;
    listButtons->addWidget(m_add, 0, 0);
    listButtons->addWidget(m_duplicate, 0, 1);
    listButtons->addWidget(m_remove, 0, 2);
    listButtons->addWidget(m_up, 1, 0);
    listButtons->addWidget(m_down, 1, 1);
    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_list, 1);
    leftLayout->addLayout(listButtons);
    // The form is taller than a small screen: it scrolls, the list and buttons stay.
    m_scroll = new QScrollArea(this);
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    m_scroll->setWidget(m_form);
    auto *right = new QStackedWidget(this);
    right->addWidget(m_scroll);
    right->addWidget(m_empty);
    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(left);
    splitter->addWidget(right);
    splitter->setStretchFactor(1, 1);
    splitter->setChildrenCollapsible(false);
    splitter->setSizes({320, 640});
    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_import);
    bottom->addWidget(m_export);
    bottom->addWidget(m_status, 1);
    bottom->addWidget(m_buttons);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_intro);
    layout->addWidget(m_loadProblem);
    layout->addWidget(splitter, 1);
    layout->addLayout(bottom);
    resize(980, 660);

    m_texts.add([this] {
        setWindowTitle(tr("Alert rules — %1").arg(m_connectionName));
        m_intro->setText(tr("Rules judge every message this connection receives, so subscribe "
                            "to the topics they watch. A rule that fires is listed in the "
                            "Alerts panel (View > Alerts) and shown as a desktop notification. "
                            "The rules are kept with this connection and apply as soon as you "
                            "press OK."));
        m_list->setAccessibleName(tr("Alert rules"));
        m_list->setToolTip(tr("The check box turns a rule on or off"));
        m_add->setText(tr("&Add"));
        m_add->setToolTip(tr("Add a rule"));
        m_duplicate->setText(tr("D&uplicate"));
        m_duplicate->setToolTip(tr("Add a copy of the selected rule"));
        m_remove->setText(tr("&Remove"));
        m_remove->setToolTip(tr("Remove the selected rule"));
        m_up->setText(tr("Move u&p"));
        m_up->setToolTip(tr("Move the selected rule up the list"));
        m_down->setText(tr("Move &down"));
        m_down->setToolTip(tr("Move the selected rule down the list"));
        m_empty->setText(tr("No alert rules yet. Press Add to watch a value, a silence, a rate, "
                            "a retained message or the connection itself."));
        m_import->setText(tr("&Import…"));
        m_import->setToolTip(tr("Replace the rules with those of a rule file"));
        m_export->setText(tr("E&xport…"));
        m_export->setToolTip(tr("Save the rules as a rule file, e.g. for mqttdesk-cli watch "
                                "--rules"));
        for (int i = 0; i < m_list->count(); ++i)
            refreshRow(i);
        updateButtons();
    });

    QList<AlertRule> rules;
    AlertRuleError error;
    if (const std::optional<QList<AlertRule>> saved = m_store->load(m_profileId, &error)) {
        rules = *saved;
    } else {
        // Shown, not hidden: OK would replace the file.
        m_loadError =
            tr("The saved rules in %1 cannot be read, so the list starts empty; OK "
               "replaces that file. %2")
                .arg(QDir::toNativeSeparators(m_store->filePath(m_profileId)), error.message());
        m_loadProblem->setText(m_loadError);
        m_loadProblem->show();
    }

    setTabOrder(m_list, m_add);
    setTabOrder(m_add, m_duplicate);
    setTabOrder(m_duplicate, m_remove);
    setTabOrder(m_remove, m_up);
    setTabOrder(m_up, m_down);
    setTabOrder(m_down, m_form->firstField());
    setTabOrder(m_form->lastField(), m_import);
    setTabOrder(m_import, m_export);
    setTabOrder(m_export, m_buttons);

    connect(m_list, &QListWidget::currentRowChanged, this, &AlertRulesDialog::onSelected);
    connect(m_list, &QListWidget::itemChanged, this, [this](QListWidgetItem *item) {
        const int row = m_list->row(item);
        if (m_filling || row < 0 || row >= m_rules.size())
            return;
        m_rules[row].enabled = item->checkState() == Qt::Checked;
        refreshRow(row);
    });
    connect(m_form, &AlertRuleForm::edited, this, &AlertRulesDialog::onEdited);
    connect(m_add, &QPushButton::clicked, this, &AlertRulesDialog::addRule);
    connect(m_duplicate, &QPushButton::clicked, this, &AlertRulesDialog::duplicateRule);
    connect(m_remove, &QPushButton::clicked, this, &AlertRulesDialog::removeRule);
    connect(m_up, &QPushButton::clicked, this, [this] { moveRule(-1); });
    connect(m_down, &QPushButton::clicked, this, [this] { moveRule(1); });
    connect(m_import, &QPushButton::clicked, this, &AlertRulesDialog::importRules);
    connect(m_export, &QPushButton::clicked, this, &AlertRulesDialog::exportRules);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &AlertRulesDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    setRules(rules);
}

void AlertRulesDialog::changeEvent(QEvent *event)
{
    m_texts.handle(event);
    QDialog::changeEvent(event);
}

void AlertRulesDialog::setRules(const QList<AlertRule> &rules)
{
    m_rules = rules;
    m_filling = true;
    m_list->clear();
    for (qsizetype i = 0; i < m_rules.size(); ++i) {
        m_list->addItem(newItem());
        refreshRow(int(i));
    }
    m_filling = false;
    m_current = -1;
    if (m_list->count() > 0)
        m_list->setCurrentRow(0);
    else
        onSelected();
}

QListWidgetItem *AlertRulesDialog::newItem()
{
    // Not in the list yet: no itemChanged() to take for the user's click on its box.
    auto *item = new QListWidgetItem;
    item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
    item->setCheckState(Qt::Checked);
    return item;
}

void AlertRulesDialog::selectRule(int row)
{
    m_list->setCurrentRow(row);
}

void AlertRulesDialog::refreshRow(int row)
{
    if (row < 0 || row >= m_rules.size() || row >= m_list->count())
        return;
    const AlertRule &rule = m_rules.at(row);
    QListWidgetItem *item = m_list->item(row);
    const bool filling = std::exchange(m_filling, true);
    QString name = rule.name.isEmpty() ? tr("(no name)") : rule.name;
    if (!rule.enabled)
        name = tr("%1 (off)").arg(name); // said, not only shown by the check box
    item->setText(tr("%1\n%2").arg(name, AlertRuleForm::summary(rule)));
    item->setCheckState(rule.enabled ? Qt::Checked : Qt::Unchecked);
    const std::optional<AlertRuleError> error =
        row == m_current ? m_form->problem() : rule.validate();
    item->setIcon(error ? style()->standardIcon(QStyle::SP_MessageBoxWarning) : QIcon());
    item->setToolTip(error ? error->message() : QString());
    m_filling = filling;
}

void AlertRulesDialog::onSelected()
{
    m_current = m_list->currentRow();
    const bool has = m_current >= 0 && m_current < m_rules.size();
    auto *right = qobject_cast<QStackedWidget *>(m_scroll->parentWidget());
    if (right)
        right->setCurrentWidget(has ? static_cast<QWidget *>(m_scroll) : m_empty);
    m_form->setRule(has ? m_rules.at(m_current) : AlertRule());
    updateButtons();
}

void AlertRulesDialog::onEdited()
{
    if (m_current < 0 || m_current >= m_rules.size())
        return;
    const bool enabled = m_rules.at(m_current).enabled; // the list's check box owns it
    m_rules[m_current] = m_form->rule();
    m_rules[m_current].enabled = enabled;
    refreshRow(m_current);
    updateButtons();
}

QString AlertRulesDialog::freeName(const QString &base) const
{
    QStringList names;
    for (const AlertRule &rule : m_rules)
        names.append(rule.name);
    if (!names.contains(base))
        return base;
    for (int n = 2;; ++n) {
        const QString name = tr("%1 (%2)").arg(base).arg(n);
        if (!names.contains(name))
            return name;
    }
}

void AlertRulesDialog::addRule()
{
    AlertRule rule;
    rule.name = freeName(tr("Rule %1").arg(m_rules.size() + 1));
    m_rules.append(rule);
    m_list->addItem(newItem());
    refreshRow(int(m_rules.size()) - 1);
    m_list->setCurrentRow(int(m_rules.size()) - 1);
    m_form->nameEdit()->setFocus();
    m_form->nameEdit()->selectAll();
}

void AlertRulesDialog::duplicateRule()
{
    const int row = m_list->currentRow();
    if (row < 0 || row >= m_rules.size())
        return;
    AlertRule copy = m_rules.at(row);
    copy.name = freeName(tr("%1 copy").arg(copy.name));
    m_rules.insert(row + 1, copy);
    m_list->insertItem(row + 1, newItem());
    refreshRow(row + 1);
    m_list->setCurrentRow(row + 1);
}

void AlertRulesDialog::removeRule()
{
    const int row = m_list->currentRow();
    if (row < 0 || row >= m_rules.size())
        return;
    m_rules.removeAt(row);
    m_current = -1; // the form's rule is gone: not written back
    delete m_list->takeItem(row);
    onSelected();
}

void AlertRulesDialog::moveRule(int delta)
{
    const int row = m_list->currentRow();
    const int to = row + delta;
    if (row < 0 || to < 0 || to >= m_rules.size())
        return;
    m_rules.move(row, to);
    m_current = to;
    refreshRow(row);
    refreshRow(to);
    m_list->setCurrentRow(to);
}

QString AlertRulesDialog::problem() const
{
    QStringList names;
    for (qsizetype i = 0; i < m_rules.size(); ++i) {
        const AlertRule &rule = m_rules.at(i);
        const std::optional<AlertRuleError> error =
            i == m_current ? m_form->problem() : rule.validate();
        const QString name = rule.name.isEmpty() ? tr("(no name)") : rule.name;
        if (error)
            return tr("Rule %1, %2: %3").arg(i + 1).arg(name, error->detail);
        if (names.contains(rule.name))
            return tr("Two rules are named \"%1\": alerts are reported by name, so each rule "
                      "needs its own.")
                .arg(rule.name);
        names.append(rule.name);
    }
    return QString();
}

void AlertRulesDialog::updateButtons()
{
    const int row = m_list->currentRow();
    m_duplicate->setEnabled(row >= 0);
    m_remove->setEnabled(row >= 0);
    m_up->setEnabled(row > 0);
    m_down->setEnabled(row >= 0 && row + 1 < m_rules.size());
    const QString why = problem();
    m_status->setText(why);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(why.isEmpty());
    m_export->setEnabled(why.isEmpty() && !m_rules.isEmpty());
}

void AlertRulesDialog::accept()
{
    if (!problem().isEmpty())
        return;
    QString why;
    if (!m_store->save(m_profileId, m_rules, &why)) {
        m_status->setText(why);
        Prompts::warn(this, tr("Alert rules"), why);
        return;
    }
    emit rulesSaved(m_profileId, m_rules);
    QDialog::accept();
}

bool AlertRulesDialog::importFrom(const QString &path, QString *why)
{
    AlertRuleError error;
    const std::optional<QList<AlertRule>> read = AlertRuleSet::load(path, &error);
    if (!read) {
        *why = error.message();
        return false;
    }
    setRules(*read);
    return true;
}

bool AlertRulesDialog::exportTo(const QString &path, QString *why) const
{
    return AlertRuleSet::save(m_rules, path, why);
}

void AlertRulesDialog::importRules()
{
    const QString path = Prompts::openFileName(this, tr("Import alert rules"), QDir::homePath(),
                                               tr("Alert rule files (*.json);;All files (*)"));
    if (path.isEmpty())
        return;
    QString why;
    if (!importFrom(path, &why))
        Prompts::warn(this, tr("Import alert rules"),
                      tr("The rules in %1 cannot be read: %2").arg(path, why));
}

void AlertRulesDialog::exportRules()
{
    QString name = m_connectionName;
    name.replace(QLatin1Char('/'), QLatin1Char('-'));
    const QString path =
        Prompts::saveFileName(this, tr("Export alert rules"),
                              QDir(QDir::homePath()).filePath(tr("%1 alert rules.json").arg(name)),
                              tr("Alert rule files (*.json);;All files (*)"));
    if (path.isEmpty())
        return;
    QString why;
    if (!exportTo(path, &why))
        Prompts::warn(this, tr("Export alert rules"), why);
}

} // namespace mqttdesk
