#pragma once

#include "core/series/series_loader.h"
#include "ui/charts/chart_answers.h"
#include "ui/charts/chart_plot.h"
#include "ui/charts/chart_series_dialog.h"
#include "ui/charts/chart_time_window.h"
#include "ui/i18n/retranslator.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QSet>
#include <QWidget>

#include <functional>
#include <optional>

class QComboBox;
class QLabel;
class QMenu;
class QPushButton;
class QTimer;
class QToolButton;

namespace mqttdesk {

class ChartLegend;

// The Charts tab of one connection: a chart of one or more series over the stored history,
// with a toolbar (add, edit and remove series; the time range; follow live; export CSV and
// PNG), the plot, its legend and a status line (what was plotted, what was skipped and why,
// storage errors).
//
// Each series is read by the SeriesLoader over the whole time range (off the GUI thread,
// cached there); the answers are kept (ChartAnswers: shared with the loader's cache, not
// copied) and downsampled here to the plot's pixel columns for whatever part is visible, so zooming
// and panning inside the range read nothing again. A per-topic series becomes one line per matching
// topic, each with a colour it keeps while the view lives.
//
// Live: the owner calls historyAppended() when rows are stored; while following live only
// the rows stored since are read (at most four times a second) and added to the answers,
// "Last N" ranges slide with the clock and forget what slid out. Not following, the chart
// stays as it is.
class ChartsView : public QWidget
{
    Q_OBJECT
public:
    using Range = ChartTimeWindow::Range;
    static constexpr int kLiveIntervalMs = 250;
    // Following a Last N range, expired values are dropped once there are this many (or a
    // quarter of what a line holds).
    static constexpr size_t kDropAtLeast = ChartAnswers::kDropAtLeast;

    ChartsView(SeriesLoader *loader, qint64 profileId, QWidget *parent = nullptr);
    ~ChartsView() override;

    const QList<ChartSeriesSpec> &seriesSpecs() const { return m_specs; }
    void addSeries(const ChartSeriesSpec &spec);
    void editSeries(int index, const ChartSeriesSpec &spec);
    void removeSeries(int index);

    Range range() const { return m_window.range(); }
    void setRange(Range range);
    // A fixed range; an open end (nothing) reaches the oldest or newest value.
    void setCustomRange(std::optional<qint64> fromUs, std::optional<qint64> toUs);
    // The connection's decoding rules, for series decoded by them (read again when they
    // change).
    void setDecodingRules(const DecodingRules &rules);
    bool followsLive() const { return m_live; }
    void setFollowLive(bool live);

    // The raw values of the visible lines in the visible range (not the downsampled points),
    // one row each: time in UTC ISO 8601 with milliseconds, epoch milliseconds, series name,
    // value. False, with `error` set, when the file cannot be written.
    bool exportCsv(const QString &path, QString *error = nullptr) const;
    // The plot and its legend as a picture.
    bool exportPng(const QString &path) const;

    // {"version": 1, "series": [...], "range": "15m", "live": true} (+ "from"/"to" for a
    // custom range). restore() takes what toJson() gave; series that no longer parse are
    // left out (errorOccurred tells).
    QJsonObject toJson() const;
    void restore(const QJsonObject &json);

    ChartPlot *plot() const { return m_plot; }
    ChartLegend *legend() const { return m_legend; }
    QLabel *statusLabel() const { return m_status; }
    QComboBox *rangeCombo() const { return m_rangeCombo; }
    QToolButton *followButton() const { return m_follow; }
    // True while answers are awaited.
    bool isLoading() const { return m_answers->isReading(); }
    // Raw values in the visible range over the visible lines.
    qint64 plottedValues() const;
    // Values and skipped messages the view holds in memory, over every line and the whole
    // range (for tests and the live benchmark: a Last N window stays bounded).
    qint64 heldValues() const { return m_answers->heldValues(); }
    // For tests: the clock "Last N" ranges end at (epoch microseconds).
    void setClock(std::function<qint64()> nowUs);

public slots:
    // New rows were stored for this connection.
    void historyAppended();
    // Reads every series again (e.g. after the history was cleared and the loader's cache
    // dropped).
    void reload();

signals:
    // The series or the range changed: the owner saves toJson().
    void panelChanged();
    void errorOccurred(const QString &message);
    // Every answer of a read arrived and is drawn.
    void loaded();

protected:
    void changeEvent(QEvent *event) override;

private:
    struct LineSource
    {
        int spec = 0;
        int series = 0; // in the spec's answer
        QString key;    // stable: the spec's id and the topic
    };

    void buildToolbar();
    void fetch();
    void refreshLive();
    void dropExpired();
    void answered();
    void applyFullRange();
    void redraw();
    void updateStatus();
    void updateActions();
    void rebuildMenus();
    void onRangeChosen(int index);
    void chooseCustomRange();
    void slide();
    void updateTick();
    void askAddSeries();
    void askEditSeries(int index);
    void askExportCsv();
    void askExportPng();
    void changed();
    QColor colourFor(const QString &key);
    qint64 now() const;

    ChartAnswers *m_answers; // parallel to m_specs
    QList<ChartSeriesSpec> m_specs;
    QList<quint64> m_specIds; // stable ids for line keys, parallel to m_specs
    quint64 m_nextSpecId = 1;
    QList<LineSource> m_sources;   // parallel to the plot's lines
    QHash<QString, int> m_colours; // line key -> palette index
    int m_nextColour = 0;
    QSet<QString> m_hidden; // line keys the legend hid

    ChartTimeWindow m_window; // the range, its bounds and the "now" a Last N range ends at
    Range m_previousRange = Range::LastHour; // back to it when Custom… is cancelled
    bool m_live = true;
    bool m_refetch = false; // rows came while reading: read again after
    bool m_restoring = false;
    bool m_resetZoom = false; // the next drawing shows the whole range (a new range)
    QString m_lastError;
    std::function<qint64()> m_clock;

    QPushButton *m_add = nullptr;
    QToolButton *m_edit = nullptr;
    QToolButton *m_remove = nullptr;
    QMenu *m_editMenu = nullptr;
    QMenu *m_removeMenu = nullptr;
    QLabel *m_rangeLabel = nullptr;
    QComboBox *m_rangeCombo = nullptr;
    QToolButton *m_follow = nullptr;
    QPushButton *m_exportCsv = nullptr;
    QPushButton *m_exportPng = nullptr;
    QWidget *m_chartArea = nullptr;
    ChartPlot *m_plot = nullptr;
    ChartLegend *m_legend = nullptr;
    QLabel *m_status = nullptr;
    QTimer *m_liveTimer = nullptr;
    QTimer *m_tick = nullptr;
    Retranslator m_texts;
};

} // namespace mqttdesk
