#pragma once

#include "ui/i18n/retranslator.h"

#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTableView;

namespace mqttdesk {

class RetainedDiff;
class RetainedDiffModel;

// The result of a retained comparison: a summary line, one row per added, removed or
// changed topic (RetainedDiffModel), the whole values and notes of the selected row, and
// "Export comparison…" as JSON or CSV.
class RetainedDiffPanel : public QWidget
{
    Q_OBJECT
public:
    explicit RetainedDiffPanel(QWidget *parent = nullptr);

    // `aName` and `bName` say what was compared (shown in the summary and the detail).
    void setDiff(const RetainedDiff &diff, const QString &aName, const QString &bName);
    void clear();
    bool hasDiff() const { return m_hasDiff; }

    RetainedDiffModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    QPlainTextEdit *detail() const { return m_detail; }
    QPushButton *exportButton() const { return m_export; }
    QString summaryText() const;

    // Writes the comparison to `path`: CSV when it ends in .csv, JSON otherwise. The error
    // names the file.
    bool exportTo(const QString &path, QString *error = nullptr) const;
    // Asks for a file and writes it; a failure is shown to the user.
    void exportComparison();

protected:
    void changeEvent(QEvent *event) override;

private:
    void showRow(int row);
    void updateTexts();

    RetainedDiffModel *m_model;
    QLabel *m_summary = nullptr;
    QTableView *m_table = nullptr;
    QPlainTextEdit *m_detail = nullptr;
    QPushButton *m_export = nullptr;
    QString m_aName;
    QString m_bName;
    bool m_hasDiff = false;
    Retranslator m_texts;
};

} // namespace mqttdesk
