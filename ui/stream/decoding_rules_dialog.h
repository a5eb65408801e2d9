#pragma once

#include "core/payload/decoding_rules.h"
#include "ui/i18n/retranslator.h"

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QListWidget;
class QPushButton;

namespace mqttdesk {

class DecodingRuleEditor;

// A connection's decoding rules, edited as an ordered list: the first rule whose filter
// matches a topic decides how its messages are shown (a subscription's "Display as" still
// overrides). Add, remove, move up and down, edit the selected rule beside the list, import
// and export the list as JSON (the file `mqttdesk-cli sub --rules` reads). OK is offered
// only when every rule can be used.
class DecodingRulesDialog : public QDialog
{
    Q_OBJECT
public:
    explicit DecodingRulesDialog(const DecodingRules &rules, QWidget *parent = nullptr);

    // The rules as edited, in order; only rules that can be used.
    DecodingRules rules() const;
    DecodingRuleEditor *editor() const { return m_editor; }
    // The list's rows ("filter → decoder"), for tests and accessibility.
    QStringList rows() const;
    void selectRule(int row);
    void addRule();
    void removeRule();
    void moveRule(int delta);
    // Writes the rules as JSON; false with `why` when the file cannot be written.
    bool exportTo(const QString &path, QString *why);
    // Replaces the rules with a file's; false with `why` (and nothing changed) when it is
    // not a valid list of rules.
    bool importFrom(const QString &path, QString *why);
    // Why OK is not offered; empty when it is.
    QString problem() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void onSelected();
    void onEdited();
    void refreshRow(int row);
    void updateButtons();
    void importRules();
    void exportRules();

    QList<DecodingRule> m_rules;
    QListWidget *m_list = nullptr;
    DecodingRuleEditor *m_editor = nullptr;
    QPushButton *m_add = nullptr;
    QPushButton *m_remove = nullptr;
    QPushButton *m_up = nullptr;
    QPushButton *m_down = nullptr;
    QPushButton *m_import = nullptr;
    QPushButton *m_export = nullptr;
    QLabel *m_intro = nullptr;
    QLabel *m_status = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    int m_current = -1;
    Retranslator m_texts;
};

} // namespace mqttdesk
