#pragma once

#include "core/profile/connection_profile.h"

#include <QList>
#include <QWidget>

class QPushButton;
class QTableWidget;

namespace mqttdesk {

// The fallback brokers of a profile as an editable table (host, port, transport), with
// buttons to add, remove and move rows: the order is the order they are tried in. The
// connection dialog's Advanced page holds it.
class FallbackBrokersTable : public QWidget
{
    Q_OBJECT
public:
    explicit FallbackBrokersTable(QWidget *parent = nullptr);

    // The rows as brokers; a row left empty is none. A port that is not a number between
    // 1 and 65535 reads as 0, which ProfileValidator reports.
    QList<FallbackBroker> brokers() const;
    void setBrokers(const QList<FallbackBroker> &brokers);
    // Appends a row (the scheme's default port when `port` is 0); an empty host, while
    // shown, is edited at once.
    void addBroker(const QString &host = {}, quint16 port = 0,
                   TransportScheme scheme = TransportScheme::Mqtt);
    // The first port that is not a number from 1 to 65535, in words; empty when none.
    QString problem() const;

    QTableWidget *table() const { return m_table; }
    QPushButton *addButton() const { return m_add; }
    QPushButton *removeButton() const { return m_remove; }
    QPushButton *upButton() const { return m_up; }
    QPushButton *downButton() const { return m_down; }

Q_SIGNALS:
    // A row was added, edited, moved or removed.
    void changed();

protected:
    void changeEvent(QEvent *event) override;

private:
    enum Column
    {
        HostColumn,
        PortColumn,
        TransportColumn,
    };
    void retranslate();
    void insertRow(int row, const FallbackBroker &broker);
    FallbackBroker brokerAt(int row) const;
    void removeSelected();
    void move(int by);
    void updateButtons();

    QTableWidget *m_table;
    QPushButton *m_add;
    QPushButton *m_remove;
    QPushButton *m_up;
    QPushButton *m_down;
};

} // namespace mqttdesk
