#include "ui/topictree/topic_detail_panel.h"

#include "core/payload/payload_detector.h"
#include "core/payload/payload_renderer.h"
#include "core/protocol/codec.h"
#include "core/protocol/properties.h"
#include "core/storage/message_filter.h"
#include "core/topictree/topic_tree_model.h"
#include "core/workspace/history_reader.h"
#include "ui/stream/payload_viewer_dialog.h"

#include <QDateTime>
#include <QEvent>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace mqttdesk {

namespace {

QString timeText(qint64 us)
{
    return QDateTime::fromMSecsSinceEpoch(us / 1000).toString(
        QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz"));
}

// Lets a long topic wrap at its separators instead of widening the panel.
QString wrappable(const QString &topic)
{
    QString out = topic.toHtmlEscaped();
    // A zero-width space after each separator: a break opportunity, nothing visible.
    out.replace(QLatin1Char('/'), QStringLiteral("/") + QChar(0x200B));
    return out;
}

QString firstLine(const StoredMessage &m, PayloadFormat format)
{
    // The same one-line form as the tree's Value column.
    return TopicTreeModel::valueText(m.payload.left(TopicUpdate::kPreviewBytes), m.payloadSize,
                                     format);
}

} // namespace

TopicDetailPanel::TopicDetailPanel(HistoryReader *reader, qint64 profileId, QWidget *parent)
    : QWidget(parent)
    , m_reader(reader)
    , m_profileId(profileId)
{
    m_title = new QLabel(this);
    m_title->setTextFormat(Qt::RichText);
    m_title->setWordWrap(true);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_facts = new QLabel(this);
    m_facts->setWordWrap(true);
    m_messageFacts = new QLabel(this);
    m_messageFacts->setObjectName(QStringLiteral("messageFacts"));
    m_messageFacts->setWordWrap(true);
    m_messageFacts->setTextFormat(Qt::PlainText); // property values are the sender's text
    m_payload = new QPlainTextEdit(this);
    m_payload->setReadOnly(true);
    m_payload->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    m_payload->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_viewer = new QPushButton(this);
    m_showTopic = new QPushButton(this);
    m_showSubtree = new QPushButton(this);
    m_list = new QTreeWidget(this);
    m_list->setColumnCount(4);
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setAllColumnsShowFocus(true);
    m_list->header()->setStretchLastSection(true);
    m_list->setColumnWidth(0, 170);
    m_list->setColumnWidth(1, 60);
    m_list->setColumnWidth(2, 70);
    m_older = new QPushButton(this);
    m_status = new QLabel(this);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_showTopic);
    buttons->addWidget(m_showSubtree);
    buttons->addWidget(m_viewer);
    buttons->addStretch(1);

    auto *message = new QVBoxLayout;
    message->addWidget(m_title);
    message->addWidget(m_facts);
    message->addLayout(buttons);
    message->addWidget(m_messageFacts);
    message->addWidget(m_payload, 1);

    auto *history = new QVBoxLayout;
    history->addWidget(m_list, 1);
    auto *historyButtons = new QHBoxLayout;
    historyButtons->addWidget(m_older);
    historyButtons->addWidget(m_status, 1);
    history->addLayout(historyButtons);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->addLayout(message, 3);
    layout->addLayout(history, 2);

    m_texts.add([this] {
        m_viewer->setText(tr("Open in viewer"));
        m_viewer->setToolTip(tr("Show the whole payload of this message in the payload viewer"));
        m_showTopic->setText(tr("Sho&w in stream"));
        m_showTopic->setToolTip(tr("Filter the stream to this exact topic"));
        m_showSubtree->setText(tr("Show subtree in stream"));
        m_showSubtree->setToolTip(tr("Filter the stream to this topic and every topic below it"));
        m_list->setHeaderLabels({tr("Time"), tr("QoS"), tr("Size"), tr("Payload")});
        m_list->setAccessibleName(tr("Recent messages on this topic"));
        m_payload->setAccessibleName(tr("Payload of the selected message"));
        m_older->setText(tr("Load o&lder"));
        m_older->setToolTip(
            tr("Load the next %n older message(s) on this topic", nullptr, kPageSize));
        updateFacts();
        if (m_shown >= 0)
            showMessage(m_shown);
    });

    setTabOrder(m_showTopic, m_showSubtree);
    setTabOrder(m_showSubtree, m_viewer);
    setTabOrder(m_viewer, m_payload);
    setTabOrder(m_payload, m_list);
    setTabOrder(m_list, m_older);

    connect(m_showTopic, &QPushButton::clicked, this,
            [this] { emit showInStreamRequested(m_topic); });
    connect(m_showSubtree, &QPushButton::clicked, this, [this] {
        emit showInStreamRequested(
            m_topic.isEmpty() && !m_isTopic ? QStringLiteral("#") : m_topic + QStringLiteral("/#"));
    });
    connect(m_viewer, &QPushButton::clicked, this, &TopicDetailPanel::openViewer);
    connect(m_older, &QPushButton::clicked, this, &TopicDetailPanel::loadOlder);
    connect(m_list, &QTreeWidget::currentItemChanged, this,
            [this] { showMessage(m_list->indexOfTopLevelItem(m_list->currentItem())); });
    clear();
}

void TopicDetailPanel::clear()
{
    ++m_generation;
    m_index = QPersistentModelIndex();
    m_topic.clear();
    m_isTopic = false;
    m_recent.clear();
    m_hasOlder = false;
    m_shown = -1;
    m_list->clear();
    m_payload->clear();
    updateFacts();
}

void TopicDetailPanel::showNode(const QModelIndex &index)
{
    const QString topic = index.data(TopicTreeModel::TopicRole).toString();
    const bool sameTopic = m_index.isValid() && topic == m_topic;
    m_index = QPersistentModelIndex(index);
    if (sameTopic) {
        updateFacts();
        return;
    }
    clear();
    m_index = QPersistentModelIndex(index);
    m_topic = topic;
    m_isTopic = index.data(TopicTreeModel::IsTopicRole).toBool();
    const auto *model = qobject_cast<const TopicTreeModel *>(index.model());
    m_format = model ? model->formatOf(topic) : PayloadFormat::Auto;
    updateFacts();
    if (m_isTopic)
        reload();
}

void TopicDetailPanel::updateNumbers(const QModelIndex &index)
{
    if (QModelIndex(m_index) != index)
        return;
    const qint64 before = m_recent.isEmpty() ? 0 : m_recent.first().receivedUs;
    updateFacts();
    // A newer message than the one shown: load the newest page again, keeping the view.
    if (m_isTopic && index.data(TopicTreeModel::LastActivityRole).toLongLong() > before &&
        m_recent.size() <= kPageSize)
        reload();
}

void TopicDetailPanel::reload()
{
    m_recent.clear();
    m_hasOlder = false;
    fetch(false);
}

void TopicDetailPanel::loadOlder()
{
    if (m_hasOlder)
        fetch(true);
}

void TopicDetailPanel::fetch(bool older)
{
    if (!m_reader || !m_isTopic)
        return;
    MessageFilter filter;
    filter.profileId = m_profileId;
    filter.topicFilter = m_topic; // a topic is a filter that matches only itself
    const PageRequest request = older && !m_recent.isEmpty()
                                    ? PageRequest::olderThan(m_recent.last().id, kPageSize)
                                    : PageRequest::newest(kPageSize);
    const quint64 generation = ++m_generation;
    m_status->setText(tr("Loading…"));
    QPointer<TopicDetailPanel> self(this);
    m_reader->fetch(
        filter, request,
        [self, generation, older](const MessagePage &page, const StorageError &error) {
            if (!self || self->m_generation != generation)
                return;
            if (error.isError()) {
                self->m_status->setText(tr("Could not read the history: %1").arg(error.message));
                return;
            }
            const int selected = self->m_shown;
            if (!older) {
                self->m_recent.clear();
                self->m_list->clear();
            }
            self->m_recent.append(page.messages);
            self->m_hasOlder = page.hasOlder;
            for (const StoredMessage &m : page.messages) {
                auto *item = new QTreeWidgetItem(self->m_list);
                item->setText(0, timeText(m.receivedUs));
                item->setText(1, m.retain ? tr("%1 R").arg(m.qos) : QString::number(m.qos));
                item->setText(2, QLocale().formattedDataSize(m.payloadSize));
                item->setText(3, firstLine(m, self->m_format));
            }
            self->m_older->setEnabled(self->m_hasOlder);
            self->m_status->setText(
                tr("%n message(s) loaded", nullptr, int(self->m_recent.size())));
            const int row = older && selected >= 0 ? selected : 0;
            if (!self->m_recent.isEmpty())
                self->m_list->setCurrentItem(self->m_list->topLevelItem(row));
            emit self->recentLoaded();
        });
}

void TopicDetailPanel::showMessage(int row)
{
    m_shown = row;
    if (row < 0 || row >= m_recent.size()) {
        m_payload->clear();
        m_messageFacts->clear();
        m_viewer->setEnabled(false);
        return;
    }
    const StoredMessage &m = m_recent.at(row);
    QStringList facts{timeText(m.receivedUs), tr("QoS %1").arg(m.qos)};
    if (m.retain)
        facts << tr("retained");
    if (m.direction == StoredMessage::Direction::Outgoing)
        facts << tr("published by you");
    facts << QLocale().formattedDataSize(m.payloadSize);
    QString factText = facts.join(QStringLiteral(" · "));
    // The 5.0 properties it came with, one a line (as the stream's bubble shows them).
    if (!m.properties.isEmpty()) {
        auto decoded = decodeProperties(m.properties);
        if (decoded.ok()) {
            for (const Property &p : decoded.value().items())
                factText += QLatin1Char('\n') + propertyName(p.id) + QStringLiteral(": ") +
                            propertyValueText(p.value);
        } else {
            factText += QLatin1Char('\n') + tr("The stored properties cannot be read.");
        }
    }
    m_messageFacts->setText(factText);
    const QByteArray shown = m.payload.left(kShownBytes);
    const PayloadFormat format =
        m_format == PayloadFormat::Auto ? PayloadDetector::detect(shown) : m_format;
    const RenderedPayload rendered =
        PayloadRenderer::preview(shown, format, PayloadRenderer::PreviewChars * 16);
    QString text = rendered.text;
    if (m.payloadDeferred || m.payloadSize > shown.size() || rendered.truncated)
        text += QLatin1Char('\n') + tr("… (open in the viewer to see all %1)")
                                        .arg(QLocale().formattedDataSize(m.payloadSize));
    m_payload->setPlainText(text);
    m_viewer->setEnabled(true);
}

void TopicDetailPanel::openViewer()
{
    if (m_shown < 0 || m_shown >= m_recent.size() || !m_reader)
        return;
    const StoredMessage message = m_recent.at(m_shown);
    QPointer<TopicDetailPanel> self(this);
    auto open = [self, message, format = m_format](const QByteArray &bytes) {
        if (!self)
            return;
        auto *dialog = new PayloadViewerDialog(message.topic, bytes, format, {}, self);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->setChartable(true);
        connect(dialog, &PayloadViewerDialog::chartRequested, self.data(),
                &TopicDetailPanel::chartRequested);
        dialog->show();
    };
    if (!message.payloadDeferred && message.payload.size() == message.payloadSize) {
        open(message.payload);
        return;
    }
    m_reader->loadPayload(
        message.id, [self, open](qint64, const QByteArray &bytes, const StorageError &error) {
            if (!self)
                return;
            if (error.isError()) {
                self->m_status->setText(tr("Could not read the payload: %1").arg(error.message));
                return;
            }
            open(bytes);
        });
}

void TopicDetailPanel::updateFacts()
{
    const bool node = m_index.isValid();
    m_showTopic->setEnabled(node && m_isTopic);
    m_showSubtree->setEnabled(node);
    m_older->setEnabled(node && m_hasOlder);
    if (!node) {
        m_title->setText(tr("Select a topic to see its last message and recent history."));
        m_facts->clear();
        m_messageFacts->clear();
        m_viewer->setEnabled(false);
        m_status->clear();
        return;
    }
    const QModelIndex index(m_index);
    m_title->setText(QStringLiteral("<b>%1</b>").arg(wrappable(m_topic)));
    const qint64 messages = index.data(TopicTreeModel::MessagesRole).toLongLong();
    const qint64 own = index.data(TopicTreeModel::OwnMessagesRole).toLongLong();
    const double rate = index.data(TopicTreeModel::RateRole).toDouble();
    QStringList facts;
    facts << tr("%1 messages here and below").arg(QLocale().toString(messages));
    if (m_isTopic)
        facts << tr("%1 on this topic").arg(QLocale().toString(own));
    if (m_isTopic && own != messages)
        facts << tr("%1 msg/s on this topic")
                     .arg(QLocale().toString(index.data(TopicTreeModel::OwnRateRole).toDouble(),
                                             'f', 1));
    facts << tr("%1 msg/s").arg(QLocale().toString(rate, 'f', 1));
    if (index.data(TopicTreeModel::RetainedRole).toBool())
        facts << tr("holds a retained message");
    m_facts->setText(facts.join(QStringLiteral(" · ")));
    if (!m_isTopic) {
        m_messageFacts->setText(tr("No message was received on this exact topic; it is a level "
                                   "of the topics below it."));
        m_status->clear();
    }
}

void TopicDetailPanel::changeEvent(QEvent *event)
{
    m_texts.handle(event);
    QWidget::changeEvent(event);
}

} // namespace mqttdesk
