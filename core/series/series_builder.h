#pragma once

#include "core/series/series_loader.h"

#include <QHash>

namespace mqttdesk {

// Turns a scan's rows, in (time, id) order, into a SeriesData: each row's value by the
// extractor onto its series (the one merged series, or one per topic), or its time and
// reason recorded as skipped.
class SeriesBuilder
{
public:
    // `data` has its one merged series already when not per topic. `names`: topic id ->
    // name, for per-topic series.
    SeriesBuilder(const ValueExtractor &extractor, bool perTopic, QHash<qint64, QString> names,
                  SeriesData &data);

    void add(qint64 timeUs, qint64 topicId, QByteArrayView payload);
    // Per topic: the series in topic order. `shrink`: the growth headroom goes (an answer
    // kept for long).
    void finish(bool shrink);

private:
    const ValueExtractor &m_extractor;
    bool m_perTopic;
    QHash<qint64, QString> m_names;
    SeriesData &m_data;
    QHash<qint64, qsizetype> m_seriesOfTopic;
    qint64 m_lastTopic = -1;
    QString m_topic; // of m_lastTopic
    qsizetype m_current = 0;
};

} // namespace mqttdesk
