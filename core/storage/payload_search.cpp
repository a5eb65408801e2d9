#include "core/storage/payload_search.h"

#include "core/storage/database_connection.h"
#include "core/storage/message_query.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QThread>

namespace mqttdesk {

namespace {
constexpr int kScanPage = 1000;
} // namespace

PayloadSearch::PayloadSearch(const QString &databasePath, QObject *parent)
    : QObject(parent)
    , m_path(databasePath)
{
    qRegisterMetaType<mqttdesk::StoredMessageList>();
    qRegisterMetaType<mqttdesk::StorageError>();
}

PayloadSearch::~PayloadSearch()
{
    stopThread();
}

bool PayloadSearch::start(const Request &request, QString *error)
{
    stopThread();
    if (request.pattern.isEmpty()) {
        if (error)
            *error = tr("Enter something to search for.");
        return false;
    }
    if (request.mode == Mode::RegularExpression) {
        const QRegularExpression expression(request.pattern);
        if (!expression.isValid()) {
            if (error)
                *error = tr("The regular expression is not valid at position %1: %2.")
                             .arg(expression.patternErrorOffset())
                             .arg(expression.errorString());
            return false;
        }
    }
    const quint64 generation = ++m_generation;
    m_delivered = 0;
    auto cancel = std::make_shared<std::atomic_bool>(false);
    m_cancel = cancel;
    m_thread =
        QThread::create([this, request, generation, cancel] { run(request, generation, cancel); });
    m_thread->setObjectName(QStringLiteral("mqttdesk-search"));
    m_thread->start();
    return true;
}

void PayloadSearch::cancel()
{
    if (!m_thread)
        return;
    stopThread();
    emit finished(m_delivered, true);
}

void PayloadSearch::stopThread()
{
    ++m_generation;
    if (!m_thread)
        return;
    m_cancel->store(true);
    m_thread->wait();
    delete m_thread;
    m_thread = nullptr;
}

void PayloadSearch::run(const Request &request, quint64 generation,
                        std::shared_ptr<std::atomic_bool> cancel)
{
    // Everything is posted to the owner's thread and dropped there if the search was
    // replaced or canceled meanwhile.
    const auto post = [this, generation](auto &&deliver) {
        QMetaObject::invokeMethod(
            this,
            [this, generation, deliver = std::forward<decltype(deliver)>(deliver)] {
                if (generation == m_generation)
                    deliver();
            },
            Qt::QueuedConnection);
    };
    DatabaseConnection connection(m_path, QStringLiteral("search"));
    if (!connection.isOpen()) {
        const StorageError error = connection.error();
        post([this, error] {
            emit failed(error);
            finishThread();
        });
        return;
    }
    const MessageQuery query(connection);
    const QByteArray needle = request.pattern.toUtf8();
    const QRegularExpression expression(request.pattern,
                                        QRegularExpression::UseUnicodePropertiesOption);
    const auto matches = [&](const QByteArray &payload) {
        switch (request.mode) {
        case Mode::Substring:
            return payload.contains(needle);
        case Mode::SubstringCaseInsensitive:
            return QString::fromUtf8(payload).contains(request.pattern, Qt::CaseInsensitive);
        case Mode::RegularExpression:
            return expression.match(QString::fromUtf8(payload)).hasMatch();
        }
        return false;
    };

    StoredMessageList batch;
    qint64 found = 0;
    PageRequest page = PageRequest::newest(kScanPage);
    bool canceled = false;
    for (;;) {
        if (cancel->load()) {
            canceled = true;
            break;
        }
        StorageError error;
        const MessagePage rows = query.fetch(request.filter, page, &error);
        if (error.isError()) {
            post([this, error] { emit failed(error); });
            break;
        }
        for (StoredMessage message : rows.messages) {
            QByteArray payload = message.payload;
            if (message.payloadDeferred)
                payload = query.loadPayload(message.id);
            if (!matches(payload))
                continue;
            batch.append(std::move(message));
            ++found;
            if (batch.size() >= request.batchSize || found >= request.maxResults) {
                post([this, batch] {
                    m_delivered += batch.size();
                    emit resultsReady(batch);
                });
                batch.clear();
            }
            if (found >= request.maxResults)
                break;
        }
        if (!rows.messages.isEmpty()) {
            const qint64 scanned = rows.messages.constLast().id;
            post([this, scanned] { emit progress(scanned); });
            page = PageRequest::olderThan(scanned, kScanPage);
        }
        if (!rows.hasOlder || found >= request.maxResults)
            break;
    }
    if (!batch.isEmpty() && !canceled) {
        post([this, batch] {
            m_delivered += batch.size();
            emit resultsReady(batch);
        });
    }
    if (!canceled) {
        post([this, found] {
            finishThread();
            emit finished(found, false);
        });
    }
}

void PayloadSearch::finishThread()
{
    if (!m_thread)
        return;
    m_thread->wait();
    delete m_thread;
    m_thread = nullptr;
}

} // namespace mqttdesk
