#include "ui/charts/charts_page.h"

#include "core/series/series_loader.h"
#include "core/storage/message_history.h"
#include "core/workspace/profile_records.h"
#include "ui/charts/chart_panel_frame.h"
#include "ui/charts/charts_view.h"
#include "ui/widgets/icons.h"
#include "ui/widgets/prompts.h"

#include <QApplication>
#include <QEvent>
#include <QHBoxLayout>
#include <QPushButton>
#include <QSplitter>
#include <QToolButton>
#include <QVBoxLayout>

#include <utility>

namespace mqttdesk {

ChartsPage::ChartsPage(std::function<SeriesLoader *()> loader, qint64 profileId,
                       ProfileRecords *records, MessageHistory *history, QWidget *parent)
    : QWidget(parent)
    , m_loader(std::move(loader))
    , m_profileId(profileId)
    , m_records(records)
    , m_history(history)
{
    m_add = new QPushButton(this);
    m_add->setObjectName(QStringLiteral("charts.addPanel"));
    m_add->setIcon(Icons::add());
    m_splitter = new QSplitter(Qt::Vertical, this);
    m_splitter->setChildrenCollapsible(false);
    auto *bar = new QHBoxLayout;
    bar->addWidget(m_add);
    bar->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->addLayout(bar);
    layout->addWidget(m_splitter, 1);

    m_texts.add([this] {
        m_add->setText(tr("Add c&hart"));
        m_add->setToolTip(tr("Add another chart below the others"));
    });
    connect(m_add, &QPushButton::clicked, this, [this] {
        if (ChartsView *view = addPanel())
            view->setFocus();
    });
    connect(qApp, &QApplication::focusChanged, this,
            [this](QWidget *, QWidget *now) { onFocusChanged(now); });
}

ChartsPage::~ChartsPage()
{
    disconnect(qApp, &QApplication::focusChanged, this, nullptr);
}

ChartsView *ChartsPage::chartsView() const
{
    const int current = currentPanel();
    return current < 0 ? nullptr : m_panels.at(current)->view();
}

QList<ChartsView *> ChartsPage::chartsViews() const
{
    QList<ChartsView *> views;
    for (ChartPanelFrame *panel : m_panels)
        views << panel->view();
    return views;
}

int ChartsPage::currentPanel() const
{
    const int current = m_current ? int(m_panels.indexOf(m_current)) : -1;
    return current >= 0 ? current : int(m_panels.size()) - 1;
}

void ChartsPage::setCurrentPanel(int index)
{
    if (index >= 0 && index < m_panels.size())
        setCurrent(m_panels.at(index));
}

void ChartsPage::setCurrent(ChartPanelFrame *frame)
{
    if (m_current == frame)
        return;
    m_current = frame;
    updateChrome();
}

void ChartsPage::showEvent(QShowEvent *event)
{
    ensureView();
    QWidget::showEvent(event);
}

void ChartsPage::changeEvent(QEvent *event)
{
    m_texts.handle(event);
    QWidget::changeEvent(event);
}

void ChartsPage::historyCleared()
{
    for (ChartPanelFrame *panel : m_panels)
        panel->view()->reload();
}

void ChartsPage::setDecodingRules(const DecodingRules &rules)
{
    m_rules = rules;
    for (ChartPanelFrame *panel : std::as_const(m_panels))
        panel->view()->setDecodingRules(rules);
}

bool ChartsPage::ensureView()
{
    if (!m_panels.isEmpty())
        return true;
    if (!m_seriesLoader && m_loader)
        m_seriesLoader = m_loader();
    if (!m_seriesLoader)
        return false; // no history: nothing to chart
    makePanel();
    panelsChanged();
    if (!m_records) {
        m_restored = true;
        return true;
    }
    QPointer<ChartsPage> self(this);
    m_records->loadChartPanels([self](const QList<QJsonObject> &panels, const StorageError &error) {
        if (!self)
            return;
        if (error.isError())
            emit self->errorOccurred(tr("The saved charts cannot be read: %1").arg(error.message));
        self->onRestored(error.isError() ? QList<QJsonObject>() : panels);
    });
    return true;
}

ChartPanelFrame *ChartsPage::makePanel(int at)
{
    if (at < 0 || at > m_panels.size())
        at = int(m_panels.size());
    auto *frame = new ChartPanelFrame(m_seriesLoader, m_profileId, m_splitter);
    m_splitter->insertWidget(at, frame);
    m_panels.insert(at, frame);
    ChartsView *view = frame->view();
    view->setDecodingRules(m_rules);
    connect(view, &ChartsView::errorOccurred, this, &ChartsPage::errorOccurred);
    connect(view, &ChartsView::panelChanged, this, [this, frame] {
        // What the user changed is where the next "Chart this" goes.
        m_current = frame;
        updateChrome();
        save();
    });
    connect(frame, &ChartPanelFrame::activated, this, [this, frame] { setCurrent(frame); });
    connect(frame, &ChartPanelFrame::removeRequested, this,
            [this, frame] { askRemovePanel(int(m_panels.indexOf(frame))); });
    if (m_history)
        connect(m_history, &MessageHistory::rowsAppended, view, &ChartsView::historyAppended);
    return frame;
}

void ChartsPage::onRestored(const QList<QJsonObject> &panels)
{
    m_restoring = true;
    for (int i = 0; i < panels.size(); ++i) {
        // The first panel, made empty on the first show, takes the first saved one.
        ChartPanelFrame *frame =
            i == 0 && m_panels.size() == 1 && m_panels.first()->view()->seriesSpecs().isEmpty()
                ? m_panels.first()
                : makePanel(i);
        frame->restore(panels.at(i));
    }
    m_restoring = false;
    m_restored = true;
    m_current = nullptr; // nothing chosen yet: "Chart this" goes to the last panel
    panelsChanged();
    const QList<ChartSeriesSpec> waiting = std::exchange(m_waiting, {});
    for (const ChartSeriesSpec &spec : waiting)
        chartsView()->addSeries(spec);
    if (std::exchange(m_dirty, false) && waiting.isEmpty())
        save();
    emit restored();
}

ChartsView *ChartsPage::addPanel()
{
    if (!ensureView())
        return nullptr;
    ChartPanelFrame *frame = makePanel();
    m_current = frame;
    panelsChanged();
    save();
    return frame->view();
}

void ChartsPage::removePanel(int index)
{
    if (index < 0 || index >= m_panels.size())
        return;
    ChartPanelFrame *frame = m_panels.takeAt(index);
    if (m_current == frame)
        m_current = nullptr;
    const bool hadFocus = frame->isAncestorOf(QApplication::focusWidget());
    // Asked from the panel's own button: deleted once that button's signal returned.
    frame->hide();
    frame->setParent(nullptr);
    frame->deleteLater();
    if (m_panels.isEmpty())
        makePanel();
    panelsChanged();
    save();
    // Focus stays on the page: the panel that took its place, or Add chart.
    if (hadFocus) {
        const int next = qMin(index, int(m_panels.size()) - 1);
        QToolButton *remove = m_panels.at(next)->removeButton();
        if (remove->isEnabled())
            remove->setFocus();
        else
            m_add->setFocus();
    }
}

void ChartsPage::askRemovePanel(int index)
{
    if (index < 0 || index >= m_panels.size())
        return;
    ChartPanelFrame *frame = m_panels.at(index);
    const qsizetype series = frame->view()->seriesSpecs().size();
    if (series > 0 && !Prompts::confirmDestructive(
                          this, tr("Remove chart"),
                          tr("Remove the chart \"%1\" with its %n series?", nullptr, int(series))
                              .arg(frame->title()),
                          tr("Remove")))
        return;
    removePanel(int(m_panels.indexOf(frame)));
}

void ChartsPage::chartThis(const ChartSeriesSpec &spec)
{
    if (!ensureView())
        return;
    if (!m_restored)
        m_waiting << spec; // added to the saved panels once they are shown
    else
        chartsView()->addSeries(spec);
    emit showRequested();
}

void ChartsPage::panelsChanged()
{
    // Equal shares whenever panels come or go.
    m_splitter->setSizes(QList<int>(m_panels.size(), 100));
    updateChrome();
}

void ChartsPage::updateChrome()
{
    const int current = currentPanel();
    for (int i = 0; i < m_panels.size(); ++i) {
        ChartPanelFrame *panel = m_panels.at(i);
        panel->setNumber(i + 1);
        // Marked only when there is a choice.
        panel->setCurrent(m_panels.size() > 1 && i == current);
        // The only panel, empty: removing it would change nothing.
        panel->removeButton()->setEnabled(m_panels.size() > 1 ||
                                          !panel->view()->seriesSpecs().isEmpty());
    }
}

void ChartsPage::onFocusChanged(QWidget *now)
{
    if (!now || !isAncestorOf(now))
        return;
    for (ChartPanelFrame *panel : std::as_const(m_panels)) {
        if (panel->isAncestorOf(now)) {
            setCurrent(panel);
            return;
        }
    }
}

void ChartsPage::save()
{
    if (m_restoring || !m_records)
        return;
    if (!m_restored) {
        m_dirty = true; // never over what is saved before it was shown
        return;
    }
    QList<QJsonObject> bodies;
    for (ChartPanelFrame *panel : std::as_const(m_panels))
        bodies << panel->view()->toJson();
    QPointer<ChartsPage> self(this);
    m_records->saveChartPanels(bodies, [self](const StorageError &error) {
        if (!self)
            return;
        if (error.isError())
            emit self->errorOccurred(tr("The chart cannot be saved: %1").arg(error.message));
        emit self->saved();
    });
}

} // namespace mqttdesk
