#pragma once

#include "core/settings/app_settings.h"
#include "core/settings/desktop_color_scheme.h"

#include <QObject>
#include <QPalette>

namespace mqttdesk {

// Keeps the application's palette on the theme the settings name: light, dark, or the
// desktop's preference (DesktopColorScheme, and on Qt 6.5+ also QStyleHints), live when
// either changes. Every widget takes its colours from the palette (Theme derives the rest),
// so changing QApplication's palette is the whole switch.
class ThemeApplier : public QObject
{
    Q_OBJECT
public:
    ThemeApplier(AppSettings *settings, DesktopColorScheme *desktop, QObject *parent = nullptr);

    // The palette for a mode, given the desktop's preference and the palette the platform
    // gave the app at start (kept when it already is what is asked for).
    static QPalette paletteFor(AppSettings::ThemeMode mode, DesktopColorScheme::Scheme desktop,
                               const QPalette &platform);
    bool isDark() const { return m_dark; }

    // Applies the current choice now (also done on every change).
    void apply();

signals:
    void applied(bool dark);

private:
    DesktopColorScheme::Scheme desktopScheme() const;

    AppSettings *m_settings;
    DesktopColorScheme *m_desktop;
    QPalette m_platform;
    bool m_dark = false;
};

} // namespace mqttdesk
