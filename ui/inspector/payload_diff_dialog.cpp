#include "ui/inspector/payload_diff_dialog.h"

#include "core/inspector/diff_model.h"
#include "ui/inspector/diff_delegate.h"
#include "ui/theme/theme.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFontDatabase>
#include <QFontMetrics>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeySequence>
#include <QLabel>
#include <QPushButton>
#include <QShortcut>
#include <QStandardItemModel>
#include <QTableView>
#include <QThread>
#include <QVBoxLayout>

namespace mqttdesk {

namespace {

constexpr PayloadDiffMode kModes[] = {PayloadDiffMode::Structural, PayloadDiffMode::Lines,
                                      PayloadDiffMode::Hex};

QString keyText(const QKeySequence &keys)
{
    return keys.toString(QKeySequence::NativeText);
}

// A title in full as its tooltip, elided rather than widening the dialog.
QLabel *titleLabel(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setTextFormat(Qt::PlainText);
    label->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

} // namespace

PayloadDiffDialog::PayloadDiffDialog(const QString &leftTitle, const QByteArray &leftPayload,
                                     const QString &rightTitle, const QByteArray &rightPayload,
                                     const QString &decoder, const QJsonObject &decoderOptions,
                                     QWidget *parent)
    : QDialog(parent)
{
    m_left.bytes = leftPayload;
    m_left.decoder = decoder;
    m_left.options.decoderOptions = decoderOptions;
    m_right = m_left;
    m_right.bytes = rightPayload;
    resize(1000, 640);
    auto *layout = new QVBoxLayout(this);

    auto *titles = new QFormLayout;
    auto *leftName = new QLabel(this);
    auto *rightName = new QLabel(this);
    QLabel *leftLabel = titleLabel(this);
    QLabel *rightLabel = titleLabel(this);
    leftLabel->setText(leftTitle);
    leftLabel->setToolTip(leftTitle);
    rightLabel->setText(rightTitle);
    rightLabel->setToolTip(rightTitle);
    titles->addRow(leftName, leftLabel);
    titles->addRow(rightName, rightLabel);
    layout->addLayout(titles);

    auto *bar = new QHBoxLayout;
    auto *modeLabel = new QLabel(this);
    m_modeBox = new QComboBox(this);
    m_modeBox->setObjectName(QStringLiteral("diffMode"));
    for (const PayloadDiffMode mode : kModes)
        m_modeBox->addItem(QString(), int(mode));
    m_modeBox->setEnabled(false); // until the first comparison says what applies
    modeLabel->setBuddy(m_modeBox);
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("diffSummary"));
    m_summary->setTextFormat(Qt::PlainText);
    m_previous = new QPushButton(this);
    m_next = new QPushButton(this);
    // Enter in the table must not step (nor close the dialog through these).
    m_previous->setAutoDefault(false);
    m_next->setAutoDefault(false);
    bar->addWidget(modeLabel);
    bar->addWidget(m_modeBox);
    bar->addSpacing(12);
    bar->addWidget(m_summary, 1);
    bar->addWidget(m_previous);
    bar->addWidget(m_next);
    layout->addLayout(bar);

    m_errors = new QLabel(this);
    m_errors->setObjectName(QStringLiteral("diffErrors"));
    m_errors->setTextFormat(Qt::PlainText);
    m_errors->setWordWrap(true);
    m_errors->hide();
    Theme::setTextRole(m_errors, Theme::Text::Warning);
    layout->addWidget(m_errors);

    m_model = new DiffModel(this);
    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("diffTable"));
    m_view->setModel(m_model);
    m_view->setItemDelegate(new DiffDelegate(m_view));
    m_view->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_view->setWordWrap(false);
    m_view->setShowGrid(false);
    m_view->setCornerButtonEnabled(false);
    m_view->setTabKeyNavigation(false);
    // Every row as high as one line: the view never measures rows (millions in hex).
    QHeaderView *rows = m_view->verticalHeader();
    rows->hide();
    rows->setSectionResizeMode(QHeaderView::Fixed);
    rows->setDefaultSectionSize(QFontMetrics(m_view->font()).height() + 4);
    m_view->horizontalHeader()->setHighlightSections(false);
    layout->addWidget(m_view, 1);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    const QKeySequence nextKeys(Qt::Key_F7);
    const QKeySequence previousKeys(Qt::SHIFT | Qt::Key_F7);
    auto *nextShortcut = new QShortcut(nextKeys, this);
    auto *previousShortcut = new QShortcut(previousKeys, this);
    connect(nextShortcut, &QShortcut::activated, this, &PayloadDiffDialog::nextDifference);
    connect(previousShortcut, &QShortcut::activated, this, &PayloadDiffDialog::previousDifference);
    connect(m_next, &QPushButton::clicked, this, &PayloadDiffDialog::nextDifference);
    connect(m_previous, &QPushButton::clicked, this, &PayloadDiffDialog::previousDifference);
    connect(m_modeBox, &QComboBox::activated, this,
            [this](int index) { setMode(PayloadDiffMode(m_modeBox->itemData(index).toInt())); });

    m_texts.add([=, this] {
        setWindowTitle(tr("Compare payloads"));
        leftName->setText(tr("Left:"));
        rightName->setText(tr("Right:"));
        modeLabel->setText(tr("Compare &as:"));
        for (int i = 0; i < m_modeBox->count(); ++i)
            m_modeBox->setItemText(
                i, PayloadDiff::modeName(PayloadDiffMode(m_modeBox->itemData(i).toInt())));
        m_modeBox->setToolTip(
            tr("Structural compares JSON key by key, Lines compares text line by line, Hex "
               "compares the bytes"));
        m_previous->setText(tr("&Previous difference"));
        m_previous->setToolTip(tr("Go to the previous difference (%1)").arg(keyText(previousKeys)));
        m_next->setText(tr("&Next difference"));
        m_next->setToolTip(tr("Go to the next difference (%1)").arg(keyText(nextKeys)));
        m_view->setAccessibleName(tr("Differences"));
        m_view->setAccessibleDescription(tr("Left and right payloads side by side"));
    });
    setTabOrder(m_modeBox, m_previous);
    setTabOrder(m_previous, m_next);
    setTabOrder(m_next, m_view);
    setTabOrder(m_view, buttons);
    updateTexts();
    start(PayloadDiffMode::Auto);
}

PayloadDiffDialog::~PayloadDiffDialog()
{
    ++m_generation;
    m_worker.wait();
}

PayloadDiffMode PayloadDiffDialog::mode() const
{
    return m_model->mode();
}

void PayloadDiffDialog::setMode(PayloadDiffMode mode)
{
    if (!m_comparing && m_model->hasResult() && mode == m_model->mode())
        return;
    start(mode);
}

void PayloadDiffDialog::changeEvent(QEvent *event)
{
    if (m_texts.handle(event)) {
        m_model->retranslate();
        updateTexts();
    }
    QDialog::changeEvent(event);
}

void PayloadDiffDialog::start(PayloadDiffMode mode)
{
    const quint64 generation = ++m_generation;
    m_comparing = true;
    m_previous->setEnabled(false);
    m_next->setEnabled(false);
    updateTexts();

    const PayloadDiffSide left = m_left;
    const PayloadDiffSide right = m_right;
    // One worker at a time; a superseded one only finishes its (bounded) comparison.
    m_worker.run(
        this, [left, right, mode] { return PayloadDiff::compare(left, right, mode); },
        [this, generation](const PayloadDiffResult &result) { onCompared(generation, result); });
}

void PayloadDiffDialog::onCompared(quint64 generation, PayloadDiffResult result)
{
    if (generation != m_generation)
        return;
    m_comparing = false;
    m_model->setResult(std::move(result));
    updateModeChoices();
    layOutColumns();
    updateTexts();
    const bool any = m_model->result().hasDifferences();
    m_previous->setEnabled(any);
    m_next->setEnabled(any);
    const int first = m_model->nextDifference(-1);
    if (first >= 0)
        goTo(first);
    else if (m_model->rowCount() > 0)
        m_view->setCurrentIndex(m_model->index(0, m_model->leftTextColumn()));
    emit compared();
}

void PayloadDiffDialog::updateModeChoices()
{
    const PayloadDiffResult &result = m_model->result();
    auto *items = qobject_cast<QStandardItemModel *>(m_modeBox->model());
    for (int i = 0; i < m_modeBox->count(); ++i) {
        const auto mode = PayloadDiffMode(m_modeBox->itemData(i).toInt());
        const bool applies = mode == PayloadDiffMode::Hex ||
                             (mode == PayloadDiffMode::Lines && result.linesApplies) ||
                             (mode == PayloadDiffMode::Structural && result.structuralApplies);
        if (items)
            items->item(i)->setEnabled(applies);
        if (mode == result.mode)
            m_modeBox->setCurrentIndex(i);
    }
    m_modeBox->setEnabled(true);
}

void PayloadDiffDialog::updateTexts()
{
    if (m_comparing || !m_model->hasResult()) {
        m_summary->setText(tr("Comparing…"));
        m_errors->hide();
        return;
    }
    const PayloadDiffResult &result = m_model->result();
    m_summary->setText(result.summaryText());
    const QStringList errors = result.errorTexts();
    m_errors->setText(errors.join(u'\n'));
    m_errors->setVisible(!errors.isEmpty());
}

void PayloadDiffDialog::layOutColumns()
{
    QHeaderView *header = m_view->horizontalHeader();
    const QFontMetrics metrics(m_view->font());
    const int digit = metrics.horizontalAdvance(QLatin1Char('0'));
    const int padding = 4 * digit;
    header->setStretchLastSection(false);
    header->setMinimumSectionSize(digit * 4);
    switch (m_model->mode()) {
    case PayloadDiffMode::Structural:
        header->setSectionResizeMode(0, QHeaderView::Interactive);
        header->resizeSection(0, qMax(20 * digit, m_view->viewport()->width() / 3));
        header->setSectionResizeMode(1, QHeaderView::Stretch);
        header->setSectionResizeMode(2, QHeaderView::Stretch);
        break;
    case PayloadDiffMode::Lines: {
        const qsizetype lines =
            qMax(m_model->result().leftLines.size(), m_model->result().rightLines.size());
        const int numberWidth = int(QString::number(lines).size()) * digit + padding;
        for (int column : {0, 2}) {
            header->setSectionResizeMode(column, QHeaderView::Fixed);
            header->resizeSection(column, numberWidth);
        }
        header->setSectionResizeMode(1, QHeaderView::Stretch);
        header->setSectionResizeMode(3, QHeaderView::Stretch);
        break;
    }
    case PayloadDiffMode::Hex:
    case PayloadDiffMode::Auto: {
        // Wide enough for a whole row of hex and ASCII: bytes are placed by column.
        const int perRow = m_model->result().hex.bytesPerRow();
        const int hexWidth = (DiffModel::asciiColumn(perRow, perRow) + 1) * digit + padding;
        header->setSectionResizeMode(0, QHeaderView::Fixed);
        header->resizeSection(0, 10 * digit + padding);
        for (int column : {1, 2}) {
            header->setSectionResizeMode(column, QHeaderView::Fixed);
            header->resizeSection(column, hexWidth);
        }
        header->setStretchLastSection(true);
        break;
    }
    }
}

bool PayloadDiffDialog::nextDifference()
{
    if (m_comparing)
        return false;
    const QModelIndex current = m_view->currentIndex();
    return goTo(m_model->nextDifference(current.isValid() ? current.row() : -1));
}

bool PayloadDiffDialog::previousDifference()
{
    if (m_comparing)
        return false;
    const QModelIndex current = m_view->currentIndex();
    return goTo(
        m_model->previousDifference(current.isValid() ? current.row() : m_model->rowCount()));
}

bool PayloadDiffDialog::goTo(int row)
{
    if (row < 0 || row >= m_model->rowCount())
        return false;
    const QModelIndex index = m_model->index(row, m_model->leftTextColumn());
    m_view->setCurrentIndex(index);
    m_view->scrollTo(index, QAbstractItemView::PositionAtCenter);
    return true;
}

} // namespace mqttdesk
