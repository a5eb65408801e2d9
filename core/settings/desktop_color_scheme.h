#pragma once

#include <QDBusConnection>
#include <QFileSystemWatcher>
#include <QObject>
#include <QString>

class QDBusMessage;
class QDBusVariant;

namespace mqttdesk {

// Whether the desktop prefers light or dark, and when that changes. Qt 6.4 has no colour
// scheme hint (QStyleHints::colorScheme() came in 6.5), so this asks the desktop itself:
// - the XDG settings portal (org.freedesktop.portal.Settings, key
//   org.freedesktop.appearance color-scheme: 1 = prefer dark, 2 = prefer light), read once
//   and followed through its SettingChanged signal; GNOME, KDE and others serve it;
// - without a portal answer, the desktop's files under $XDG_CONFIG_HOME: KDE's kdeglobals
//   (its window background colour, else the colour scheme's name) and GTK's settings.ini
//   (gtk-application-prefer-dark-theme, else a theme name ending in "-dark"), watched for
//   changes.
// Asynchronous: the portal's answer arrives after the constructor; changed() then.
class DesktopColorScheme : public QObject
{
    Q_OBJECT
public:
    enum class Scheme
    {
        Unknown, // no preference found: keep the platform's palette
        Light,
        Dark,
    };
    Q_ENUM(Scheme)

    // The session bus and $XDG_CONFIG_HOME (else ~/.config).
    explicit DesktopColorScheme(QObject *parent = nullptr);
    // A given bus (a test's private one; not connected = no portal) and config folder.
    DesktopColorScheme(const QDBusConnection &bus, const QString &configHome,
                       QObject *parent = nullptr);
    ~DesktopColorScheme() override;

    Scheme scheme() const { return m_scheme; }
    // Where the answer came from: "portal", "kde", "gtk" or "" (none).
    QString source() const { return m_source; }

    // The parts, for tests: the portal's value (a uint, possibly wrapped in variants), a
    // kdeglobals file, a GTK settings.ini file.
    static Scheme fromPortalValue(const QVariant &value);
    static Scheme fromKdeGlobals(const QByteArray &ini);
    static Scheme fromGtkSettings(const QByteArray &ini);

signals:
    void changed(mqttdesk::DesktopColorScheme::Scheme scheme);

private slots:
    void portalSettingChanged(const QString &group, const QString &key, const QDBusVariant &value);

private:
    void askPortal();
    void readFiles();
    void watchFiles();
    void set(Scheme scheme, const QString &source);

    QDBusConnection m_bus;
    QString m_configHome;
    QFileSystemWatcher m_watcher;
    Scheme m_scheme = Scheme::Unknown;
    QString m_source;
    bool m_portalAnswers = false; // the portal knows the key: the files are not asked
};

} // namespace mqttdesk
