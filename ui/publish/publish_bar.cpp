#include "ui/publish/publish_bar.h"

#include "core/publish/publish_draft.h"
#include "ui/publish/publish_properties_fields.h"
#include "ui/subscriptions/user_property_parser.h"
#include "ui/theme/theme.h"
#include "ui/widgets/shortcut_claim.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QEvent>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QStringDecoder>
#include <QStringListModel>
#include <QToolButton>
#include <QVBoxLayout>

namespace mqttdesk {

namespace {
constexpr int kHistoryLimit = 50;
constexpr PayloadFormat kFormats[] = {PayloadFormat::Text, PayloadFormat::Json, PayloadFormat::Hex,
                                      PayloadFormat::Base64};

} // namespace

PublishBar::PublishBar(QWidget *parent)
    : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);

    auto *row = new QHBoxLayout;
    auto *topicLabel = new QLabel(this);
    m_topic = new QLineEdit(this);
    topicLabel->setBuddy(m_topic);
    m_topics = new QStringListModel(this);
    m_completer = new QCompleter(m_topics, this);
    m_completer->setCaseSensitivity(Qt::CaseSensitive);
    m_completer->setFilterMode(Qt::MatchContains);
    m_topic->setCompleter(m_completer);
    auto *qosLabel = new QLabel(this);
    m_qos = new QComboBox(this);
    m_qos->addItems({QStringLiteral("0"), QStringLiteral("1"), QStringLiteral("2")});
    qosLabel->setBuddy(m_qos);
    m_retain = new QCheckBox(this);
    auto *formatLabel = new QLabel(this);
    m_format = new QComboBox(this);
    for (PayloadFormat f : kFormats)
        m_format->addItem(payloadFormatName(f), int(f));
    formatLabel->setBuddy(m_format);
    m_propertiesToggle = new QToolButton(this);
    m_propertiesToggle->setCheckable(true);
    m_historyButton = new QToolButton(this);
    m_historyButton->setPopupMode(QToolButton::InstantPopup);
    // The style paints the menu arrow over the text of a text-only button; the tooltip says
    // it opens the history.
    m_historyButton->setStyleSheet(QStringLiteral("QToolButton::menu-indicator { image: none; }"));
    m_historyButton->setMenu(new QMenu(m_historyButton));
    row->addWidget(topicLabel);
    row->addWidget(m_topic, 1);
    row->addWidget(qosLabel);
    row->addWidget(m_qos);
    row->addWidget(m_retain);
    row->addWidget(formatLabel);
    row->addWidget(m_format);
    row->addWidget(m_propertiesToggle);
    row->addWidget(m_historyButton);
    layout->addLayout(row);

    m_properties =
        new PublishPropertiesFields(PublishPropertiesFields::Labels::WithMnemonics, this);
    m_expiry = m_properties->expiry();
    m_contentType = m_properties->contentType();
    m_indicator = m_properties->indicator();
    m_responseTopic = m_properties->responseTopic();
    m_correlation = m_properties->correlation();
    m_userProperties = m_properties->userProperties();
    m_properties->setVisible(false);
    layout->addWidget(m_properties);

    auto *payloadRow = new QHBoxLayout;
    auto *payloadLabel = new QLabel(this);
    m_payload = new QPlainTextEdit(this);
    m_payload->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_payload->setTabChangesFocus(true);
    // Five lines: room to write JSON by hand, and the stream above keeps its room.
    m_payload->setMaximumHeight(5 * QFontMetrics(m_payload->font()).lineSpacing() +
                                2 * m_payload->frameWidth() + 8);
    payloadLabel->setBuddy(m_payload);
    m_send = new QPushButton(this);
    m_texts.add([=, this] {
        topicLabel->setText(tr("&Topic:"));
        m_topic->setPlaceholderText(tr("Topic to publish to"));
        qosLabel->setText(tr("Q&oS:"));
        m_retain->setText(tr("&Retain"));
        formatLabel->setText(tr("For&mat:"));
        for (int i = 0; i < m_format->count(); ++i)
            m_format->setItemText(i,
                                  payloadFormatName(PayloadFormat(m_format->itemData(i).toInt())));
        m_propertiesToggle->setText(m_propertiesToggle->isChecked() ? tr("Properties on")
                                                                    : tr("Properties"));
        m_propertiesToggle->setToolTip(tr("MQTT 5 publish properties"));
        m_propertiesToggle->setAccessibleName(tr("MQTT 5 publish properties"));
        m_historyButton->setText(tr("History"));
        m_historyButton->setToolTip(tr("Resend a message from the publish history"));
        m_historyButton->setAccessibleName(tr("Publish history"));
        m_correlation->setPlaceholderText(tr("text, sent as UTF-8 bytes"));
        m_userProperties->setPlaceholderText(tr("name=value; other=value"));
        payloadLabel->setText(tr("&Payload:"));
        m_payload->setPlaceholderText(tr("Payload (Ctrl+Enter sends)"));
        m_send->setText(tr("&Send"));
        m_send->setToolTip(tr("Publish (Ctrl+Enter)"));
    });
    payloadRow->addWidget(payloadLabel, 0, Qt::AlignTop);
    payloadRow->addWidget(m_payload, 1);
    payloadRow->addWidget(m_send, 0, Qt::AlignBottom);
    layout->addLayout(payloadRow);

    auto *messages = new QHBoxLayout;
    m_error = new QLabel(this);
    m_error->setWordWrap(true);
    Theme::setTextRole(m_error, Theme::Text::Error);
    m_error->setVisible(false);
    m_status = new QLabel(this);
    m_texts.add([this] {
        if (m_statusText)
            m_status->setText(m_statusText());
    });
    messages->addWidget(m_error, 1);
    messages->addWidget(m_status);
    layout->addLayout(messages);

    connect(m_send, &QPushButton::clicked, this, &PublishBar::send);
    connect(m_propertiesToggle, &QToolButton::toggled, this, [this](bool on) {
        m_properties->setVisible(on);
        // Says on the bar itself that the next message carries properties.
        m_propertiesToggle->setText(on ? tr("Properties on") : tr("Properties"));
    });
    // Ctrl+Return sends from anywhere in the bar, although the window connects with it.
    new ShortcutClaim(
        this, {QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)},
        [this] { send(); });
    connect(m_topic, &QLineEdit::textEdited, this, &PublishBar::clearError);
    connect(m_payload, &QPlainTextEdit::textChanged, this, &PublishBar::clearError);

    QWidget *order[] = {m_topic,
                        m_qos,
                        m_retain,
                        m_format,
                        m_propertiesToggle,
                        m_historyButton,
                        m_expiry,
                        m_contentType,
                        m_indicator,
                        m_responseTopic,
                        m_correlation,
                        m_userProperties,
                        m_payload,
                        m_send};
    for (size_t i = 1; i < std::size(order); ++i)
        setTabOrder(order[i - 1], order[i]);
    rebuildHistoryMenu();
}

void PublishBar::changeEvent(QEvent *event)
{
    m_texts.handle(event);
    QWidget::changeEvent(event);
}

void PublishBar::setStatus(std::function<QString()> text)
{
    m_statusText = std::move(text);
    m_status->setText(m_statusText());
}

void PublishBar::setMqtt5(bool mqtt5)
{
    m_mqtt5 = mqtt5;
    m_propertiesToggle->setVisible(mqtt5);
    if (!mqtt5)
        m_propertiesToggle->setChecked(false);
}

bool PublishBar::propertiesActive() const
{
    return m_mqtt5 && m_propertiesToggle->isChecked();
}

void PublishBar::setConnected(bool connected)
{
    m_connected = connected;
}

QString PublishBar::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

QString PublishBar::statusText() const
{
    return m_status->text();
}

bool PublishBar::fail(const QString &text, QWidget *focus)
{
    m_error->setText(text);
    m_error->setVisible(true);
    if (focus)
        focus->setFocus();
    return false;
}

void PublishBar::clearError()
{
    m_error->setVisible(false);
}

qint64 PublishBar::packetSize(const PublishPacket &packet, bool mqtt5)
{
    PublishPacket sized = packet;
    if (!mqtt5)
        sized.properties.clear();
    return PublishDraft::wireSize(sized, mqtt5 ? ProtocolVersion::V5 : ProtocolVersion::V311)
        .value_or(-1);
}

PublishDraft PublishBar::draft() const
{
    PublishDraft draft;
    draft.setTopic(m_topic->text());
    draft.setQos(QoS(m_qos->currentIndex()));
    draft.setRetain(m_retain->isChecked());
    draft.setPayloadFormat(PayloadFormat(m_format->currentData().toInt()));
    draft.setPayloadText(m_payload->toPlainText());
    draft.setProtocolVersion(m_mqtt5 ? ProtocolVersion::V5 : ProtocolVersion::V311);
    draft.setMaximumPacketSize(m_maxPacket);
    // Only what the user sees goes out: the properties while their panel is open.
    if (propertiesActive()) {
        Properties p;
        if (const auto expiry = m_properties->expirySeconds())
            p.setInteger(PropertyId::MessageExpiryInterval, *expiry);
        if (!m_contentType->text().isEmpty())
            p.setString(PropertyId::ContentType, m_contentType->text());
        if (const auto indicator = m_properties->indicatorValue())
            p.setInteger(PropertyId::PayloadFormatIndicator, *indicator);
        if (!m_responseTopic->text().isEmpty())
            p.setString(PropertyId::ResponseTopic, m_responseTopic->text());
        if (!m_correlation->text().isEmpty())
            p.setBinary(PropertyId::CorrelationData, m_correlation->text().toUtf8());
        // The user properties are added by buildPacket() once their text parses.
        draft.setProperties(p);
    }
    return draft;
}

QWidget *PublishBar::fieldWidget(const PublishDraftError &error) const
{
    switch (error.field) {
    case PublishField::Topic:
        return m_topic;
    case PublishField::Payload:
        return m_payload;
    case PublishField::Properties:
        break;
    }
    switch (error.property.value_or(PropertyId::UserProperty)) {
    case PropertyId::ContentType:
        return m_contentType;
    case PropertyId::ResponseTopic:
        return m_responseTopic;
    case PropertyId::CorrelationData:
        return m_correlation;
    case PropertyId::MessageExpiryInterval:
        return m_expiry;
    case PropertyId::PayloadFormatIndicator:
        return m_indicator;
    default:
        return m_userProperties;
    }
}

bool PublishBar::failAt(const PublishDraftError &error)
{
    QWidget *focus = fieldWidget(error);
    if (error.position >= 0) {
        if (focus == m_payload) {
            QTextCursor cursor = m_payload->textCursor();
            cursor.setPosition(int(error.position));
            m_payload->setTextCursor(cursor);
        } else if (auto *line = qobject_cast<QLineEdit *>(focus)) {
            line->setCursorPosition(int(error.position));
        }
    }
    return fail(error.message(), focus);
}

std::optional<PublishPacket> PublishBar::buildPacket()
{
    PublishDraft draft = this->draft();
    // The user properties are typed on one line: parsed here, their error shown after those
    // of the topic, the payload and the response topic, before the others.
    QString userPropertiesError;
    bool userPropertiesOk = true;
    if (propertiesActive()) {
        const auto pairs =
            UserPropertyParser::parse(m_userProperties->text(), &userPropertiesError);
        userPropertiesOk = pairs.has_value();
        if (pairs) {
            Properties p = draft.properties();
            for (const StringPair &pair : *pairs)
                p.addUserProperty(pair.name, pair.value);
            draft.setProperties(p);
        }
    }
    const std::optional<PublishDraftError> error = draft.validate();
    using Kind = PublishDraftError::Kind;
    const bool first =
        error && (error->kind == Kind::InvalidTopic || error->kind == Kind::InvalidPayload ||
                  error->kind == Kind::InvalidResponseTopic);
    if (!first && !userPropertiesOk) {
        fail(userPropertiesError, m_userProperties);
        return std::nullopt;
    }
    if (error) {
        failAt(*error);
        return std::nullopt;
    }
    const PublishPacket packet = draft.packet();
    if (!m_connected) {
        if (!m_queueOffline) {
            fail(tr("Not connected: this connection refuses to publish while disconnected. "
                    "Connect first, or allow queueing in the connection's settings."));
            return std::nullopt;
        }
        if (packet.qos == QoS::AtMostOnce) {
            fail(tr("Not connected: only QoS 1 and 2 messages are queued until the connection "
                    "is back. Connect first, or choose QoS 1 or 2."));
            return std::nullopt;
        }
    }
    clearError();
    return packet;
}

bool PublishBar::send()
{
    auto packet = buildPacket();
    if (!packet)
        return false;
    addToHistory(*packet);
    setStatus([connected = m_connected] {
        return connected ? tr("publishing…") : tr("queued until connected");
    });
    emit publishRequested(*packet);
    return true;
}

void PublishBar::addToHistory(const PublishPacket &packet)
{
    m_history.removeIf([&packet](const PublishPacket &p) {
        return p.topic == packet.topic && p.payload == packet.payload && p.qos == packet.qos &&
               p.retain == packet.retain && p.properties == packet.properties;
    });
    m_history.prepend(packet);
    historyChanged();
}

void PublishBar::setHistory(const QList<PublishPacket> &history)
{
    m_history = history;
    historyChanged();
}

void PublishBar::historyChanged()
{
    if (m_history.size() > kHistoryLimit)
        m_history.resize(kHistoryLimit);
    QStringList topics;
    for (const PublishPacket &p : std::as_const(m_history)) {
        if (!topics.contains(p.topic))
            topics.append(p.topic);
    }
    m_topics->setStringList(topics);
    rebuildHistoryMenu();
}

void PublishBar::rebuildHistoryMenu()
{
    QMenu *menu = m_historyButton->menu();
    menu->clear();
    for (int i = 0; i < m_history.size(); ++i) {
        const PublishPacket &p = m_history.at(i);
        QString payload = QString::fromUtf8(p.payload.left(40)).simplified();
        if (p.payload.size() > 40)
            payload += QStringLiteral("…");
        QAction *action =
            menu->addAction(tr("Resend %1 (QoS %2): %3").arg(p.topic).arg(int(p.qos)).arg(payload));
        connect(action, &QAction::triggered, this, [this, i] { resendFromHistory(i); });
    }
    m_historyButton->setEnabled(!m_history.isEmpty());
}

bool PublishBar::resendFromHistory(int index)
{
    if (index < 0 || index >= m_history.size())
        return false;
    const PublishPacket packet = m_history.at(index);
    if (!m_connected && (!m_queueOffline || packet.qos == QoS::AtMostOnce))
        return fail(tr("Not connected: connect first to resend this message."));
    load(packet);
    clearError();
    // The stored bytes go out as they were, whatever the editor makes of them.
    addToHistory(packet);
    setStatus([connected = m_connected] {
        return connected ? tr("publishing…") : tr("queued until connected");
    });
    emit publishRequested(packet);
    return true;
}

void PublishBar::load(const PublishPacket &packet)
{
    m_topic->setText(packet.topic);
    m_qos->setCurrentIndex(int(packet.qos));
    m_retain->setChecked(packet.retain);
    // Text when the payload is text, hex otherwise, so nothing is lost on the way back.
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString text = decoder.decode(packet.payload);
    const bool isText = !decoder.hasError() && !text.contains(QChar(0));
    const PayloadFormat format = isText ? PayloadFormat::Text : PayloadFormat::Hex;
    m_format->setCurrentIndex(m_format->findData(int(format)));
    m_payload->setPlainText(isText ? text : QString::fromLatin1(packet.payload.toHex(' ')));

    const Properties &p = packet.properties;
    m_properties->setExpirySeconds(p.integer(PropertyId::MessageExpiryInterval));
    m_contentType->setText(p.string(PropertyId::ContentType).value_or(QString()));
    const auto indicator = p.integer(PropertyId::PayloadFormatIndicator);
    m_properties->setIndicatorValue(indicator ? std::optional<quint8>(quint8(*indicator))
                                              : std::nullopt);
    m_responseTopic->setText(p.string(PropertyId::ResponseTopic).value_or(QString()));
    m_correlation->setText(
        QString::fromUtf8(p.binary(PropertyId::CorrelationData).value_or(QByteArray())));
    m_properties->setUserPropertyPairs(p.userProperties());
    // What is loaded is what goes out: the panel opens when the message had properties.
    if (m_mqtt5)
        m_propertiesToggle->setChecked(!p.isEmpty());
}

void PublishBar::showAck(const PublishAck &ack)
{
    setStatus([ack]() -> QString { return tr("Last message: %1").arg(ack.text()); });
    if (ack.stage == PublishAck::Stage::Failed)
        fail(tr("The last message was not delivered: %1").arg(ack.text()));
}

} // namespace mqttdesk
