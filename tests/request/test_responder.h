#pragma once

#include "core/connection/connection_settings.h"
#include "core/publish/compiled_template.h"

#include <QObject>
#include <QString>

#include <memory>

namespace mqttdesk {

class ConnectionThread;

// A service that answers requests, for request/response tests against the real broker. It
// subscribes to `filter` with its own Connection and answers each request:
//   5.0: to the Response Topic, Correlation Data copied, payload "re: <request payload>";
//   3.1.1 (or a request without Response Topic): the request's payload is JSON with
//   "reply_to" and "id"; the answer {"id": <id>, "echo": <payload>} goes to "reply_to".
// Requests whose topic contains "/silent/" get no answer (for timeouts); "/twice/" ones get a
// foreign reply (wrong correlation) first, then the right one.
class TestResponder : public QObject
{
    Q_OBJECT
public:
    explicit TestResponder(ConnectionSettings settings, QObject *parent = nullptr);
    ~TestResponder() override;

    // Connects and subscribes; true once the SUBACK came (within timeoutMs).
    bool start(const QString &filter, int timeoutMs = 15000);
    int answered() const { return m_answered; }

    // A QoS 1 request template named `name`, as the tests send it to the responder.
    static CompiledTemplate request(const QString &name, const QString &topic,
                                    const QString &payload);

private:
    std::unique_ptr<ConnectionThread> m_thread;
    int m_answered = 0;
};

} // namespace mqttdesk
