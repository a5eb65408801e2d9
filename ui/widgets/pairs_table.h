#pragma once

#include "core/profile/connection_profile.h"

#include <QWidget>

class QTableWidget;
class QToolButton;

namespace mqttdesk {

// An editable, ordered list of name/value pairs (user properties, headers),
// with add and remove buttons. Duplicates and order are kept.
class PairsTable : public QWidget
{
    Q_OBJECT
public:
    explicit PairsTable(QWidget *parent = nullptr);

    NameValueList pairs() const;
    void setPairs(const NameValueList &pairs);
    QTableWidget *table() const { return m_table; }
    QToolButton *addButton() const { return m_add; }
    QToolButton *removeButton() const { return m_remove; }
    void addRow(const QString &name = {}, const QString &value = {});

Q_SIGNALS:
    void changed();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void removeSelected();

    QTableWidget *m_table;
    QToolButton *m_add;
    QToolButton *m_remove;
};

} // namespace mqttdesk
