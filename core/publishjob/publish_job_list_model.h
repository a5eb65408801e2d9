#pragma once

#include "core/publishjob/publish_job.h"

#include <QAbstractTableModel>
#include <QList>

namespace mqttdesk {

// The timed sends of a connection as a table, one row per PublishJob: the template, the
// state, the sent / acknowledged / failed counts, the achieved rate and the latest error. The
// model owns its jobs but starts none: the caller makes a job, adds it, then starts it. A row
// changes (dataChanged for that row only) when its job reports progress (PublishJob throttles
// that to about 10 a second) or a new state.
class PublishJobListModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        TemplateColumn,
        StateColumn,
        SentColumn,
        AcknowledgedColumn,
        FailedColumn,
        RateColumn,
        ErrorColumn,
        ColumnCount
    };
    enum Role
    {
        StateRole = Qt::UserRole + 1, // PublishJob::State as int
        ActiveRole,                   // bool: Running or Paused
        EndedRole,                    // bool: Finished or Stopped, and settled (removeEnded)
    };

    explicit PublishJobListModel(QObject *parent = nullptr);
    ~PublishJobListModel() override;

    // Takes the job (it becomes the model's child) and returns its row. Starts nothing.
    int addJob(PublishJob *job);
    PublishJob *jobAt(int row) const;
    // The job's row, or -1.
    int rowOf(const PublishJob *job) const;
    // Stops the job of `row` (messages in flight still finish and are counted).
    void stop(int row);
    // Stops every job.
    void stopAll();
    // Removes (and deletes, once control returns to the event loop) the jobs that are
    // Finished or Stopped and have nothing in flight any more.
    void removeEnded();

    // Jobs Running or Paused.
    int activeCount() const;
    // Jobs removeEnded() would remove.
    int endedCount() const;

    // The texts of the table in the current language (header and every row): the view calls
    // it on QEvent::LanguageChange.
    void retranslate();

    static bool isActive(const PublishJob *job);
    static bool isEnded(const PublishJob *job);
    // "Running", "Paused — waiting for the connection", "Finished", "Stopped" (translated).
    static QString stateText(PublishJob::State state);
    // "1,234/s" in the user's locale; below 10 a second with one decimal ("2.5/s").
    static QString rateText(double perSecond);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

signals:
    void activeCountChanged(int count);

private:
    void jobChanged(PublishJob *job);
    void noteActiveCount();

    QList<PublishJob *> m_jobs;
    int m_activeCount = 0;
};

} // namespace mqttdesk
