#include "core/series/series_builder.h"

#include <algorithm>
#include <utility>

namespace mqttdesk {

SeriesBuilder::SeriesBuilder(const ValueExtractor &extractor, bool perTopic,
                             QHash<qint64, QString> names, SeriesData &data)
    : m_extractor(extractor)
    , m_perTopic(perTopic)
    , m_names(std::move(names))
    , m_data(data)
{}

void SeriesBuilder::add(qint64 timeUs, qint64 topicId, QByteArrayView payload)
{
    // Consecutive rows are mostly of the same topic; a lookup otherwise.
    if (topicId != m_lastTopic && (m_perTopic || m_extractor.needsTopic())) {
        m_lastTopic = topicId;
        m_topic = m_names.value(topicId);
        if (m_perTopic) {
            auto it = m_seriesOfTopic.constFind(topicId);
            if (it == m_seriesOfTopic.cend()) {
                it = m_seriesOfTopic.insert(topicId, m_data.series.size());
                Series series;
                series.topic = m_topic;
                m_data.series.append(std::move(series));
            }
            m_current = *it;
        }
    }
    Series &series = m_data.series[m_current];
    const ExtractedValue value = m_extractor.extract(payload, m_topic);
    if (value.skipped) {
        ++series.skipped[size_t(*value.skipped)];
        series.skippedTimesUs.push_back(timeUs);
        series.skippedReasons.push_back(quint8(*value.skipped));
    } else {
        series.timesUs.push_back(timeUs);
        series.values.push_back(value.value);
    }
}

void SeriesBuilder::finish(bool shrink)
{
    std::sort(m_data.series.begin(), m_data.series.end(),
              [](const Series &a, const Series &b) { return a.topic < b.topic; });
    if (!shrink)
        return;
    for (Series &s : m_data.series) {
        s.timesUs.shrink_to_fit();
        s.values.shrink_to_fit();
        s.skippedTimesUs.shrink_to_fit();
        s.skippedReasons.shrink_to_fit();
    }
}

} // namespace mqttdesk
