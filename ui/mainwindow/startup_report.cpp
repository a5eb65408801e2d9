#include "ui/mainwindow/startup_report.h"

#include "ui/stream/message_stream_model.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QEvent>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>
#include <QWidget>

#include <cstdio>

namespace mqttdesk {

namespace {

// A "Vm...: N kB" line of /proc/self/status (0 where there is none).
qint64 statusKb(const QByteArray &status, const QByteArray &key)
{
    for (const QByteArray &line : status.split('\n')) {
        if (line.startsWith(QByteArray(key + ':')))
            return line.mid(key.size() + 1).trimmed().split(' ').value(0).toLongLong();
    }
    return 0;
}

} // namespace

StartupReport::StartupReport(QWidget *window, const QStringList &milestones, int idleMs,
                             QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_pending(milestones)
    , m_idleMs(idleMs)
{
    // Every widget's paint passes through the application; only the window's count.
    QCoreApplication::instance()->installEventFilter(this);
}

void StartupReport::reach(const QString &milestone)
{
    if (!m_pending.removeOne(milestone))
        return;
    m_awaitPaint.append(milestone);
    if (m_window)
        m_window->update(); // whatever changed is on screen after this paint
}

void StartupReport::reachWhenStreamLoaded(const QString &milestone)
{
    const QList<MessageStreamModel *> models =
        m_window ? m_window->findChildren<MessageStreamModel *>() : QList<MessageStreamModel *>();
    // A model that is not loading has shown its first page, with rows or without.
    auto settle = [this, milestone](MessageStreamModel *model) {
        if (!m_pending.contains(milestone) || model->isLoading())
            return;
        note(milestone + QStringLiteral("Rows"), model->rowCount());
        reach(milestone);
    };
    for (MessageStreamModel *model : models) {
        // The page's rows land just after its loading ends: looked at on the next turn.
        connect(
            model, &MessageStreamModel::loadingChanged, this,
            [settle, model](bool loading) {
                if (!loading)
                    QTimer::singleShot(0, model, [settle, model] { settle(model); });
            },
            Qt::QueuedConnection);
        settle(model);
    }
    QTimer::singleShot(30000, this, [this, milestone] {
        if (m_pending.contains(milestone)) {
            note(milestone + QStringLiteral("Rows"), -1);
            reach(milestone);
        }
    });
}

void StartupReport::note(const QString &key, qint64 value)
{
    m_notes.insert(key, value);
}

bool StartupReport::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::Paint && !m_afterPaintQueued && m_window) {
        auto *widget = qobject_cast<QWidget *>(watched);
        if (widget && widget->window() == m_window) {
            // The repaint manager paints every dirty widget of the window in one pass and
            // then flushes it: the next turn of the event loop comes after both.
            m_afterPaintQueued = true;
            QTimer::singleShot(0, this, &StartupReport::afterPaint);
        }
    }
    return QObject::eventFilter(watched, event);
}

void StartupReport::afterPaint()
{
    m_afterPaintQueued = false;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (!m_paintSeen) {
        m_paintSeen = true;
        m_epochMs.insert(QStringLiteral("firstPaint"), now);
    }
    for (const QString &milestone : std::as_const(m_awaitPaint))
        m_epochMs.insert(milestone, now);
    m_awaitPaint.clear();
    finishIfComplete();
}

void StartupReport::finishIfComplete()
{
    if (m_finishing || !m_paintSeen || !m_pending.isEmpty() || !m_awaitPaint.isEmpty())
        return;
    m_finishing = true;
    QTimer::singleShot(m_idleMs, this, &StartupReport::finish);
}

void StartupReport::finish()
{
    QJsonObject report;
    for (auto it = m_epochMs.cbegin(); it != m_epochMs.cend(); ++it)
        report.insert(it.key() + QStringLiteral("EpochMs"), it.value());
    for (auto it = m_notes.cbegin(); it != m_notes.cend(); ++it)
        report.insert(it.key(), it.value());
    QFile statusFile(QStringLiteral("/proc/self/status"));
    if (statusFile.open(QIODevice::ReadOnly)) {
        const QByteArray status = statusFile.readAll();
        report.insert(QStringLiteral("idleRssKb"), statusKb(status, "VmRSS"));
        report.insert(QStringLiteral("peakRssKb"), statusKb(status, "VmHWM"));
    }
    emit finished(report);
}

void StartupReport::writeLine(const QJsonObject &report)
{
    std::fprintf(stderr, "STARTUP %s\n",
                 QJsonDocument(report).toJson(QJsonDocument::Compact).constData());
    std::fflush(stderr);
}

} // namespace mqttdesk
