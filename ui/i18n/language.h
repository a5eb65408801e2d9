#pragma once

#include <QString>
#include <QStringList>

class QCoreApplication;

namespace mqttdesk {

class AppSettings;

// Chooses and installs the UI language: the embedded translations
// (:/i18n/mqttdesk_<locale>.qm) and Qt's own where installed. An empty
// choice follows the system locale.
class Language
{
public:
    // The locales we ship, e.g. {"en", "zh_CN"}.
    static QStringList available();
    // The language to use ("" = system): the environment variable MQTTDESK_LANGUAGE, else
    // the one chosen in the data directory's settings (AppSettings::language()).
    static QString configured(const AppSettings &settings);
    // Installs the translators on `app`, replacing those installed before (so the language
    // can change while the app runs: widgets get a LanguageChange); returns the locale used.
    static QString install(QCoreApplication &app, const QString &locale);
};

} // namespace mqttdesk
