#pragma once

#include "core/storage/message_filter.h"
#include "core/storage/storage_error.h"

#include <QObject>

#include <atomic>
#include <memory>

class QThread;

namespace mqttdesk {

// Substring and regular-expression search over payloads, for what the full-text index
// cannot do (partial words, punctuation, binary-safe bytes). Runs on a worker thread with
// its own connection, newest rows first, composing with every MessageFilter part, and
// streams matches in batches. Signals are delivered on the thread that owns this object;
// after cancel() or a new start() no result of the old search arrives.
class PayloadSearch : public QObject
{
    Q_OBJECT
public:
    enum class Mode
    {
        Substring,                // exact bytes
        SubstringCaseInsensitive, // on the payload decoded as UTF-8
        RegularExpression,        // QRegularExpression on the payload decoded as UTF-8
    };
    struct Request
    {
        MessageFilter filter;
        QString pattern;
        Mode mode = Mode::Substring;
        int batchSize = 100;       // matches per resultsReady
        qint64 maxResults = 10000; // stop after this many matches
    };

    explicit PayloadSearch(const QString &databasePath, QObject *parent = nullptr);
    ~PayloadSearch() override;

    // false (and `error` set) when the pattern is empty or not a valid expression.
    bool start(const Request &request, QString *error = nullptr);
    // Stops the search; finished(delivered so far, true) is emitted if it was running.
    void cancel();
    bool isRunning() const { return m_thread != nullptr; }

signals:
    void resultsReady(const mqttdesk::StoredMessageList &matches);
    // Rows with id >= scannedDownToId have been looked at.
    void progress(qint64 scannedDownToId);
    void finished(qint64 matches, bool canceled);
    void failed(const mqttdesk::StorageError &error);

private:
    void run(const Request &request, quint64 generation, std::shared_ptr<std::atomic_bool> cancel);
    void stopThread();
    void finishThread();

    QString m_path;
    QThread *m_thread = nullptr;
    std::shared_ptr<std::atomic_bool> m_cancel;
    quint64 m_generation = 0;
    qint64 m_delivered = 0;
};

} // namespace mqttdesk

Q_DECLARE_METATYPE(mqttdesk::StoredMessageList)
