#include "core/storage/topic_filter_matcher.h"

#include <QList>

namespace mqttdesk {

bool TopicFilterMatcher::isValidFilter(QStringView filter)
{
    if (filter.isEmpty())
        return false;
    const auto levels = filter.split(QLatin1Char('/'));
    for (qsizetype i = 0; i < levels.size(); ++i) {
        const QStringView level = levels.at(i);
        if (level.contains(QLatin1Char('#')) && (level.size() != 1 || i != levels.size() - 1))
            return false;
        if (level.contains(QLatin1Char('+')) && level.size() != 1)
            return false;
    }
    return true;
}

bool TopicFilterMatcher::matches(QStringView filter, QStringView topic)
{
    if (topic.startsWith(QLatin1Char('$')) &&
        (filter.startsWith(QLatin1Char('+')) || filter.startsWith(QLatin1Char('#'))))
        return false;
    qsizetype f = 0;
    qsizetype t = 0;
    for (;;) {
        const qsizetype fEnd = [&] {
            const qsizetype slash = filter.indexOf(QLatin1Char('/'), f);
            return slash < 0 ? filter.size() : slash;
        }();
        const QStringView level = filter.sliced(f, fEnd - f);
        if (level == QLatin1String("#"))
            return true; // also matches the parent level [MQTT-4.7.1-2]
        if (t > topic.size())
            return false;
        qsizetype tEnd = topic.indexOf(QLatin1Char('/'), t);
        if (tEnd < 0)
            tEnd = topic.size();
        if (level != QLatin1String("+") && level != topic.sliced(t, tEnd - t))
            return false;
        const bool filterDone = fEnd >= filter.size();
        const bool topicDone = tEnd >= topic.size();
        if (filterDone || topicDone) {
            if (filterDone && topicDone)
                return true;
            // "a/#" matches "a": the filter continues with exactly "/#".
            return topicDone && filter.sliced(fEnd) == QLatin1String("/#");
        }
        f = fEnd + 1;
        t = tEnd + 1;
    }
}

QString TopicFilterMatcher::literalPrefix(QStringView filter)
{
    qsizetype end = filter.size();
    for (qsizetype i = 0; i < filter.size(); ++i) {
        if (filter.at(i) == QLatin1Char('+') || filter.at(i) == QLatin1Char('#')) {
            end = i;
            break;
        }
    }
    return filter.first(end).toString();
}

bool TopicFilterMatcher::hasWildcard(QStringView filter)
{
    return filter.contains(QLatin1Char('+')) || filter.contains(QLatin1Char('#'));
}

} // namespace mqttdesk
