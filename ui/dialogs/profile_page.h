#pragma once

#include "core/profile/connection_profile.h"
#include "core/profile/profile_problem.h"
#include "ui/i18n/retranslator.h"

#include <QWidget>

#include <functional>

class QFormLayout;
class QLabel;

namespace mqttdesk {

// One tab of the connection dialog. Its widgets are named after the profile
// fields they edit (the JSON paths of docs/profile-format.md, e.g.
// "transport.host"), so a problem's field leads to its widget.
class ProfilePage : public QWidget
{
    Q_OBJECT
public:
    using QWidget::QWidget;

    virtual void load(const ConnectionProfile &profile) = 0;
    virtual void store(ConnectionProfile &profile) const = 0;
    // Problems only this page can see (text that does not parse, a bad file).
    virtual ProfileProblems problems() const { return {}; }
    // The scheme the General page has chosen, for pages that depend on it.
    virtual void schemeChanged(TransportScheme scheme) { Q_UNUSED(scheme); }
    // The MQTT version chosen on the General page (also after load()).
    virtual void versionChanged(ProtocolVersion version) { Q_UNUSED(version); }

Q_SIGNALS:
    void changed();

protected:
    // A row whose label is joined to `buddy` (the widget that takes focus). `label` gives
    // the translated text, again after each language change.
    QLabel *addRow(QFormLayout *form, std::function<QString()> label, QWidget *field,
                   QWidget *buddy = nullptr);
    // Texts set again when the language changes (see Retranslator).
    void changeEvent(QEvent *event) override;
    // Tab order as listed.
    static void chainTabOrder(const QList<QWidget *> &widgets);
    static ProfileProblem error(const QString &field, const QString &message);

    Retranslator m_texts;
};

} // namespace mqttdesk
