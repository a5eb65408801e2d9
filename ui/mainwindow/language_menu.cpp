#include "ui/mainwindow/language_menu.h"

#include "core/settings/app_settings.h"
#include "ui/i18n/language.h"

#include <QActionGroup>
#include <QCoreApplication>
#include <QEvent>
#include <QLocale>

namespace mqttdesk {

LanguageMenu::LanguageMenu(AppSettings *settings, QWidget *parent)
    : QMenu(parent)
    , m_settings(settings)
    , m_group(new QActionGroup(this))
    , m_system(addAction(QString()))
{
    setObjectName(QStringLiteral("languageMenu"));
    m_system->setData(QString());
    m_system->setCheckable(true);
    m_group->addAction(m_system);
    addSeparator();
    const QString current = Language::configured(*m_settings);
    for (const QString &locale : Language::available()) {
        // Each language in its own words, so a user can find theirs in any language.
        QString name = QLocale(locale).nativeLanguageName();
        if (!name.isEmpty())
            name[0] = name.at(0).toUpper();
        QAction *action = addAction(name);
        action->setData(locale);
        action->setCheckable(true);
        action->setChecked(locale == current);
        m_group->addAction(action);
    }
    m_system->setChecked(m_group->checkedAction() == nullptr);
    connect(m_group, &QActionGroup::triggered, this,
            [this](QAction *action) { choose(action->data().toString()); });
    // Also chosen in the Settings dialog, or restored to the default there.
    connect(m_settings, &AppSettings::changed, this, [this](AppSettings::Key key) {
        if (key != AppSettings::Key::Language)
            return;
        const QString locale = m_settings->language();
        for (QAction *action : m_group->actions())
            action->setChecked(action->data().toString() == locale);
        Language::install(*QCoreApplication::instance(), locale);
    });
    m_texts.add([this] {
        setTitle(tr("&Language"));
        m_system->setText(tr("&System language"));
    });
}

void LanguageMenu::choose(const QString &locale)
{
    for (QAction *action : m_group->actions())
        action->setChecked(action->data().toString() == locale);
    if (m_settings->language() == locale) // no change to hear of: install it here
        Language::install(*QCoreApplication::instance(), locale);
    m_settings->setLanguage(locale);
}

void LanguageMenu::changeEvent(QEvent *event)
{
    m_texts.handle(event);
    QMenu::changeEvent(event);
}

} // namespace mqttdesk
