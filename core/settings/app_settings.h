#pragma once

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QSettings>
#include <QString>
#include <QStringList>
#include <QVariant>
#include <QtGlobal>

namespace mqttdesk {

// The app's settings, one store per data directory: typed getters and setters with their
// defaults, and changed() for each value that changes. Every setter writes through at once,
// so that an app that is killed keeps what was set.
//
// Stored in <data dir>/mqttdesk-window.ini (the file the window state has always been kept
// in, so existing settings carry over). The language used to live in the platform's
// QSettings() location: it is copied from there once, when the data directory has none.
class AppSettings : public QObject
{
    Q_OBJECT
public:
    enum class Key
    {
        Language,           // "ui/language": "" = the system's
        LogPackets,         // "log/packets": false
        WindowGeometry,     // "window/geometry": empty
        WindowState,        // "window/state": empty
        SplitterState,      // "window/splitter": empty
        CollapsedFolders,   // "window/collapsedFolders": none
        LastConnection,     // "window/lastConnection": 0 = none
        LocalBrokerOffered, // "firstStart/localBrokerOffered": false
        PreviewLines,       // "stream/previewLines": 12
        CompactStreams,     // "stream/compactProfiles": none
        TopicsViews,        // "stream/topicsProfiles": none
        // The Settings dialog's values.
        Theme,               // "ui/theme": "system"
        ToolbarText,         // "ui/toolbarText": true (icons and text)
        StreamFontSize,      // "stream/fontSize": 0 = the app's font size
        PayloadFont,         // "stream/payloadFont": "" = the system's monospace font
        CompactByDefault,    // "stream/compactDefault": false
        BubbleStreams,       // "stream/bubbleProfiles": none (bubbles chosen over the default)
        TimestampsUtc,       // "stream/timestampsUtc": false
        TimestampFormat,     // "stream/timestampFormat": "HH:mm:ss.zzz"
        ConfirmClearHistory, // "history/confirmClear": true
        RetentionMode,       // "history/retentionMode": "all"
        RetentionDays,       // "history/retentionDays": 30
        RetentionMessages,   // "history/retentionMessages": 100000
        ReconnectEnabled,    // "defaults/reconnect": true
        ReconnectMinMs,      // "defaults/reconnectMinMs": 1000
        ReconnectMaxMs,      // "defaults/reconnectMaxMs": 10000
        ProxyKind,           // "defaults/proxyKind": "none"
        ProxyHost,           // "defaults/proxyHost": ""
        ProxyPort,           // "defaults/proxyPort": 0
        AlertNotifications,  // "alerts/notifications": true
    };
    Q_ENUM(Key)

    explicit AppSettings(const QString &dataDir, QObject *parent = nullptr);
    ~AppSettings() override;

    // The settings file inside a data directory.
    static QString filePath(const QString &dataDir);
    // The name a key is stored under, e.g. "window/lastConnection".
    static QString storageKey(Key key);

    // The UI language, a locale name such as "zh_CN"; "" follows the system.
    QString language() const;
    void setLanguage(const QString &locale);

    // View > Log packets: a log line per MQTT packet (slows floods down).
    bool logPackets() const;
    void setLogPackets(bool on);

    // QWidget::saveGeometry(), QMainWindow::saveState(), QSplitter::saveState().
    QByteArray windowGeometry() const;
    void setWindowGeometry(const QByteArray &geometry);
    QByteArray windowState() const;
    void setWindowState(const QByteArray &state);
    QByteArray splitterState() const;
    void setSplitterState(const QByteArray &state);

    // The sidebar folders the user collapsed.
    QStringList collapsedFolders() const;
    void setCollapsedFolders(const QStringList &folders);

    // The profile id selected last (0: none).
    qint64 lastConnection() const;
    void setLastConnection(qint64 profileId);

    // Whether the first start already added the "Local broker" profile.
    bool localBrokerOffered() const;
    void setLocalBrokerOffered(bool offered);

    // How many payload lines a bubble shows before "… N more lines" (1..200).
    static constexpr int kDefaultPreviewLines = 12;
    int previewLines() const;
    void setPreviewLines(int lines);

    // The connections whose stream is in compact mode (one row per message).
    bool compactStream(qint64 profileId) const;
    void setCompactStream(qint64 profileId, bool compact);

    // The connections that show their Topics view instead of the stream.
    bool topicsView(qint64 profileId) const;
    void setTopicsView(qint64 profileId, bool shown);

    // Light, dark, or whatever the desktop prefers.
    enum class ThemeMode
    {
        System,
        Light,
        Dark,
    };
    ThemeMode theme() const;
    void setTheme(ThemeMode mode);

    // The main toolbar's buttons: icons with their text (true) or icons only.
    bool toolbarText() const;
    void setToolbarText(bool withText);

    // The stream's font size in points (6..40); 0 keeps the app's.
    int streamFontSize() const;
    void setStreamFontSize(int points);
    // The family of the monospace font payloads are shown in; "" = the system's.
    QString payloadFont() const;
    void setPayloadFont(const QString &family);

    // Whether a connection the user never switched shows compact rows or bubbles.
    bool compactByDefault() const;
    void setCompactByDefault(bool compact);

    // Message times in UTC rather than local time, in a QTime format ("HH:mm:ss.zzz").
    static QString defaultTimestampFormat();
    bool timestampsUtc() const;
    void setTimestampsUtc(bool utc);
    QString timestampFormat() const;
    void setTimestampFormat(const QString &format); // "" = the default

    // Whether Clear history asks first.
    bool confirmClearHistory() const;
    void setConfirmClearHistory(bool ask);

    // The history a new connection keeps: everything, the last N days, or the last N
    // messages. (Each connection then has its own, in the Connection dialog.)
    enum class RetentionMode
    {
        KeepAll,
        Days,
        Messages,
    };
    RetentionMode retentionMode() const;
    void setRetentionMode(RetentionMode mode);
    int retentionDays() const; // 1..3650
    void setRetentionDays(int days);
    qint64 retentionMessages() const; // 1..1e9
    void setRetentionMessages(qint64 count);

    // How a new connection reconnects (Connection dialog > Advanced).
    bool reconnectEnabled() const;
    void setReconnectEnabled(bool on);
    int reconnectMinMs() const; // 100..600000
    void setReconnectMinMs(int ms);
    int reconnectMaxMs() const; // 100..3600000
    void setReconnectMaxMs(int ms);

    // The proxy a new connection starts with: "none", "http" or "socks5".
    QString proxyKind() const;
    void setProxyKind(const QString &kind);
    QString proxyHost() const;
    void setProxyHost(const QString &host);
    quint16 proxyPort() const;
    void setProxyPort(quint16 port);

    // A desktop notification when an alert rule fires (the Alerts panel logs it either way).
    bool alertNotifications() const;
    void setAlertNotifications(bool on);

    // Removes the stored values of `keys` (their getters give the defaults again), with
    // changed() for each whose value changes.
    void restoreDefaults(const QList<Key> &keys);
    // The keys the Settings dialog's Restore defaults resets.
    static QList<Key> preferenceKeys();

    // Whether `key` holds a stored value (otherwise the getter gives the default).
    bool contains(Key key) const;
    // Whether the last write reached the file.
    bool isWritable() const;

signals:
    void changed(mqttdesk::AppSettings::Key key);

private:
    QVariant value(Key key) const;
    QVariant effective(Key key) const;
    // Stores `next` unless it is already stored; changed(key) when it differs from `current`
    // (what the getter gave, default included).
    template<typename T>
    void store(Key key, const T &current, const T &next);
    void migrateLanguage();
    void syncPrivately();
    bool listHas(Key key, qint64 profileId) const;
    void setListHas(Key key, qint64 profileId, bool has);

    QSettings m_store;
    bool m_private = false; // the file's mode is 0600
};

} // namespace mqttdesk
