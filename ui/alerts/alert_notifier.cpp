#include "ui/alerts/alert_notifier.h"

#include "core/settings/app_settings.h"

#include <QApplication>
#include <QDateTime>
#include <QStyle>
#include <QSystemTrayIcon>
#include <QTimer>

namespace mqttdesk {

namespace {

// How long the tray icon stays after the last notification (a balloon belongs to its icon).
constexpr int kTrayLingerMs = 60000;
// Past this many remembered rules, those notified longer ago than the interval are forgotten.
constexpr qsizetype kPruneAbove = 256;

} // namespace

AlertNotifier::AlertNotifier(AppSettings *settings, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
    , m_clock([] { return QDateTime::currentMSecsSinceEpoch(); })
{}

AlertNotifier::~AlertNotifier() = default;

void AlertNotifier::setClock(Clock clock)
{
    m_clock = clock ? std::move(clock) : Clock([] { return QDateTime::currentMSecsSinceEpoch(); });
}

void AlertNotifier::setPresenter(Presenter presenter)
{
    m_presenter = std::move(presenter);
}

bool AlertNotifier::canNotify() const
{
    return m_presenter || QSystemTrayIcon::isSystemTrayAvailable();
}

int AlertNotifier::notify(qint64 profileId, const QString &connectionName,
                          const QList<AlertEvent> &events)
{
    if ((m_settings && !m_settings->alertNotifications()) || !canNotify())
        return 0;
    // The first firing of each rule in the batch, and how many more it had.
    QList<const AlertEvent *> firsts;
    QHash<QString, int> counts;
    for (const AlertEvent &event : events) {
        if (event.type != AlertEvent::Type::Fired)
            continue;
        if (counts[event.ruleName]++ == 0)
            firsts.append(&event);
    }
    const qint64 now = m_clock();
    int shown = 0;
    for (const AlertEvent *event : std::as_const(firsts)) {
        const QString key = QString::number(profileId) + QLatin1Char('\n') + event->ruleName;
        const auto last = m_lastShown.constFind(key);
        if (last != m_lastShown.cend() && now - *last < kMinIntervalMs)
            continue; // the panel has it; the desktop heard of this rule a moment ago
        m_lastShown.insert(key, now);
        present(title(*event), text(connectionName, *event, counts.value(event->ruleName) - 1));
        ++shown;
    }
    if (m_lastShown.size() > kPruneAbove)
        m_lastShown.removeIf([now](const QHash<QString, qint64>::iterator &it) {
            return now - it.value() >= kMinIntervalMs;
        });
    return shown;
}

void AlertNotifier::present(const QString &title, const QString &text)
{
    if (m_presenter) {
        m_presenter(title, text);
        return;
    }
    if (!m_tray) {
        const QIcon fallback = QApplication::style()->standardIcon(QStyle::SP_MessageBoxWarning);
        m_tray = new QSystemTrayIcon(
            QIcon::fromTheme(QStringLiteral("io.github.mqttdesk.MqttDesk"), fallback), this);
        m_tray->setToolTip(tr("MQTT Desk: alerts"));
        connect(m_tray, &QSystemTrayIcon::messageClicked, this, &AlertNotifier::clicked);
        connect(m_tray, &QSystemTrayIcon::activated, this, &AlertNotifier::clicked);
        m_hideTray = new QTimer(this);
        m_hideTray->setSingleShot(true);
        m_hideTray->setInterval(kTrayLingerMs);
        connect(m_hideTray, &QTimer::timeout, m_tray, &QSystemTrayIcon::hide);
    }
    m_tray->show();
    m_tray->showMessage(title, text, QSystemTrayIcon::Warning);
    m_hideTray->start();
}

QString AlertNotifier::title(const AlertEvent &event)
{
    return tr("Alert: %1").arg(event.ruleName);
}

QString AlertNotifier::text(const QString &connectionName, const AlertEvent &event, int more)
{
    QString what;
    switch (event.kind) {
    case AlertKind::Payload:
        what = tr("%1 on %2").arg(event.value, event.topic);
        break;
    case AlertKind::Silence:
        what = tr("nothing on %1 for %2 s").arg(event.filter, event.value);
        break;
    case AlertKind::Rate:
        what = tr("%1 messages/s on %2").arg(event.value, event.filter);
        break;
    case AlertKind::RetainedChanged:
        what = tr("the retained message on %1 changed").arg(event.topic);
        break;
    case AlertKind::ConnectionLost:
        what = tr("the connection was lost: %1").arg(event.value);
        break;
    }
    QString line = tr("%1: %2").arg(connectionName, what);
    if (more > 0)
        line += QLatin1Char(' ') + tr("(and %n more)", nullptr, more);
    return line;
}

} // namespace mqttdesk
