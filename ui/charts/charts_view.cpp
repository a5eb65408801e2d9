#include "ui/charts/charts_view.h"

#include "ui/charts/chart_legend.h"
#include "ui/charts/series_slice.h"
#include "ui/stream/time_range_dialog.h"
#include "ui/theme/theme.h"
#include "ui/widgets/prompts.h"

#include <QComboBox>
#include <QDateTime>
#include <QEvent>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QPushButton>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <array>
#include <climits>

namespace mqttdesk {

namespace {

constexpr int kTickMs = 1000;

// The range combo's items, in Range order.
constexpr std::array<const char *, 6> kRangeTexts{
    QT_TRANSLATE_NOOP("mqttdesk::ChartsView", "Last minute"),
    QT_TRANSLATE_NOOP("mqttdesk::ChartsView", "Last 15 minutes"),
    QT_TRANSLATE_NOOP("mqttdesk::ChartsView", "Last hour"),
    QT_TRANSLATE_NOOP("mqttdesk::ChartsView", "Last 24 hours"),
    QT_TRANSLATE_NOOP("mqttdesk::ChartsView", "All"),
    QT_TRANSLATE_NOOP("mqttdesk::ChartsView", "Custom…"),
};

} // namespace

ChartsView::ChartsView(SeriesLoader *loader, qint64 profileId, QWidget *parent)
    : QWidget(parent)
    , m_answers(new ChartAnswers(loader, profileId, this))
    , m_plot(new ChartPlot(this))
    , m_legend(new ChartLegend(this))
    , m_status(new QLabel(this))
    , m_liveTimer(new QTimer(this))
    , m_tick(new QTimer(this))
{
    setObjectName(QStringLiteral("chartsView"));
    m_plot->setObjectName(QStringLiteral("chartPlot"));
    m_status->setObjectName(QStringLiteral("chartStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    Theme::setTextRole(m_status, Theme::Text::Muted);
    m_window.setAnchor(now());
    buildToolbar();

    m_liveTimer->setSingleShot(true);
    m_liveTimer->setInterval(kLiveIntervalMs);
    connect(m_liveTimer, &QTimer::timeout, this, &ChartsView::refreshLive);
    m_tick->setInterval(kTickMs);
    connect(m_tick, &QTimer::timeout, this, &ChartsView::slide);

    connect(m_answers, &ChartAnswers::answered, this, [this](bool newer) {
        if (newer)
            dropExpired();
        answered();
    });
    connect(m_plot, &ChartPlot::visibleRangeChanged, this, [this] { redraw(); });
    connect(m_legend, &ChartLegend::visibilityToggled, this, [this](int index, bool visible) {
        if (index >= m_sources.size())
            return;
        const QString &key = m_sources.at(index).key;
        if (visible)
            m_hidden.remove(key);
        else
            m_hidden.insert(key);
        m_plot->setLineVisible(index, visible);
        updateStatus();
    });
    setFollowLive(true);
    fetch();
}

ChartsView::~ChartsView() = default;

void ChartsView::buildToolbar()
{
    m_add = new QPushButton(this);
    m_add->setObjectName(QStringLiteral("charts.add"));
    m_edit = new QToolButton(this);
    m_edit->setObjectName(QStringLiteral("charts.edit"));
    m_remove = new QToolButton(this);
    m_remove->setObjectName(QStringLiteral("charts.remove"));
    m_editMenu = new QMenu(m_edit);
    m_removeMenu = new QMenu(m_remove);
    for (QToolButton *button : {m_edit, m_remove}) {
        button->setPopupMode(QToolButton::InstantPopup);
        button->setToolButtonStyle(Qt::ToolButtonTextOnly);
        button->setFocusPolicy(Qt::StrongFocus);
    }
    m_edit->setMenu(m_editMenu);
    m_remove->setMenu(m_removeMenu);
    m_rangeLabel = new QLabel(this);
    m_rangeCombo = new QComboBox(this);
    m_rangeCombo->setObjectName(QStringLiteral("charts.range"));
    m_rangeLabel->setBuddy(m_rangeCombo);
    for (size_t i = 0; i < kRangeTexts.size(); ++i)
        m_rangeCombo->addItem(QString(), int(i));
    m_rangeCombo->setCurrentIndex(int(m_window.range()));
    m_follow = new QToolButton(this);
    m_follow->setObjectName(QStringLiteral("charts.follow"));
    m_follow->setCheckable(true);
    m_follow->setFocusPolicy(Qt::StrongFocus);
    m_exportCsv = new QPushButton(this);
    m_exportCsv->setObjectName(QStringLiteral("charts.exportCsv"));
    m_exportPng = new QPushButton(this);
    m_exportPng->setObjectName(QStringLiteral("charts.exportPng"));

    auto *toolbar = new QHBoxLayout;
    toolbar->addWidget(m_add);
    toolbar->addWidget(m_edit);
    toolbar->addWidget(m_remove);
    toolbar->addSpacing(12);
    toolbar->addWidget(m_rangeLabel);
    toolbar->addWidget(m_rangeCombo);
    toolbar->addWidget(m_follow);
    toolbar->addStretch(1);
    toolbar->addWidget(m_exportCsv);
    toolbar->addWidget(m_exportPng);

    // The plot and its legend: what Export PNG pictures.
    m_chartArea = new QWidget(this);
    m_chartArea->setAutoFillBackground(true);
    auto *chart = new QVBoxLayout(m_chartArea);
    chart->setContentsMargins(0, 0, 0, 0);
    m_plot->setParent(m_chartArea);
    m_legend->setParent(m_chartArea);
    chart->addWidget(m_plot, 1);
    chart->addWidget(m_legend);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(toolbar);
    layout->addWidget(m_chartArea, 1);
    layout->addWidget(m_status);
    setTabOrder(m_add, m_edit);
    setTabOrder(m_edit, m_remove);
    setTabOrder(m_remove, m_rangeCombo);
    setTabOrder(m_rangeCombo, m_follow);
    setTabOrder(m_follow, m_exportCsv);
    setTabOrder(m_exportCsv, m_exportPng);
    setTabOrder(m_exportPng, m_plot);

    m_texts.add([this] {
        m_add->setText(tr("&Add series…"));
        m_add->setToolTip(tr("Chart the values of a topic filter: a number, a JSON path, an "
                             "array element or a decoded field"));
        m_edit->setText(tr("&Edit"));
        m_edit->setToolTip(tr("Change a series"));
        m_edit->setAccessibleName(tr("Edit a series"));
        m_remove->setText(tr("&Remove"));
        m_remove->setToolTip(tr("Remove a series from the chart"));
        m_remove->setAccessibleName(tr("Remove a series"));
        m_rangeLabel->setText(tr("R&ange:"));
        for (int i = 0; i < m_rangeCombo->count(); ++i)
            m_rangeCombo->setItemText(i, tr(kRangeTexts.at(size_t(i))));
        m_rangeCombo->setToolTip(tr("The time the chart covers"));
        m_follow->setText(tr("&Follow live"));
        m_follow->setToolTip(
            tr("Draw new messages as they are stored; a \"Last\" range slides with the clock"));
        m_exportCsv->setText(tr("Export &CSV…"));
        m_exportCsv->setToolTip(tr("Save the raw values in view (time, series, value)"));
        m_exportPng->setText(tr("Export &PNG…"));
        m_exportPng->setToolTip(tr("Save a picture of the chart"));
        m_legend->setAccessibleName(tr("Legend: tick a line to show it"));
        m_status->setAccessibleName(tr("Chart status"));
    });
    rebuildMenus();

    connect(m_add, &QPushButton::clicked, this, &ChartsView::askAddSeries);
    connect(m_rangeCombo, &QComboBox::activated, this, &ChartsView::onRangeChosen);
    connect(m_follow, &QToolButton::toggled, this, &ChartsView::setFollowLive);
    connect(m_exportCsv, &QPushButton::clicked, this, &ChartsView::askExportCsv);
    connect(m_exportPng, &QPushButton::clicked, this, &ChartsView::askExportPng);
}

void ChartsView::rebuildMenus()
{
    m_editMenu->clear();
    m_removeMenu->clear();
    for (int i = 0; i < m_specs.size(); ++i) {
        const QString name = m_specs.at(i).displayName();
        m_editMenu->addAction(name, this, [this, i] { askEditSeries(i); });
        m_removeMenu->addAction(name, this, [this, i] { removeSeries(i); });
    }
    updateActions();
}

void ChartsView::updateActions()
{
    const bool any = !m_specs.isEmpty();
    m_edit->setEnabled(any);
    m_remove->setEnabled(any);
    m_exportCsv->setEnabled(any);
    m_exportPng->setEnabled(any);
}

qint64 ChartsView::now() const
{
    return m_clock ? m_clock() : QDateTime::currentMSecsSinceEpoch() * 1000;
}

void ChartsView::setClock(std::function<qint64()> nowUs)
{
    m_clock = std::move(nowUs);
    m_window.setAnchor(now());
}

// ---- Series ---------------------------------------------------------------------------

void ChartsView::addSeries(const ChartSeriesSpec &spec)
{
    m_specs.append(spec);
    m_specIds.append(m_nextSpecId++);
    m_answers->append();
    rebuildMenus();
    changed();
    fetch();
}

void ChartsView::editSeries(int index, const ChartSeriesSpec &spec)
{
    if (index < 0 || index >= m_specs.size() || m_specs.at(index) == spec)
        return;
    const bool sameLines = m_specs.at(index).topicFilter == spec.topicFilter &&
                           m_specs.at(index).perTopic == spec.perTopic;
    m_specs[index] = spec;
    if (!sameLines)
        m_specIds[index] = m_nextSpecId++; // other lines: other colours
    m_answers->forget(index);
    rebuildMenus();
    changed();
    fetch();
}

void ChartsView::removeSeries(int index)
{
    if (index < 0 || index >= m_specs.size())
        return;
    m_specs.removeAt(index);
    m_specIds.removeAt(index);
    m_answers->removeAt(index);
    rebuildMenus();
    changed();
    fetch();
}

void ChartsView::askAddSeries()
{
    ChartSeriesDialog dialog(this);
    if (dialog.exec() == QDialog::Accepted)
        addSeries(dialog.spec());
}

void ChartsView::askEditSeries(int index)
{
    if (index < 0 || index >= m_specs.size())
        return;
    ChartSeriesDialog dialog(this);
    dialog.setSpec(m_specs.at(index));
    if (dialog.exec() == QDialog::Accepted)
        editSeries(index, dialog.spec());
}

void ChartsView::changed()
{
    if (!m_restoring)
        emit panelChanged();
}

// ---- Range and live ---------------------------------------------------------------------

void ChartsView::setRange(Range range)
{
    if (range != Range::Custom)
        m_previousRange = range;
    m_rangeCombo->setCurrentIndex(int(range));
    if (range == m_window.range() && range != Range::Custom)
        return;
    m_window.setRange(range);
    m_window.setAnchor(now());
    m_resetZoom = true;
    updateTick();
    changed();
    fetch();
}

void ChartsView::setCustomRange(std::optional<qint64> fromUs, std::optional<qint64> toUs)
{
    m_window.setCustomBounds(fromUs, toUs);
    setRange(Range::Custom); // fetches even when it was custom already
}

void ChartsView::onRangeChosen(int index)
{
    const auto range = Range(m_rangeCombo->itemData(index).toInt());
    if (range == Range::Custom)
        chooseCustomRange();
    else
        setRange(range);
}

void ChartsView::chooseCustomRange()
{
    auto toDateTime = [](const std::optional<qint64> &us) -> std::optional<QDateTime> {
        if (!us)
            return std::nullopt;
        return QDateTime::fromMSecsSinceEpoch(*us / 1000);
    };
    std::optional<qint64> from = m_window.customFrom();
    std::optional<qint64> to = m_window.customTo();
    if (m_window.range() != Range::Custom) { // start from what is shown
        from = m_plot->visibleFrom();
        to = m_plot->visibleTo();
    }
    TimeRangeDialog dialog(toDateTime(from), toDateTime(to), this);
    if (dialog.exec() != QDialog::Accepted) {
        m_rangeCombo->setCurrentIndex(int(m_window.range()));
        return;
    }
    auto toUs = [](const std::optional<QDateTime> &t) -> std::optional<qint64> {
        if (!t)
            return std::nullopt;
        return t->toMSecsSinceEpoch() * 1000;
    };
    setCustomRange(toUs(dialog.from()), toUs(dialog.to()));
}

void ChartsView::setFollowLive(bool live)
{
    const bool was = m_live;
    m_live = live;
    {
        const QSignalBlocker blocker(m_follow);
        m_follow->setChecked(live);
    }
    updateTick();
    if (live == was)
        return;
    changed();
    if (live) {
        m_window.setAnchor(now());
        fetch();
    }
}

void ChartsView::updateTick()
{
    if (m_live && m_window.lastSeconds() > 0) {
        if (!m_tick->isActive())
            m_tick->start();
    } else {
        m_tick->stop();
    }
}

void ChartsView::historyAppended()
{
    if (!m_live || m_specs.isEmpty())
        return;
    if (!m_liveTimer->isActive())
        m_liveTimer->start();
}

void ChartsView::reload()
{
    // After a history clear the zoomed part is gone: the next drawing shows the whole range.
    m_resetZoom = true;
    fetch();
}

// A Last N range following live moves with the clock; the answers already cover it (newer
// rows come through historyAppended), so only the drawing changes.
void ChartsView::slide()
{
    if (!m_live || m_window.lastSeconds() == 0)
        return;
    m_window.setAnchor(now());
    applyFullRange();
    redraw();
}

void ChartsView::setDecodingRules(const DecodingRules &rules)
{
    if (m_answers->setDecodingRules(rules) &&
        std::any_of(m_specs.cbegin(), m_specs.cend(), ChartAnswers::usesRules))
        fetch();
}

// ---- Reading and drawing ----------------------------------------------------------------

void ChartsView::fetch()
{
    m_refetch = false;
    if (m_live && m_window.lastSeconds() > 0)
        m_window.setAnchor(now());
    const auto [from, to] = m_window.readRange(m_live);
    m_answers->read(m_specs, from, to);
    if (m_specs.isEmpty()) {
        applyFullRange();
        redraw();
        emit loaded();
    }
}

// Following live, only the rows stored since each answer are read and added to it (see
// ChartAnswers), unless a whole read is needed.
void ChartsView::refreshLive()
{
    if (m_answers->isReading()) {
        m_refetch = true;
        return;
    }
    if (!m_answers->canReadNewer() || !m_live) {
        fetch();
        return;
    }
    m_refetch = false;
    if (m_window.lastSeconds() > 0)
        m_window.setAnchor(now());
    const auto [from, to] = m_window.readRange(m_live);
    m_answers->readNewer(m_specs, from, to);
}

// A Last N range following live: values that slid out of the window are forgotten once
// they are a good part of what is held, so the memory stays flat however long it runs.
void ChartsView::dropExpired()
{
    if (m_live && m_window.lastSeconds() > 0)
        m_answers->dropBefore(m_window.windowStart());
}

void ChartsView::answered()
{
    const QString error = m_answers->error();
    if (!error.isEmpty() && error != m_lastError)
        emit errorOccurred(error);
    m_lastError = error;
    applyFullRange();
    redraw();
    emit loaded();
    if (m_refetch)
        refreshLive();
}

// The plot's whole range: the Last N window, the custom bounds, or (open ends) the values'.
void ChartsView::applyFullRange()
{
    const auto [from, to] = m_window.fullRange(m_answers->extent(), now());
    const bool wasZoomed = m_plot->isZoomed() && !m_resetZoom;
    m_resetZoom = false;
    const bool atEnd = m_plot->visibleTo() == m_plot->fullTo();
    const qint64 visibleFrom = m_plot->visibleFrom();
    const qint64 visibleTo = m_plot->visibleTo();
    m_plot->setFullRange(from, to);
    if (wasZoomed) {
        // Zoomed in: the view stays, or (following, at the newest end) slides along.
        if (m_live && atEnd)
            m_plot->setVisibleRange(m_plot->fullTo() - (visibleTo - visibleFrom), m_plot->fullTo());
        else
            m_plot->setVisibleRange(visibleFrom, visibleTo);
    }
}

QColor ChartsView::colourFor(const QString &key)
{
    auto it = m_colours.constFind(key);
    if (it == m_colours.cend())
        it = m_colours.insert(key, m_nextColour++);
    const QList<QColor> palette = Theme::subscriptionPalette();
    return palette.at(*it % palette.size());
}

// Downsamples every line to the plot's columns for the visible range, on the GUI thread:
// 1M values in view take about 4.4 ms (tst_charts_view's downsamplingTime), well under a
// frame, so no worker is involved.
void ChartsView::redraw()
{
    const qint64 from = m_plot->visibleFrom();
    const qint64 to = m_plot->visibleTo();
    const int columns = m_plot->columns();
    QList<ChartPlot::Line> lines;
    QList<ChartLegend::Entry> entries;
    m_sources.clear();
    for (int i = 0; i < m_specs.size(); ++i) {
        const ChartSeriesSpec &spec = m_specs.at(i);
        const SeriesLoader::Answer &answer = m_answers->at(i);
        if (!answer)
            continue;
        for (int s = 0; s < answer->series.size(); ++s) {
            const Series &series = answer->series.at(s);
            LineSource source{i, s, QString::number(m_specIds.at(i)) + u'\n' + series.topic};
            ChartPlot::Line line;
            line.name = series.topic.isEmpty() ? spec.displayName()
                        : spec.name.isEmpty()  ? series.topic
                                               : tr("%1 · %2").arg(spec.name, series.topic);
            line.colour = colourFor(source.key);
            line.unit = spec.extractor.unit;
            line.visible = !m_hidden.contains(source.key);
            line.points = SeriesSlice::downsample(series, from, to, columns);
            line.gaps = SeriesSlice::gaps(series, from, to, (to - from) / qMax(1, columns));
            entries.append({line.name, line.colour, line.visible,
                            series.topic.isEmpty() ? spec.topicFilter : series.topic});
            lines.append(std::move(line));
            m_sources.append(source);
        }
    }
    m_plot->setPlaceholderText(m_specs.isEmpty()
                                   ? tr("Add a series to chart values from the stored history.")
                                   : tr("No values in this time range."));
    m_plot->setLines(lines);
    m_legend->setEntries(entries);
    updateStatus();
}

qint64 ChartsView::plottedValues() const
{
    qint64 count = 0;
    for (qsizetype i = 0; i < m_sources.size(); ++i) {
        const Series *series = m_answers->series(m_sources.at(i).spec, m_sources.at(i).series);
        if (series && m_plot->lines().value(i).visible)
            count += SeriesSlice::count(*series, m_plot->visibleFrom(), m_plot->visibleTo());
    }
    return count;
}

void ChartsView::updateStatus()
{
    QStringList parts;
    if (isLoading() && m_sources.isEmpty() && !m_specs.isEmpty())
        parts << tr("Reading the history…");
    else if (!m_specs.isEmpty())
        parts << tr("%Ln value(s) plotted", nullptr, int(qMin<qint64>(plottedValues(), INT_MAX)));
    // What the visible lines skipped in the visible range: zooming in counts only there.
    std::array<qint64, 5> skipped{};
    for (qsizetype i = 0; i < m_sources.size(); ++i) {
        const Series *series = m_answers->series(m_sources.at(i).spec, m_sources.at(i).series);
        if (!series || !m_plot->lines().value(i).visible)
            continue;
        const auto counts =
            SeriesSlice::skipped(*series, m_plot->visibleFrom(), m_plot->visibleTo());
        for (size_t r = 0; r < skipped.size(); ++r)
            skipped[r] += counts[r];
    }
    QStringList reasons;
    qint64 firstCount = 0;
    for (size_t r = 0; r < skipped.size(); ++r) {
        if (skipped[r] == 0)
            continue;
        const QString reason = skipReasonText(SkipReason(r));
        if (reasons.isEmpty()) {
            firstCount = skipped[r];
            reasons << reason;
        } else {
            reasons << tr("%1 %2").arg(QLocale().toString(skipped[r]), reason);
        }
    }
    if (!reasons.isEmpty()) {
        const QString joined = reasons.join(tr("; "));
        parts << tr("%Ln value(s) skipped: %1", nullptr, int(qMin<qint64>(firstCount, INT_MAX)))
                     .arg(joined);
    }
    if (!m_lastError.isEmpty())
        parts << m_lastError;
    m_status->setText(parts.join(tr(" · ")));
    Theme::setTextRole(m_status, m_lastError.isEmpty() ? Theme::Text::Muted : Theme::Text::Error);
}

// ---- Export ---------------------------------------------------------------------------

bool ChartsView::exportCsv(const QString &path, QString *error) const
{
    QList<SeriesSlice::Named> shown;
    for (qsizetype i = 0; i < m_sources.size(); ++i) {
        const ChartPlot::Line &line = m_plot->lines().at(i);
        if (line.visible)
            shown.append(
                {line.name, m_answers->series(m_sources.at(i).spec, m_sources.at(i).series)});
    }
    return SeriesSlice::writeCsv(path, shown, m_plot->visibleFrom(), m_plot->visibleTo(), error);
}

bool ChartsView::exportPng(const QString &path) const
{
    return m_chartArea->grab().save(path, "PNG");
}

void ChartsView::askExportCsv()
{
    const QString path = Prompts::saveFileName(this, tr("Export CSV"), QStringLiteral("chart.csv"),
                                               tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    QString why;
    if (!exportCsv(path, &why)) {
        const QString text = tr("The values could not be saved to %1: %2").arg(path, why);
        Prompts::warn(this, tr("Export CSV"), text);
        emit errorOccurred(text);
    }
}

void ChartsView::askExportPng()
{
    const QString path = Prompts::saveFileName(this, tr("Export PNG"), QStringLiteral("chart.png"),
                                               tr("PNG images (*.png)"));
    if (path.isEmpty())
        return;
    if (!exportPng(path)) {
        const QString text = tr("The picture could not be saved to %1.").arg(path);
        Prompts::warn(this, tr("Export PNG"), text);
        emit errorOccurred(text);
    }
}

// ---- Saving ---------------------------------------------------------------------------

QJsonObject ChartsView::toJson() const
{
    QJsonArray series;
    for (const ChartSeriesSpec &spec : m_specs)
        series.append(spec.toJson());
    QJsonObject json{{QStringLiteral("version"), 1},
                     {QStringLiteral("series"), series},
                     {QStringLiteral("live"), m_live}};
    m_window.save(json);
    return json;
}

void ChartsView::restore(const QJsonObject &json)
{
    m_restoring = true;
    m_specs.clear();
    m_specIds.clear();
    m_answers->clear();
    QStringList problems;
    for (const QJsonValue &value : json.value(QStringLiteral("series")).toArray()) {
        QString why;
        if (const auto spec = ChartSeriesSpec::fromJson(value.toObject(), &why)) {
            m_specs.append(*spec);
            m_specIds.append(m_nextSpecId++);
            m_answers->append();
        } else {
            problems << why;
        }
    }
    m_window.restore(json);
    const Range range = m_window.range();
    if (range != Range::Custom)
        m_previousRange = range;
    m_rangeCombo->setCurrentIndex(int(range));
    setFollowLive(json.value(QStringLiteral("live")).toBool(true));
    m_window.setAnchor(now());
    m_resetZoom = true;
    updateTick();
    rebuildMenus();
    m_restoring = false;
    fetch();
    for (const QString &problem : std::as_const(problems))
        emit errorOccurred(tr("A chart series could not be restored: %1").arg(problem));
}

void ChartsView::changeEvent(QEvent *event)
{
    if (m_texts.handle(event)) {
        rebuildMenus();
        redraw();
    }
    QWidget::changeEvent(event);
}

} // namespace mqttdesk
