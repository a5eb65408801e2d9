#pragma once

#include "core/payload/decoding_rules.h"
#include "core/storage/stored_message.h"

#include <QObject>
#include <QPointer>

#include <functional>
#include <optional>

class QWidget;

namespace mqttdesk {

class MessageStreamModel;
class PayloadDiffDialog;

// The stream's "compare" actions: a message with the one before it on the same topic, or
// with one the user marked ("Select for compare", then "Compare with …"). Both payloads
// are read whole (large ones from storage, off the GUI thread) and shown side by side in a
// PayloadDiffDialog, decoded the way the later message is shown in the stream.
class MessageComparer : public QObject
{
    Q_OBJECT
public:
    MessageComparer(MessageStreamModel *model, QWidget *dialogParent);

    void markForComparison(int row);
    bool hasMark() const { return m_mark.has_value(); }
    // "plant/pump-7/state at 12:00:01.123" for the menu.
    QString markText() const;
    void compareWithMark(int row);
    void compareWithPrevious(int row);
    // "topic at hh:mm:ss.zzz": how a dialog names each side.
    static QString describe(const StoredMessage &message);

signals:
    void dialogOpened(mqttdesk::PayloadDiffDialog *dialog);
    // Nothing to compare with, or a payload could not be read: `message` says which.
    void failed(const QString &message);

private:
    // The message before `message` on its topic (loaded rows first, then storage), whole.
    void findPrevious(const StoredMessage &message,
                      std::function<void(std::optional<StoredMessage>)> found);
    void open(const StoredMessage &left, int rightRow);
    // `row`'s message with its whole payload (a large one read from storage first); a read
    // that fails is reported and `use` is not called.
    void readWhole(int row, std::function<void(const StoredMessage &)> use);
    void fail(const QString &message);

    MessageStreamModel *m_model;
    QPointer<QWidget> m_parent;
    std::optional<StoredMessage> m_mark; // with its whole payload
};

} // namespace mqttdesk
