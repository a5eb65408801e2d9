#include "ui/i18n/language.h"

#include "core/settings/app_settings.h"

#include <QCoreApplication>
#include <QDir>
#include <QLibraryInfo>
#include <QLocale>
#include <QPointer>
#include <QTranslator>

namespace mqttdesk {

namespace {

// The translators installed last, replaced when the language changes while running.
QPointer<QTranslator> &installed(int which)
{
    static QPointer<QTranslator> translators[2];
    return translators[which];
}

void replace(int which, QTranslator *next)
{
    if (QTranslator *old = installed(which)) {
        QCoreApplication::removeTranslator(old);
        delete old;
    }
    installed(which) = next;
    if (next)
        QCoreApplication::installTranslator(next);
}

} // namespace

QStringList Language::available()
{
    QStringList result;
    const QStringList files =
        QDir(QStringLiteral(":/i18n")).entryList({QStringLiteral("mqttdesk_*.qm")});
    for (const QString &file : files)
        result << file.mid(9, file.size() - 9 - 3);
    return result;
}

QString Language::configured(const AppSettings &settings)
{
    // The environment wins, so scripts and screenshots can pick a language.
    if (qEnvironmentVariableIsSet("MQTTDESK_LANGUAGE"))
        return qEnvironmentVariable("MQTTDESK_LANGUAGE");
    return settings.language();
}

QString Language::install(QCoreApplication &app, const QString &locale)
{
    const QLocale chosen = locale.isEmpty() ? QLocale::system() : QLocale(locale);
    auto *ours = new QTranslator(&app);
    if (!ours->load(chosen, QStringLiteral("mqttdesk"), QStringLiteral("_"),
                    QStringLiteral(":/i18n"))) {
        delete ours;
        ours = nullptr;
    }
    replace(0, ours);
    // Qt's own texts (standard buttons); optional, only when installed.
    auto *qt = new QTranslator(&app);
    if (!qt->load(chosen, QStringLiteral("qtbase"), QStringLiteral("_"),
                  QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        delete qt;
        qt = nullptr;
    }
    replace(1, qt);
    return chosen.name();
}

} // namespace mqttdesk
