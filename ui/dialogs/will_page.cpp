#include "ui/dialogs/will_page.h"

#include "ui/widgets/pairs_table.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QJsonDocument>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QStringDecoder>
#include <QTableWidget>
#include <QToolButton>

namespace mqttdesk {

WillPage::WillPage(QWidget *parent)
    : ProfilePage(parent)
    , m_enabled(new QCheckBox(this))
    , m_topic(new QLineEdit(this))
    , m_qos(new QComboBox(this))
    , m_retain(new QCheckBox(this))
    , m_encoding(new QComboBox(this))
    , m_payload(new QPlainTextEdit(this))
    , m_delay(new QDoubleSpinBox(this))
    , m_expires(new QCheckBox(this))
    , m_expiry(new QDoubleSpinBox(this))
    , m_contentType(new QLineEdit(this))
    , m_responseTopic(new QLineEdit(this))
    , m_correlation(new QLineEdit(this))
    , m_utf8(new QCheckBox(this))
    , m_userProperties(new PairsTable(this))
{
    m_enabled->setObjectName(QStringLiteral("will.enabled"));
    m_topic->setObjectName(QStringLiteral("will.topic"));
    m_qos->setObjectName(QStringLiteral("will.qos"));
    m_retain->setObjectName(QStringLiteral("will.retain"));
    m_encoding->setObjectName(QStringLiteral("will.payloadEncoding"));
    m_payload->setObjectName(QStringLiteral("will.payload"));
    m_delay->setObjectName(QStringLiteral("will.properties.delayInterval"));
    m_expires->setObjectName(QStringLiteral("will.properties.hasMessageExpiry"));
    m_expiry->setObjectName(QStringLiteral("will.properties.messageExpiryInterval"));
    m_contentType->setObjectName(QStringLiteral("will.properties.contentType"));
    m_responseTopic->setObjectName(QStringLiteral("will.properties.responseTopic"));
    m_correlation->setObjectName(QStringLiteral("will.properties.correlationData"));
    m_utf8->setObjectName(QStringLiteral("will.properties.payloadFormatIndicator"));
    m_userProperties->setObjectName(QStringLiteral("will.properties.userProperties"));

    m_qos->addItem(QString(), 0);
    m_qos->addItem(QString(), 1);
    m_qos->addItem(QString(), 2);
    m_encoding->addItem(QString(), int(PayloadEncoding::Text));
    m_encoding->addItem(QStringLiteral("JSON"), int(PayloadEncoding::Json));
    m_encoding->addItem(QString(), int(PayloadEncoding::Hex));
    m_encoding->addItem(QStringLiteral("Base64"), int(PayloadEncoding::Base64));
    m_texts.add([this] {
        m_enabled->setText(tr("&Send a last will when the connection is lost"));
        m_retain->setText(tr("&Retain"));
        m_expires->setText(tr("Expires after"));
        m_utf8->setText(tr("The payload is UTF-&8 text (payload format indicator)"));
        m_qos->setItemText(0, tr("0 — at most once"));
        m_qos->setItemText(1, tr("1 — at least once"));
        m_qos->setItemText(2, tr("2 — exactly once"));
        m_encoding->setItemText(0, tr("Text"));
        m_encoding->setItemText(2, tr("Hex"));
    });
    m_texts.add([this] { m_topic->setPlaceholderText(tr("e.g. devices/desk/status")); });
    m_payload->setTabChangesFocus(true);
    m_payload->setMaximumHeight(90);
    for (QDoubleSpinBox *spin : {m_delay, m_expiry}) {
        spin->setDecimals(0);
        spin->setRange(0, 4294967295.0);
        m_texts.add([spin] { spin->setSuffix(tr(" s")); });
        spin->setGroupSeparatorShown(true);
    }
    m_texts.add([this] { m_delay->setSpecialValueText(tr("None")); });
    m_texts.add([this] { m_contentType->setPlaceholderText(tr("e.g. application/json")); });
    m_texts.add([this] { m_correlation->setPlaceholderText(tr("hex bytes, e.g. 01 a2 ff")); });

    auto *form = new QFormLayout(this);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(QString(), m_enabled);
    addRow(
        form, [] { return tr("&Topic:"); }, m_topic);
    auto *qosRow = new QWidget(this);
    auto *qosLayout = new QHBoxLayout(qosRow);
    qosLayout->setContentsMargins(0, 0, 0, 0);
    qosLayout->addWidget(m_qos);
    qosLayout->addWidget(m_retain);
    qosLayout->addStretch();
    addRow(
        form, [] { return tr("&QoS:"); }, qosRow, m_qos);
    addRow(
        form, [] { return tr("Payload &format:"); }, m_encoding);
    addRow(
        form, [] { return tr("&Payload:"); }, m_payload);
    addRow(
        form, [] { return tr("Will &delay:"); }, m_delay);
    auto *expiryRow = new QWidget(this);
    auto *expiryLayout = new QHBoxLayout(expiryRow);
    expiryLayout->setContentsMargins(0, 0, 0, 0);
    expiryLayout->addWidget(m_expires);
    expiryLayout->addWidget(m_expiry, 1);
    addRow(
        form, [] { return tr("Message e&xpiry:"); }, expiryRow, m_expires);
    m_texts.add([this] { m_expiry->setAccessibleName(tr("Message expiry in seconds")); });
    addRow(
        form, [] { return tr("&Content type:"); }, m_contentType);
    addRow(
        form, [] { return tr("Res&ponse topic:"); }, m_responseTopic);
    addRow(
        form, [] { return tr("Co&rrelation data:"); }, m_correlation);
    form->addRow(QString(), m_utf8);
    addRow(
        form, [] { return tr("&User properties:"); }, m_userProperties, m_userProperties->table());

    chainTabOrder({m_enabled, m_topic, m_qos, m_retain, m_encoding, m_payload, m_delay, m_expires,
                   m_expiry, m_contentType, m_responseTopic, m_correlation, m_utf8,
                   m_userProperties->table(), m_userProperties->addButton(),
                   m_userProperties->removeButton()});

    for (QCheckBox *box : {m_enabled, m_retain, m_expires, m_utf8})
        connect(box, &QCheckBox::toggled, this, &ProfilePage::changed);
    connect(m_enabled, &QCheckBox::toggled, this, &WillPage::updateEnabled);
    connect(m_expires, &QCheckBox::toggled, this, &WillPage::updateEnabled);
    for (QLineEdit *edit : {m_topic, m_contentType, m_responseTopic, m_correlation})
        connect(edit, &QLineEdit::textChanged, this, &ProfilePage::changed);
    connect(m_qos, &QComboBox::currentIndexChanged, this, &ProfilePage::changed);
    connect(m_encoding, &QComboBox::currentIndexChanged, this, &WillPage::onEncodingChanged);
    connect(m_payload, &QPlainTextEdit::textChanged, this, [this] {
        m_payloadEdited = true;
        Q_EMIT changed();
    });
    for (QDoubleSpinBox *spin : {m_delay, m_expiry})
        connect(spin, &QDoubleSpinBox::valueChanged, this, &ProfilePage::changed);
    connect(m_userProperties, &PairsTable::changed, this, &ProfilePage::changed);
    updateEnabled();
}

PayloadEncoding WillPage::encoding() const
{
    return PayloadEncoding(m_encoding->currentData().toInt());
}

std::optional<QByteArray> WillPage::decode(const QString &text, PayloadEncoding encoding)
{
    switch (encoding) {
    case PayloadEncoding::Text:
    case PayloadEncoding::Json:
        return text.toUtf8();
    case PayloadEncoding::Hex: {
        QString digits = text;
        digits.remove(QRegularExpression(QStringLiteral("\\s")));
        static const QRegularExpression hex(QStringLiteral("^([0-9A-Fa-f]{2})*$"));
        if (!hex.match(digits).hasMatch())
            return std::nullopt;
        return QByteArray::fromHex(digits.toLatin1());
    }
    case PayloadEncoding::Base64: {
        const QString compact = text.simplified().remove(QLatin1Char(' '));
        auto result = QByteArray::fromBase64Encoding(compact.toLatin1(),
                                                     QByteArray::AbortOnBase64DecodingErrors);
        if (!result)
            return std::nullopt;
        return *result;
    }
    }
    return std::nullopt;
}

QString WillPage::encode(const QByteArray &payload, PayloadEncoding encoding)
{
    switch (encoding) {
    case PayloadEncoding::Text:
    case PayloadEncoding::Json:
        return QString::fromUtf8(payload);
    case PayloadEncoding::Hex:
        return QString::fromLatin1(payload.toHex(' '));
    case PayloadEncoding::Base64:
        return QString::fromLatin1(payload.toBase64());
    }
    return {};
}

void WillPage::onEncodingChanged()
{
    // Show the same bytes in the new encoding when the current text parses.
    const auto bytes = m_payloadEdited ? decode(m_payload->toPlainText(), m_shownEncoding)
                                       : std::optional<QByteArray>(m_loadedPayload);
    m_shownEncoding = encoding();
    if (bytes) {
        const QSignalBlocker blocker(m_payload);
        m_payload->setPlainText(encode(*bytes, m_shownEncoding));
        m_loadedPayload = *bytes;
        m_payloadEdited = false;
    }
    Q_EMIT changed();
}

void WillPage::updateEnabled()
{
    const bool on = m_enabled->isChecked();
    for (QWidget *widget : findChildren<QWidget *>(Qt::FindDirectChildrenOnly)) {
        if (widget != m_enabled)
            widget->setEnabled(on);
    }
    m_expiry->setEnabled(on && m_expires->isChecked());
}

void WillPage::load(const ConnectionProfile &p)
{
    const WillMessage &w = p.will;
    m_enabled->setChecked(w.enabled);
    m_topic->setText(w.topic);
    m_qos->setCurrentIndex(w.qos);
    m_retain->setChecked(w.retain);
    {
        const QSignalBlocker blocker(m_encoding);
        m_encoding->setCurrentIndex(m_encoding->findData(int(w.payloadEncoding)));
    }
    m_shownEncoding = w.payloadEncoding;
    {
        const QSignalBlocker blocker(m_payload);
        m_payload->setPlainText(encode(w.payload, w.payloadEncoding));
    }
    m_loadedPayload = w.payload;
    m_payloadEdited = false;
    const WillProperties &wp = w.properties;
    m_delay->setValue(wp.delayInterval);
    m_expires->setChecked(wp.messageExpiryInterval.has_value());
    m_expiry->setValue(wp.messageExpiryInterval.value_or(0));
    m_contentType->setText(wp.contentType);
    m_responseTopic->setText(wp.responseTopic);
    m_correlation->setText(QString::fromLatin1(wp.correlationData.toHex(' ')));
    m_utf8->setChecked(wp.payloadFormatIndicator);
    m_userProperties->setPairs(wp.userProperties);
    updateEnabled();
}

void WillPage::store(ConnectionProfile &p) const
{
    WillMessage &w = p.will;
    w.enabled = m_enabled->isChecked();
    w.topic = m_topic->text();
    w.qos = quint8(m_qos->currentData().toInt());
    w.retain = m_retain->isChecked();
    w.payloadEncoding = encoding();
    if (!m_payloadEdited)
        w.payload = m_loadedPayload;
    else
        w.payload = decode(m_payload->toPlainText(), encoding()).value_or(QByteArray());
    WillProperties &wp = w.properties;
    wp.delayInterval = quint32(m_delay->value());
    wp.messageExpiryInterval =
        m_expires->isChecked() ? std::optional<quint32>(quint32(m_expiry->value())) : std::nullopt;
    wp.contentType = m_contentType->text();
    wp.responseTopic = m_responseTopic->text();
    wp.correlationData = decode(m_correlation->text(), PayloadEncoding::Hex).value_or(QByteArray());
    wp.payloadFormatIndicator = m_utf8->isChecked();
    wp.userProperties = m_userProperties->pairs();
}

ProfileProblems WillPage::problems() const
{
    ProfileProblems result;
    if (!m_enabled->isChecked())
        return result;
    if (m_payloadEdited && !decode(m_payload->toPlainText(), encoding())) {
        result << error(QStringLiteral("will.payload"),
                        encoding() == PayloadEncoding::Hex
                            ? tr("The will payload is not valid hex: use pairs of digits 0-9, a-f.")
                            : tr("The will payload is not valid Base64."));
    }
    if (m_payloadEdited && encoding() == PayloadEncoding::Json) {
        QJsonParseError parse;
        QJsonDocument::fromJson(m_payload->toPlainText().toUtf8(), &parse);
        if (parse.error != QJsonParseError::NoError && !m_payload->toPlainText().isEmpty())
            result << error(QStringLiteral("will.payload"),
                            tr("The will payload is not valid JSON: %1").arg(parse.errorString()));
    }
    if (!decode(m_correlation->text(), PayloadEncoding::Hex))
        result << error(QStringLiteral("will.properties.correlationData"),
                        tr("The correlation data is not valid hex: use pairs of digits 0-9, a-f."));
    return result;
}

} // namespace mqttdesk
