#pragma once

#include "core/publish/publish_template.h"
#include "ui/i18n/retranslator.h"

#include <QDialog>
#include <QStringList>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;

namespace mqttdesk {

class VariablesTable;

// A template collection's settings: its name, where it is offered ("All connections" or one
// connection, by its profile name) and its variables, a table of names and values the
// collection's templates use as {{name}}. Everything is checked as it is typed (a name is
// required; variable names are single words without braces, not a built-in's name, and not
// twice); OK is only enabled when all is well, and the first problem is said under the table.
// The collection's templates are not touched.
class CollectionDialog : public QDialog
{
    Q_OBJECT
public:
    explicit CollectionDialog(QWidget *parent = nullptr);

    // The profile names offered for the binding (the current binding is offered anyway).
    void setConnectionNames(const QStringList &names);
    // Shows `collection` (its templates are kept and handed back by collection()).
    void setCollection(const TemplateCollection &collection);
    TemplateCollection collection() const;

    // The first problem, empty when OK may be pressed.
    QString problem() const;

    QLineEdit *nameEdit() const { return m_name; }
    QComboBox *connectionBox() const { return m_connection; }
    QTableWidget *variablesTable() const;
    QPushButton *addVariableButton() const;
    QPushButton *removeVariableButton() const;
    QLabel *problemLabel() const { return m_problem; }
    QPushButton *okButton() const;

    // Appends a variable row (name, value) and starts editing its name.
    void addVariable(const QString &name = {}, const QString &value = {});

protected:
    void changeEvent(QEvent *event) override;

private:
    void check();
    void fillConnections(const QString &selected);

    QLineEdit *m_name;
    QComboBox *m_connection;
    VariablesTable *m_variables;
    QLabel *m_problem;
    QDialogButtonBox *m_buttons;
    QStringList m_connectionNames;
    TemplateCollection m_collection; // id and templates, kept as they were
    Retranslator m_texts;
};

} // namespace mqttdesk
