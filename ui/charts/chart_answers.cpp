#include "ui/charts/chart_answers.h"

#include <QPointer>

#include <algorithm>
#include <limits>

namespace mqttdesk {

ChartAnswers::ChartAnswers(SeriesLoader *loader, qint64 profileId, QObject *parent)
    : QObject(parent)
    , m_loader(loader)
    , m_profileId(profileId)
{}

const Series *ChartAnswers::series(int index, int series) const
{
    const SeriesLoader::Answer &answer = m_answers.value(index);
    if (!answer || series >= answer->series.size())
        return nullptr;
    return &answer->series.at(series);
}

bool ChartAnswers::setDecodingRules(const DecodingRules &rules)
{
    if (rules == m_rules)
        return false;
    m_rules = rules;
    return true;
}

bool ChartAnswers::usesRules(const ChartSeriesSpec &spec)
{
    return spec.extractor.kind == ExtractorSpec::Kind::Decoded &&
           spec.extractor.decoder == ExtractorSpec::kRulesDecoder;
}

SeriesRequest ChartAnswers::requestFor(const ChartSeriesSpec &spec, qint64 fromUs,
                                       qint64 toUs) const
{
    SeriesRequest request;
    request.profileId = m_profileId;
    request.topicFilter = spec.topicFilter;
    request.extractor = spec.extractor;
    request.perTopic = spec.perTopic;
    // Only where they are used: other series' cached answers outlive a rule change.
    if (usesRules(spec))
        request.rules = m_rules;
    request.fromUs = fromUs;
    request.toUs = toUs;
    return request;
}

void ChartAnswers::read(const QList<ChartSeriesSpec> &specs, qint64 fromUs, qint64 toUs)
{
    ++m_generation;
    m_pending = int(specs.size());
    const quint64 generation = m_generation;
    QPointer<ChartAnswers> self(this);
    for (int i = 0; i < specs.size(); ++i) {
        m_loader->load(requestFor(specs.at(i), fromUs, toUs),
                       [self, generation, i](const SeriesLoader::Answer &answer) {
                           if (self)
                               self->onAnswer(generation, i, answer);
                       });
    }
}

void ChartAnswers::onAnswer(quint64 generation, int index, const SeriesLoader::Answer &answer)
{
    if (generation != m_generation || index >= m_answers.size())
        return;
    m_answers[index] = answer;
    if (--m_pending == 0)
        emit answered(false);
}

// A whole read is needed when an answer is missing or failed, or had nothing to read (no
// topic matched yet).
bool ChartAnswers::canReadNewer() const
{
    return !m_answers.isEmpty() &&
           std::none_of(m_answers.cbegin(), m_answers.cend(), [](const auto &answer) {
               return !answer || answer->error.isError() || answer->throughId == 0;
           });
}

void ChartAnswers::readNewer(const QList<ChartSeriesSpec> &specs, qint64 fromUs, qint64 toUs)
{
    ++m_generation;
    m_pending = int(specs.size());
    const quint64 generation = m_generation;
    QPointer<ChartAnswers> self(this);
    for (int i = 0; i < specs.size(); ++i) {
        m_loader->loadAfter(requestFor(specs.at(i), fromUs, toUs), m_answers.at(i)->throughId,
                            [self, generation, i](const SeriesLoader::Answer &newer) {
                                if (self)
                                    self->onNewer(generation, i, newer);
                            });
    }
}

void ChartAnswers::onNewer(quint64 generation, int index, const SeriesLoader::Answer &newer)
{
    if (generation != m_generation || index >= m_answers.size() || !m_answers.at(index))
        return;
    // The answer may be shared with the loader's cache: it is copied the first time, and
    // grows in place after.
    const SeriesLoader::Answer &held = m_answers.at(index);
    std::shared_ptr<SeriesData> grown = held.use_count() == 1
                                            ? std::const_pointer_cast<SeriesData>(held)
                                            : std::make_shared<SeriesData>(*held);
    grown->append(*newer);
    m_answers[index] = std::move(grown);
    if (--m_pending == 0)
        emit answered(true);
}

void ChartAnswers::dropBefore(qint64 cutoffUs)
{
    for (SeriesLoader::Answer &answer : m_answers) {
        if (!answer || answer.use_count() != 1)
            continue; // a whole read of the window: nothing expired yet
        auto owned = std::const_pointer_cast<SeriesData>(answer);
        for (Series &series : owned->series) {
            const size_t expired =
                size_t(std::lower_bound(series.timesUs.cbegin(), series.timesUs.cend(), cutoffUs) -
                       series.timesUs.cbegin());
            const size_t expiredSkips =
                size_t(std::lower_bound(series.skippedTimesUs.cbegin(),
                                        series.skippedTimesUs.cend(), cutoffUs) -
                       series.skippedTimesUs.cbegin());
            const size_t held = series.timesUs.size() + series.skippedTimesUs.size();
            if (expired + expiredSkips > qMax<size_t>(kDropAtLeast, held / 4))
                series.dropBefore(cutoffUs);
        }
    }
}

QString ChartAnswers::error() const
{
    QString error;
    for (const SeriesLoader::Answer &answer : m_answers) {
        if (answer && answer->error.isError() && error.isEmpty())
            error = answer->error.message;
    }
    return error;
}

std::optional<std::pair<qint64, qint64>> ChartAnswers::extent() const
{
    qint64 first = std::numeric_limits<qint64>::max();
    qint64 last = std::numeric_limits<qint64>::min();
    for (const SeriesLoader::Answer &answer : m_answers) {
        if (!answer)
            continue;
        // Skipped messages count too: an "All" range shows where values were missing.
        for (const Series &s : answer->series) {
            for (const std::vector<qint64> *times : {&s.timesUs, &s.skippedTimesUs}) {
                if (!times->empty()) {
                    first = qMin(first, times->front());
                    last = qMax(last, times->back());
                }
            }
        }
    }
    if (first > last)
        return std::nullopt;
    return std::make_pair(first, last);
}

qint64 ChartAnswers::heldValues() const
{
    qint64 count = 0;
    for (const SeriesLoader::Answer &answer : m_answers) {
        if (answer) {
            for (const Series &s : answer->series)
                count += qint64(s.timesUs.size() + s.skippedTimesUs.size());
        }
    }
    return count;
}

} // namespace mqttdesk
