#pragma once

#include "core/profile/import_plan.h"
#include "ui/i18n/retranslator.h"

#include <QDialog>

class QCheckBox;
class QLabel;
class QPushButton;

namespace mqttdesk {

// Asks what to do with one imported connection that clashes with a saved one: Replace, Keep
// both or Skip, and whether that answer goes for every remaining clash of the import. Skip is
// the default button and what Escape (or closing) means: nothing changes unless chosen.
class ImportConflictDialog : public QDialog
{
    Q_OBJECT
public:
    explicit ImportConflictDialog(QWidget *parent = nullptr);

    // The clash to ask about; `remaining` more clashes follow it (the "for all" box shows only
    // then).
    void setConflict(const ImportPlan::Item &item, int remaining);

    ImportPlan::Choice choice() const { return m_choice; }
    bool applyToAll() const;

    QString message() const;
    QPushButton *replaceButton() const { return m_replace; }
    QPushButton *keepBothButton() const { return m_keepBoth; }
    QPushButton *skipButton() const { return m_skip; }
    QCheckBox *applyToAllBox() const { return m_applyToAll; }

public Q_SLOTS:
    void reject() override;

protected:
    void changeEvent(QEvent *event) override;

private:
    void answer(ImportPlan::Choice choice);
    void showTexts();

    QLabel *m_message;
    QLabel *m_details;
    QLabel *m_question;
    QCheckBox *m_applyToAll;
    QPushButton *m_replace;
    QPushButton *m_keepBoth;
    QPushButton *m_skip;
    ImportPlan::Item m_item;
    int m_remaining = 0;
    ImportPlan::Choice m_choice = ImportPlan::Choice::Skip;
    Retranslator m_texts;
};

} // namespace mqttdesk
