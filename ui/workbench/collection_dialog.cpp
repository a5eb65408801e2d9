#include "ui/workbench/collection_dialog.h"

#include "ui/theme/theme.h"
#include "ui/widgets/variables_table.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace mqttdesk {

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
    m_variables = new VariablesTable(this);
    m_variables->table()->setMinimumHeight(160);
    variablesLabel->setBuddy(m_variables->table());

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
        m_variables->table()->setAccessibleName(tr("Variables"));
        m_variables->addButton()->setText(tr("&Add variable"));
        m_variables->removeButton()->setText(tr("&Remove variable"));
        fillConnections(m_connection->currentData().toString());
        check();
    });

    connect(m_name, &QLineEdit::textChanged, this, &CollectionDialog::check);
    connect(m_variables, &VariablesTable::changed, this, &CollectionDialog::check);
    setTabOrder(m_name, m_connection);
    setTabOrder(m_connection, m_variables->table());
    setTabOrder(m_variables->table(), m_variables->addButton());
    setTabOrder(m_variables->addButton(), m_variables->removeButton());
    setTabOrder(m_variables->removeButton(), m_buttons);
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

QTableWidget *CollectionDialog::variablesTable() const
{
    return m_variables->table();
}

QPushButton *CollectionDialog::addVariableButton() const
{
    return m_variables->addButton();
}

QPushButton *CollectionDialog::removeVariableButton() const
{
    return m_variables->removeButton();
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
    m_variables->setVariables(collection.variables);
    if (m_variables->table()->rowCount() > 0)
        m_variables->table()->setCurrentCell(0, 0);
    check();
}

void CollectionDialog::addVariable(const QString &name, const QString &value)
{
    m_variables->addVariable(name, value);
}

TemplateCollection CollectionDialog::collection() const
{
    TemplateCollection c = m_collection;
    c.name = m_name->text().trimmed();
    c.connection = m_connection->currentData().toString();
    c.variables = m_variables->variables();
    return c;
}

QString CollectionDialog::problem() const
{
    if (m_name->text().trimmed().isEmpty())
        return tr("Give the collection a name.");
    return m_variables->problem();
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
