#pragma once

#include "core/publish/compiled_template.h"
#include "core/publishjob/scripted_message_maker.h"
#include "ui/i18n/retranslator.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QPlainTextEdit;

namespace mqttdesk {

// The message a template makes next, expanded: its topic, its payload and its 5.0
// properties, with what it takes on the wire, or why it cannot be sent (a template error, or
// an expanded message PublishDraft refuses: JSON broken by a value, a wildcard in the topic).
// Read-only and selectable.
class TemplatePreview : public QWidget
{
    Q_OBJECT
public:
    explicit TemplatePreview(QWidget *parent = nullptr);

    // Expands `compiled` with `context` (nothing valid: says so and shows no message). A
    // template with a script is run on a worker: its message comes a moment later
    // (scriptFinished()); while a run is on, only the latest request waits for its turn.
    void showMessage(const CompiledTemplate &compiled, const TemplateContext &context);
    void clear();

    QLineEdit *topicView() const { return m_topic; }
    QPlainTextEdit *payloadView() const { return m_payload; }
    QLabel *propertiesLabel() const { return m_properties; }
    QLabel *statusLabel() const { return m_status; }
    QString topicText() const;
    QString payloadText() const;
    bool isRunningScript() const { return m_maker.isBusy(); }

signals:
    // The preview of a scripted template is shown.
    void scriptFinished();

protected:
    void changeEvent(QEvent *event) override;

private:
    void setStatus(const QString &text, bool error);
    void showPacket(const CompiledTemplate &compiled, const PublishPacket &packet, quint64 counter);
    void runScript();
    void onMade(const QList<MadeMessage> &messages);

    QLabel *m_heading;
    QLineEdit *m_topic;
    QPlainTextEdit *m_payload;
    QLabel *m_properties;
    QLabel *m_status;
    Retranslator m_texts;
    ScriptedMessageMaker m_maker;
    // The scripted template to run once the maker is free (a newer one replaces it).
    std::optional<std::pair<CompiledTemplate, MessageOrder>> m_waiting;
    std::optional<CompiledTemplate> m_running; // the one the maker runs now
    QString m_clientId;
};

} // namespace mqttdesk
