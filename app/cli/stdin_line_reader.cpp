#include "app/cli/stdin_line_reader.h"

#include <cerrno>
#include <unistd.h>
#include <utility>

namespace mqttdesk {

StdinLineReader::StdinLineReader(int window, QObject *parent)
    : QThread(parent)
    , m_window(window)
{}

StdinLineReader::~StdinLineReader()
{
    m_stop = true;
    m_window.release(1 << 20); // wake a reader waiting for room
    // A reader blocked in read(2) on a terminal cannot be woken: leave it to process exit.
    if (!wait(200))
        terminate(), wait(200);
}

void StdinLineReader::run()
{
    QByteArray pending;
    char buf[64 * 1024];
    while (!m_stop) {
        const ssize_t n = ::read(STDIN_FILENO, buf, sizeof buf);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        pending.append(buf, n);
        QList<QByteArray> lines;
        qsizetype start = 0;
        for (qsizetype nl; (nl = pending.indexOf('\n', start)) >= 0; start = nl + 1) {
            qsizetype end = nl;
            if (end > start && pending.at(end - 1) == '\r')
                --end;
            if (!m_window.tryAcquire(1)) {
                // No room: hand over what we have, then wait for publishes to finish.
                if (!lines.isEmpty())
                    emit linesRead(std::exchange(lines, {}));
                m_window.acquire(1);
                if (m_stop)
                    return;
            }
            lines.append(pending.mid(start, end - start));
        }
        pending.remove(0, start);
        if (!lines.isEmpty())
            emit linesRead(lines);
    }
    if (!pending.isEmpty() && !m_stop) { // a last line without a line feed
        m_window.acquire(1);
        emit linesRead({pending});
    }
    emit endOfInput();
}

} // namespace mqttdesk
