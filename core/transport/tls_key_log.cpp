#include "core/transport/tls_key_log.h"

#include <QDir>
#include <QFile>
#include <QSslSocket>

#include <openssl/crypto.h>
#include <openssl/ssl.h>

#include <cerrno>
#include <fcntl.h>
#include <mutex>
#include <unistd.h>
#include <unordered_set>

namespace mqttdesk {

namespace {

// Lines of every key log file go out one at a time, so two connections never interleave.
std::mutex &writeMutex()
{
    static std::mutex mutex;
    return mutex;
}

// The holders we put into SSL objects. Only these are ever read or deleted: a value that is
// not one of them (see holderIndex()) is left alone.
std::mutex &holderMutex()
{
    static std::mutex mutex;
    return mutex;
}

std::unordered_set<const void *> &holders()
{
    static std::unordered_set<const void *> set;
    return set;
}

// The key log waiting for the SSL object that startClientEncryption() makes on this thread.
struct Pending
{
    std::shared_ptr<TlsKeyLog> log;
    bool attached = false;
};
thread_local Pending *t_pending = nullptr;

void keyLogCallback(const SSL *ssl, const char *line);

// OpenSSL calls this for every SSL object it creates, with the object's context set.
void onNewSsl(void *parent, void *, CRYPTO_EX_DATA *, int index, long, void *)
{
    Pending *pending = t_pending;
    if (!pending || pending->attached || !pending->log)
        return;
    auto *ssl = static_cast<SSL *>(parent);
    auto *holder = new std::shared_ptr<TlsKeyLog>(pending->log);
    if (!SSL_set_ex_data(ssl, index, holder)) {
        delete holder;
        return;
    }
    {
        const std::lock_guard lock(holderMutex());
        holders().insert(holder);
    }
    // The callback belongs to the context; an SSL object of a shared context without a
    // key log of its own writes nothing.
    SSL_CTX_set_keylog_callback(SSL_get_SSL_CTX(ssl), &keyLogCallback);
    pending->attached = true;
}

// The SSL object's key log is a heap-held shared_ptr in its ex_data, released with it.
void onFreeSsl(void *, void *ptr, CRYPTO_EX_DATA *, int, long, void *)
{
    {
        const std::lock_guard lock(holderMutex());
        if (!ptr || holders().erase(ptr) == 0)
            return;
    }
    delete static_cast<std::shared_ptr<TlsKeyLog> *>(ptr);
}

int holderIndex()
{
    static const int index = [] {
        // Qt's OpenSSL backend registers one SSL ex_data index but also stores its error list
        // and its socket at the next two (Qt 6.4, TlsCryptographOpenSSL::ExDataOffset). Let
        // it register first, leave the next two indices to it, and take the one after.
        QSslSocket::supportsSsl();
        for (int slot = 0; slot < 2; ++slot)
            SSL_get_ex_new_index(0, nullptr, nullptr, nullptr, nullptr);
        return SSL_get_ex_new_index(0, nullptr, &onNewSsl, nullptr, &onFreeSsl);
    }();
    return index;
}

// Called by OpenSSL on the socket's thread whenever it derives a secret.
void keyLogCallback(const SSL *ssl, const char *line)
{
    const int index = holderIndex();
    if (index < 0)
        return;
    std::shared_ptr<TlsKeyLog> log;
    {
        void *holder = SSL_get_ex_data(ssl, index);
        const std::lock_guard lock(holderMutex());
        if (!holder || !holders().contains(holder))
            return;
        log = *static_cast<std::shared_ptr<TlsKeyLog> *>(holder);
    }
    if (log)
        log->writeLine(line);
}

} // namespace

QString TlsKeyLog::pathFor(const QString &configured)
{
    if (!configured.trimmed().isEmpty())
        return configured.trimmed();
    return qEnvironmentVariable("SSLKEYLOGFILE").trimmed();
}

std::shared_ptr<TlsKeyLog> TlsKeyLog::open(const QString &path, QString *error)
{
    // O_APPEND: each connection adds its lines; 0600: whoever reads the file can decrypt
    // the traffic (an existing file keeps its own mode).
    const int fd = ::open(QFile::encodeName(path).constData(),
                          O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0) {
        const int code = errno;
        if (error)
            *error = tr("Cannot write the TLS key log file %1: %2. The connection goes on "
                        "without it.")
                         .arg(QDir::toNativeSeparators(path), qt_error_string(code));
        return nullptr;
    }
    return std::shared_ptr<TlsKeyLog>(new TlsKeyLog(path, fd));
}

TlsKeyLog::TlsKeyLog(const QString &path, int fd)
    : m_path(path)
    , m_fd(fd)
{}

TlsKeyLog::~TlsKeyLog()
{
    if (m_fd >= 0)
        ::close(m_fd);
}

bool TlsKeyLog::startClientEncryption(QSslSocket *socket, QString *error)
{
    Pending pending{shared_from_this()};
    const bool indexed = holderIndex() >= 0; // registered before the SSL object is made
    t_pending = indexed ? &pending : nullptr;
    socket->startClientEncryption();
    t_pending = nullptr;
    if (pending.attached)
        return true;
    if (error)
        *error = tr("TLS session keys cannot be written to %1: Qt's TLS backend (%2, %3) "
                    "made no session of the OpenSSL this program was built with (%4).")
                     .arg(QDir::toNativeSeparators(m_path), QSslSocket::activeBackend(),
                          QSslSocket::sslLibraryVersionString(),
                          QString::fromLatin1(OpenSSL_version(OPENSSL_VERSION)));
    return false;
}

void TlsKeyLog::writeLine(const char *line)
{
    QByteArray text(line);
    text.append('\n');
    const std::lock_guard lock(writeMutex());
    const char *data = text.constData();
    qsizetype left = text.size();
    while (left > 0) {
        const ssize_t written = ::write(m_fd, data, size_t(left));
        if (written < 0) {
            if (errno == EINTR)
                continue;
            m_writeErrno.store(errno, std::memory_order_relaxed);
            return;
        }
        data += written;
        left -= written;
    }
    m_linesWritten.fetch_add(1, std::memory_order_relaxed);
}

bool TlsKeyLog::takeWriteError(QString *error)
{
    const int code = m_writeErrno.exchange(0, std::memory_order_relaxed);
    if (code == 0)
        return false;
    if (error)
        *error = tr("Cannot write the TLS key log file %1: %2.")
                     .arg(QDir::toNativeSeparators(m_path), qt_error_string(code));
    return true;
}

} // namespace mqttdesk
