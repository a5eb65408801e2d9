#pragma once

#include "core/connection/connection_settings.h"
#include "core/probe/probe_check.h"
#include "ui/i18n/retranslator.h"

#include <QDialog>

#include <memory>

class QLabel;
class QPushButton;
class QSpinBox;
class QTreeWidget;
class QTreeWidgetItem;

namespace mqttdesk {

class BrokerProbe;
struct ProbeAnnouncement;
struct ProbeReport;

// Connection > Test broker…: runs the broker capability test (core/probe, the same as
// mqttdesk-cli probe) against the shown connection's broker, with connections of its own.
// Each check's line fills in as it finishes; the CONNACK's announcements below; the report
// can be saved as Markdown or JSON. Closing the dialog cancels a running test (its retained
// messages are still cleared by the probe before it ends).
class BrokerProbeDialog : public QDialog
{
    Q_OBJECT
public:
    BrokerProbeDialog(const ConnectionSettings &settings, const QString &connectionName,
                      QWidget *parent = nullptr);
    ~BrokerProbeDialog() override;

    void start();
    bool isRunning() const;
    BrokerProbe *probe() const { return m_probe.get(); }
    QTreeWidget *checksView() const { return m_checks; }
    QTreeWidget *announcementsView() const { return m_announcements; }
    QPushButton *startButton() const { return m_start; }
    QPushButton *exportMarkdownButton() const { return m_exportMarkdown; }
    QPushButton *exportJsonButton() const { return m_exportJson; }
    QSpinBox *maxPayloadField() const { return m_maxPayload; }
    QSpinBox *pingsField() const { return m_pings; }
    QString statusText() const;
    // Closes; a running test is cancelled (it still clears its retained messages).
    void reject() override;

signals:
    void finished();

protected:
    void changeEvent(QEvent *event) override;

private:
    void resetLines();
    void showResult(const ProbeCheckResult &result);
    void showAnnouncements(const QList<ProbeAnnouncement> &announcements);
    void onFinished(const ProbeReport &report);
    void exportReport(bool json);
    void updateButtons();
    void retranslate();

    ConnectionSettings m_settings;
    QString m_name;
    std::unique_ptr<BrokerProbe> m_probe;
    Retranslator m_texts;

    QLabel *m_intro;
    QLabel *m_maxPayloadLabel;
    QSpinBox *m_maxPayload;
    QLabel *m_pingsLabel;
    QSpinBox *m_pings;
    QTreeWidget *m_checks;
    QLabel *m_announcementsLabel;
    QTreeWidget *m_announcements;
    QLabel *m_status;
    QPushButton *m_start;
    QPushButton *m_exportMarkdown;
    QPushButton *m_exportJson;
    QPushButton *m_close;
};

} // namespace mqttdesk
