#pragma once

#include "core/connection/connection_settings.h"
#include "core/storage/stored_message.h"
#include "ui/charts/chart_series_dialog.h"

#include <QObject>

#include <functional>

class QByteArray;
class QMenu;
class QWidget;

namespace mqttdesk {

class MessageComparer;
class MessageStreamModel;

// What the stream does with a message's whole payload: copy it (as shown, or as a
// mosquitto_pub command), save it to a file, show it all in a PayloadViewerDialog, resend it,
// and compare it (MessageComparer). Each acts once the row's whole payload is at hand: at
// once when the row holds it, after a read on the model's reader thread for a large stored
// one; a failed read is shown (Prompts::warn). The stream view owns it and calls it from
// its keys, double clicks and context menu; dialogs and prompts open over the view.
class MessagePayloadActions : public QObject
{
    Q_OBJECT
public:
    MessagePayloadActions(MessageStreamModel *model, QWidget *view);

    MessageComparer *comparer() const { return m_comparer; }

    // The connection's address and TLS files, for "Copy as mosquitto_pub command" (secrets
    // are dropped).
    void setCommandSettings(const ConnectionSettings &settings);

    void copyPayload(int row);
    void copyAsCommand(int row);
    void savePayload(int row);
    void showAll(int row);
    // Emits resendRequested with the whole payload.
    void resend(int row);
    // "Chart this": a payload that is a plain number is charted at once (chartRequested);
    // anything else opens ChartSeriesDialog with the topic and a guess at what to read (the
    // first number of JSON, or of what the row's decoder renders), charted on OK.
    void chartThis(int row);
    // Payload reads asked for and not answered yet.
    int pendingPayloadReads() const { return m_payloadReads; }

    // The context menu's section for the message of `row`: Copy payload, Copy topic, Copy as
    // mosquitto_pub command, Save payload as…, Show all, Chart this and the compare actions.
    void addMessageActions(QMenu *menu, int row);
    // "Resend", last in the context menu.
    void addResendAction(QMenu *menu, int row);

signals:
    void resendRequested(const mqttdesk::StoredMessage &message);
    // "Chart this", here or in a Show all dialog's JSON tree: the series to add.
    void chartRequested(const mqttdesk::ChartSeriesSpec &spec);

private:
    // Reads the whole payload of `row` and hands it to `use`; `action` titles an error.
    void withFullPayload(int row, const QString &action,
                         std::function<void(const QByteArray &payload)> use);
    // The decoder the row is shown with (a rule's, or its format's id) and its settings.
    std::pair<QString, QJsonObject> decoderOf(int row) const;

    MessageStreamModel *m_model;
    QWidget *m_view;
    MessageComparer *m_comparer = nullptr;
    ConnectionSettings m_commandSettings;
    int m_payloadReads = 0;
};

} // namespace mqttdesk
