#include "app/cli/signal_watcher.h"

#include <csignal>
#include <fcntl.h>
#include <unistd.h>

namespace mqttdesk {

namespace {

// The write end of the pipe, for the async-signal-safe handler.
volatile sig_atomic_t g_writeFd = -1;

} // namespace

SignalWatcher::SignalWatcher(QObject *parent)
    : QObject(parent)
{
    if (::pipe(m_fds) != 0)
        return;
    ::fcntl(m_fds[0], F_SETFD, FD_CLOEXEC);
    ::fcntl(m_fds[1], F_SETFD, FD_CLOEXEC);
    ::fcntl(m_fds[1], F_SETFL, O_NONBLOCK);
    g_writeFd = m_fds[1];
    m_notifier = std::make_unique<QSocketNotifier>(m_fds[0], QSocketNotifier::Read);
    connect(m_notifier.get(), &QSocketNotifier::activated, this, [this] {
        char buf[16];
        if (::read(m_fds[0], buf, sizeof buf) > 0)
            emit interrupted();
    });
    struct sigaction sa = {};
    sa.sa_handler = &SignalWatcher::handler;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESTART;
    ::sigaction(SIGINT, &sa, nullptr);
    ::sigaction(SIGTERM, &sa, nullptr);
}

SignalWatcher::~SignalWatcher()
{
    ::signal(SIGINT, SIG_DFL);
    ::signal(SIGTERM, SIG_DFL);
    g_writeFd = -1;
    m_notifier.reset();
    for (int fd : m_fds) {
        if (fd >= 0)
            ::close(fd);
    }
}

void SignalWatcher::handler(int)
{
    const int fd = g_writeFd;
    if (fd >= 0) {
        const char c = 1;
        [[maybe_unused]] const ssize_t n = ::write(fd, &c, 1);
    }
}

} // namespace mqttdesk
