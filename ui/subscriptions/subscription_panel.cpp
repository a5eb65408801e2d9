#include "ui/subscriptions/subscription_panel.h"

#include "core/protocol/topic.h"
#include "ui/subscriptions/subscription_list_model.h"
#include "ui/subscriptions/user_property_parser.h"
#include "ui/theme/theme.h"
#include "ui/widgets/decoder_combo.h"
#include "ui/widgets/prompts.h"

#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

namespace mqttdesk {

SubscriptionPanel::SubscriptionPanel(SubscriptionListModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);

    auto *title = new QLabel(this);
    layout->addWidget(title);

    auto *addRow = new QHBoxLayout;
    auto *filterLabel = new QLabel(this);
    m_filter = new QLineEdit(this);
    filterLabel->setBuddy(m_filter);
    auto *qosLabel = new QLabel(this);
    m_qos = new QComboBox(this);
    m_qos->addItems({QStringLiteral("0"), QStringLiteral("1"), QStringLiteral("2")});
    qosLabel->setBuddy(m_qos);
    m_add = new QPushButton(this);
    m_optionsToggle = new QToolButton(this);
    m_optionsToggle->setCheckable(true);
    // The filter gets a row of its own: in the narrow panel it would otherwise be squeezed
    // to a few characters by the QoS box and the buttons.
    m_filter->setMinimumWidth(m_filter->fontMetrics().averageCharWidth() * 18);
    addRow->addWidget(filterLabel);
    addRow->addWidget(m_filter, 1);
    layout->addLayout(addRow);
    auto *qosRow = new QHBoxLayout;
    qosRow->addWidget(qosLabel);
    qosRow->addWidget(m_qos);
    qosRow->addWidget(m_optionsToggle);
    qosRow->addStretch(1);
    qosRow->addWidget(m_add);
    layout->addLayout(qosRow);

    m_options = new QWidget(this);
    auto *form = new QFormLayout(m_options);
    form->setContentsMargins(0, 0, 0, 0);
    m_noLocal = new QCheckBox(m_options);
    m_retainAsPublished = new QCheckBox(m_options);
    m_retainHandling = new QComboBox(m_options);
    for (int handling = 0; handling <= 2; ++handling)
        m_retainHandling->addItem(QString(), handling);
    m_subscriptionId = new QSpinBox(m_options);
    m_subscriptionId->setRange(0, 268435455); // Variable Byte Integer maximum [MQTT-3.8.2.1.2]
    m_userProperties = new QLineEdit(m_options);
    form->addRow(m_noLocal);
    form->addRow(m_retainAsPublished);
    auto *rhLabel = new QLabel(m_options);
    rhLabel->setBuddy(m_retainHandling);
    form->addRow(rhLabel, m_retainHandling);
    auto *idLabel = new QLabel(m_options);
    idLabel->setBuddy(m_subscriptionId);
    form->addRow(idLabel, m_subscriptionId);
    auto *upLabel = new QLabel(m_options);
    upLabel->setBuddy(m_userProperties);
    form->addRow(upLabel, m_userProperties);
    m_options->setVisible(false);
    layout->addWidget(m_options);

    m_error = new QLabel(this);
    m_error->setWordWrap(true);
    Theme::setTextRole(m_error, Theme::Text::Error);
    m_error->setVisible(false);
    layout->addWidget(m_error);

    m_view = new QTreeView(this);
    m_view->setRootIsDecorated(false);
    m_view->setModel(m_model);

    m_view->header()->setSectionResizeMode(SubscriptionListModel::FilterColumn,
                                           QHeaderView::Stretch);
    m_view->header()->setStretchLastSection(false);
    for (int column : {SubscriptionListModel::QosColumn, SubscriptionListModel::CountColumn})
        m_view->header()->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    // A long refusal reason is elided here (its tooltip has it whole) rather than taking
    // the filter's room.
    m_view->header()->resizeSection(
        SubscriptionListModel::StatusColumn,
        qMax(56, m_view->fontMetrics().horizontalAdvance(tr("✓ QoS %1").arg(2)) + 16));
    // The filter is what the user reads first: it takes what the other columns leave.
    m_view->header()->resizeSection(SubscriptionListModel::AliasColumn, 56);
    // The format is chosen (and shown) in "Display as" below the list.
    m_view->setColumnHidden(SubscriptionListModel::FormatColumn, true);
    // The requested QoS is in the form; the status shows the granted one.
    m_view->setColumnHidden(SubscriptionListModel::QosColumn, true);
    // Both ends of a filter say the most ("plant/…/temperature").
    m_view->setTextElideMode(Qt::ElideMiddle);
    m_view->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed);
    layout->addWidget(m_view, 1);

    auto *actions = new QHBoxLayout;
    m_colour = new QToolButton(this);
    auto *formatLabel = new QLabel(this);
    m_format = new QComboBox(this);
    DecoderCombo::fill(m_format, DecoderCombo::Offer::PayloadFormats);
    formatLabel->setBuddy(m_format);
    m_remove = new QToolButton(this);
    m_texts.add([=, this] {
        title->setText(tr("<b>Subscriptions</b>"));
        filterLabel->setText(tr("&Filter:"));
        m_filter->setPlaceholderText(tr("e.g. sensors/+/temperature"));
        qosLabel->setText(tr("&QoS:"));
        m_add->setText(tr("&Add"));
        m_optionsToggle->setText(tr("5.0 options"));
        m_optionsToggle->setToolTip(tr("MQTT 5 subscription options"));
        m_optionsToggle->setAccessibleName(tr("MQTT 5 subscription options"));
        m_noLocal->setText(tr("&No Local (do not receive my own messages)"));
        m_retainAsPublished->setText(tr("Retain as &published"));
        m_retainHandling->setItemText(0, tr("Send retained messages on subscribe"));
        m_retainHandling->setItemText(1, tr("Send retained only for a new subscription"));
        m_retainHandling->setItemText(2, tr("Do not send retained messages"));
        m_subscriptionId->setSpecialValueText(tr("none"));
        m_userProperties->setPlaceholderText(tr("name=value; other=value"));
        rhLabel->setText(tr("Retain &handling:"));
        idLabel->setText(tr("Subscription &identifier:"));
        upLabel->setText(tr("&User properties:"));
        m_view->setAccessibleName(tr("Subscriptions"));
        m_colour->setText(tr("Colour…"));
        m_colour->setToolTip(tr("Change the colour of the selected subscription"));
        m_colour->setAccessibleName(tr("Change colour"));
        formatLabel->setText(tr("&Display as:"));
        m_remove->setText(tr("Remove"));
        m_remove->setToolTip(tr("Unsubscribe and remove the selected subscription"));
        m_remove->setAccessibleName(tr("Remove subscription"));
    });
    actions->addWidget(m_colour);
    actions->addWidget(formatLabel);
    actions->addWidget(m_format, 1);
    actions->addWidget(m_remove);
    layout->addLayout(actions);

    connect(m_filter, &QLineEdit::returnPressed, this, &SubscriptionPanel::addFromForm);
    connect(m_add, &QPushButton::clicked, this, &SubscriptionPanel::addFromForm);
    connect(m_filter, &QLineEdit::textChanged, this, [this] { m_error->setVisible(false); });
    connect(m_optionsToggle, &QToolButton::toggled, m_options, &QWidget::setVisible);
    connect(m_colour, &QToolButton::clicked, this, &SubscriptionPanel::chooseColour);
    connect(m_format, &QComboBox::activated, this, &SubscriptionPanel::applyFormat);
    connect(m_remove, &QToolButton::clicked, this, [this] {
        if (currentRow() >= 0)
            emit removeRequested(currentRow());
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &SubscriptionPanel::updateButtons);
    connect(m_model, &QAbstractItemModel::modelReset, this, &SubscriptionPanel::updateButtons);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &SubscriptionPanel::updateButtons);

    setTabOrder(m_filter, m_qos);
    setTabOrder(m_qos, m_optionsToggle);
    setTabOrder(m_optionsToggle, m_add);
    setTabOrder(m_add, m_noLocal);
    setTabOrder(m_noLocal, m_retainAsPublished);
    setTabOrder(m_retainAsPublished, m_retainHandling);
    setTabOrder(m_retainHandling, m_subscriptionId);
    setTabOrder(m_subscriptionId, m_userProperties);
    setTabOrder(m_userProperties, m_view);
    setTabOrder(m_view, m_colour);
    setTabOrder(m_colour, m_format);
    setTabOrder(m_format, m_remove);
    updateButtons();
}

void SubscriptionPanel::setMqtt5(bool mqtt5)
{
    m_mqtt5 = mqtt5;
    m_optionsToggle->setVisible(mqtt5);
    if (!mqtt5)
        m_options->setVisible(false);
}

QString SubscriptionPanel::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

bool SubscriptionPanel::addFromForm()
{
    const QString filter = m_filter->text();
    auto fail = [this](const QString &text) {
        m_error->setText(text);
        m_error->setVisible(true);
        return false;
    };
    if (auto error = Topic::validateFilter(filter)) {
        if (error->position >= 0)
            m_filter->setCursorPosition(int(error->position));
        m_filter->setFocus();
        return fail(error->message());
    }
    if (m_model->rowOfFilter(filter) >= 0)
        return fail(tr("You are already subscribed to \"%1\".").arg(filter));
    SubscriptionEntry entry;
    entry.subscription.filter = filter;
    entry.subscription.options.qos = QoS(m_qos->currentIndex());
    if (m_mqtt5) {
        QString error;
        auto props = UserPropertyParser::parse(m_userProperties->text(), &error);
        if (!props)
            return fail(error);
        entry.userProperties = *props;
        entry.subscription.options.noLocal = m_noLocal->isChecked();
        entry.subscription.options.retainAsPublished = m_retainAsPublished->isChecked();
        entry.subscription.options.retainHandling =
            RetainHandling(m_retainHandling->currentData().toInt());
        if (m_subscriptionId->value() > 0)
            entry.subscriptionIdentifier = quint32(m_subscriptionId->value());
    }
    const int row = m_model->add(entry);
    m_error->setVisible(false);
    m_filter->clear();
    m_view->setCurrentIndex(m_model->index(row, 0));
    emit subscriptionAdded(row);
    return true;
}

void SubscriptionPanel::changeEvent(QEvent *event)
{
    if (m_texts.handle(event)) {
        DecoderCombo::retranslate(m_format);
        m_model->retranslate(); // headers and the status column
    }
    QWidget::changeEvent(event);
}

int SubscriptionPanel::currentRow() const
{
    const QModelIndex current = m_view->currentIndex();
    return current.isValid() ? current.row() : -1;
}

void SubscriptionPanel::chooseColour()
{
    const int row = currentRow();
    if (row < 0)
        return;
    const QColor colour = Prompts::colour(this, QColor::fromString(m_model->at(row).colour),
                                          tr("Subscription colour"));
    if (colour.isValid())
        m_model->setColour(row, colour);
}

void SubscriptionPanel::applyFormat()
{
    const int row = currentRow();
    if (row >= 0)
        m_model->setFormat(
            row,
            payloadFormatFromKey(DecoderCombo::currentId(m_format)).value_or(PayloadFormat::Auto));
}

void SubscriptionPanel::updateButtons()
{
    const int row = currentRow();
    m_colour->setEnabled(row >= 0);
    m_format->setEnabled(row >= 0);
    m_remove->setEnabled(row >= 0);
    if (row >= 0)
        DecoderCombo::select(m_format, payloadFormatKey(m_model->at(row).format));
}

} // namespace mqttdesk
