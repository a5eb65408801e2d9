#pragma once

#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QStringList>

class QWidget;

namespace mqttdesk {

// Start-up timing for scripts/bench-startup (MQTTDESK_STARTUP_REPORT=1): when `window` was
// first painted, when each named milestone was first painted after it was reached, and the
// resident memory once the app has been idle for `idleMs` after the last milestone, all in
// finished(). Times are milliseconds since the epoch, so that the script can subtract its own
// launch time, which includes loading the binary.
class StartupReport : public QObject
{
    Q_OBJECT

public:
    StartupReport(QWidget *window, const QStringList &milestones, int idleMs,
                  QObject *parent = nullptr);

    // The milestone is recorded at the end of the first paint after this call (the screen
    // shows it then). Unknown or repeated names are ignored.
    void reach(const QString &milestone);
    // Reached once a message stream of the window has loaded its first page, with its row
    // count noted as "<milestone>Rows"; after 30 s without one, reached with -1 rows.
    void reachWhenStreamLoaded(const QString &milestone);
    // Extra figures for the report.
    void note(const QString &key, qint64 value);

    // The report as the one line scripts/bench-startup reads from standard error.
    static void writeLine(const QJsonObject &report);

signals:
    // "firstPaintEpochMs", "<milestone>EpochMs", the notes, "idleRssKb" and "peakRssKb".
    void finished(const QJsonObject &report);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void afterPaint();
    void finishIfComplete();
    void finish();

    QPointer<QWidget> m_window;
    QStringList m_pending;    // milestones not reached yet
    QStringList m_awaitPaint; // reached, waiting for the next paint
    QHash<QString, qint64> m_epochMs;
    QHash<QString, qint64> m_notes;
    int m_idleMs = 0;
    bool m_paintSeen = false;
    bool m_afterPaintQueued = false;
    bool m_finishing = false;
};

} // namespace mqttdesk
