#pragma once

#include "core/protocol/properties.h"

#include <QList>
#include <QWidget>

class QPushButton;
class QTableWidget;

namespace mqttdesk {

// The user variables of templates ({{device}} = pump-7) as a table of names and values, with
// Add and Remove buttons under it: a template collection's (CollectionDialog) and a
// connection's (the connection dialog's Advanced page). Names are read trimmed and a row left
// empty is no variable; problem() says what TemplateVariableNames finds wrong. The buttons'
// texts are the owner's, so that their mnemonics fit the rest of its form.
class VariablesTable : public QWidget
{
    Q_OBJECT
public:
    explicit VariablesTable(QWidget *parent = nullptr);

    QList<StringPair> variables() const;
    void setVariables(const QList<StringPair> &variables);
    // Appends a row; an empty one, while shown, is edited at once (its name first).
    void addVariable(const QString &name = {}, const QString &value = {});
    // The first problem with the variables, empty when there is none.
    QString problem() const;

    QTableWidget *table() const { return m_table; }
    QPushButton *addButton() const { return m_add; }
    QPushButton *removeButton() const { return m_remove; }

Q_SIGNALS:
    // A row was added, edited or removed.
    void changed();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void removeSelected();

    QTableWidget *m_table;
    QPushButton *m_add;
    QPushButton *m_remove;
};

} // namespace mqttdesk
