#include "ui/topictree/retained_diff_panel.h"

#include "core/retained/retained_diff.h"
#include "core/retained/retained_diff_model.h"
#include "ui/widgets/prompts.h"

#include <QEvent>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace mqttdesk {

RetainedDiffPanel::RetainedDiffPanel(QWidget *parent)
    : QWidget(parent)
    , m_model(new RetainedDiffModel(this))
{
    m_summary = new QLabel(this);
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_export = new QPushButton(this);
    m_export->setEnabled(false);

    m_table = new QTableView(this);
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    // Values are read from their start (a JSON object's first keys); the detail shows them whole.
    m_table->setTextElideMode(Qt::ElideRight);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->setVisible(false);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setColumnWidth(RetainedDiffModel::TopicColumn, 260);
    m_table->setColumnWidth(RetainedDiffModel::ChangeColumn, 70);
    m_table->setColumnWidth(RetainedDiffModel::BeforeColumn, 150);
    m_table->setColumnWidth(RetainedDiffModel::AfterColumn, 150);

    m_detail = new QPlainTextEdit(this);
    m_detail->setReadOnly(true);
    m_detail->setLineWrapMode(QPlainTextEdit::WidgetWidth);

    auto *split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(m_table);
    split->addWidget(m_detail);
    split->setStretchFactor(0, 2);
    split->setStretchFactor(1, 1);
    split->setChildrenCollapsible(false);

    auto *top = new QHBoxLayout;
    top->addWidget(m_summary, 1);
    top->addWidget(m_export);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addWidget(split, 1);

    setTabOrder(m_export, m_table);
    setTabOrder(m_table, m_detail);

    connect(m_export, &QPushButton::clicked, this, &RetainedDiffPanel::exportComparison);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) { showRow(current.row()); });
    m_texts.add([this] { updateTexts(); });
}

void RetainedDiffPanel::updateTexts()
{
    m_export->setText(tr("E&xport comparison…"));
    m_export->setToolTip(tr("Save the differences as JSON or CSV"));
    m_table->setAccessibleName(tr("Differences"));
    m_detail->setAccessibleName(tr("Values of the selected topic"));
    m_detail->setPlaceholderText(tr("Select a row to see both values in full."));
    // The model is in core and cannot see the language change; its texts are asked again.
    emit m_model->headerDataChanged(Qt::Horizontal, 0, RetainedDiffModel::ColumnCount - 1);
    if (m_model->rowCount() > 0)
        emit m_model->dataChanged(
            m_model->index(0, 0),
            m_model->index(m_model->rowCount() - 1, RetainedDiffModel::ColumnCount - 1));
    if (m_hasDiff)
        m_summary->setText(tr("A: %1 · B: %2").arg(m_aName, m_bName) + QLatin1Char('\n') +
                           m_model->summary());
    else
        m_summary->setText(tr("Choose A and B, then Compare."));
    showRow(m_table->currentIndex().row());
}

void RetainedDiffPanel::setDiff(const RetainedDiff &diff, const QString &aName,
                                const QString &bName)
{
    m_aName = aName;
    m_bName = bName;
    m_hasDiff = true;
    m_model->setDiff(diff);
    m_export->setEnabled(true);
    updateTexts();
    if (m_model->rowCount() > 0)
        m_table->setCurrentIndex(m_model->index(0, 0));
}

void RetainedDiffPanel::clear()
{
    m_hasDiff = false;
    m_model->clear();
    m_export->setEnabled(false);
    updateTexts();
}

QString RetainedDiffPanel::summaryText() const
{
    return m_summary->text();
}

void RetainedDiffPanel::showRow(int row)
{
    if (row < 0 || row >= m_model->rowCount()) {
        m_detail->clear();
        return;
    }
    const QModelIndex index = m_model->index(row, 0);
    const auto kind =
        static_cast<RetainedChange::Kind>(index.data(RetainedDiffModel::KindRole).toInt());
    QString text = index.data().toString() + QStringLiteral(" (") +
                   RetainedDiffModel::kindText(kind) + QStringLiteral(")\n");
    const QStringList notes = index.data(RetainedDiffModel::DetailsRole).toStringList();
    if (!notes.isEmpty())
        text += QLatin1Char('\n') + notes.join(QLatin1Char('\n')) + QLatin1Char('\n');
    const auto side = [&](const QString &label, int role, bool present) {
        text += QLatin1Char('\n') + label + QLatin1Char('\n');
        text += present ? index.data(role).toString() : tr("(not retained)");
        text += QLatin1Char('\n');
    };
    side(tr("A (%1):").arg(m_aName), RetainedDiffModel::BeforeTextRole,
         kind != RetainedChange::Kind::Added);
    side(tr("B (%1):").arg(m_bName), RetainedDiffModel::AfterTextRole,
         kind != RetainedChange::Kind::Removed);
    m_detail->setPlainText(text);
}

bool RetainedDiffPanel::exportTo(const QString &path, QString *error) const
{
    const bool csv =
        QFileInfo(path).suffix().compare(QStringLiteral("csv"), Qt::CaseInsensitive) == 0;
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        if (error)
            *error = tr("Cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    const RetainedDiff &diff = m_model->diff();
    file.write(csv ? diff.toCsv() : diff.toJson());
    if (!file.commit()) {
        if (error)
            *error = tr("Cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

void RetainedDiffPanel::exportComparison()
{
    if (!m_hasDiff)
        return;
    const QString path =
        Prompts::saveFileName(this, tr("Export comparison"), QStringLiteral("retained-diff.json"),
                              tr("JSON (*.json);;CSV (*.csv)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!exportTo(path, &error))
        Prompts::warn(this, tr("Export comparison"), error);
}

void RetainedDiffPanel::changeEvent(QEvent *event)
{
    m_texts.handle(event);
    QWidget::changeEvent(event);
}

} // namespace mqttdesk
