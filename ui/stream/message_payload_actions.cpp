#include "ui/stream/message_payload_actions.h"

#include "core/payload/payload_renderer.h"
#include "core/protocol/codec.h"
#include "core/workspace/mosquitto_pub_command.h"
#include "ui/charts/chart_this.h"
#include "ui/stream/message_comparer.h"
#include "ui/stream/message_stream_model.h"
#include "ui/stream/payload_file_saver.h"
#include "ui/stream/payload_viewer_dialog.h"
#include "ui/stream/sparkplug_context_resolver.h"
#include "ui/widgets/prompts.h"

#include <QApplication>
#include <QClipboard>
#include <QCoreApplication>
#include <QMenu>
#include <QPointer>
#include <QWidget>

#include <optional>
#include <utility>

// The texts keep the context of the stream view they were written in (and translated for):
// QCoreApplication::translate("mqttdesk::MessageStreamView", …) rather than tr().

namespace mqttdesk {

MessagePayloadActions::MessagePayloadActions(MessageStreamModel *model, QWidget *view)
    : QObject(view)
    , m_model(model)
    , m_view(view)
    , m_comparer(new MessageComparer(model, view))
{}

void MessagePayloadActions::setCommandSettings(const ConnectionSettings &settings)
{
    m_commandSettings = settings;
    m_commandSettings.session.password.reset();
    m_commandSettings.transport.tls.keyPassphrase.clear();
    m_commandSettings.transport.tls.pkcs12Password.clear();
}

void MessagePayloadActions::withFullPayload(int row, const QString &action,
                                            std::function<void(const QByteArray &)> use)
{
    QPointer<MessagePayloadActions> self(this);
    ++m_payloadReads;
    // The answer may come after the row left the window: everything needed is captured.
    const bool asked = m_model->requestFullPayload(
        row,
        [self, action, use = std::move(use)](const QByteArray &payload, const StorageError &error) {
            if (!self)
                return;
            --self->m_payloadReads;
            if (error.isError()) {
                Prompts::warn(self->m_view, action,
                              QCoreApplication::translate("mqttdesk::MessageStreamView",
                                                          "The payload could not be read: %1")
                                  .arg(error.message));
                return;
            }
            use(payload);
        });
    if (!asked)
        --m_payloadReads;
}

void MessagePayloadActions::copyPayload(int row)
{
    if (!m_model->rowAt(row))
        return;
    const PayloadFormat format = m_model->effectiveFormat(row);
    withFullPayload(row, QCoreApplication::translate("mqttdesk::MessageStreamView", "Copy payload"),
                    [format](const QByteArray &payload) {
                        QApplication::clipboard()->setText(
                            PayloadRenderer::render(payload, format).text);
                    });
}

void MessagePayloadActions::copyAsCommand(int row)
{
    const MessageStreamModel::Row *r = m_model->rowAt(row);
    if (!r)
        return;
    withFullPayload(
        row,
        QCoreApplication::translate("mqttdesk::MessageStreamView", "Copy as mosquitto_pub command"),
        [this, message = r->message](const QByteArray &payload) {
            QApplication::clipboard()->setText(
                MosquittoPubCommand::build(m_commandSettings, message, payload));
        });
}

void MessagePayloadActions::savePayload(int row)
{
    const MessageStreamModel::Row *r = m_model->rowAt(row);
    if (!r)
        return;
    QString name = r->message.topic;
    name.replace(QLatin1Char('/'), QLatin1Char('_'));
    withFullPayload(row,
                    QCoreApplication::translate("mqttdesk::MessageStreamView", "Save payload as"),
                    [this, name](const QByteArray &payload) {
                        PayloadFileSaver::save(m_view, payload, name + QStringLiteral(".bin"));
                    });
}

void MessagePayloadActions::showAll(int row)
{
    const MessageStreamModel::Row *r = m_model->rowAt(row);
    if (!r)
        return;
    PayloadHint hint;
    if (!r->message.properties.isEmpty()) {
        auto decoded = decodeProperties(r->message.properties);
        if (decoded.ok())
            hint = PayloadHint::fromProperties(decoded.value());
    }
    const QString topic = r->message.topic;
    const PayloadFormat format = m_model->effectiveFormat(row);
    // A row shown by a decoding rule opens with the rule's decoder and its settings.
    std::optional<DecodingRule> rule;
    if (const DecodingRule *byRule = m_model->ruleFor(row))
        rule = *byRule;
    const StoredMessage message = r->message;
    withFullPayload(row, QCoreApplication::translate("mqttdesk::MessageStreamView", "Show all"),
                    [this, topic, format, hint, rule, message](const QByteArray &payload) {
                        auto *dialog =
                            rule ? new PayloadViewerDialog(topic, payload, rule->decoder, hint,
                                                           m_view)
                                 : new PayloadViewerDialog(topic, payload, format, hint, m_view);
                        if (rule) {
                            dialog->setDecoderOptions(rule->decoder, rule->options);
                            dialog->setRuleDecoder(rule->decoder);
                        }
                        dialog->setAttribute(Qt::WA_DeleteOnClose);
                        dialog->setChartable(true);
                        connect(dialog, &PayloadViewerDialog::chartRequested, this,
                                &MessagePayloadActions::chartRequested);
                        dialog->show();
                        // Sparkplug B as the bubble shows it: with the births and sequence before
                        // it.
                        if (rule && rule->decoder == u"sparkplug")
                            SparkplugContextResolver::loadReplayOptions(
                                m_model->historyReader(), message, dialog,
                                [dialog, rule](const QJsonObject &context) {
                                    QJsonObject options = rule->options;
                                    for (auto it = context.begin(); it != context.end(); ++it)
                                        options.insert(it.key(), it.value());
                                    dialog->setDecoderOptions(rule->decoder, options);
                                });
                    });
}

void MessagePayloadActions::resend(int row)
{
    const MessageStreamModel::Row *r = m_model->rowAt(row);
    if (!r)
        return;
    withFullPayload(row, QCoreApplication::translate("mqttdesk::MessageStreamView", "Resend"),
                    [this, message = r->message](const QByteArray &payload) mutable {
                        message.payload = payload;
                        message.payloadDeferred = false;
                        emit resendRequested(message);
                    });
}

std::pair<QString, QJsonObject> MessagePayloadActions::decoderOf(int row) const
{
    if (const DecodingRule *rule = m_model->ruleFor(row))
        return {rule->decoder, rule->options};
    return {payloadFormatKey(m_model->effectiveFormat(row)), {}};
}

void MessagePayloadActions::chartThis(int row)
{
    const MessageStreamModel::Row *r = m_model->rowAt(row);
    if (!r)
        return;
    const auto [decoder, options] = decoderOf(row);
    // Decoded by a rule: a field of it is charted as the rules show it.
    const bool byRule = m_model->ruleFor(row) != nullptr;
    withFullPayload(row, QCoreApplication::translate("mqttdesk::MessageStreamView", "Chart this"),
                    [this, topic = r->message.topic, decoder = decoder, options = options,
                     byRule](const QByteArray &payload) {
                        const ChartThis::Suggestion suggestion =
                            ChartThis::forMessage(topic, payload, decoder, options, byRule);
                        if (suggestion.complete) {
                            emit chartRequested(suggestion.spec);
                            return;
                        }
                        QPointer<MessagePayloadActions> self(this);
                        ChartThis::ask(m_view, suggestion.spec,
                                       [self](const ChartSeriesSpec &spec) {
                                           if (self)
                                               emit self->chartRequested(spec);
                                       });
                    });
}

void MessagePayloadActions::addMessageActions(QMenu *menu, int row)
{
    menu->addAction(QCoreApplication::translate("mqttdesk::MessageStreamView", "&Copy payload"),
                    this, [this, row] { copyPayload(row); });
    menu->addAction(QCoreApplication::translate("mqttdesk::MessageStreamView", "Copy &topic"), this,
                    [this, row] {
                        if (const MessageStreamModel::Row *r = m_model->rowAt(row))
                            QApplication::clipboard()->setText(r->message.topic);
                    });
    menu->addAction(QCoreApplication::translate("mqttdesk::MessageStreamView",
                                                "Copy as &mosquitto_pub command"),
                    this, [this, row] { copyAsCommand(row); });
    menu->addAction(QCoreApplication::translate("mqttdesk::MessageStreamView", "&Save payload as…"),
                    this, [this, row] { savePayload(row); });
    menu->addAction(QCoreApplication::translate("mqttdesk::MessageStreamView", "Show &all"), this,
                    [this, row] { showAll(row); });
    // A number in the row's payload is charted at once; anything else asks what to read.
    bool number = false;
    if (const MessageStreamModel::Row *r = m_model->rowAt(row);
        r && !r->message.payloadDeferred && r->message.payload.size() == r->message.payloadSize) {
        number = ChartThis::chartsAsIs(r->message.payload, decoderOf(row).first);
    }
    QAction *chart = menu->addAction(
        number ? QCoreApplication::translate("mqttdesk::MessageStreamView", "C&hart this")
               : QCoreApplication::translate("mqttdesk::MessageStreamView", "C&hart this…"),
        this, [this, row] { chartThis(row); });
    chart->setObjectName(QStringLiteral("chartThis"));
    menu->addAction(QCoreApplication::translate("mqttdesk::MessageStreamView",
                                                "Compare with pre&vious on this topic"),
                    this, [this, row] { m_comparer->compareWithPrevious(row); });
    menu->addAction(
        QCoreApplication::translate("mqttdesk::MessageStreamView", "Select for co&mpare"), this,
        [this, row] { m_comparer->markForComparison(row); });
    if (m_comparer->hasMark())
        menu->addAction(
            QCoreApplication::translate("mqttdesk::MessageStreamView", "Compare &with %1")
                .arg(m_comparer->markText()),
            this, [this, row] { m_comparer->compareWithMark(row); });
}

void MessagePayloadActions::addResendAction(QMenu *menu, int row)
{
    menu->addAction(QCoreApplication::translate("mqttdesk::MessageStreamView", "&Resend"), this,
                    [this, row] { resend(row); });
}

} // namespace mqttdesk
