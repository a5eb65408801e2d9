#include "core/publishjob/publish_job_list_model.h"

#include <QLocale>

#include <limits>

namespace mqttdesk {

PublishJobListModel::PublishJobListModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

PublishJobListModel::~PublishJobListModel()
{
    // The jobs are children: they go with the model, without telling it.
    for (PublishJob *job : std::as_const(m_jobs))
        disconnect(job, nullptr, this, nullptr);
}

int PublishJobListModel::addJob(PublishJob *job)
{
    if (!job)
        return -1;
    if (const int existing = rowOf(job); existing >= 0)
        return existing;
    const int row = int(m_jobs.size());
    beginInsertRows({}, row, row);
    job->setParent(this);
    m_jobs.append(job);
    endInsertRows();
    connect(job, &PublishJob::progressed, this, [this, job] { jobChanged(job); });
    connect(job, &PublishJob::stateChanged, this, [this, job] {
        jobChanged(job);
        noteActiveCount();
    });
    connect(job, &PublishJob::settled, this, [this, job] { jobChanged(job); });
    // A job deleted by someone else leaves its row.
    connect(job, &QObject::destroyed, this, [this, job] {
        const int r = int(m_jobs.indexOf(job));
        if (r < 0)
            return;
        beginRemoveRows({}, r, r);
        m_jobs.removeAt(r);
        endRemoveRows();
        noteActiveCount();
    });
    noteActiveCount();
    return row;
}

PublishJob *PublishJobListModel::jobAt(int row) const
{
    return row >= 0 && row < m_jobs.size() ? m_jobs.at(row) : nullptr;
}

int PublishJobListModel::rowOf(const PublishJob *job) const
{
    for (qsizetype i = 0; i < m_jobs.size(); ++i) {
        if (m_jobs.at(i) == job)
            return int(i);
    }
    return -1;
}

void PublishJobListModel::stop(int row)
{
    if (PublishJob *job = jobAt(row))
        job->stop();
}

void PublishJobListModel::stopAll()
{
    // stop() may emit signals whose slots add or remove jobs: stop a snapshot.
    const QList<PublishJob *> jobs = m_jobs;
    for (PublishJob *job : jobs) {
        if (m_jobs.contains(job))
            job->stop();
    }
}

void PublishJobListModel::removeEnded()
{
    // From the end, in runs of adjacent rows, so each removal is one signal.
    for (int last = int(m_jobs.size()) - 1; last >= 0;) {
        if (!isEnded(m_jobs.at(last))) {
            --last;
            continue;
        }
        int first = last;
        while (first > 0 && isEnded(m_jobs.at(first - 1)))
            --first;
        beginRemoveRows({}, first, last);
        const QList<PublishJob *> removed = m_jobs.mid(first, last - first + 1);
        m_jobs.remove(first, last - first + 1);
        endRemoveRows();
        for (PublishJob *job : removed) {
            disconnect(job, nullptr, this, nullptr);
            // Later: this may run inside one of the job's own signals.
            job->deleteLater();
        }
        last = first - 1;
    }
    noteActiveCount();
}

int PublishJobListModel::activeCount() const
{
    int count = 0;
    for (const PublishJob *job : m_jobs)
        count += isActive(job) ? 1 : 0;
    return count;
}

int PublishJobListModel::endedCount() const
{
    int count = 0;
    for (const PublishJob *job : m_jobs)
        count += isEnded(job) ? 1 : 0;
    return count;
}

bool PublishJobListModel::isActive(const PublishJob *job)
{
    return job->state() == PublishJob::State::Running || job->state() == PublishJob::State::Paused;
}

bool PublishJobListModel::isEnded(const PublishJob *job)
{
    return (job->state() == PublishJob::State::Finished ||
            job->state() == PublishJob::State::Stopped) &&
           job->isSettled();
}

void PublishJobListModel::retranslate()
{
    emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (!m_jobs.isEmpty())
        emit dataChanged(index(0, 0), index(int(m_jobs.size()) - 1, ColumnCount - 1));
}

QString PublishJobListModel::stateText(PublishJob::State state)
{
    switch (state) {
    case PublishJob::State::Idle:
        return tr("Not started");
    case PublishJob::State::Running:
        return tr("Running");
    case PublishJob::State::Paused:
        return tr("Paused — waiting for the connection");
    case PublishJob::State::Finished:
        return tr("Finished");
    case PublishJob::State::Stopped:
        return tr("Stopped");
    }
    return {};
}

QString PublishJobListModel::rateText(double perSecond)
{
    const QLocale locale;
    const QString number = perSecond > 0 && perSecond < 10
                               ? locale.toString(perSecond, 'f', 1)
                               : locale.toString(qRound64(qMax(0.0, perSecond)));
    //: A rate of messages: "1,234/s"
    return tr("%1/s").arg(number);
}

int PublishJobListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_jobs.size());
}

int PublishJobListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PublishJobListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const PublishJob *job = m_jobs.at(index.row());
    const PublishJobStats &stats = job->stats();
    const PublishTemplate &source = job->message().source();
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case TemplateColumn:
            return source.name.isEmpty() ? source.topic : source.name;
        case StateColumn:
            return stateText(job->state());
        case SentColumn:
            return QLocale().toString(stats.sent);
        case AcknowledgedColumn:
            return QLocale().toString(stats.acknowledged);
        case FailedColumn:
            return QLocale().toString(stats.failed);
        case RateColumn:
            return job->state() == PublishJob::State::Idle ? QString() : rateText(stats.rate);
        case ErrorColumn:
            return stats.lastError.simplified();
        }
        return {};
    case Qt::ToolTipRole:
        switch (index.column()) {
        case TemplateColumn:
            return tr("Topic: %1").arg(source.topic);
        case StateColumn:
            if (stats.inFlight > 0 && !isActive(job))
                return tr("%n message(s) still waiting for an acknowledgement", "",
                          int(qMin<qint64>(stats.inFlight, std::numeric_limits<int>::max())));
            return {};
        case RateColumn:
            return tr("Acknowledged messages a second since the start");
        case ErrorColumn:
            return stats.lastError.isEmpty() ? QVariant() : QVariant(stats.lastError);
        }
        return {};
    case Qt::TextAlignmentRole:
        switch (index.column()) {
        case SentColumn:
        case AcknowledgedColumn:
        case FailedColumn:
        case RateColumn:
            return int(Qt::AlignRight | Qt::AlignVCenter);
        }
        return {};
    case StateRole:
        return int(job->state());
    case ActiveRole:
        return isActive(job);
    case EndedRole:
        return isEnded(job);
    }
    return {};
}

QVariant PublishJobListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TemplateColumn:
        return tr("Template");
    case StateColumn:
        return tr("State");
    case SentColumn:
        return tr("Sent");
    case AcknowledgedColumn:
        return tr("Acknowledged");
    case FailedColumn:
        return tr("Failed");
    case RateColumn:
        return tr("Rate");
    case ErrorColumn:
        return tr("Last error");
    }
    return {};
}

void PublishJobListModel::jobChanged(PublishJob *job)
{
    const int row = rowOf(job);
    if (row >= 0)
        emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

void PublishJobListModel::noteActiveCount()
{
    const int count = activeCount();
    if (count == m_activeCount)
        return;
    m_activeCount = count;
    emit activeCountChanged(count);
}

} // namespace mqttdesk
