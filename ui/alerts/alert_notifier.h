#pragma once

#include "core/alerts/alert_event.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QString>

#include <functional>

class QSystemTrayIcon;
class QTimer;

namespace mqttdesk {

class AppSettings;

// Desktop notifications for alerts that fire, through QSystemTrayIcon::showMessage when the
// desktop has a system tray. The tray icon is made on the first notification and shown only
// while notifications are recent, so the app does not sit in the tray for nothing.
//
// Rate-limited: one notification per rule (of a connection) per kMinIntervalMs at most; a
// batch in which a rule fired on several topics is one notification ("… and 4 more"). The
// Alerts panel lists every alert either way. Off when AppSettings::alertNotifications() is.
class AlertNotifier : public QObject
{
    Q_OBJECT
public:
    static constexpr qint64 kMinIntervalMs = 10000;
    // Milliseconds; by default the wall clock. Tests pass their own.
    using Clock = std::function<qint64()>;
    // Shows one notification (tests take them instead of the tray).
    using Presenter = std::function<void(const QString &title, const QString &text)>;

    explicit AlertNotifier(AppSettings *settings, QObject *parent = nullptr);
    ~AlertNotifier() override;

    void setClock(Clock clock);
    // nullptr: the system tray (when there is one).
    void setPresenter(Presenter presenter);

    // Notifies of the rules of `events` that fired (a connection's batch); returns how many
    // notifications were shown.
    int notify(qint64 profileId, const QString &connectionName, const QList<AlertEvent> &events);
    // Whether notifications can be shown at all (a presenter, or a system tray).
    bool canNotify() const;
    // nullptr until the first notification through the tray.
    QSystemTrayIcon *trayIcon() const { return m_tray; }

    // "Alert: Hot boiler" and "Plant: 93.5 on plant/b2/boiler" (translated).
    static QString title(const AlertEvent &event);
    static QString text(const QString &connectionName, const AlertEvent &event, int more);

signals:
    // The user clicked a notification: the app should show its alerts.
    void clicked();

private:
    void present(const QString &title, const QString &text);

    AppSettings *m_settings;
    Clock m_clock;
    Presenter m_presenter;
    QSystemTrayIcon *m_tray = nullptr;
    QTimer *m_hideTray = nullptr;
    QHash<QString, qint64> m_lastShown; // profile id + rule name -> when it was notified
};

} // namespace mqttdesk
