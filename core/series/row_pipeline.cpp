#include "core/series/row_pipeline.h"

#include <utility>

namespace mqttdesk {

void RowPipeline::Chunk::clear()
{
    timesUs.clear();
    topicIds.clear();
    ends.clear();
    bytes.clear();
}

RowPipeline::RowPipeline(Consumer consumer)
    : m_consumer(std::move(consumer))
{}

RowPipeline::~RowPipeline()
{
    finish();
}

void RowPipeline::add(qint64 timeUs, qint64 topicId, QByteArrayView payload)
{
    m_current.timesUs.push_back(timeUs);
    m_current.topicIds.push_back(topicId);
    m_current.bytes.insert(m_current.bytes.end(), payload.begin(), payload.end());
    m_current.ends.push_back(m_current.bytes.size());
    if (m_current.full())
        push();
}

void RowPipeline::consume(const Chunk &chunk) const
{
    size_t begin = 0;
    for (size_t i = 0; i < chunk.timesUs.size(); ++i) {
        const size_t end = chunk.ends[i];
        m_consumer(chunk.timesUs[i], chunk.topicIds[i],
                   QByteArrayView(chunk.bytes.data() + begin, qsizetype(end - begin)));
        begin = end;
    }
}

void RowPipeline::push()
{
    if (!m_thread.joinable()) {
        m_wasThreaded = true;
        m_thread = std::thread([this] { run(); });
    }
    std::unique_lock lock(m_mutex);
    m_changed.wait(lock, [this] { return m_queue.size() < kMaxQueued; });
    m_queue.push_back(std::move(m_current));
    m_current = Chunk();
    if (!m_free.empty()) {
        m_current = std::move(m_free.back());
        m_free.pop_back();
    }
    lock.unlock();
    m_changed.notify_all();
}

void RowPipeline::run()
{
    for (;;) {
        std::unique_lock lock(m_mutex);
        m_changed.wait(lock, [this] { return !m_queue.empty() || m_done; });
        if (m_queue.empty())
            return; // done, and everything consumed
        Chunk chunk = std::move(m_queue.front());
        m_queue.pop_front();
        lock.unlock();
        m_changed.notify_all(); // room in the queue
        consume(chunk);
        chunk.clear();
        lock.lock();
        if (m_free.size() < kMaxQueued)
            m_free.push_back(std::move(chunk));
    }
}

void RowPipeline::finish()
{
    if (!m_thread.joinable()) {
        // Never started (or finished already): the rows left are handed here.
        consume(m_current);
        m_current.clear();
        return;
    }
    if (!m_current.timesUs.empty())
        push();
    {
        std::lock_guard lock(m_mutex);
        m_done = true;
    }
    m_changed.notify_all();
    m_thread.join();
    std::lock_guard lock(m_mutex);
    m_done = false;
    m_free.clear();
}

} // namespace mqttdesk
