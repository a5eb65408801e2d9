#pragma once

#include "ui/i18n/retranslator.h"

#include <QMenu>

class QActionGroup;

namespace mqttdesk {

class AppSettings;

// View > Language: the system language or one we ship. A choice is saved (in `settings`) and
// applied at once; every window retranslates itself on the LanguageChange that follows.
class LanguageMenu : public QMenu
{
    Q_OBJECT
public:
    explicit LanguageMenu(AppSettings *settings, QWidget *parent = nullptr);

    // Applies and saves `locale` ("" = the system's), as if chosen in the menu.
    void choose(const QString &locale);

protected:
    void changeEvent(QEvent *event) override;

private:
    AppSettings *m_settings;
    QActionGroup *m_group;
    QAction *m_system;
    Retranslator m_texts;
};

} // namespace mqttdesk
