#include "ui/theme/theme_applier.h"

#include "ui/theme/theme.h"

#include <QApplication>
#include <QStyleHints>

namespace mqttdesk {

ThemeApplier::ThemeApplier(AppSettings *settings, DesktopColorScheme *desktop, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
    , m_desktop(desktop)
    , m_platform(QApplication::palette())
{
    connect(m_settings, &AppSettings::changed, this, [this](AppSettings::Key key) {
        if (key == AppSettings::Key::Theme)
            apply();
    });
    if (m_desktop)
        connect(m_desktop, &DesktopColorScheme::changed, this, &ThemeApplier::apply);
#if QT_VERSION >= QT_VERSION_CHECK(6, 5, 0)
    connect(QGuiApplication::styleHints(), &QStyleHints::colorSchemeChanged, this,
            &ThemeApplier::apply);
#endif
    apply();
}

DesktopColorScheme::Scheme ThemeApplier::desktopScheme() const
{
    const auto scheme = m_desktop ? m_desktop->scheme() : DesktopColorScheme::Scheme::Unknown;
#if QT_VERSION >= QT_VERSION_CHECK(6, 5, 0)
    if (scheme == DesktopColorScheme::Scheme::Unknown) {
        switch (QGuiApplication::styleHints()->colorScheme()) {
        case Qt::ColorScheme::Dark:
            return DesktopColorScheme::Scheme::Dark;
        case Qt::ColorScheme::Light:
            return DesktopColorScheme::Scheme::Light;
        default:
            break;
        }
    }
#endif
    return scheme;
}

QPalette ThemeApplier::paletteFor(AppSettings::ThemeMode mode, DesktopColorScheme::Scheme desktop,
                                  const QPalette &platform)
{
    bool dark = Theme::isDark(platform);
    switch (mode) {
    case AppSettings::ThemeMode::Light:
        dark = false;
        break;
    case AppSettings::ThemeMode::Dark:
        dark = true;
        break;
    case AppSettings::ThemeMode::System:
        if (desktop != DesktopColorScheme::Scheme::Unknown)
            dark = desktop == DesktopColorScheme::Scheme::Dark;
        break;
    }
    // The platform's own palette when it already is the one asked for (a desktop theme's
    // colours beat ours).
    if (Theme::isDark(platform) == dark)
        return platform;
    return dark ? Theme::darkPalette() : Theme::lightPalette();
}

void ThemeApplier::apply()
{
    const QPalette palette = paletteFor(m_settings->theme(), desktopScheme(), m_platform);
    m_dark = Theme::isDark(palette);
    if (palette != QApplication::palette())
        QApplication::setPalette(palette);
    emit applied(m_dark);
}

} // namespace mqttdesk
