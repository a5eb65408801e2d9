// AppSettings, headless: defaults, a round trip through a restart, write-through, change
// signals, the existing mqttdesk-window.ini, and the one-time copy of the language from the
// old QSettings() location (redirected into a temporary folder).
#include "core/settings/app_settings.h"

#include <QFile>
#include <QFileInfo>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace mqttdesk;

class TstAppSettings : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void defaults();
    void roundTripThroughARestart();
    void writesThroughAtOnce();
    void changeSignals();
    void readsTheExistingWindowIni();
    void migratesTheLanguageOnce();
    void keepsALanguageAlreadyThere();
    void fileIsPrivate();
    void preferencesDefaultsAndBounds();
    void compactDefaultAndOwnChoices();
    void restoreDefaults();
    void alertNotificationsOnByDefault();

private:
    static QSettings legacy() { return QSettings(); }

    QTemporaryDir m_legacyDir;
};

void TstAppSettings::initTestCase()
{
    QVERIFY(m_legacyDir.isValid());
    // QSettings() as the app had it, in a folder of our own rather than the user's.
    QCoreApplication::setOrganizationName(QStringLiteral("mqttdesk"));
    QCoreApplication::setApplicationName(QStringLiteral("mqttdesk"));
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_legacyDir.path());
}

void TstAppSettings::init()
{
    QSettings old;
    old.clear();
    old.sync();
}

void TstAppSettings::defaults()
{
    QTemporaryDir dir;
    const AppSettings s(dir.path());
    QCOMPARE(s.language(), QString());
    QCOMPARE(s.logPackets(), false);
    QCOMPARE(s.windowGeometry(), QByteArray());
    QCOMPARE(s.windowState(), QByteArray());
    QCOMPARE(s.splitterState(), QByteArray());
    QCOMPARE(s.collapsedFolders(), QStringList());
    QCOMPARE(s.lastConnection(), qint64(0));
    QCOMPARE(s.localBrokerOffered(), false);
    QCOMPARE(s.previewLines(), 12);
    QCOMPARE(s.compactStream(1), false);
    QCOMPARE(s.topicsView(1), false);
    QVERIFY(!s.contains(AppSettings::Key::Language));
    QVERIFY(!s.contains(AppSettings::Key::LastConnection));
    // Reading writes nothing.
    QVERIFY(!QFile::exists(AppSettings::filePath(dir.path())));
}

void TstAppSettings::roundTripThroughARestart()
{
    QTemporaryDir dir;
    const QByteArray geometry("\x01\xd9\xd0\xcb\x00\x03\x00\x00", 8);
    {
        AppSettings s(dir.path());
        s.setLanguage(QStringLiteral("zh_CN"));
        s.setLogPackets(true);
        s.setWindowGeometry(geometry);
        s.setWindowState(QByteArrayLiteral("state"));
        s.setSplitterState(QByteArray(3, '\0'));
        s.setCollapsedFolders({QStringLiteral("A site"), QStringLiteral("工厂")});
        s.setLastConnection(Q_INT64_C(5000000000));
        s.setLocalBrokerOffered(true);
        s.setPreviewLines(30);
        s.setCompactStream(3, true);
        s.setCompactStream(Q_INT64_C(5000000000), true);
        s.setCompactStream(3, false);
        s.setTopicsView(4, true);
        QVERIFY(s.isWritable());
    }
    const AppSettings s(dir.path());
    QCOMPARE(s.language(), QStringLiteral("zh_CN"));
    QCOMPARE(s.logPackets(), true);
    QCOMPARE(s.windowGeometry(), geometry);
    QCOMPARE(s.windowState(), QByteArrayLiteral("state"));
    QCOMPARE(s.splitterState(), QByteArray(3, '\0'));
    QCOMPARE(s.collapsedFolders(), (QStringList{QStringLiteral("A site"), QStringLiteral("工厂")}));
    QCOMPARE(s.lastConnection(), Q_INT64_C(5000000000));
    QCOMPARE(s.localBrokerOffered(), true);
    QCOMPARE(s.previewLines(), 30);
    QCOMPARE(s.compactStream(3), false);
    QCOMPARE(s.compactStream(Q_INT64_C(5000000000)), true);
    QCOMPARE(s.topicsView(4), true);
    QCOMPARE(s.topicsView(3), false);
    QCOMPARE(s.compactStream(4), false);
}

void TstAppSettings::writesThroughAtOnce()
{
    // What a kill leaves behind: the file as it is while the store is still open.
    QTemporaryDir dir;
    AppSettings s(dir.path());
    s.setLastConnection(42);
    s.setLogPackets(true);
    const QSettings file(AppSettings::filePath(dir.path()), QSettings::IniFormat);
    QCOMPARE(file.value(QStringLiteral("window/lastConnection")).toLongLong(), qint64(42));
    QCOMPARE(file.value(QStringLiteral("log/packets")).toBool(), true);
}

void TstAppSettings::changeSignals()
{
    QTemporaryDir dir;
    AppSettings s(dir.path());
    QSignalSpy changed(&s, &AppSettings::changed);
    auto last = [&changed] { return changed.last().at(0).value<AppSettings::Key>(); };

    s.setLogPackets(true);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(last(), AppSettings::Key::LogPackets);
    s.setLogPackets(true); // the same value: nothing
    QCOMPARE(changed.size(), 1);
    s.setLanguage(QString()); // the default, not stored yet: no change either
    QCOMPARE(changed.size(), 1);
    QVERIFY(s.contains(AppSettings::Key::Language));

    s.setLanguage(QStringLiteral("zh_CN"));
    QCOMPARE(last(), AppSettings::Key::Language);
    s.setWindowGeometry(QByteArrayLiteral("g"));
    QCOMPARE(last(), AppSettings::Key::WindowGeometry);
    s.setWindowState(QByteArrayLiteral("s"));
    QCOMPARE(last(), AppSettings::Key::WindowState);
    s.setSplitterState(QByteArrayLiteral("p"));
    QCOMPARE(last(), AppSettings::Key::SplitterState);
    s.setCollapsedFolders({QStringLiteral("f")});
    QCOMPARE(last(), AppSettings::Key::CollapsedFolders);
    s.setLastConnection(7);
    QCOMPARE(last(), AppSettings::Key::LastConnection);
    s.setLocalBrokerOffered(true);
    QCOMPARE(last(), AppSettings::Key::LocalBrokerOffered);
    s.setPreviewLines(3);
    QCOMPARE(last(), AppSettings::Key::PreviewLines);
    s.setCompactStream(9, true);
    QCOMPARE(last(), AppSettings::Key::CompactStreams);
    s.setCompactStream(9, true); // already compact: nothing
    s.setTopicsView(9, true);
    QCOMPARE(last(), AppSettings::Key::TopicsViews);
    QCOMPARE(changed.size(), 11);
    // Out of range is held to 1..200.
    s.setPreviewLines(0);
    QCOMPARE(s.previewLines(), 1);
    s.setPreviewLines(100000);
    QCOMPARE(s.previewLines(), 200);
    QCOMPARE(changed.size(), 13);
    s.setCompactStream(9, false);
    s.setPreviewLines(3);
    changed.clear();
    s.setLastConnection(0); // back to the default is a change
    QCOMPARE(changed.size(), 1);
    QCOMPARE(last(), AppSettings::Key::LastConnection);
}

void TstAppSettings::readsTheExistingWindowIni()
{
    // Written the way MainWindow kept its state before AppSettings.
    QTemporaryDir dir;
    {
        QSettings old(dir.filePath(QStringLiteral("mqttdesk-window.ini")), QSettings::IniFormat);
        old.setValue(QStringLiteral("window/geometry"), QByteArrayLiteral("geo"));
        old.setValue(QStringLiteral("window/state"), QByteArrayLiteral("st"));
        old.setValue(QStringLiteral("window/splitter"), QByteArrayLiteral("sp"));
        old.setValue(QStringLiteral("window/lastConnection"), qint64(12));
        old.setValue(QStringLiteral("window/collapsedFolders"),
                     QStringList{QStringLiteral("x"), QStringLiteral("y")});
        old.setValue(QStringLiteral("log/packets"), true);
        old.setValue(QStringLiteral("firstStart/localBrokerOffered"), true);
    }
    QCOMPARE(AppSettings::filePath(dir.path()),
             dir.filePath(QStringLiteral("mqttdesk-window.ini")));
    const AppSettings s(dir.path());
    QCOMPARE(s.windowGeometry(), QByteArrayLiteral("geo"));
    QCOMPARE(s.windowState(), QByteArrayLiteral("st"));
    QCOMPARE(s.splitterState(), QByteArrayLiteral("sp"));
    QCOMPARE(s.lastConnection(), qint64(12));
    QCOMPARE(s.collapsedFolders(), (QStringList{QStringLiteral("x"), QStringLiteral("y")}));
    QCOMPARE(s.logPackets(), true);
    QCOMPARE(s.localBrokerOffered(), true);
}

void TstAppSettings::migratesTheLanguageOnce()
{
    {
        QSettings old;
        old.setValue(QStringLiteral("ui/language"), QStringLiteral("zh_CN"));
    }
    QTemporaryDir dir;
    {
        const AppSettings s(dir.path());
        QCOMPARE(s.language(), QStringLiteral("zh_CN"));
    }
    // Copied into the data directory, not read through each time.
    const QSettings file(AppSettings::filePath(dir.path()), QSettings::IniFormat);
    QCOMPARE(file.value(QStringLiteral("ui/language")).toString(), QStringLiteral("zh_CN"));
    {
        QSettings old;
        old.setValue(QStringLiteral("ui/language"), QStringLiteral("en"));
    }
    {
        AppSettings s(dir.path());
        QCOMPARE(s.language(), QStringLiteral("zh_CN"));
        s.setLanguage(QString()); // back to the system language: stays so
    }
    const AppSettings s(dir.path());
    QCOMPARE(s.language(), QString());
    // The old location is left as it was.
    QCOMPARE(legacy().value(QStringLiteral("ui/language")).toString(), QStringLiteral("en"));
}

void TstAppSettings::keepsALanguageAlreadyThere()
{
    QTemporaryDir dir;
    {
        AppSettings s(dir.path());
        s.setLanguage(QStringLiteral("en"));
    }
    {
        QSettings old;
        old.setValue(QStringLiteral("ui/language"), QStringLiteral("zh_CN"));
    }
    QCOMPARE(AppSettings(dir.path()).language(), QStringLiteral("en"));
    // Nothing to copy: nothing written.
    QTemporaryDir empty;
    {
        QSettings old;
        old.remove(QStringLiteral("ui/language"));
    }
    QCOMPARE(AppSettings(empty.path()).language(), QString());
    QVERIFY(!QFile::exists(AppSettings::filePath(empty.path())));
}

void TstAppSettings::fileIsPrivate()
{
    const QFile::Permissions others =
        QFile::ReadGroup | QFile::WriteGroup | QFile::ReadOther | QFile::WriteOther;
    QTemporaryDir dir;
    {
        AppSettings s(dir.path());
        s.setLogPackets(true);
        QCOMPARE(QFileInfo(AppSettings::filePath(dir.path())).permissions() & others,
                 QFile::Permissions());
        s.setLogPackets(false); // rewritten: the mode stays
        QCOMPARE(QFileInfo(AppSettings::filePath(dir.path())).permissions() & others,
                 QFile::Permissions());
    }
    // A file an older version left readable by others is tightened at the next write.
    QVERIFY(QFile::setPermissions(AppSettings::filePath(dir.path()),
                                  QFile::ReadOwner | QFile::WriteOwner | QFile::ReadOther));
    AppSettings s(dir.path());
    s.setLogPackets(true);
    QCOMPARE(QFileInfo(AppSettings::filePath(dir.path())).permissions() & others,
             QFile::Permissions());
}

void TstAppSettings::preferencesDefaultsAndBounds()
{
    QTemporaryDir dir;
    AppSettings s(dir.path());
    QCOMPARE(s.theme(), AppSettings::ThemeMode::System);
    QCOMPARE(s.toolbarText(), true);
    QCOMPARE(s.streamFontSize(), 0);
    QCOMPARE(s.payloadFont(), QString());
    QCOMPARE(s.compactByDefault(), false);
    QCOMPARE(s.timestampsUtc(), false);
    QCOMPARE(s.timestampFormat(), QStringLiteral("HH:mm:ss.zzz"));
    QCOMPARE(s.confirmClearHistory(), true);
    QCOMPARE(s.retentionMode(), AppSettings::RetentionMode::KeepAll);
    QCOMPARE(s.retentionDays(), 30);
    QCOMPARE(s.retentionMessages(), qint64(100000));
    QCOMPARE(s.reconnectEnabled(), true);
    QCOMPARE(s.reconnectMinMs(), 1000);
    QCOMPARE(s.reconnectMaxMs(), 10000);
    QCOMPARE(s.proxyKind(), QStringLiteral("none"));
    QCOMPARE(s.proxyPort(), quint16(0));

    s.setTheme(AppSettings::ThemeMode::Dark);
    s.setToolbarText(false);
    s.setStreamFontSize(3); // below 6: the app's size
    QCOMPARE(s.streamFontSize(), 0);
    s.setStreamFontSize(99);
    QCOMPARE(s.streamFontSize(), 40);
    s.setTimestampFormat(QStringLiteral("  "));
    QCOMPARE(s.timestampFormat(), QStringLiteral("HH:mm:ss.zzz"));
    s.setTimestampFormat(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    s.setRetentionDays(0);
    QCOMPARE(s.retentionDays(), 1);
    s.setRetentionMessages(-5);
    QCOMPARE(s.retentionMessages(), qint64(1));
    s.setProxyKind(QStringLiteral("gopher"));
    QCOMPARE(s.proxyKind(), QStringLiteral("none"));
    s.setProxyKind(QStringLiteral("socks5"));
    s.setProxyPort(1080);

    const AppSettings again(dir.path());
    QCOMPARE(again.theme(), AppSettings::ThemeMode::Dark);
    QCOMPARE(again.toolbarText(), false);
    QCOMPARE(again.streamFontSize(), 40);
    QCOMPARE(again.timestampFormat(), QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    QCOMPARE(again.proxyKind(), QStringLiteral("socks5"));
    QCOMPARE(again.proxyPort(), quint16(1080));
}

void TstAppSettings::compactDefaultAndOwnChoices()
{
    QTemporaryDir dir;
    AppSettings s(dir.path());
    s.setCompactStream(1, true);
    s.setCompactStream(2, false); // the default already: nothing kept
    QVERIFY(!s.contains(AppSettings::Key::BubbleStreams));
    s.setCompactByDefault(true);
    QCOMPARE(s.compactStream(1), true);
    QCOMPARE(s.compactStream(2), true); // follows the new default
    QCOMPARE(s.compactStream(3), true);
    s.setCompactStream(3, false); // its own choice, kept against the default
    s.setCompactByDefault(false);
    s.setCompactByDefault(true);
    QCOMPARE(s.compactStream(3), false);
    QCOMPARE(s.compactStream(1), true);
}

void TstAppSettings::restoreDefaults()
{
    QTemporaryDir dir;
    AppSettings s(dir.path());
    s.setTheme(AppSettings::ThemeMode::Light);
    s.setPreviewLines(12); // stored, but the default: no change when restored
    s.setLastConnection(7);
    QSignalSpy changed(&s, &AppSettings::changed);
    s.restoreDefaults(AppSettings::preferenceKeys());
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.first().first().value<AppSettings::Key>(), AppSettings::Key::Theme);
    QCOMPARE(s.theme(), AppSettings::ThemeMode::System);
    QVERIFY(!s.contains(AppSettings::Key::PreviewLines));
    QCOMPARE(s.lastConnection(), qint64(7)); // not a preference
    QVERIFY(!AppSettings::preferenceKeys().contains(AppSettings::Key::WindowGeometry));
}

void TstAppSettings::alertNotificationsOnByDefault()
{
    QTemporaryDir dir;
    {
        AppSettings s(dir.path());
        QCOMPARE(s.alertNotifications(), true);
        QSignalSpy changed(&s, &AppSettings::changed);
        s.setAlertNotifications(false);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.first().first().value<AppSettings::Key>(),
                 AppSettings::Key::AlertNotifications);
        s.setAlertNotifications(false);
        QCOMPARE(changed.size(), 1);
    }
    AppSettings again(dir.path());
    QCOMPARE(again.alertNotifications(), false);
    QCOMPARE(AppSettings::storageKey(AppSettings::Key::AlertNotifications),
             QStringLiteral("alerts/notifications"));
}

QTEST_GUILESS_MAIN(TstAppSettings)
#include "tst_app_settings.moc"
