#include "ui/workbench/collection_dialog.h"

#include "core/publish/template_text.h"
#include "ui/theme/theme.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSet>
#include <QTableWidget>
#include <QVBoxLayout>

namespace mqttdesk {

namespace {

// A variable name as {{name}} reads it: one word, no braces or quotes.
bool isWord(const QString &name)
{
    for (const QChar c : name) {
        if (c.isSpace() || c == QLatin1Char('{') || c == QLatin1Char('}') || c == QLatin1Char('"'))
            return false;
    }
    return !name.isEmpty();
}

} // namespace

CollectionDialog::CollectionDialog(QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("collectionDialog"));
    auto *form = new QFormLayout;
    m_name = new QLineEdit(this);
    auto *nameLabel = new QLabel(this);
    nameLabel->setBuddy(m_name);
    form->addRow(nameLabel, m_name);
    m_connection = new QComboBox(this);
    auto *connectionLabel = new QLabel(this);
    connectionLabel->setBuddy(m_connection);
    form->addRow(connectionLabel, m_connection);

    auto *variablesLabel = new QLabel(this);
    m_variables = new QTableWidget(0, 2, this);
    m_variables->horizontalHeader()->setStretchLastSection(true);
    m_variables->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Interactive);
    m_variables->setColumnWidth(0, 160);
    m_variables->verticalHeader()->setVisible(false);
    m_variables->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_variables->setTabKeyNavigation(false);
    m_variables->setMinimumHeight(160);
    variablesLabel->setBuddy(m_variables);
    m_add = new QPushButton(this);
    m_remove = new QPushButton(this);
    auto *tableButtons = new QHBoxLayout;
    tableButtons->addWidget(m_add);
    tableButtons->addWidget(m_remove);
    tableButtons->addStretch(1);

    m_problem = new QLabel(this);
    m_problem->setWordWrap(true);
    Theme::setTextRole(m_problem, Theme::Text::Error);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(variablesLabel);
    layout->addWidget(m_variables, 1);
    layout->addLayout(tableButtons);
    layout->addWidget(m_problem);
    layout->addWidget(m_buttons);

    m_texts.add([=, this] {
        setWindowTitle(tr("Template collection"));
        nameLabel->setText(tr("&Name:"));
        m_name->setPlaceholderText(tr("e.g. Pump station"));
        connectionLabel->setText(tr("&Offered on:"));
        m_connection->setToolTip(tr("A collection bound to one connection is only offered on "
                                    "that connection"));
        variablesLabel->setText(tr("&Variables (used as {{name}} in the collection's templates):"));
        m_variables->setHorizontalHeaderLabels({tr("Name"), tr("Value")});
        m_variables->setAccessibleName(tr("Variables"));
        m_add->setText(tr("&Add variable"));
        m_remove->setText(tr("&Remove variable"));
        m_remove->setToolTip(tr("Removes the selected variables"));
        fillConnections(m_connection->currentData().toString());
        check();
    });

    connect(m_name, &QLineEdit::textChanged, this, &CollectionDialog::check);
    connect(m_variables, &QTableWidget::itemChanged, this, &CollectionDialog::check);
    connect(m_variables, &QTableWidget::itemSelectionChanged, this,
            [this] { m_remove->setEnabled(!m_variables->selectedItems().isEmpty()); });
    connect(m_add, &QPushButton::clicked, this, [this] { addVariable(); });
    connect(m_remove, &QPushButton::clicked, this, [this] {
        QList<int> rows;
        for (const QModelIndex &index : m_variables->selectionModel()->selectedRows())
            rows.append(index.row());
        std::sort(rows.rbegin(), rows.rend());
        for (int row : rows)
            m_variables->removeRow(row);
        check();
    });
    m_remove->setEnabled(false);
    setTabOrder(m_name, m_connection);
    setTabOrder(m_connection, m_variables);
    setTabOrder(m_variables, m_add);
    setTabOrder(m_add, m_remove);
    setTabOrder(m_remove, m_buttons);
    resize(520, 420);
}

void CollectionDialog::changeEvent(QEvent *event)
{
    m_texts.handle(event);
    QDialog::changeEvent(event);
}

QPushButton *CollectionDialog::okButton() const
{
    return m_buttons->button(QDialogButtonBox::Ok);
}

void CollectionDialog::setConnectionNames(const QStringList &names)
{
    m_connectionNames = names;
    fillConnections(m_connection->currentData().toString());
}

void CollectionDialog::fillConnections(const QString &selected)
{
    QStringList names = m_connectionNames;
    if (!selected.isEmpty() && !names.contains(selected))
        names.prepend(selected);
    const QSignalBlocker blocker(m_connection);
    m_connection->clear();
    m_connection->addItem(tr("All connections"), QString());
    for (const QString &name : std::as_const(names))
        m_connection->addItem(tr("Only “%1”").arg(name), name);
    m_connection->setCurrentIndex(qMax(0, m_connection->findData(selected)));
}

void CollectionDialog::setCollection(const TemplateCollection &collection)
{
    m_collection = collection;
    m_name->setText(collection.name);
    fillConnections(collection.connection);
    m_variables->setRowCount(0);
    for (const StringPair &v : collection.variables)
        addVariable(v.name, v.value);
    if (m_variables->rowCount() > 0)
        m_variables->setCurrentCell(0, 0);
    check();
}

void CollectionDialog::addVariable(const QString &name, const QString &value)
{
    const QSignalBlocker blocker(m_variables);
    const int row = m_variables->rowCount();
    m_variables->insertRow(row);
    m_variables->setItem(row, 0, new QTableWidgetItem(name));
    m_variables->setItem(row, 1, new QTableWidgetItem(value));
    if (name.isEmpty() && isVisible()) {
        m_variables->setCurrentCell(row, 0);
        m_variables->setFocus();
        m_variables->editItem(m_variables->item(row, 0));
    }
    check();
}

TemplateCollection CollectionDialog::collection() const
{
    TemplateCollection c = m_collection;
    c.name = m_name->text().trimmed();
    c.connection = m_connection->currentData().toString();
    c.variables.clear();
    for (int row = 0; row < m_variables->rowCount(); ++row) {
        const QString name =
            m_variables->item(row, 0) ? m_variables->item(row, 0)->text() : QString();
        const QString value =
            m_variables->item(row, 1) ? m_variables->item(row, 1)->text() : QString();
        if (name.trimmed().isEmpty() && value.isEmpty())
            continue; // a row added and left empty
        c.variables.append({name.trimmed(), value});
    }
    return c;
}

QString CollectionDialog::problem() const
{
    if (m_name->text().trimmed().isEmpty())
        return tr("Give the collection a name.");
    QSet<QString> seen;
    const TemplateCollection c = collection();
    for (qsizetype i = 0; i < c.variables.size(); ++i) {
        const QString &name = c.variables.at(i).name;
        if (name.isEmpty())
            return tr("Variable %1 has a value but no name.").arg(i + 1);
        if (!isWord(name))
            return tr("“%1” cannot be a variable name: use one word without spaces, braces or "
                      "quotes.")
                .arg(name);
        if (TemplateText::builtInNames().contains(name))
            return tr("“%1” is a built-in variable: choose another name.").arg(name);
        if (seen.contains(name))
            return tr("The variable “%1” is defined twice.").arg(name);
        seen.insert(name);
    }
    return {};
}

void CollectionDialog::check()
{
    const QString text = problem();
    m_problem->setText(text);
    m_problem->setVisible(!text.isEmpty());
    if (QPushButton *ok = okButton())
        ok->setEnabled(text.isEmpty());
}

} // namespace mqttdesk
