#include "ui/charts/chart_panel_frame.h"

#include "ui/charts/chart_legend.h"
#include "ui/charts/charts_view.h"
#include "ui/widgets/icons.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QMouseEvent>
#include <QToolButton>
#include <QVBoxLayout>

namespace mqttdesk {

ChartPanelFrame::ChartPanelFrame(SeriesLoader *loader, qint64 profileId, QWidget *parent)
    : QFrame(parent)
{
    setFrameShape(QFrame::StyledPanel);
    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("charts.panelTitle"));
    m_title->setTextFormat(Qt::PlainText);
    m_title->setMinimumWidth(40);
    m_remove = new QToolButton(this);
    m_remove->setObjectName(QStringLiteral("charts.removePanel"));
    m_remove->setIcon(Icons::remove());
    m_remove->setAutoRaise(true);
    m_remove->setFocusPolicy(Qt::StrongFocus);
    m_view = new ChartsView(loader, profileId, this);

    auto *header = new QHBoxLayout;
    header->setContentsMargins(8, 4, 4, 0);
    header->addWidget(m_title, 1);
    header->addWidget(m_remove);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(1, 1, 1, 1);
    layout->setSpacing(0);
    layout->addLayout(header);
    layout->addWidget(m_view, 1);
    // Its header first, then the chart's toolbar.
    setTabOrder(m_remove, m_view);

    m_texts.add([this] {
        m_remove->setToolTip(tr("Remove this chart"));
        updateTitle();
    });
    connect(m_remove, &QToolButton::clicked, this, &ChartPanelFrame::removeRequested);
    connect(m_view, &ChartsView::panelChanged, this, &ChartPanelFrame::updateTitle);
}

void ChartPanelFrame::setNumber(int number)
{
    m_number = number;
    updateTitle();
}

void ChartPanelFrame::setCurrent(bool current)
{
    if (m_current == current)
        return;
    m_current = current;
    QFont font = m_title->font();
    font.setBold(current);
    m_title->setFont(font);
    updateTitle();
}

QString ChartPanelFrame::title() const
{
    QStringList names;
    for (const ChartSeriesSpec &spec : m_view->seriesSpecs())
        names << spec.displayName();
    if (names.isEmpty())
        return tr("Chart %1").arg(m_number);
    return names.join(tr(", ", "between the series' names in a chart's title"));
}

void ChartPanelFrame::restore(const QJsonObject &json)
{
    m_view->restore(json);
    updateTitle();
}

void ChartPanelFrame::updateTitle()
{
    const QString title = this->title();
    // Many series make a long title: it is cut to the header, whole in the tooltip.
    const QString shown =
        m_title->fontMetrics().elidedText(title, Qt::ElideRight, qMax(40, m_title->width()));
    m_title->setText(shown);
    m_title->setToolTip(shown == title ? QString() : title);
    m_remove->setAccessibleName(tr("Remove chart: %1").arg(title));
    setAccessibleName(title);
}

void ChartPanelFrame::changeEvent(QEvent *event)
{
    m_texts.handle(event);
    if (event->type() == QEvent::FontChange)
        updateTitle();
    QFrame::changeEvent(event);
}

void ChartPanelFrame::resizeEvent(QResizeEvent *event)
{
    QFrame::resizeEvent(event);
    updateTitle();
}

void ChartPanelFrame::mousePressEvent(QMouseEvent *event)
{
    emit activated();
    QFrame::mousePressEvent(event);
}

} // namespace mqttdesk
