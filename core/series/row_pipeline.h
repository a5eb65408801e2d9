#pragma once

#include <QByteArrayView>
#include <QtGlobal>

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace mqttdesk {

// Hands a scan's rows to a consumer on a second thread, so that reading values out of the
// payloads runs beside SQLite's stepping instead of after each step: a 1M-row chart read
// then costs about what the stepping costs. Rows are copied into chunks (their payload
// bytes too: a scan's payload is valid only until its next step) and handed over in order.
// A scan that ends before its first chunk fills never starts the thread: its rows are
// handed on the calling thread by finish().
class RowPipeline
{
public:
    using Consumer = std::function<void(qint64 timeUs, qint64 topicId, QByteArrayView payload)>;
    static constexpr size_t kChunkRows = 4096;
    static constexpr size_t kChunkBytes = 1 << 20;
    static constexpr size_t kMaxQueued = 4; // chunks in flight: bounds the memory held

    explicit RowPipeline(Consumer consumer);
    ~RowPipeline(); // finish()
    RowPipeline(const RowPipeline &) = delete;
    RowPipeline &operator=(const RowPipeline &) = delete;

    void add(qint64 timeUs, qint64 topicId, QByteArrayView payload);
    // Hands the remaining rows and waits until the consumer has had every row.
    void finish();
    // Whether a second thread was used (for tests).
    bool threaded() const { return m_thread.joinable() || m_wasThreaded; }

private:
    struct Chunk
    {
        std::vector<qint64> timesUs;
        std::vector<qint64> topicIds;
        std::vector<size_t> ends; // of each row's payload in bytes
        std::vector<char> bytes;
        void clear();
        bool full() const { return timesUs.size() >= kChunkRows || bytes.size() >= kChunkBytes; }
    };
    void consume(const Chunk &chunk) const;
    void push();
    void run();

    Consumer m_consumer;
    Chunk m_current;
    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::deque<Chunk> m_queue; // guarded by m_mutex
    std::vector<Chunk> m_free; // consumed chunks, for reuse; guarded by m_mutex
    bool m_done = false;       // guarded by m_mutex
    bool m_wasThreaded = false;
    std::thread m_thread;
};

} // namespace mqttdesk
