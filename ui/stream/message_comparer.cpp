#include "ui/stream/message_comparer.h"

#include "core/workspace/history_reader.h"
#include "ui/inspector/payload_diff_dialog.h"
#include "ui/stream/message_stream_model.h"
#include "ui/widgets/prompts.h"

#include <QDateTime>
#include <QLocale>
#include <QWidget>

namespace mqttdesk {

MessageComparer::MessageComparer(MessageStreamModel *model, QWidget *dialogParent)
    : QObject(dialogParent)
    , m_model(model)
    , m_parent(dialogParent)
{}

QString MessageComparer::describe(const StoredMessage &message)
{
    const QDateTime time = QDateTime::fromMSecsSinceEpoch(message.receivedUs / 1000);
    return tr("%1 at %2").arg(message.topic, QLocale().toString(time, u"HH:mm:ss.zzz"));
}

QString MessageComparer::markText() const
{
    return m_mark ? describe(*m_mark) : QString();
}

void MessageComparer::fail(const QString &message)
{
    emit failed(message);
    if (m_parent)
        Prompts::warn(m_parent, tr("Compare"), message);
}

void MessageComparer::readWhole(int row, std::function<void(const StoredMessage &)> use)
{
    const MessageStreamModel::Row *r = m_model->rowAt(row);
    if (!r)
        return;
    QPointer<MessageComparer> self(this);
    m_model->requestFullPayload(
        row, [self, message = r->message, use = std::move(use)](const QByteArray &payload,
                                                                const StorageError &error) mutable {
            if (!self)
                return;
            if (error.isError()) {
                self->fail(tr("The payload could not be read: %1").arg(error.message));
                return;
            }
            message.payload = payload;
            message.payloadDeferred = false;
            use(message);
        });
}

void MessageComparer::markForComparison(int row)
{
    readWhole(row, [this](const StoredMessage &message) { m_mark = message; });
}

void MessageComparer::compareWithMark(int row)
{
    if (!m_mark) {
        fail(tr("Select a message for comparison first."));
        return;
    }
    open(*m_mark, row);
}

void MessageComparer::compareWithPrevious(int row)
{
    const MessageStreamModel::Row *r = m_model->rowAt(row);
    if (!r)
        return;
    const qint64 id = r->message.id;
    QPointer<MessageComparer> self(this);
    findPrevious(r->message, [self, id](std::optional<StoredMessage> previous) {
        if (!self)
            return;
        const int at = self->m_model->rowOfId(id);
        if (!previous) {
            self->fail(tr("There is no earlier message on this topic in the history."));
            return;
        }
        if (at < 0) {
            self->fail(tr("The message is no longer in the history."));
            return;
        }
        self->open(*previous, at);
    });
}

void MessageComparer::findPrevious(const StoredMessage &message,
                                   std::function<void(std::optional<StoredMessage>)> found)
{
    // The loaded rows hold the common case: the stream shows this topic's earlier message.
    for (int row = m_model->rowOfId(message.id) - 1; row >= 0; --row) {
        const MessageStreamModel::Row *r = m_model->rowAt(row);
        if (r->message.topic != message.topic || r->message.direction != message.direction)
            continue;
        readWhole(row, [found](const StoredMessage &previous) { found(previous); });
        return;
    }
    HistoryReader *reader = m_model->historyReader();
    if (!reader) {
        found(std::nullopt);
        return;
    }
    // Further back: storage, the newest older row on the same topic and direction (a topic
    // name has no wildcards, so as a filter it matches itself only).
    MessageFilter filter;
    filter.profileId = m_model->filter().profileId;
    filter.topicFilter = message.topic;
    filter.direction = message.direction;
    QPointer<MessageComparer> self(this);
    QPointer<HistoryReader> guardedReader(reader);
    reader->fetch(filter, PageRequest::olderThan(message.id, 1),
                  [self, guardedReader, found](const MessagePage &page, const StorageError &error) {
                      if (!self)
                          return;
                      if (error.isError()) {
                          self->fail(tr("The history could not be read: %1").arg(error.message));
                          return;
                      }
                      if (page.messages.isEmpty()) {
                          found(std::nullopt);
                          return;
                      }
                      StoredMessage previous = page.messages.first();
                      if (!previous.payloadDeferred || !guardedReader) {
                          found(previous);
                          return;
                      }
                      guardedReader->loadPayload(
                          previous.id, [self, previous, found](qint64, const QByteArray &payload,
                                                               const StorageError &error) mutable {
                              if (!self)
                                  return;
                              if (error.isError()) {
                                  self->fail(
                                      tr("The payload could not be read: %1").arg(error.message));
                                  return;
                              }
                              previous.payload = payload;
                              previous.payloadDeferred = false;
                              found(previous);
                          });
                  });
}

void MessageComparer::open(const StoredMessage &left, int rightRow)
{
    const MessageStreamModel::Row *r = m_model->rowAt(rightRow);
    if (!r)
        return;
    // Both sides decoded as the later message is shown in the stream.
    QString decoder = payloadFormatKey(m_model->effectiveFormat(rightRow));
    QJsonObject options;
    if (const DecodingRule *rule = m_model->ruleFor(rightRow)) {
        decoder = rule->decoder;
        options = rule->options;
    }
    readWhole(rightRow, [this, left, decoder, options](const StoredMessage &right) {
        if (!m_parent)
            return;
        auto *dialog = new PayloadDiffDialog(describe(left), left.payload, describe(right),
                                             right.payload, decoder, options, m_parent);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->show();
        emit dialogOpened(dialog);
    });
}

} // namespace mqttdesk
