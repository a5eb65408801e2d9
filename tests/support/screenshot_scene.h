#pragma once

#include "ui/i18n/language.h"
#include "ui/theme/theme.h"

#include <QApplication>
#include <QPalette>

namespace mqttdesk {

// A screenshot slot's scene: the language asked for, and the dark theme when
// MQTTDESK_SCREENSHOT_PALETTE=dark (scripts/screenshots renders both); English and the palette
// from before are put back when it ends, so the slots after it see the usual application.
//
//   const ScreenshotScene scene(language);
class ScreenshotScene
{
public:
    explicit ScreenshotScene(const QString &language)
        : m_before(QApplication::palette())
    {
        if (qEnvironmentVariable("MQTTDESK_SCREENSHOT_PALETTE") == QLatin1String("dark"))
            QApplication::setPalette(Theme::darkPalette());
        Language::install(*qApp, language);
    }
    ~ScreenshotScene()
    {
        QApplication::setPalette(m_before);
        Language::install(*qApp, QStringLiteral("en"));
    }
    ScreenshotScene(const ScreenshotScene &) = delete;
    ScreenshotScene &operator=(const ScreenshotScene &) = delete;

private:
    QPalette m_before;
};

} // namespace mqttdesk
