#pragma once

#include <QPointer>
#include <QWidget>

#include <functional>

namespace mqttdesk {

class ChartsView;
class MessageHistory;
class ProfileRecords;
class SeriesLoader;

// The Charts tab's page of one connection. Its ChartsView is made the first time the page is
// shown, so a connection whose charts are never opened starts no loader thread and reads
// nothing. Then the saved panel is restored (ProfileRecords, on its worker), every change is
// saved, and rows the history announces are handed to the chart for live drawing.
class ChartsPage : public QWidget
{
    Q_OBJECT
public:
    // `loader` is asked for only when the page is first shown (it makes the loader).
    ChartsPage(std::function<SeriesLoader *()> loader, qint64 profileId, ProfileRecords *records,
               MessageHistory *history, QWidget *parent = nullptr);

    // Null until the page was first shown.
    ChartsView *chartsView() const { return m_view; }
    // The history was cleared: the chart reads again (and shows nothing).
    void historyCleared();

signals:
    void errorOccurred(const QString &message);

protected:
    void showEvent(QShowEvent *event) override;

private:
    void ensureView();
    void save();

    std::function<SeriesLoader *()> m_loader;
    qint64 m_profileId;
    QPointer<ProfileRecords> m_records;
    QPointer<MessageHistory> m_history;
    ChartsView *m_view = nullptr;
    bool m_restoring = false;
};

} // namespace mqttdesk
