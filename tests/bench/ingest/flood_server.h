#pragma once

#include "core/protocol/frame_reader.h"
#include "core/protocol/protocol_version.h"
#include "tests/bench/ingest/flood_options.h"

#include <QByteArray>
#include <QObject>
#include <QTcpServer>

class QTcpSocket;

namespace mqttdesk {

// Plays a broker for one client at a time: CONNECT -> CONNACK, SUBSCRIBE -> SUBACK,
// then a flood of pre-encoded QoS 0 PUBLISH packets written straight to the socket
// descriptor (no Qt write buffer, so the server copies nothing per packet and is not
// the bottleneck), then it waits for the client to close.
class FloodServer : public QObject
{
    Q_OBJECT
public:
    explicit FloodServer(FloodOptions options, QObject *parent = nullptr);

    bool listen(QString *error);
    quint16 port() const { return m_server.serverPort(); }

signals:
    // All clients served; non-zero if one of them did not get the whole flood.
    void finished(int exitCode);

private:
    enum class Phase
    {
        AwaitConnect,
        AwaitSubscribe,
        Draining,
    };

    void onNewConnection();
    void onReadyRead();
    void onDisconnected();
    void handleFrames();
    bool flood();
    const QByteArray &chunkFor(ProtocolVersion version);
    void fail(const QString &why);

    FloodOptions m_options;
    QTcpServer m_server;
    QTcpSocket *m_client = nullptr;
    FrameReader m_reader;
    Phase m_phase = Phase::AwaitConnect;
    ProtocolVersion m_version = ProtocolVersion::V311;
    QByteArray m_chunk; // whole PUBLISH packets, back to back
    ProtocolVersion m_chunkVersion = ProtocolVersion::V311;
    qsizetype m_packetSize = 0;
    int m_served = 0;
    int m_failures = 0;
};

} // namespace mqttdesk
