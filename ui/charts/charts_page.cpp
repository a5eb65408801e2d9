#include "ui/charts/charts_page.h"

#include "core/series/series_loader.h"
#include "core/storage/message_history.h"
#include "core/workspace/profile_records.h"
#include "ui/charts/charts_view.h"

#include <QVBoxLayout>

namespace mqttdesk {

ChartsPage::ChartsPage(std::function<SeriesLoader *()> loader, qint64 profileId,
                       ProfileRecords *records, MessageHistory *history, QWidget *parent)
    : QWidget(parent)
    , m_loader(std::move(loader))
    , m_profileId(profileId)
    , m_records(records)
    , m_history(history)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
}

void ChartsPage::showEvent(QShowEvent *event)
{
    ensureView();
    QWidget::showEvent(event);
}

void ChartsPage::historyCleared()
{
    if (m_view)
        m_view->reload();
}

void ChartsPage::ensureView()
{
    if (m_view)
        return;
    SeriesLoader *loader = m_loader ? m_loader() : nullptr;
    if (!loader)
        return; // no history: nothing to chart
    m_view = new ChartsView(loader, m_profileId, this);
    layout()->addWidget(m_view);
    connect(m_view, &ChartsView::errorOccurred, this, &ChartsPage::errorOccurred);
    connect(m_view, &ChartsView::panelChanged, this, &ChartsPage::save);
    if (m_history)
        connect(m_history, &MessageHistory::rowsAppended, m_view, &ChartsView::historyAppended);
    if (!m_records)
        return;
    QPointer<ChartsPage> self(this);
    m_records->loadChartPanels([self](const QList<QJsonObject> &panels, const StorageError &error) {
        if (!self || !self->m_view)
            return;
        if (error.isError()) {
            emit self->errorOccurred(tr("The saved charts cannot be read: %1").arg(error.message));
            return;
        }
        if (panels.isEmpty())
            return;
        // Restoring is not a change to save again.
        self->m_restoring = true;
        self->m_view->restore(panels.first());
        self->m_restoring = false;
    });
}

void ChartsPage::save()
{
    if (m_restoring || !m_view || !m_records)
        return;
    QPointer<ChartsPage> self(this);
    m_records->saveChartPanels({m_view->toJson()}, [self](const StorageError &error) {
        if (self && error.isError())
            emit self->errorOccurred(tr("The chart cannot be saved: %1").arg(error.message));
    });
}

} // namespace mqttdesk
