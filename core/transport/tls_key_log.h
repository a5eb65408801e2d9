#pragma once

#include <QCoreApplication>
#include <QString>

#include <atomic>
#include <memory>

class QSslSocket;

namespace mqttdesk {

// Writes the TLS secrets of connections to a key log file in the NSS key log format, so
// that Wireshark can decrypt a capture of them: "CLIENT_RANDOM <client random> <master
// secret>" for TLS 1.2, CLIENT_HANDSHAKE_TRAFFIC_SECRET, SERVER_HANDSHAKE_TRAFFIC_SECRET,
// CLIENT_TRAFFIC_SECRET_0, SERVER_TRAFFIC_SECRET_0 and EXPORTER_SECRET for TLS 1.3, each
// with the 64 hex digits of the client random.
//
// The file is opened for appending and created private to the user (0600). Each line is
// written whole, with one write() under a process-wide lock: the connections run on
// different threads and may share one file. The secrets go to this file and nowhere else.
// The lines come from OpenSSL's keylog callback. Qt 6.4 does not hand out a socket's SSL
// object, so startClientEncryption() catches it as OpenSSL creates it: an ex_data index
// of ours, registered with OpenSSL's documented "new" callback, sees every SSL object made
// in the process, and takes the one made on this thread during the call.
class TlsKeyLog : public std::enable_shared_from_this<TlsKeyLog>
{
    Q_DECLARE_TR_FUNCTIONS(TlsKeyLog)

public:
    // The key log file of a TLS connection: `configured` (the connection's own option) when
    // set, otherwise the SSLKEYLOGFILE environment variable, as browsers and curl honour it
    // (the per-connection path wins when both are set). Empty: no key log.
    static QString pathFor(const QString &configured);

    // Opens `path` for appending, creating it with mode 0600. Null when that fails, with
    // *error naming the file and the reason.
    static std::shared_ptr<TlsKeyLog> open(const QString &path, QString *error);

    ~TlsKeyLog();
    TlsKeyLog(const TlsKeyLog &) = delete;
    TlsKeyLog &operator=(const TlsKeyLog &) = delete;

    QString path() const { return m_path; }

    // QSslSocket::startClientEncryption() on `socket` (connected in unencrypted mode), making
    // its SSL object write its secrets here. The handshake goes on either way; false, with
    // *error, when no SSL object of the OpenSSL linked here was made during the call (another
    // TLS backend, or another OpenSSL version under Qt).
    bool startClientEncryption(QSslSocket *socket, QString *error);

    // One line of the key log (without its newline), written whole.
    void writeLine(const char *line);
    // Lines written so far through this object.
    qint64 linesWritten() const { return m_linesWritten.load(std::memory_order_relaxed); }
    // Whether a write failed since the last call (then false again), with the reason.
    bool takeWriteError(QString *error);

private:
    TlsKeyLog(const QString &path, int fd);

    QString m_path;
    int m_fd = -1;
    std::atomic<int> m_writeErrno{0};
    std::atomic<qint64> m_linesWritten{0};
};

} // namespace mqttdesk
