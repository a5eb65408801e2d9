#pragma once

#include "core/payload/decoding_rules.h"
#include "ui/charts/chart_series_dialog.h"
#include "ui/i18n/retranslator.h"

#include <QList>
#include <QPointer>
#include <QWidget>

#include <functional>

class QPushButton;
class QSplitter;

namespace mqttdesk {

class ChartPanelFrame;
class ChartsView;
class MessageHistory;
class ProfileRecords;
class SeriesLoader;

// The Charts tab's page of one connection: one or more chart panels (ChartPanelFrame, each a
// ChartsView over the same SeriesLoader) stacked in a vertical splitter, and "Add chart".
// The page always holds at least one panel: removing the only one leaves a new empty one.
//
// The panels are made the first time the page is shown, so a connection whose charts are
// never opened starts no loader thread and reads nothing. Then the saved panels are
// restored in order (ProfileRecords, on its worker), the whole list is saved on every
// change, addition and removal, and rows the history announces go to every panel.
//
// "Chart this" (chartThis()) adds a series to the current panel: the one the user last
// clicked or focused, else the last one.
class ChartsPage : public QWidget
{
    Q_OBJECT
public:
    // `loader` is asked for only when the page is first shown (it makes the loader).
    ChartsPage(std::function<SeriesLoader *()> loader, qint64 profileId, ProfileRecords *records,
               MessageHistory *history, QWidget *parent = nullptr);
    // Stops following the focus first: ~QWidget deletes the panels, which moves the focus
    // while this is no longer a ChartsPage.
    ~ChartsPage() override;

    // The current panel's chart; null until the page was first shown.
    ChartsView *chartsView() const;
    // Every panel's chart, top to bottom.
    QList<ChartsView *> chartsViews() const;
    const QList<ChartPanelFrame *> &panels() const { return m_panels; }
    // The panel "Chart this" adds to (-1 while there are none).
    int currentPanel() const;
    void setCurrentPanel(int index);

    // A new empty panel below the others, current from now on, saved with the rest. Null
    // when there is no history to chart.
    ChartsView *addPanel();
    // Removes the panel at once and saves; the only panel is replaced by an empty one.
    void removePanel(int index);
    // As removePanel(), after asking when the panel has series.
    void askRemovePanel(int index);

    // Adds `spec` to the current panel (making the panels first, and waiting for the saved
    // ones to be restored) and emits showRequested().
    void chartThis(const ChartSeriesSpec &spec);
    // The history was cleared: every chart reads again (and shows nothing).
    void historyCleared();
    // The connection's decoding rules, for every panel's series read as the rules show them.
    void setDecodingRules(const mqttdesk::DecodingRules &rules);

    // The saved panels are shown (or none could be read).
    bool isRestored() const { return m_restored; }
    QPushButton *addButton() const { return m_add; }
    QSplitter *splitter() const { return m_splitter; }

signals:
    void errorOccurred(const QString &message);
    // chartThis() added a series: the owner shows this page.
    void showRequested();
    // The saved panels were restored (tests wait on it).
    void restored();
    // Storage answered a save (tests wait on it).
    void saved();

protected:
    void showEvent(QShowEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    // The first panel, once there is a loader.
    bool ensureView();
    ChartPanelFrame *makePanel(int at = -1);
    void onRestored(const QList<QJsonObject> &panels);
    void panelsChanged();
    void updateChrome();
    void setCurrent(ChartPanelFrame *frame);
    void onFocusChanged(QWidget *now);
    void save();

    std::function<SeriesLoader *()> m_loader;
    SeriesLoader *m_seriesLoader = nullptr;
    qint64 m_profileId;
    QPointer<ProfileRecords> m_records;
    QPointer<MessageHistory> m_history;
    QList<ChartPanelFrame *> m_panels;
    QPointer<ChartPanelFrame> m_current; // null: the last panel
    QList<ChartSeriesSpec> m_waiting;    // "Chart this" before the saved panels were shown
    DecodingRules m_rules;
    QPushButton *m_add = nullptr;
    QSplitter *m_splitter = nullptr;
    bool m_restoring = false;
    bool m_restored = false;
    bool m_dirty = false; // changed before the saved panels were shown: save once they are
    Retranslator m_texts;
};

} // namespace mqttdesk
