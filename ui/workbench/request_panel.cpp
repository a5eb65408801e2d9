#include "ui/workbench/request_panel.h"

#include "core/request/request_client.h"
#include "core/request/request_list_model.h"
#include "ui/theme/theme.h"

#include <QEvent>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QSpinBox>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace mqttdesk {

namespace {

// The start of a payload as the detail panes show it.
constexpr qsizetype kShownBytes = 64 * 1024;

QString payloadText(const QByteArray &payload)
{
    QString text = QString::fromUtf8(payload.left(kShownBytes));
    if (payload.size() > kShownBytes)
        text += QStringLiteral("\n…");
    return text;
}

} // namespace

RequestPanel::RequestPanel(QWidget *parent)
    : QWidget(parent)
    , m_responseTopic(new QLineEdit(this))
    , m_correlation(new QLineEdit(this))
    , m_correlationField(new QLineEdit(this))
    , m_timeout(new QSpinBox(this))
    , m_table(new QTableView(this))
    , m_summary(new QLabel(this))
    , m_request(new QPlainTextEdit(this))
    , m_reply(new QPlainTextEdit(this))
{
    setObjectName(QStringLiteral("requestPanel"));
    m_responseTopic->setObjectName(QStringLiteral("request.responseTopic"));
    m_correlation->setObjectName(QStringLiteral("request.correlation"));
    m_correlationField->setObjectName(QStringLiteral("request.correlationField"));
    m_timeout->setObjectName(QStringLiteral("request.timeout"));
    m_table->setObjectName(QStringLiteral("request.table"));
    m_timeout->setRange(10, 600000);
    m_timeout->setSingleStep(500);
    m_timeout->setAccelerated(true);

    const QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    for (QPlainTextEdit *view : {m_request, m_reply}) {
        view->setReadOnly(true);
        view->setFont(mono);
        view->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    }
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    Theme::setTextRole(m_summary, Theme::Text::Muted);

    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setWordWrap(false);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setHighlightSections(false);

    auto *form = new QFormLayout;
    auto *responseLabel = new QLabel(this);
    auto *correlationLabel = new QLabel(this);
    auto *fieldLabel = new QLabel(this);
    auto *timeoutLabel = new QLabel(this);
    responseLabel->setBuddy(m_responseTopic);
    correlationLabel->setBuddy(m_correlation);
    fieldLabel->setBuddy(m_correlationField);
    timeoutLabel->setBuddy(m_timeout);
    form->addRow(responseLabel, m_responseTopic);
    auto *correlationRow = new QHBoxLayout;
    correlationRow->addWidget(m_correlation, 2);
    correlationRow->addWidget(fieldLabel);
    correlationRow->addWidget(m_correlationField, 1);
    form->addRow(correlationLabel, correlationRow);
    form->addRow(timeoutLabel, m_timeout);

    auto *details = new QSplitter(Qt::Horizontal, this);
    auto *requestBox = new QWidget(details);
    auto *requestLayout = new QVBoxLayout(requestBox);
    requestLayout->setContentsMargins(0, 0, 0, 0);
    auto *requestTitle = new QLabel(requestBox);
    requestLayout->addWidget(requestTitle);
    requestLayout->addWidget(m_request);
    auto *replyBox = new QWidget(details);
    auto *replyLayout = new QVBoxLayout(replyBox);
    replyLayout->setContentsMargins(0, 0, 0, 0);
    auto *replyTitle = new QLabel(replyBox);
    replyLayout->addWidget(replyTitle);
    replyLayout->addWidget(m_reply);
    requestTitle->setBuddy(m_request);
    replyTitle->setBuddy(m_reply);

    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_table);
    auto *bottom = new QWidget(split);
    auto *bottomLayout = new QVBoxLayout(bottom);
    // A little room under the splitter handle, so the summary's glyphs are never cut.
    bottomLayout->setContentsMargins(0, 4, 0, 0);
    m_summary->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Minimum);
    bottomLayout->addWidget(m_summary);
    bottomLayout->addWidget(details, 1);
    split->addWidget(bottom);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 1);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(form);
    layout->addWidget(split, 1);

    setTabOrder(m_responseTopic, m_correlation);
    setTabOrder(m_correlation, m_correlationField);
    setTabOrder(m_correlationField, m_timeout);
    setTabOrder(m_timeout, m_table);
    setTabOrder(m_table, m_request);
    setTabOrder(m_request, m_reply);

    m_texts.add([=, this] {
        responseLabel->setText(tr("Response &topic:"));
        m_responseTopic->setToolTip(
            tr("Where the reply is expected; it is subscribed before the request goes out. "
               "With {{uuid}} each request gets a topic of its own."));
        correlationLabel->setText(tr("&Correlation:"));
        m_correlation->setToolTip(tr("MQTT 5: sent as Correlation Data; the reply must carry "
                                     "the same. {{uuid}} is the request's own id."));
        fieldLabel->setText(tr("in payload &field:"));
        m_correlationField->setPlaceholderText(m_mqtt5 ? tr("optional") : tr("e.g. id"));
        m_correlationField->setToolTip(
            tr("The JSON member of the reply that carries the correlation: how MQTT 3.1.1, "
               "which has no Correlation Data, matches a reply. The request's payload carries "
               "it too, e.g. \"id\": \"{{uuid}}\"."));
        timeoutLabel->setText(tr("Time&out:"));
        m_timeout->setSuffix(tr(" ms"));
        requestTitle->setText(tr("Re&quest"));
        replyTitle->setText(tr("Rep&ly"));
        m_table->setAccessibleName(tr("Past requests"));
        showSelected();
    });
    setOptions(RequestOptions{});
}

RequestPanel::~RequestPanel() = default;

void RequestPanel::setClient(RequestClient *client)
{
    m_client = client;
    delete m_model;
    m_model = client ? new RequestListModel(client, this) : nullptr;
    m_table->setModel(m_model);
    if (!m_model)
        return;
    m_table->horizontalHeader()->setSectionResizeMode(RequestListModel::RttColumn,
                                                      QHeaderView::ResizeToContents);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &RequestPanel::showSelected);
    connect(client, &RequestClient::requestChanged, this, [this](quint64 id) {
        if (id == m_shown)
            showSelected();
    });
}

RequestClient *RequestPanel::client() const
{
    return m_client;
}

RequestOptions RequestPanel::options() const
{
    RequestOptions o;
    o.responseTopic = m_responseTopic->text();
    o.correlation = m_correlation->text();
    o.correlationField = m_correlationField->text().trimmed();
    o.timeoutMs = m_timeout->value();
    return o;
}

void RequestPanel::setOptions(const RequestOptions &options)
{
    m_responseTopic->setText(options.responseTopic);
    m_correlation->setText(options.correlation);
    m_correlationField->setText(options.correlationField);
    m_timeout->setValue(options.timeoutMs);
}

void RequestPanel::setMqtt5(bool mqtt5)
{
    m_mqtt5 = mqtt5;
    m_texts.retranslate();
}

void RequestPanel::showRequest(quint64 id)
{
    const int row = m_model ? m_model->rowOf(id) : -1;
    if (row < 0)
        return;
    m_table->setCurrentIndex(m_model->index(row, 0));
    m_shown = id;
    showSelected();
}

void RequestPanel::showSelected()
{
    const RequestRecord *r = m_model ? m_model->recordAt(m_table->currentIndex().row()) : nullptr;
    if (!r) {
        m_shown = 0;
        m_summary->setText(tr("Send a template as a request to see it here with its reply."));
        m_request->clear();
        m_reply->clear();
        return;
    }
    m_shown = r->id;
    QString summary = RequestListModel::statusText(*r);
    if (r->rttMs)
        summary = tr("Replied in %1 ms").arg(QLocale().toString(*r->rttMs, 'f', 1));
    else if (!r->error.isEmpty())
        summary = r->error;
    m_summary->setText(tr("%1 · reply expected on %2").arg(summary, r->responseTopic));
    m_request->setPlainText(r->request.topic + QStringLiteral("\n\n") +
                            payloadText(r->request.payload));
    m_reply->setPlainText(r->reply ? r->reply->topic + QStringLiteral("\n\n") +
                                         payloadText(r->reply->payload)
                                   : QString());
}

void RequestPanel::changeEvent(QEvent *event)
{
    m_texts.handle(event);
    QWidget::changeEvent(event);
}

} // namespace mqttdesk
