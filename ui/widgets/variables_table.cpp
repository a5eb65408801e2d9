#include "ui/widgets/variables_table.h"

#include "core/profile/template_variable_names.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace mqttdesk {

VariablesTable::VariablesTable(QWidget *parent)
    : QWidget(parent)
    , m_table(new QTableWidget(0, 2, this))
    , m_add(new QPushButton(this))
    , m_remove(new QPushButton(this))
{
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Interactive);
    m_table->setColumnWidth(0, 160);
    m_table->verticalHeader()->setVisible(false);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    // Tab leaves the table for the buttons; the arrow keys move between cells.
    m_table->setTabKeyNavigation(false);
    m_table->setMinimumHeight(120);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_add);
    buttons->addWidget(m_remove);
    buttons->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_table, 1);
    layout->addLayout(buttons);
    setFocusProxy(m_table);
    setTabOrder(m_table, m_add);
    setTabOrder(m_add, m_remove);

    connect(m_table, &QTableWidget::itemChanged, this, &VariablesTable::changed);
    connect(m_table, &QTableWidget::itemSelectionChanged, this,
            [this] { m_remove->setEnabled(!m_table->selectedItems().isEmpty()); });
    connect(m_add, &QPushButton::clicked, this, [this] { addVariable(); });
    connect(m_remove, &QPushButton::clicked, this, &VariablesTable::removeSelected);
    m_remove->setEnabled(false);
    retranslate();
}

QList<StringPair> VariablesTable::variables() const
{
    QList<StringPair> result;
    for (int row = 0; row < m_table->rowCount(); ++row) {
        const auto text = [this, row](int column) {
            const QTableWidgetItem *item = m_table->item(row, column);
            return item ? item->text() : QString();
        };
        const QString name = text(0).trimmed();
        const QString value = text(1);
        if (name.isEmpty() && value.isEmpty())
            continue; // a row added and left empty
        result.append({name, value});
    }
    return result;
}

void VariablesTable::setVariables(const QList<StringPair> &variables)
{
    {
        const QSignalBlocker blocker(m_table);
        m_table->setRowCount(0);
        for (const StringPair &v : variables) {
            const int row = m_table->rowCount();
            m_table->insertRow(row);
            m_table->setItem(row, 0, new QTableWidgetItem(v.name));
            m_table->setItem(row, 1, new QTableWidgetItem(v.value));
        }
    }
    m_remove->setEnabled(!m_table->selectedItems().isEmpty());
    Q_EMIT changed();
}

void VariablesTable::addVariable(const QString &name, const QString &value)
{
    {
        const QSignalBlocker blocker(m_table);
        const int row = m_table->rowCount();
        m_table->insertRow(row);
        m_table->setItem(row, 0, new QTableWidgetItem(name));
        m_table->setItem(row, 1, new QTableWidgetItem(value));
        if (name.isEmpty() && isVisible()) {
            m_table->setCurrentCell(row, 0);
            m_table->setFocus();
            m_table->editItem(m_table->item(row, 0));
        }
    }
    m_remove->setEnabled(!m_table->selectedItems().isEmpty());
    Q_EMIT changed();
}

QString VariablesTable::problem() const
{
    return TemplateVariableNames::problem(variables());
}

void VariablesTable::removeSelected()
{
    QList<int> rows;
    for (const QModelIndex &index : m_table->selectionModel()->selectedRows())
        rows.append(index.row());
    std::sort(rows.rbegin(), rows.rend());
    for (int row : std::as_const(rows))
        m_table->removeRow(row);
    Q_EMIT changed();
}

void VariablesTable::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void VariablesTable::retranslate()
{
    m_table->setHorizontalHeaderLabels({tr("Name"), tr("Value")});
    m_add->setToolTip(tr("Adds a variable and starts editing its name"));
    m_add->setAccessibleName(tr("Add variable"));
    m_remove->setToolTip(tr("Removes the selected variables"));
    m_remove->setAccessibleName(tr("Remove variable"));
}

} // namespace mqttdesk
