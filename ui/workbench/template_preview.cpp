#include "ui/workbench/template_preview.h"

#include "ui/publish/publish_bar.h"
#include "ui/theme/theme.h"

#include <QEvent>
#include <QFontDatabase>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QStringDecoder>
#include <QVBoxLayout>

namespace mqttdesk {

namespace {

// Text when the payload is UTF-8, hex otherwise (e.g. a Hex or Base64 template).
QString payloadText(const QByteArray &payload)
{
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString text = decoder.decode(payload);
    if (!decoder.hasError() && !text.contains(QChar(0)))
        return text;
    return QString::fromLatin1(payload.toHex(' '));
}

QString propertiesText(const Properties &p)
{
    QStringList parts;
    if (const auto v = p.integer(PropertyId::MessageExpiryInterval))
        parts << TemplatePreview::tr("expiry %1 s").arg(*v);
    if (const auto v = p.integer(PropertyId::PayloadFormatIndicator))
        parts << TemplatePreview::tr("format indicator %1").arg(*v);
    if (const auto v = p.string(PropertyId::ContentType))
        parts << TemplatePreview::tr("content type %1").arg(*v);
    if (const auto v = p.string(PropertyId::ResponseTopic))
        parts << TemplatePreview::tr("response topic %1").arg(*v);
    if (const auto v = p.binary(PropertyId::CorrelationData))
        parts << TemplatePreview::tr("correlation %1").arg(QString::fromUtf8(*v));
    for (const StringPair &u : p.userProperties())
        parts << u.name + QLatin1Char('=') + u.value;
    return parts.join(QStringLiteral(" · "));
}

} // namespace

TemplatePreview::TemplatePreview(QWidget *parent)
    : QWidget(parent)
    , m_maker(CompiledTemplate(), QString())
{
    connect(&m_maker, &ScriptedMessageMaker::made, this, &TemplatePreview::onMade);
    m_heading = new QLabel(this);
    QFont bold = m_heading->font();
    bold.setBold(true);
    m_heading->setFont(bold);
    const QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    m_topic = new QLineEdit(this);
    m_topic->setReadOnly(true);
    m_topic->setFont(fixed);
    m_payload = new QPlainTextEdit(this);
    m_payload->setReadOnly(true);
    m_payload->setFont(fixed);
    m_payload->setTabChangesFocus(true);
    m_properties = new QLabel(this);
    m_properties->setWordWrap(true);
    m_properties->setTextInteractionFlags(Qt::TextSelectableByMouse);
    Theme::setTextRole(m_properties, Theme::Text::Muted);
    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *topicLabel = new QLabel(this);
    topicLabel->setBuddy(m_topic);
    auto *payloadLabel = new QLabel(this);
    payloadLabel->setBuddy(m_payload);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addWidget(m_heading);
    layout->addWidget(topicLabel);
    layout->addWidget(m_topic);
    layout->addWidget(payloadLabel);
    layout->addWidget(m_payload, 1);
    layout->addWidget(m_properties);
    layout->addWidget(m_status);
    m_texts.add([=, this] {
        m_heading->setText(tr("Preview of the next message"));
        topicLabel->setText(tr("Topic sent:"));
        payloadLabel->setText(tr("Payload sent:"));
        m_topic->setAccessibleName(tr("Expanded topic"));
        m_payload->setAccessibleName(tr("Expanded payload"));
        m_properties->setAccessibleName(tr("Expanded properties"));
        m_status->setAccessibleName(tr("Message check"));
    });
    clear();
}

void TemplatePreview::changeEvent(QEvent *event)
{
    m_texts.handle(event);
    QWidget::changeEvent(event);
}

QString TemplatePreview::topicText() const
{
    return m_topic->text();
}

QString TemplatePreview::payloadText() const
{
    return m_payload->toPlainText();
}

void TemplatePreview::setStatus(const QString &text, bool error)
{
    m_status->setText(text);
    Theme::setTextRole(m_status, error ? Theme::Text::Error : Theme::Text::Muted);
}

void TemplatePreview::clear()
{
    m_waiting.reset();
    m_running.reset();
    m_topic->clear();
    m_payload->clear();
    m_properties->clear();
    m_properties->setVisible(false);
    setStatus(tr("Select a template to see the message it sends."), false);
}

void TemplatePreview::showMessage(const CompiledTemplate &compiled, const TemplateContext &context)
{
    if (!compiled.isValid()) {
        m_waiting.reset();
        m_running.reset();
        m_topic->clear();
        m_payload->clear();
        m_properties->setVisible(false);
        setStatus(tr("Nothing can be sent until the template's errors are fixed."), true);
        return;
    }
    if (compiled.hasScript()) {
        // The texts as expanded while the script runs.
        m_topic->setText(compiled.topic(context));
        m_clientId = context.clientId();
        m_waiting = {compiled, MessageOrder{context.counter(), context.nowMs()}};
        if (!m_maker.isBusy()) {
            runScript();
            // Most scripts take well under a frame: keep the old payload shown until then.
        }
        return;
    }
    // A script still running for an older version is shown no more.
    m_waiting.reset();
    m_running.reset();
    PublishDraftError error;
    const std::optional<PublishPacket> packet = compiled.message(context, &error);
    if (!packet) {
        // The texts as expanded, so the user sees what broke the message.
        m_topic->setText(compiled.topic(context));
        m_payload->setPlainText(compiled.payload(context));
        m_properties->setVisible(false);
        setStatus(error.message(), true);
        return;
    }
    showPacket(compiled, *packet, context.counter());
}

void TemplatePreview::showPacket(const CompiledTemplate &compiled, const PublishPacket &packet,
                                 quint64 counter)
{
    m_topic->setText(packet.topic);
    m_payload->setPlainText(mqttdesk::payloadText(packet.payload));
    const QString properties = propertiesText(packet.properties);
    m_properties->setText(properties);
    m_properties->setVisible(!properties.isEmpty());
    const bool v5 = compiled.protocolVersion() == ProtocolVersion::V5;
    const qint64 size = PublishBar::packetSize(packet, v5);
    QString status = tr("{{counter}} = %1 · %2 bytes on the wire")
                         .arg(QLocale().toString(qulonglong(counter)), QLocale().toString(size));
    if (compiled.hasScript())
        status = tr("%1 · made by the script").arg(status);
    setStatus(status, false);
}

void TemplatePreview::runScript()
{
    if (!m_waiting)
        return;
    auto [compiled, order] = *std::exchange(m_waiting, std::nullopt);
    m_maker.setMessage(compiled, m_clientId);
    m_running = std::move(compiled);
    m_maker.make({order});
}

void TemplatePreview::onMade(const QList<MadeMessage> &messages)
{
    const std::optional<CompiledTemplate> ran = std::exchange(m_running, std::nullopt);
    // Out of date: the template changed meanwhile (or the preview was cleared).
    if (m_waiting) {
        runScript();
        return;
    }
    if (!ran || messages.isEmpty())
        return;
    const MadeMessage &made = messages.first();
    if (made.packet) {
        showPacket(*ran, *made.packet, made.counter);
    } else {
        // What the script was given, so the user sees what it failed on.
        m_payload->setPlainText(made.scriptInput);
        m_properties->setVisible(false);
        setStatus(made.error, true);
    }
    emit scriptFinished();
}

} // namespace mqttdesk
