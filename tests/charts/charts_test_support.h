#pragma once

// What the chart tests share: series specs, a history of 1,000 values, waiting for a chart
// to load, and reading its CSV export.

#include "core/storage/stored_message.h"
#include "tests/storage/support/message_factory.h"
#include "ui/charts/chart_series_dialog.h"
#include "ui/charts/charts_view.h"

#include <QFile>
#include <QList>
#include <QStringList>
#include <QTest>

namespace mqttdesk::test {

inline constexpr qint64 kChartBaseUs = 1'718'006'400'000'000; // 2024-06-10 08:00 UTC
inline constexpr qint64 kChartSecond = 1'000'000;

inline ChartSeriesSpec jsonSeries(const QString &filter, const QString &path,
                                  const QString &unit = {}, bool perTopic = false,
                                  const QString &name = {})
{
    ChartSeriesSpec spec;
    spec.name = name;
    spec.topicFilter = filter;
    spec.extractor.kind = ExtractorSpec::Kind::JsonPath;
    spec.extractor.path = path;
    spec.extractor.unit = unit;
    spec.perTopic = perTopic;
    return spec;
}

// 1,000 values {"t": i, "v": i} a second apart on dev/v.
inline QList<StoredMessage> thousandValues(qint64 startUs = kChartBaseUs)
{
    QList<StoredMessage> messages;
    for (int i = 0; i < 1000; ++i) {
        const QByteArray payload =
            "{\"t\":" + QByteArray::number(i) + ",\"v\":" + QByteArray::number(i) + "}";
        messages << makeMessage(1, QStringLiteral("dev/v"), payload, startUs + i * kChartSecond);
    }
    return messages;
}

inline bool waitLoaded(const ChartsView &view)
{
    return QTest::qWaitFor([&view] { return !view.isLoading(); }, 30000);
}

// The CSV's rows (without the header) split at commas (no field here needs quotes).
inline QList<QStringList> readCsv(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return {};
    QList<QStringList> rows;
    const QStringList lines = QString::fromUtf8(file.readAll()).split(u'\n', Qt::SkipEmptyParts);
    for (qsizetype i = 1; i < lines.size(); ++i)
        rows << lines.at(i).split(u',');
    return rows;
}

} // namespace mqttdesk::test
