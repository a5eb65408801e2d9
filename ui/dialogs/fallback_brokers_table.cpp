#include "ui/dialogs/fallback_brokers_table.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace mqttdesk {

namespace {

constexpr TransportScheme kSchemes[] = {TransportScheme::Mqtt, TransportScheme::Mqtts,
                                        TransportScheme::Ws, TransportScheme::Wss};

QComboBox *schemeBox(QWidget *parent, TransportScheme scheme)
{
    auto *box = new QComboBox(parent);
    box->addItem(QStringLiteral("mqtt://"), int(TransportScheme::Mqtt));
    box->addItem(QStringLiteral("mqtts://"), int(TransportScheme::Mqtts));
    box->addItem(QStringLiteral("ws://"), int(TransportScheme::Ws));
    box->addItem(QStringLiteral("wss://"), int(TransportScheme::Wss));
    box->setCurrentIndex(box->findData(int(scheme)));
    return box;
}

quint16 portOf(const QString &text)
{
    bool ok = false;
    const int port = text.trimmed().toInt(&ok);
    return ok && port > 0 && port <= 65535 ? quint16(port) : 0;
}

} // namespace

FallbackBrokersTable::FallbackBrokersTable(QWidget *parent)
    : QWidget(parent)
    , m_table(new QTableWidget(0, 3, this))
    , m_add(new QPushButton(this))
    , m_remove(new QPushButton(this))
    , m_up(new QPushButton(this))
    , m_down(new QPushButton(this))
{
    m_table->setObjectName(QStringLiteral("fallbackTable"));
    m_add->setObjectName(QStringLiteral("addFallback"));
    m_remove->setObjectName(QStringLiteral("removeFallback"));
    m_up->setObjectName(QStringLiteral("fallbackUp"));
    m_down->setObjectName(QStringLiteral("fallbackDown"));
    m_table->horizontalHeader()->setSectionResizeMode(HostColumn, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(PortColumn, QHeaderView::Interactive);
    m_table->horizontalHeader()->setSectionResizeMode(TransportColumn,
                                                      QHeaderView::ResizeToContents);
    m_table->setColumnWidth(PortColumn, 80);
    m_table->verticalHeader()->setVisible(false);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    // Tab leaves the table for the buttons; the arrow keys move between cells.
    m_table->setTabKeyNavigation(false);
    m_table->setMinimumHeight(110);

    auto *buttons = new QHBoxLayout;
    for (QPushButton *button : {m_add, m_remove, m_up, m_down})
        buttons->addWidget(button);
    buttons->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_table, 1);
    layout->addLayout(buttons);
    setFocusProxy(m_table);
    setTabOrder(m_table, m_add);
    setTabOrder(m_add, m_remove);
    setTabOrder(m_remove, m_up);
    setTabOrder(m_up, m_down);

    connect(m_table, &QTableWidget::itemChanged, this, &FallbackBrokersTable::changed);
    connect(m_table, &QTableWidget::itemSelectionChanged, this,
            &FallbackBrokersTable::updateButtons);
    connect(m_add, &QPushButton::clicked, this, [this] { addBroker(); });
    connect(m_remove, &QPushButton::clicked, this, &FallbackBrokersTable::removeSelected);
    connect(m_up, &QPushButton::clicked, this, [this] { move(-1); });
    connect(m_down, &QPushButton::clicked, this, [this] { move(1); });
    retranslate();
    updateButtons();
}

void FallbackBrokersTable::insertRow(int row, const FallbackBroker &broker)
{
    const QSignalBlocker blocker(m_table);
    m_table->insertRow(row);
    m_table->setItem(row, HostColumn, new QTableWidgetItem(broker.host));
    m_table->setItem(row, PortColumn,
                     new QTableWidgetItem(broker.port ? QString::number(broker.port) : QString()));
    QComboBox *box = schemeBox(m_table, broker.scheme);
    box->setAccessibleName(tr("Transport"));
    // A new scheme brings its default port, unless the user typed another one.
    connect(box, &QComboBox::currentIndexChanged, this, [this, box] {
        for (int r = 0; r < m_table->rowCount(); ++r) {
            if (m_table->cellWidget(r, TransportColumn) != box)
                continue;
            QTableWidgetItem *port = m_table->item(r, PortColumn);
            const quint16 typed = portOf(port->text());
            bool wasDefault = port->text().trimmed().isEmpty();
            for (TransportScheme s : kSchemes)
                wasDefault = wasDefault || typed == ConnectionProfile::defaultPort(s);
            if (wasDefault)
                port->setText(QString::number(
                    ConnectionProfile::defaultPort(TransportScheme(box->currentData().toInt()))));
        }
        Q_EMIT changed();
    });
    m_table->setCellWidget(row, TransportColumn, box);
}

FallbackBroker FallbackBrokersTable::brokerAt(int row) const
{
    FallbackBroker broker;
    if (const QTableWidgetItem *host = m_table->item(row, HostColumn))
        broker.host = host->text().trimmed();
    if (const QTableWidgetItem *port = m_table->item(row, PortColumn))
        broker.port = portOf(port->text());
    if (const auto *box =
            qobject_cast<const QComboBox *>(m_table->cellWidget(row, TransportColumn)))
        broker.scheme = TransportScheme(box->currentData().toInt());
    return broker;
}

QList<FallbackBroker> FallbackBrokersTable::brokers() const
{
    QList<FallbackBroker> result;
    for (int row = 0; row < m_table->rowCount(); ++row) {
        const FallbackBroker broker = brokerAt(row);
        const QTableWidgetItem *port = m_table->item(row, PortColumn);
        if (broker.host.isEmpty() && (!port || port->text().trimmed().isEmpty()))
            continue; // a row added and left empty
        result.append(broker);
    }
    return result;
}

void FallbackBrokersTable::setBrokers(const QList<FallbackBroker> &brokers)
{
    {
        const QSignalBlocker blocker(m_table);
        m_table->setRowCount(0);
        for (const FallbackBroker &broker : brokers)
            insertRow(m_table->rowCount(), broker);
    }
    updateButtons();
    Q_EMIT changed();
}

void FallbackBrokersTable::addBroker(const QString &host, quint16 port, TransportScheme scheme)
{
    const int row = m_table->rowCount();
    insertRow(row,
              FallbackBroker{host, port ? port : ConnectionProfile::defaultPort(scheme), scheme});
    if (host.isEmpty() && isVisible()) {
        m_table->setCurrentCell(row, HostColumn);
        m_table->setFocus();
        m_table->editItem(m_table->item(row, HostColumn));
    }
    updateButtons();
    Q_EMIT changed();
}

QString FallbackBrokersTable::problem() const
{
    for (int row = 0; row < m_table->rowCount(); ++row) {
        const QTableWidgetItem *port = m_table->item(row, PortColumn);
        const QTableWidgetItem *host = m_table->item(row, HostColumn);
        const bool empty = (!host || host->text().trimmed().isEmpty()) &&
                           (!port || port->text().trimmed().isEmpty());
        if (!empty && (!port || portOf(port->text()) == 0))
            return tr("The port of fallback broker %1 must be a number from 1 to 65535.")
                .arg(row + 1);
    }
    return {};
}

void FallbackBrokersTable::removeSelected()
{
    QList<int> rows;
    for (const QModelIndex &index : m_table->selectionModel()->selectedRows())
        rows.append(index.row());
    std::sort(rows.rbegin(), rows.rend());
    for (int row : std::as_const(rows))
        m_table->removeRow(row);
    updateButtons();
    Q_EMIT changed();
}

void FallbackBrokersTable::move(int by)
{
    const int row = m_table->currentRow();
    const int to = row + by;
    if (row < 0 || to < 0 || to >= m_table->rowCount())
        return;
    const FallbackBroker broker = brokerAt(row);
    const QString portText = m_table->item(row, PortColumn)->text();
    m_table->removeRow(row);
    insertRow(to, broker);
    m_table->item(to, PortColumn)->setText(portText); // as typed, even when not a port
    m_table->setCurrentCell(to, HostColumn);
    m_table->selectRow(to);
    updateButtons();
    Q_EMIT changed();
}

void FallbackBrokersTable::updateButtons()
{
    const bool selected = !m_table->selectionModel()->selectedRows().isEmpty();
    const int row = m_table->currentRow();
    m_remove->setEnabled(selected);
    m_up->setEnabled(selected && row > 0);
    m_down->setEnabled(selected && row >= 0 && row < m_table->rowCount() - 1);
}

void FallbackBrokersTable::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void FallbackBrokersTable::retranslate()
{
    m_table->setHorizontalHeaderLabels({tr("Host"), tr("Port"), tr("Transport")});
    m_table->setAccessibleName(tr("Fallback brokers"));
    m_add->setText(tr("Add broker"));
    m_add->setToolTip(tr("Adds a broker address and starts editing its host"));
    m_remove->setText(tr("Remove broker"));
    m_remove->setToolTip(tr("Removes the selected broker addresses"));
    m_up->setText(tr("Move up"));
    m_up->setToolTip(tr("Tries the selected broker earlier"));
    m_down->setText(tr("Move down"));
    m_down->setToolTip(tr("Tries the selected broker later"));
    for (int row = 0; row < m_table->rowCount(); ++row) {
        if (QWidget *box = m_table->cellWidget(row, TransportColumn))
            box->setAccessibleName(tr("Transport"));
    }
}

} // namespace mqttdesk
