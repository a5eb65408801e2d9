// ThemeApplier: the palette each choice gives on a light and on a dark platform palette,
// and the application's palette following the setting and the desktop (a real
// DesktopColorScheme reading files in a temporary $XDG_CONFIG_HOME) live; icons drawn from
// the palette change with it.
#include "core/settings/app_settings.h"
#include "core/settings/desktop_color_scheme.h"
#include "ui/theme/palette_icon.h"
#include "ui/theme/theme.h"
#include "ui/theme/theme_applier.h"

#include <QApplication>
#include <QDBusConnection>
#include <QDir>
#include <QImage>
#include <QSaveFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace mqttdesk;
using Mode = AppSettings::ThemeMode;
using Scheme = DesktopColorScheme::Scheme;

namespace {

void writeGtk(const QString &configHome, const QByteArray &theme)
{
    QDir().mkpath(configHome + QStringLiteral("/gtk-3.0"));
    QSaveFile file(configHome + QStringLiteral("/gtk-3.0/settings.ini"));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("[Settings]\ngtk-theme-name=" + theme + "\n");
    QVERIFY(file.commit());
}

// The colour of the most opaque pixel of an icon's picture.
QColor ink(const QIcon &icon)
{
    const QImage image = icon.pixmap(32, 32).toImage();
    QColor best;
    int alpha = -1;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x) {
            const QColor c = image.pixelColor(x, y);
            if (c.alpha() > alpha) {
                alpha = c.alpha();
                best = c;
            }
        }
    best.setAlpha(255);
    return best;
}

} // namespace

class TestThemeApplier : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void paletteForEachChoice();
    void followsSettingAndDesktopLive();
    void iconsFollowThePalette();
};

void TestThemeApplier::paletteForEachChoice()
{
    const QPalette light = Theme::lightPalette();
    const QPalette dark = Theme::darkPalette();
    QVERIFY(!Theme::isDark(light));
    QVERIFY(Theme::isDark(dark));
    // Light platform.
    QCOMPARE(ThemeApplier::paletteFor(Mode::Light, Scheme::Dark, light), light);
    QVERIFY(Theme::isDark(ThemeApplier::paletteFor(Mode::Dark, Scheme::Light, light)));
    QCOMPARE(ThemeApplier::paletteFor(Mode::System, Scheme::Unknown, light), light);
    QVERIFY(Theme::isDark(ThemeApplier::paletteFor(Mode::System, Scheme::Dark, light)));
    QCOMPARE(ThemeApplier::paletteFor(Mode::System, Scheme::Light, light), light);
    // Dark platform (a desktop theme's own dark palette is kept when dark is asked for).
    QPalette platformDark = dark;
    platformDark.setColor(QPalette::Highlight, QColor(0x80, 0x40, 0x10));
    QCOMPARE(ThemeApplier::paletteFor(Mode::Dark, Scheme::Unknown, platformDark), platformDark);
    QCOMPARE(ThemeApplier::paletteFor(Mode::System, Scheme::Unknown, platformDark), platformDark);
    QVERIFY(!Theme::isDark(ThemeApplier::paletteFor(Mode::Light, Scheme::Dark, platformDark)));
    QVERIFY(!Theme::isDark(ThemeApplier::paletteFor(Mode::System, Scheme::Light, platformDark)));
}

void TestThemeApplier::followsSettingAndDesktopLive()
{
    QTemporaryDir data;
    QTemporaryDir config;
    writeGtk(config.path(), "Adwaita");
    const QPalette platform = QApplication::palette();
    QVERIFY(!Theme::isDark(platform)); // offscreen: Fusion's light palette
    AppSettings settings(data.path());
    DesktopColorScheme desktop(QDBusConnection(QStringLiteral("none")), config.path());
    QCOMPARE(desktop.scheme(), Scheme::Light);
    ThemeApplier applier(&settings, &desktop);
    QSignalSpy applied(&applier, &ThemeApplier::applied);
    QVERIFY(!applier.isDark());
    QVERIFY(!Theme::isDark(QApplication::palette()));

    // The desktop goes dark: so does the app (the setting follows the system by default).
    writeGtk(config.path(), "Adwaita-dark");
    QTRY_VERIFY(Theme::isDark(QApplication::palette()));
    QVERIFY(applier.isDark());
    // The user picks light: the desktop no longer counts.
    settings.setTheme(Mode::Light);
    QVERIFY(!Theme::isDark(QApplication::palette()));
    writeGtk(config.path(), "Adwaita");
    writeGtk(config.path(), "Adwaita-dark");
    QTRY_COMPARE(desktop.scheme(), Scheme::Dark);
    QVERIFY(!Theme::isDark(QApplication::palette()));
    settings.setTheme(Mode::Dark);
    QVERIFY(Theme::isDark(QApplication::palette()));
    // Back to the system's: dark desktop, dark app; then light again.
    settings.setTheme(Mode::System);
    QVERIFY(Theme::isDark(QApplication::palette()));
    writeGtk(config.path(), "Adwaita");
    QTRY_VERIFY(!Theme::isDark(QApplication::palette()));
    QCOMPARE(QApplication::palette(), platform);
    QVERIFY(applied.size() >= 5);
}

void TestThemeApplier::iconsFollowThePalette()
{
    const QPalette before = QApplication::palette();
    const QIcon icon = PaletteIcon::fromName(QStringLiteral("settings"));
    QVERIFY(!icon.isNull());
    QApplication::setPalette(Theme::lightPalette());
    const QColor onLight = ink(icon);
    QApplication::setPalette(Theme::darkPalette());
    const QColor onDark = ink(icon);
    QApplication::setPalette(before);
    // The window text colour of each palette, so the icons read on both.
    QVERIFY2(Theme::contrast(onLight, Theme::lightPalette().color(QPalette::Window)) >= 4.5,
             qPrintable(onLight.name()));
    QVERIFY2(Theme::contrast(onDark, Theme::darkPalette().color(QPalette::Window)) >= 4.5,
             qPrintable(onDark.name()));
    // Every action icon of the toolbar exists.
    for (const char *name : {"new-connection", "edit", "duplicate", "rename", "move-to-folder",
                             "delete", "connect", "disconnect", "import", "export", "settings"})
        QVERIFY2(!PaletteIcon::fromName(QString::fromLatin1(name)).pixmap(16, 16).isNull(), name);
    QVERIFY(PaletteIcon::fromName(QStringLiteral("no-such-icon")).isNull());
    QCOMPARE(PaletteIcon::recoloured("<path stroke=\"#000000\"/>", QStringLiteral("#e6e6e6")),
             QByteArray("<path stroke=\"#e6e6e6\"/>"));
}

QTEST_MAIN(TestThemeApplier)
#include "tst_theme_applier.moc"
