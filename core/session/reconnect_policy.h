#pragma once

#include "core/session/session_options.h"

#include <QtGlobal>

#include <random>

namespace mqttdesk {

// Delays between reconnection attempts: exponential backoff with jitter, always within
// [initialDelayMs, maximumDelayMs]. The generator is seeded by the caller, so the
// sequence is reproducible in tests.
class ReconnectPolicy
{
public:
    explicit ReconnectPolicy(quint64 seed = 0);

    void setOptions(const ReconnectOptions &options) { m_options = options; }
    const ReconnectOptions &options() const { return m_options; }

    // The delay before the next attempt; each call counts one attempt.
    qint64 nextDelayMs();
    // After a successful connection: back to the initial delay.
    void reset() { m_attempt = 0; }
    int attempt() const { return m_attempt; }

    // The backoff before jitter for attempt n (0-based), capped.
    qint64 baseDelayMs(int attempt) const;

private:
    ReconnectOptions m_options;
    std::mt19937_64 m_random;
    int m_attempt = 0;
};

} // namespace mqttdesk
