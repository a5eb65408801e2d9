// DesktopColorScheme: the parsers of the portal's value, KDE's kdeglobals and GTK's
// settings.ini; files followed live in a temporary $XDG_CONFIG_HOME; and the XDG settings
// portal on a private session bus (a real dbus-daemon, with a fake portal service on it).
#include "core/settings/desktop_color_scheme.h"

#include <QDBusAbstractAdaptor>
#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusVariant>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSaveFile>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace mqttdesk;
using Scheme = DesktopColorScheme::Scheme;

namespace {

void write(const QString &path, const QByteArray &text)
{
    QDir().mkpath(QFileInfo(path).path());
    QSaveFile file(path); // replaced by a rename, as desktops do
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(text);
    QVERIFY(file.commit());
}

} // namespace

// The portal's Settings interface, as xdg-desktop-portal serves it (the part we read).
class FakePortal : public QObject
{
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.portal.Settings")
public:
    uint scheme = 1;
    int reads = 0;

public slots:
    QDBusVariant Read(const QString &group, const QString &key, const QDBusMessage &message)
    {
        ++reads;
        if (group != QLatin1String("org.freedesktop.appearance") ||
            key != QLatin1String("color-scheme")) {
            // As the portal answers a key it does not have.
            message.setDelayedReply(true);
            QDBusConnection(QStringLiteral("portal-server"))
                .send(message.createErrorReply(
                    QStringLiteral("org.freedesktop.portal.Error.NotFound"),
                    QStringLiteral("Requested setting not found")));
            return QDBusVariant();
        }
        // Wrapped twice, as portals before version 2 answer.
        return QDBusVariant(QVariant::fromValue(QDBusVariant(scheme)));
    }

signals:
    void SettingChanged(const QString &group, const QString &key, const QDBusVariant &value);
};

class TstDesktopColorScheme : public QObject
{
    Q_OBJECT
private slots:
    void portalValues();
    void kdeGlobals();
    void gtkSettings();
    void noFilesNoBus();
    void followsFilesLive();
    void kdeBeatsGtk();
    void portalOnAPrivateBus();
};

void TstDesktopColorScheme::portalValues()
{
    QCOMPARE(DesktopColorScheme::fromPortalValue(QVariant(1u)), Scheme::Dark);
    QCOMPARE(DesktopColorScheme::fromPortalValue(QVariant(2u)), Scheme::Light);
    QCOMPARE(DesktopColorScheme::fromPortalValue(QVariant(0u)), Scheme::Unknown);
    QCOMPARE(DesktopColorScheme::fromPortalValue(QVariant(7u)), Scheme::Unknown);
    QCOMPARE(DesktopColorScheme::fromPortalValue(QVariant(QStringLiteral("x"))), Scheme::Unknown);
    QCOMPARE(DesktopColorScheme::fromPortalValue(QVariant()), Scheme::Unknown);
    // One and two variants deep.
    QCOMPARE(DesktopColorScheme::fromPortalValue(QVariant::fromValue(QDBusVariant(1u))),
             Scheme::Dark);
    QCOMPARE(DesktopColorScheme::fromPortalValue(
                 QVariant::fromValue(QDBusVariant(QVariant::fromValue(QDBusVariant(2u))))),
             Scheme::Light);
}

void TstDesktopColorScheme::kdeGlobals()
{
    // Breeze Dark's window background.
    QCOMPARE(DesktopColorScheme::fromKdeGlobals("[General]\nColorScheme=BreezeDark\n\n"
                                                "[Colors:Window]\nBackgroundNormal=32,35,38\n"),
             Scheme::Dark);
    QCOMPARE(DesktopColorScheme::fromKdeGlobals("[Colors:Window]\nBackgroundNormal=239,240,241\n"),
             Scheme::Light);
    // The colour wins over a misleading name; the name alone when there is no colour.
    QCOMPARE(DesktopColorScheme::fromKdeGlobals("[General]\nColorScheme=MyDarkish\n"
                                                "[Colors:Window]\nBackgroundNormal=250,250,250\n"),
             Scheme::Light);
    QCOMPARE(DesktopColorScheme::fromKdeGlobals("[General]\nColorScheme=BreezeDark\n"),
             Scheme::Dark);
    QCOMPARE(DesktopColorScheme::fromKdeGlobals("[General]\nColorScheme=BreezeLight\n"),
             Scheme::Light);
    // Keys of other groups do not count; broken colours fall back to the name.
    QCOMPARE(DesktopColorScheme::fromKdeGlobals("[Colors:View]\nBackgroundNormal=0,0,0\n"),
             Scheme::Unknown);
    QCOMPARE(DesktopColorScheme::fromKdeGlobals("[Colors:Window]\nBackgroundNormal=a,b,c\n"),
             Scheme::Unknown);
    QCOMPARE(DesktopColorScheme::fromKdeGlobals(QByteArray()), Scheme::Unknown);
}

void TstDesktopColorScheme::gtkSettings()
{
    QCOMPARE(DesktopColorScheme::fromGtkSettings(
                 "[Settings]\ngtk-application-prefer-dark-theme=1\ngtk-theme-name=Adwaita\n"),
             Scheme::Dark);
    QCOMPARE(DesktopColorScheme::fromGtkSettings(
                 "[Settings]\ngtk-application-prefer-dark-theme = true\n"),
             Scheme::Dark);
    QCOMPARE(DesktopColorScheme::fromGtkSettings("[Settings]\ngtk-theme-name=Adwaita-dark\n"),
             Scheme::Dark);
    QCOMPARE(DesktopColorScheme::fromGtkSettings("[Settings]\ngtk-theme-name=Adwaita\n"),
             Scheme::Light);
    QCOMPARE(
        DesktopColorScheme::fromGtkSettings("[Settings]\ngtk-application-prefer-dark-theme=0\n"),
        Scheme::Light);
    QCOMPARE(DesktopColorScheme::fromGtkSettings("[Other]\ngtk-theme-name=Adwaita-dark\n"),
             Scheme::Unknown);
    QCOMPARE(DesktopColorScheme::fromGtkSettings("garbage\n\xff\xfe"), Scheme::Unknown);
}

void TstDesktopColorScheme::noFilesNoBus()
{
    QTemporaryDir config;
    const DesktopColorScheme desktop(QDBusConnection(QStringLiteral("none")), config.path());
    QCOMPARE(desktop.scheme(), Scheme::Unknown);
    QCOMPARE(desktop.source(), QString());
}

void TstDesktopColorScheme::followsFilesLive()
{
    QTemporaryDir config;
    const QString gtk = config.path() + QStringLiteral("/gtk-3.0/settings.ini");
    write(gtk, "[Settings]\ngtk-theme-name=Adwaita\n");
    DesktopColorScheme desktop(QDBusConnection(QStringLiteral("none")), config.path());
    QCOMPARE(desktop.scheme(), Scheme::Light);
    QCOMPARE(desktop.source(), QStringLiteral("gtk"));

    QSignalSpy changed(&desktop, &DesktopColorScheme::changed);
    write(gtk, "[Settings]\ngtk-theme-name=Adwaita-dark\n");
    QTRY_COMPARE(desktop.scheme(), Scheme::Dark);
    QCOMPARE(changed.first().first().value<Scheme>(), Scheme::Dark);

    // A file that did not exist when watching began.
    const QString kde = config.path() + QStringLiteral("/kdeglobals");
    write(kde, "[Colors:Window]\nBackgroundNormal=239,240,241\n");
    QTRY_COMPARE(desktop.scheme(), Scheme::Light);
    QCOMPARE(desktop.source(), QStringLiteral("kde"));
    write(kde, "[Colors:Window]\nBackgroundNormal=32,35,38\n");
    QTRY_COMPARE(desktop.scheme(), Scheme::Dark);
}

void TstDesktopColorScheme::kdeBeatsGtk()
{
    QTemporaryDir config;
    write(config.path() + QStringLiteral("/gtk-3.0/settings.ini"),
          "[Settings]\ngtk-theme-name=Breeze\n");
    write(config.path() + QStringLiteral("/kdeglobals"),
          "[Colors:Window]\nBackgroundNormal=32,35,38\n");
    const DesktopColorScheme desktop(QDBusConnection(QStringLiteral("none")), config.path());
    QCOMPARE(desktop.scheme(), Scheme::Dark);
    QCOMPARE(desktop.source(), QStringLiteral("kde"));
}

void TstDesktopColorScheme::portalOnAPrivateBus()
{
    const QString daemon = QStandardPaths::findExecutable(QStringLiteral("dbus-daemon"));
    if (daemon.isEmpty())
        QFAIL("dbus-daemon is missing (Debian package dbus, see scripts/deps)");
    QTemporaryDir config;
    // The files say light; the portal, once it answers, says dark and wins.
    write(config.path() + QStringLiteral("/gtk-3.0/settings.ini"),
          "[Settings]\ngtk-theme-name=Adwaita\n");

    QProcess bus;
    bus.start(daemon, {QStringLiteral("--session"), QStringLiteral("--nofork"),
                       QStringLiteral("--print-address")});
    QVERIFY(bus.waitForStarted(5000));
    QTRY_VERIFY_WITH_TIMEOUT(bus.canReadLine(), 10000);
    const QString address = QString::fromUtf8(bus.readLine()).trimmed();
    QVERIFY(!address.isEmpty());

    {
        QDBusConnection server =
            QDBusConnection::connectToBus(address, QStringLiteral("portal-server"));
        QVERIFY(server.isConnected());
        FakePortal portal;
        QVERIFY(server.registerService(QStringLiteral("org.freedesktop.portal.Desktop")));
        QVERIFY(server.registerObject(QStringLiteral("/org/freedesktop/portal/desktop"), &portal,
                                      QDBusConnection::ExportAllSlots |
                                          QDBusConnection::ExportAllSignals));

        QDBusConnection client =
            QDBusConnection::connectToBus(address, QStringLiteral("portal-client"));
        QVERIFY(client.isConnected());
        DesktopColorScheme desktop(client, config.path());
        QCOMPARE(desktop.scheme(), Scheme::Light); // the files, until the portal answers
        QTRY_COMPARE(desktop.scheme(), Scheme::Dark);
        QCOMPARE(desktop.source(), QStringLiteral("portal"));
        QCOMPARE(portal.reads, 1);

        // The desktop switches: the portal's signal, with the value wrapped once.
        emit portal.SettingChanged(QStringLiteral("org.freedesktop.appearance"),
                                   QStringLiteral("color-scheme"), QDBusVariant(2u));
        QTRY_COMPARE(desktop.scheme(), Scheme::Light);
        // Other keys change nothing.
        emit portal.SettingChanged(QStringLiteral("org.gnome.desktop.interface"),
                                   QStringLiteral("color-scheme"), QDBusVariant(1u));
        emit portal.SettingChanged(QStringLiteral("org.freedesktop.appearance"),
                                   QStringLiteral("color-scheme"), QDBusVariant(1u));
        QTRY_COMPARE(desktop.scheme(), Scheme::Dark);

        // Once the portal answers, the files no longer count.
        write(config.path() + QStringLiteral("/gtk-3.0/settings.ini"),
              "[Settings]\ngtk-theme-name=Adwaita\n");
        QCoreApplication::processEvents();
        QCOMPARE(desktop.scheme(), Scheme::Dark);
    }
    QDBusConnection::disconnectFromBus(QStringLiteral("portal-client"));
    QDBusConnection::disconnectFromBus(QStringLiteral("portal-server"));
    bus.terminate();
    QVERIFY(bus.waitForFinished(5000));
}

QTEST_GUILESS_MAIN(TstDesktopColorScheme)
#include "tst_desktop_color_scheme.moc"
