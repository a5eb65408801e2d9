#include "tests/connection/fake_srv_resolver.h"

#include <QMutexLocker>
#include <QTimer>

namespace mqttdesk {

void FakeSrvResolver::setAnswer(const QString &name, const Result &result)
{
    const QMutexLocker lock(&m_mutex);
    m_answers.insert(name, result);
}

void FakeSrvResolver::setRecords(const QString &name, const QList<SrvRecord> &records)
{
    setAnswer(name, Result{records, {}});
}

void FakeSrvResolver::lookup(const QString &name, Callback done)
{
    Result result;
    quint64 generation = 0;
    {
        const QMutexLocker lock(&m_mutex);
        m_lookups.append(name);
        result = m_answers.value(
            name, Result{{}, QStringLiteral("the name %1 does not exist (NXDOMAIN)").arg(name)});
        generation = ++*m_generation;
    }
    // The shared counter outlives a resolver deleted before the timer fires.
    QTimer::singleShot(0, [counter = m_generation, generation, result, done = std::move(done)] {
        if (counter->load() == generation)
            done(result);
    });
}

void FakeSrvResolver::cancel()
{
    const QMutexLocker lock(&m_mutex);
    ++*m_generation;
}

QStringList FakeSrvResolver::lookups() const
{
    const QMutexLocker lock(&m_mutex);
    return m_lookups;
}

} // namespace mqttdesk
