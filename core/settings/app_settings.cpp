#include "core/settings/app_settings.h"

#include <QFile>

namespace mqttdesk {

AppSettings::AppSettings(const QString &dataDir, QObject *parent)
    : QObject(parent)
    , m_store(filePath(dataDir), QSettings::IniFormat)
{
    migrateLanguage();
}

AppSettings::~AppSettings() = default;

QString AppSettings::filePath(const QString &dataDir)
{
    return dataDir + QStringLiteral("/mqttdesk-window.ini");
}

QString AppSettings::storageKey(Key key)
{
    switch (key) {
    case Key::Language:
        return QStringLiteral("ui/language");
    case Key::LogPackets:
        return QStringLiteral("log/packets");
    case Key::WindowGeometry:
        return QStringLiteral("window/geometry");
    case Key::WindowState:
        return QStringLiteral("window/state");
    case Key::SplitterState:
        return QStringLiteral("window/splitter");
    case Key::CollapsedFolders:
        return QStringLiteral("window/collapsedFolders");
    case Key::LastConnection:
        return QStringLiteral("window/lastConnection");
    case Key::LocalBrokerOffered:
        return QStringLiteral("firstStart/localBrokerOffered");
    case Key::PreviewLines:
        return QStringLiteral("stream/previewLines");
    case Key::CompactStreams:
        return QStringLiteral("stream/compactProfiles");
    case Key::TopicsViews:
        return QStringLiteral("stream/topicsProfiles");
    case Key::Theme:
        return QStringLiteral("ui/theme");
    case Key::ToolbarText:
        return QStringLiteral("ui/toolbarText");
    case Key::StreamFontSize:
        return QStringLiteral("stream/fontSize");
    case Key::PayloadFont:
        return QStringLiteral("stream/payloadFont");
    case Key::CompactByDefault:
        return QStringLiteral("stream/compactDefault");
    case Key::BubbleStreams:
        return QStringLiteral("stream/bubbleProfiles");
    case Key::TimestampsUtc:
        return QStringLiteral("stream/timestampsUtc");
    case Key::TimestampFormat:
        return QStringLiteral("stream/timestampFormat");
    case Key::ConfirmClearHistory:
        return QStringLiteral("history/confirmClear");
    case Key::RetentionMode:
        return QStringLiteral("history/retentionMode");
    case Key::RetentionDays:
        return QStringLiteral("history/retentionDays");
    case Key::RetentionMessages:
        return QStringLiteral("history/retentionMessages");
    case Key::ReconnectEnabled:
        return QStringLiteral("defaults/reconnect");
    case Key::ReconnectMinMs:
        return QStringLiteral("defaults/reconnectMinMs");
    case Key::ReconnectMaxMs:
        return QStringLiteral("defaults/reconnectMaxMs");
    case Key::ProxyKind:
        return QStringLiteral("defaults/proxyKind");
    case Key::ProxyHost:
        return QStringLiteral("defaults/proxyHost");
    case Key::ProxyPort:
        return QStringLiteral("defaults/proxyPort");
    case Key::AlertNotifications:
        return QStringLiteral("alerts/notifications");
    }
    return QString();
}

void AppSettings::migrateLanguage()
{
    const QString key = storageKey(Key::Language);
    if (m_store.contains(key))
        return;
    // Where Language kept it before: QSettings() of the organization and application name.
    const QSettings legacy;
    const QVariant old = legacy.value(key);
    if (!old.isValid())
        return;
    m_store.setValue(key, old.toString());
    syncPrivately();
}

void AppSettings::syncPrivately()
{
    m_store.sync();
    // The user's alone (0600), like the rest of the data directory. QSettings rewrites the
    // file through QSaveFile, which keeps the mode it finds; older files are tightened.
    if (!m_private)
        m_private = QFile::setPermissions(m_store.fileName(), QFile::ReadOwner | QFile::WriteOwner);
}

QVariant AppSettings::value(Key key) const
{
    return m_store.value(storageKey(key));
}

bool AppSettings::contains(Key key) const
{
    return m_store.contains(storageKey(key));
}

bool AppSettings::isWritable() const
{
    return m_store.status() == QSettings::NoError && m_store.isWritable();
}

template<typename T>
void AppSettings::store(Key key, const T &current, const T &next)
{
    if (current == next && contains(key))
        return;
    m_store.setValue(storageKey(key), QVariant::fromValue(next));
    syncPrivately();
    if (current != next)
        emit changed(key);
}

QString AppSettings::language() const
{
    return value(Key::Language).toString();
}

void AppSettings::setLanguage(const QString &locale)
{
    store(Key::Language, language(), locale);
}

bool AppSettings::logPackets() const
{
    return value(Key::LogPackets).toBool();
}

void AppSettings::setLogPackets(bool on)
{
    store(Key::LogPackets, logPackets(), on);
}

QByteArray AppSettings::windowGeometry() const
{
    return value(Key::WindowGeometry).toByteArray();
}

void AppSettings::setWindowGeometry(const QByteArray &geometry)
{
    store(Key::WindowGeometry, windowGeometry(), geometry);
}

QByteArray AppSettings::windowState() const
{
    return value(Key::WindowState).toByteArray();
}

void AppSettings::setWindowState(const QByteArray &state)
{
    store(Key::WindowState, windowState(), state);
}

QByteArray AppSettings::splitterState() const
{
    return value(Key::SplitterState).toByteArray();
}

void AppSettings::setSplitterState(const QByteArray &state)
{
    store(Key::SplitterState, splitterState(), state);
}

QStringList AppSettings::collapsedFolders() const
{
    return value(Key::CollapsedFolders).toStringList();
}

void AppSettings::setCollapsedFolders(const QStringList &folders)
{
    store(Key::CollapsedFolders, collapsedFolders(), folders);
}

qint64 AppSettings::lastConnection() const
{
    return value(Key::LastConnection).toLongLong();
}

void AppSettings::setLastConnection(qint64 profileId)
{
    store(Key::LastConnection, lastConnection(), profileId);
}

bool AppSettings::localBrokerOffered() const
{
    return value(Key::LocalBrokerOffered).toBool();
}

void AppSettings::setLocalBrokerOffered(bool offered)
{
    store(Key::LocalBrokerOffered, localBrokerOffered(), offered);
}

int AppSettings::previewLines() const
{
    bool ok = false;
    const int lines = value(Key::PreviewLines).toInt(&ok);
    return ok ? qBound(1, lines, 200) : kDefaultPreviewLines;
}

void AppSettings::setPreviewLines(int lines)
{
    store(Key::PreviewLines, previewLines(), qBound(1, lines, 200));
}

bool AppSettings::compactStream(qint64 profileId) const
{
    // A connection's own choice, either way, beats the default.
    if (listHas(Key::CompactStreams, profileId))
        return true;
    if (listHas(Key::BubbleStreams, profileId))
        return false;
    return compactByDefault();
}

void AppSettings::setCompactStream(qint64 profileId, bool compact)
{
    if (compact == compactStream(profileId))
        return; // the default stays the default until the user picks the other one
    setListHas(Key::CompactStreams, profileId, compact);
    setListHas(Key::BubbleStreams, profileId, !compact);
}

bool AppSettings::topicsView(qint64 profileId) const
{
    return listHas(Key::TopicsViews, profileId);
}

void AppSettings::setTopicsView(qint64 profileId, bool shown)
{
    setListHas(Key::TopicsViews, profileId, shown);
}

namespace {

int intOr(const QVariant &value, int fallback, int low, int high)
{
    bool ok = false;
    const int v = value.toInt(&ok);
    return ok ? qBound(low, v, high) : fallback;
}

} // namespace

AppSettings::ThemeMode AppSettings::theme() const
{
    const QString name = value(Key::Theme).toString();
    if (name == QLatin1String("light"))
        return ThemeMode::Light;
    if (name == QLatin1String("dark"))
        return ThemeMode::Dark;
    return ThemeMode::System;
}

void AppSettings::setTheme(ThemeMode mode)
{
    const auto name = [](ThemeMode m) {
        return m == ThemeMode::Light  ? QStringLiteral("light")
               : m == ThemeMode::Dark ? QStringLiteral("dark")
                                      : QStringLiteral("system");
    };
    store(Key::Theme, name(theme()), name(mode));
}

bool AppSettings::toolbarText() const
{
    return value(Key::ToolbarText).toString() != QLatin1String("false");
}

void AppSettings::setToolbarText(bool withText)
{
    store(Key::ToolbarText, toolbarText(), withText);
}

int AppSettings::streamFontSize() const
{
    const int points = intOr(value(Key::StreamFontSize), 0, 0, 40);
    return points < 6 ? 0 : points;
}

void AppSettings::setStreamFontSize(int points)
{
    store(Key::StreamFontSize, streamFontSize(), points < 6 ? 0 : qMin(points, 40));
}

QString AppSettings::payloadFont() const
{
    return value(Key::PayloadFont).toString();
}

void AppSettings::setPayloadFont(const QString &family)
{
    store(Key::PayloadFont, payloadFont(), family.trimmed());
}

bool AppSettings::compactByDefault() const
{
    return value(Key::CompactByDefault).toBool();
}

void AppSettings::setCompactByDefault(bool compact)
{
    store(Key::CompactByDefault, compactByDefault(), compact);
}

QString AppSettings::defaultTimestampFormat()
{
    return QStringLiteral("HH:mm:ss.zzz");
}

bool AppSettings::timestampsUtc() const
{
    return value(Key::TimestampsUtc).toBool();
}

void AppSettings::setTimestampsUtc(bool utc)
{
    store(Key::TimestampsUtc, timestampsUtc(), utc);
}

QString AppSettings::timestampFormat() const
{
    const QString format = value(Key::TimestampFormat).toString().trimmed();
    return format.isEmpty() ? defaultTimestampFormat() : format;
}

void AppSettings::setTimestampFormat(const QString &format)
{
    const QString next = format.trimmed().isEmpty() ? defaultTimestampFormat() : format.trimmed();
    store(Key::TimestampFormat, timestampFormat(), next);
}

bool AppSettings::confirmClearHistory() const
{
    return value(Key::ConfirmClearHistory).toString() != QLatin1String("false");
}

void AppSettings::setConfirmClearHistory(bool ask)
{
    store(Key::ConfirmClearHistory, confirmClearHistory(), ask);
}

AppSettings::RetentionMode AppSettings::retentionMode() const
{
    const QString name = value(Key::RetentionMode).toString();
    if (name == QLatin1String("days"))
        return RetentionMode::Days;
    if (name == QLatin1String("messages"))
        return RetentionMode::Messages;
    return RetentionMode::KeepAll;
}

void AppSettings::setRetentionMode(RetentionMode mode)
{
    const auto name = [](RetentionMode m) {
        return m == RetentionMode::Days       ? QStringLiteral("days")
               : m == RetentionMode::Messages ? QStringLiteral("messages")
                                              : QStringLiteral("all");
    };
    store(Key::RetentionMode, name(retentionMode()), name(mode));
}

int AppSettings::retentionDays() const
{
    return intOr(value(Key::RetentionDays), 30, 1, 3650);
}

void AppSettings::setRetentionDays(int days)
{
    store(Key::RetentionDays, retentionDays(), qBound(1, days, 3650));
}

qint64 AppSettings::retentionMessages() const
{
    bool ok = false;
    const qint64 count = value(Key::RetentionMessages).toLongLong(&ok);
    return ok ? qBound(qint64(1), count, qint64(1000000000)) : 100000;
}

void AppSettings::setRetentionMessages(qint64 count)
{
    store(Key::RetentionMessages, retentionMessages(),
          qBound(qint64(1), count, qint64(1000000000)));
}

bool AppSettings::reconnectEnabled() const
{
    return value(Key::ReconnectEnabled).toString() != QLatin1String("false");
}

void AppSettings::setReconnectEnabled(bool on)
{
    store(Key::ReconnectEnabled, reconnectEnabled(), on);
}

int AppSettings::reconnectMinMs() const
{
    return intOr(value(Key::ReconnectMinMs), 1000, 100, 600000);
}

void AppSettings::setReconnectMinMs(int ms)
{
    store(Key::ReconnectMinMs, reconnectMinMs(), qBound(100, ms, 600000));
}

int AppSettings::reconnectMaxMs() const
{
    return intOr(value(Key::ReconnectMaxMs), 10000, 100, 3600000);
}

void AppSettings::setReconnectMaxMs(int ms)
{
    store(Key::ReconnectMaxMs, reconnectMaxMs(), qBound(100, ms, 3600000));
}

QString AppSettings::proxyKind() const
{
    const QString kind = value(Key::ProxyKind).toString();
    return kind == QLatin1String("http") || kind == QLatin1String("socks5")
               ? kind
               : QStringLiteral("none");
}

void AppSettings::setProxyKind(const QString &kind)
{
    const QString next = kind == QLatin1String("http") || kind == QLatin1String("socks5")
                             ? kind
                             : QStringLiteral("none");
    store(Key::ProxyKind, proxyKind(), next);
}

QString AppSettings::proxyHost() const
{
    return value(Key::ProxyHost).toString();
}

void AppSettings::setProxyHost(const QString &host)
{
    store(Key::ProxyHost, proxyHost(), host.trimmed());
}

quint16 AppSettings::proxyPort() const
{
    return quint16(intOr(value(Key::ProxyPort), 0, 0, 65535));
}

void AppSettings::setProxyPort(quint16 port)
{
    store(Key::ProxyPort, int(proxyPort()), int(port));
}

bool AppSettings::alertNotifications() const
{
    return value(Key::AlertNotifications).toString() != QLatin1String("false");
}

void AppSettings::setAlertNotifications(bool on)
{
    store(Key::AlertNotifications, alertNotifications(), on);
}

QList<AppSettings::Key> AppSettings::preferenceKeys()
{
    return {Key::Theme,
            Key::ToolbarText,
            Key::Language,
            Key::StreamFontSize,
            Key::PayloadFont,
            Key::CompactByDefault,
            Key::PreviewLines,
            Key::TimestampsUtc,
            Key::TimestampFormat,
            Key::ConfirmClearHistory,
            Key::RetentionMode,
            Key::RetentionDays,
            Key::RetentionMessages,
            Key::ReconnectEnabled,
            Key::ReconnectMinMs,
            Key::ReconnectMaxMs,
            Key::ProxyKind,
            Key::ProxyHost,
            Key::ProxyPort};
}

void AppSettings::restoreDefaults(const QList<Key> &keys)
{
    QList<Key> changedKeys;
    for (Key key : keys) {
        if (!contains(key))
            continue;
        const QVariant was = effective(key);
        m_store.remove(storageKey(key));
        if (effective(key) != was)
            changedKeys.append(key);
    }
    syncPrivately();
    for (Key key : changedKeys)
        emit changed(key);
}

QVariant AppSettings::effective(Key key) const
{
    // What the getter gives, default included, so that a stored default is no change.
    switch (key) {
    case Key::Theme:
        return int(theme());
    case Key::ToolbarText:
        return toolbarText();
    case Key::StreamFontSize:
        return streamFontSize();
    case Key::PreviewLines:
        return previewLines();
    case Key::TimestampFormat:
        return timestampFormat();
    case Key::ConfirmClearHistory:
        return confirmClearHistory();
    case Key::RetentionMode:
        return int(retentionMode());
    case Key::RetentionDays:
        return retentionDays();
    case Key::RetentionMessages:
        return retentionMessages();
    case Key::ReconnectEnabled:
        return reconnectEnabled();
    case Key::ReconnectMinMs:
        return reconnectMinMs();
    case Key::ReconnectMaxMs:
        return reconnectMaxMs();
    case Key::ProxyKind:
        return proxyKind();
    case Key::ProxyPort:
        return int(proxyPort());
    case Key::AlertNotifications:
        return alertNotifications();
    case Key::CompactByDefault:
    case Key::TimestampsUtc:
    case Key::LogPackets:
    case Key::LocalBrokerOffered:
        return value(key).toBool();
    default:
        return value(key);
    }
}

bool AppSettings::listHas(Key key, qint64 profileId) const
{
    return value(key).toStringList().contains(QString::number(profileId));
}

void AppSettings::setListHas(Key key, qint64 profileId, bool has)
{
    const QStringList current = value(key).toStringList();
    QStringList next = current;
    const QString id = QString::number(profileId);
    next.removeAll(id);
    if (has)
        next.append(id);
    if (next != current)
        store(key, current, next);
}

} // namespace mqttdesk
