#include "ui/charts/chart_legend.h"

#include "ui/charts/chart_plot.h"

#include <QCheckBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QPainter>
#include <QPixmap>
#include <QScrollBar>

#include <utility>

namespace mqttdesk {

namespace {

QIcon swatch(const QColor &colour, const QPalette &palette, int size)
{
    QPixmap pixmap(size, size);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    p.fillRect(QRect(0, size / 2 - 2, size, 4), ChartPlot::drawnColour(colour, palette));
    return QIcon(pixmap);
}

} // namespace

ChartLegend::ChartLegend(QWidget *parent)
    : QScrollArea(parent)
    , m_strip(new QWidget(this))
    , m_layout(new QHBoxLayout(m_strip))
{
    setObjectName(QStringLiteral("chartLegend"));
    setFrameShape(QFrame::NoFrame);
    setWidgetResizable(true);
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    setFocusPolicy(Qt::NoFocus); // the entries take focus, not the strip
    m_layout->setContentsMargins(0, 0, 0, 0);
    m_layout->addStretch(1);
    setWidget(m_strip);
    // The strip sits in the viewport, outside any layout of ours: its layout requests stop
    // there, so the legend asks its own layout for room when the strip's size changes
    // (else, shown inside another layout, it kept the height of an empty strip).
    m_strip->installEventFilter(this);
}

bool ChartLegend::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_strip && event->type() == QEvent::LayoutRequest)
        updateGeometry();
    return QScrollArea::eventFilter(watched, event);
}

void ChartLegend::setEntries(const QList<Entry> &entries)
{
    const QList<Entry> before = std::exchange(m_entries, entries);
    while (m_boxes.size() > entries.size())
        delete m_boxes.takeLast();
    while (m_boxes.size() < entries.size()) {
        auto *box = new QCheckBox(m_strip);
        const int index = int(m_boxes.size());
        connect(box, &QCheckBox::toggled, this, [this, index](bool on) {
            if (index < m_entries.size())
                m_entries[index].visible = on;
            emit visibilityToggled(index, on);
        });
        m_layout->insertWidget(index, box);
        m_boxes.append(box);
    }
    for (int i = 0; i < m_boxes.size(); ++i) {
        // Redrawn on every zoom: only what changed is set again.
        if (i >= before.size() || !(before.at(i) == entries.at(i)))
            applyEntry(i);
    }
    updateGeometry();
}

void ChartLegend::applyEntry(int index)
{
    QCheckBox *box = m_boxes.at(index);
    const Entry &entry = m_entries.at(index);
    const QSignalBlocker blocker(box);
    box->setText(entry.name);
    box->setChecked(entry.visible);
    box->setIcon(swatch(entry.colour, palette(), box->fontMetrics().height()));
    box->setAccessibleName(entry.name);
    box->setToolTip(entry.detail.isEmpty() ? tr("Show or hide this line")
                                           : tr("%1\nShow or hide this line").arg(entry.detail));
}

QSize ChartLegend::sizeHint() const
{
    const int bar = horizontalScrollBar()->sizeHint().height();
    return QSize(m_strip->sizeHint().width(), m_strip->sizeHint().height() + bar);
}

QSize ChartLegend::minimumSizeHint() const
{
    return QSize(0, sizeHint().height());
}

void ChartLegend::changeEvent(QEvent *event)
{
    QScrollArea::changeEvent(event);
    if (event->type() == QEvent::LanguageChange || event->type() == QEvent::PaletteChange) {
        for (int i = 0; i < m_boxes.size(); ++i)
            applyEntry(i);
    }
}

} // namespace mqttdesk
