#include "ui/widgets/pairs_table.h"

#include "ui/widgets/icons.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QTableWidget>
#include <QToolButton>
#include <QVBoxLayout>

namespace mqttdesk {

PairsTable::PairsTable(QWidget *parent)
    : QWidget(parent)
    , m_table(new QTableWidget(0, 2, this))
    , m_add(new QToolButton(this))
    , m_remove(new QToolButton(this))
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_table);
    auto *buttons = new QVBoxLayout;
    buttons->addWidget(m_add);
    buttons->addWidget(m_remove);
    buttons->addStretch();
    layout->addLayout(buttons);

    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->setVisible(false);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setMinimumHeight(90);
    m_add->setIcon(Icons::add());
    m_remove->setIcon(Icons::remove());
    m_add->setAutoRaise(true);
    m_remove->setAutoRaise(true);
    setFocusProxy(m_table);
    setTabOrder(m_table, m_add);
    setTabOrder(m_add, m_remove);

    connect(m_add, &QToolButton::clicked, this, [this] {
        addRow();
        m_table->setCurrentCell(m_table->rowCount() - 1, 0);
        m_table->editItem(m_table->item(m_table->rowCount() - 1, 0));
    });
    connect(m_remove, &QToolButton::clicked, this, &PairsTable::removeSelected);
    connect(m_table, &QTableWidget::itemChanged, this, &PairsTable::changed);
    retranslate();
}

NameValueList PairsTable::pairs() const
{
    NameValueList result;
    for (int row = 0; row < m_table->rowCount(); ++row) {
        const auto text = [this, row](int column) {
            const QTableWidgetItem *item = m_table->item(row, column);
            return item ? item->text() : QString();
        };
        result.append({text(0), text(1)});
    }
    return result;
}

void PairsTable::setPairs(const NameValueList &pairs)
{
    const QSignalBlocker blocker(m_table);
    m_table->setRowCount(0);
    for (const NameValuePair &pair : pairs)
        addRow(pair.name, pair.value);
    Q_EMIT changed();
}

void PairsTable::addRow(const QString &name, const QString &value)
{
    const int row = m_table->rowCount();
    m_table->insertRow(row);
    m_table->setItem(row, 0, new QTableWidgetItem(name));
    m_table->setItem(row, 1, new QTableWidgetItem(value));
    Q_EMIT changed();
}

void PairsTable::removeSelected()
{
    const int row = m_table->currentRow();
    if (row < 0)
        return;
    m_table->removeRow(row);
    Q_EMIT changed();
}

void PairsTable::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void PairsTable::retranslate()
{
    m_table->setHorizontalHeaderLabels({tr("Name"), tr("Value")});
    m_add->setToolTip(tr("Add a row"));
    m_add->setAccessibleName(tr("Add a row"));
    m_remove->setToolTip(tr("Remove the selected row"));
    m_remove->setAccessibleName(tr("Remove the selected row"));
}

} // namespace mqttdesk
