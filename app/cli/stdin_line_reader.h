#pragma once

#include <QByteArray>
#include <QList>
#include <QSemaphore>
#include <QThread>

#include <atomic>

namespace mqttdesk {

// pub -l: reads standard input on its own thread and hands over lines in order, in
// chunks (one queued call per read, not per line). At most `window` lines are out at a
// time: the reader waits until release() says they were published, so a huge input
// never piles up in memory.
class StdinLineReader : public QThread
{
    Q_OBJECT
public:
    explicit StdinLineReader(int window, QObject *parent = nullptr);
    ~StdinLineReader() override;

    // `count` lines were published: the reader may read that many more.
    void release(int count) { m_window.release(count); }

signals:
    void linesRead(const QList<QByteArray> &lines);
    void endOfInput();

protected:
    void run() override;

private:
    QSemaphore m_window;
    std::atomic<bool> m_stop{false};
};

} // namespace mqttdesk
