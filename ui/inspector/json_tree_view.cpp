#include "ui/inspector/json_tree_view.h"

#include "ui/charts/chart_this.h"
#include "ui/theme/theme.h"

#include <QApplication>
#include <QClipboard>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QShortcut>
#include <QTimer>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

namespace mqttdesk {

JsonTreeView::JsonTreeView(QWidget *parent)
    : QWidget(parent)
    , m_model(new JsonTreeModel(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *bar = new QHBoxLayout;
    auto *searchLabel = new QLabel(this);
    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("jsonSearch"));
    m_search->setClearButtonEnabled(true);
    searchLabel->setBuddy(m_search);
    m_previous = new QToolButton(this);
    m_next = new QToolButton(this);
    m_hitLabel = new QLabel(this);
    Theme::setTextRole(m_hitLabel, Theme::Text::Muted);
    m_copyValue = new QToolButton(this);
    m_copyPath = new QToolButton(this);
    // Narrow: the inspector must fit beside other windows (and its hex dump at 8 bytes a line).
    m_search->setMinimumWidth(80);
    m_previous->setArrowType(Qt::UpArrow);
    m_next->setArrowType(Qt::DownArrow);
    bar->addWidget(searchLabel);
    bar->addWidget(m_search, 1);
    bar->addWidget(m_previous);
    bar->addWidget(m_next);
    bar->addWidget(m_hitLabel);
    layout->addLayout(bar);

    m_error = new QLabel(this);
    m_error->setWordWrap(true);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    Theme::setTextRole(m_error, Theme::Text::Error);
    m_error->hide();
    layout->addWidget(m_error);

    m_tree = new QTreeView(this);
    m_tree->setObjectName(QStringLiteral("jsonTree"));
    m_tree->setModel(m_model);
    m_tree->setUniformRowHeights(true);
    m_tree->setAlternatingRowColors(true);
    m_tree->setContextMenuPolicy(Qt::CustomContextMenu);
    m_tree->header()->setStretchLastSection(true);
    m_tree->setColumnWidth(JsonTreeModel::KeyColumn, 220);
    m_tree->setColumnWidth(JsonTreeModel::TypeColumn, 80);
    layout->addWidget(m_tree, 1);
    auto *copyBar = new QHBoxLayout;
    copyBar->addStretch();
    copyBar->addWidget(m_copyValue);
    copyBar->addWidget(m_copyPath);
    layout->addLayout(copyBar);

    m_texts.add([=, this] {
        searchLabel->setText(tr("&Find:"));
        m_search->setPlaceholderText(tr("Keys and values"));
        m_previous->setText(tr("Previous"));
        m_previous->setToolTip(tr("Previous match (Shift+F3)"));
        m_previous->setAccessibleName(tr("Previous match"));
        m_next->setText(tr("Next"));
        m_next->setToolTip(tr("Next match (F3 or Enter)"));
        m_next->setAccessibleName(tr("Next match"));
        m_copyValue->setText(tr("Copy &value"));
        m_copyValue->setToolTip(tr("Copy the selected value (Ctrl+C): a string as its text, "
                                   "anything else as JSON"));
        m_copyPath->setText(tr("Copy &path"));
        m_copyPath->setToolTip(tr("Copy the selected value's path, e.g. $.sensors[1].value "
                                  "(Ctrl+Shift+C)"));
        m_tree->setAccessibleName(tr("JSON tree"));
        updateHitLabel();
    });

    connect(m_copyValue, &QToolButton::clicked, this, &JsonTreeView::copyValue);
    connect(m_copyPath, &QToolButton::clicked, this, &JsonTreeView::copyPath);
    connect(m_next, &QToolButton::clicked, this, &JsonTreeView::findNext);
    connect(m_previous, &QToolButton::clicked, this, &JsonTreeView::findPrevious);
    connect(m_search, &QLineEdit::returnPressed, this, &JsonTreeView::findNext);
    // Typing searches once it pauses, not on every key.
    auto *searchDelay = new QTimer(this);
    searchDelay->setSingleShot(true);
    searchDelay->setInterval(150);
    connect(m_search, &QLineEdit::textChanged, searchDelay, qOverload<>(&QTimer::start));
    connect(searchDelay, &QTimer::timeout, this, &JsonTreeView::startSearch);
    connect(m_tree, &QWidget::customContextMenuRequested, this, &JsonTreeView::showContextMenu);

    auto shortcut = [this](const QKeySequence &keys, auto slot) {
        auto *s = new QShortcut(keys, this, this, slot);
        s->setContext(Qt::WidgetWithChildrenShortcut);
    };
    shortcut(QKeySequence::FindNext, &JsonTreeView::findNext);
    shortcut(QKeySequence::FindPrevious, &JsonTreeView::findPrevious);
    shortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C), &JsonTreeView::copyPath);
    shortcut(QKeySequence::Find, [this] {
        m_search->setFocus();
        m_search->selectAll();
    });
    auto *copy = new QShortcut(QKeySequence::Copy, m_tree, this, &JsonTreeView::copyValue);
    copy->setContext(Qt::WidgetShortcut);

    setTabOrder(m_search, m_previous);
    setTabOrder(m_previous, m_next);
    setTabOrder(m_next, m_copyValue);
    setTabOrder(m_copyValue, m_copyPath);
    setTabOrder(m_copyPath, m_tree);
    updateHitLabel();
}

JsonTreeView::~JsonTreeView()
{
    ++m_parseGeneration;
    ++m_searchGeneration;
    m_parser.wait();
    m_searcher.wait();
}

void JsonTreeView::changeEvent(QEvent *event)
{
    m_texts.handle(event);
    QWidget::changeEvent(event);
}

void JsonTreeView::setJson(const QByteArray &json)
{
    const quint64 generation = ++m_parseGeneration;
    ++m_searchGeneration;
    m_loaded = false;
    m_hits.clear();
    m_currentHit = -1;
    m_model->setDocument({});
    updateHitLabel();
    m_parser.run(
        this, [json] { return std::make_shared<const JsonIndex>(JsonIndex::parse(json)); },
        [this, generation](const JsonTreeModel::Document &document) {
            if (generation != m_parseGeneration)
                return;
            m_parseError = document->error();
            m_error->setText(m_parseError);
            m_error->setVisible(!m_parseError.isEmpty());
            m_model->setDocument(document);
            // The first level open: what a reading's fields are is seen at once.
            if (m_model->rowCount() <= 1000)
                m_tree->expandToDepth(0);
            m_loaded = true;
            emit loaded(document->isValid());
            if (!m_search->text().isEmpty())
                startSearch();
        });
}

void JsonTreeView::startSearch()
{
    const quint64 generation = ++m_searchGeneration;
    const QString text = m_search->text();
    if (text.isEmpty() || !m_loaded) {
        m_hits.clear();
        m_currentHit = -1;
        updateHitLabel();
        emit searched();
        return;
    }
    const JsonTreeModel::Document document = m_model->document();
    if (!document)
        return;
    m_searcher.run(
        this, [document, text] { return JsonTreeModel::findNodes(*document, text, kMaxHits + 1); },
        [this, generation](const QList<quint32> &hits) {
            if (generation != m_searchGeneration)
                return;
            m_hitsCut = hits.size() > kMaxHits;
            m_hits = hits.first(qMin<qsizetype>(hits.size(), kMaxHits));
            m_currentHit = -1;
            if (!m_hits.isEmpty())
                goToHit(0);
            updateHitLabel();
            emit searched();
        });
}

void JsonTreeView::goToHit(int hit)
{
    if (m_hits.isEmpty())
        return;
    m_currentHit = (hit + int(m_hits.size())) % int(m_hits.size());
    const QModelIndex index = m_model->indexOfNode(m_hits.at(m_currentHit));
    if (index.isValid()) {
        m_tree->scrollTo(index, QAbstractItemView::PositionAtCenter); // expands its parents
        m_tree->setCurrentIndex(index);
    }
    updateHitLabel();
}

void JsonTreeView::findNext()
{
    goToHit(m_currentHit + 1);
}

void JsonTreeView::findPrevious()
{
    goToHit(m_currentHit < 0 ? -1 : m_currentHit - 1);
}

void JsonTreeView::updateHitLabel()
{
    const bool any = !m_hits.isEmpty();
    m_previous->setEnabled(any);
    m_next->setEnabled(any);
    if (m_search->text().isEmpty())
        m_hitLabel->clear();
    else if (!any)
        m_hitLabel->setText(tr("No match"));
    else if (m_hitsCut)
        m_hitLabel->setText(tr("%1 of more than %2").arg(m_currentHit + 1).arg(kMaxHits));
    else
        m_hitLabel->setText(tr("%1 of %2").arg(m_currentHit + 1).arg(m_hits.size()));
}

void JsonTreeView::copyValue()
{
    const QModelIndex index = m_tree->currentIndex();
    if (index.isValid())
        QApplication::clipboard()->setText(m_model->copyText(index));
}

void JsonTreeView::copyPath()
{
    const QModelIndex index = m_tree->currentIndex();
    if (index.isValid())
        QApplication::clipboard()->setText(m_model->path(index));
}

bool JsonTreeView::canChart(const QModelIndex &index) const
{
    if (!index.isValid())
        return false;
    switch (JsonIndex::Type(index.data(JsonTreeModel::KindRole).toInt())) {
    case JsonIndex::Type::Number:
    case JsonIndex::Type::True:
    case JsonIndex::Type::False:
        return true;
    case JsonIndex::Type::String:
        return ChartThis::isNumber(m_model->copyText(index).toUtf8());
    default:
        return false;
    }
}

QMenu *JsonTreeView::contextMenuFor(const QModelIndex &index)
{
    auto *menu = new QMenu(this);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    if (!index.isValid())
        return menu;
    m_tree->setCurrentIndex(index);
    // The document may change while the menu is open.
    const QPersistentModelIndex row(index.siblingAtColumn(0));
    menu->addAction(m_copyValue->text(), this, &JsonTreeView::copyValue);
    menu->addAction(m_copyPath->text(), this, &JsonTreeView::copyPath);
    menu->addAction(tr("Copy &key"), this, [row] {
        if (row.isValid())
            QApplication::clipboard()->setText(row.data().toString());
    });
    if (m_chartable && canChart(row)) {
        menu->addSeparator();
        QAction *chart = menu->addAction(tr("C&hart this"), this, [this, row] {
            if (row.isValid())
                emit chartRequested(m_model->path(row));
        });
        chart->setObjectName(QStringLiteral("chartThis"));
    }
    if (m_model->hasChildren(row)) {
        menu->addSeparator();
        menu->addAction(tr("&Expand all below"), this, [this, row] {
            if (row.isValid())
                m_tree->expandRecursively(row, 3);
        });
        menu->addAction(tr("&Collapse"), this, [this, row] {
            if (row.isValid())
                m_tree->collapse(row);
        });
    }
    return menu;
}

void JsonTreeView::showContextMenu(const QPoint &pos)
{
    const QModelIndex index = m_tree->indexAt(pos);
    if (!index.isValid())
        return;
    contextMenuFor(index)->popup(m_tree->viewport()->mapToGlobal(pos));
}

} // namespace mqttdesk
