#pragma once

#include "core/series/series_loader.h"
#include "ui/charts/chart_series_dialog.h"

#include <QList>
#include <QObject>
#include <QString>

#include <optional>
#include <utility>

namespace mqttdesk {

// What a chart read for its series: one SeriesLoader answer per series (null until it
// comes), kept apart from ChartsView so that the view only asks for reads and draws what
// they gave. A whole read asks for every series at once; a read of newer rows (following
// live) asks only for the rows stored since each answer and adds them to it, so a refresh
// costs what arrived, not the whole range again. Each read supersedes the one before: late
// answers of an older read are dropped.
//
// Answers are shared with the loader's cache: one is copied the first time it grows, and
// grows in place after (this then holds the only reference).
class ChartAnswers : public QObject
{
    Q_OBJECT
public:
    // dropBefore() forgets expired values once there are this many (or a quarter of what a
    // series holds): each drop copies what stays.
    static constexpr size_t kDropAtLeast = 4096;

    ChartAnswers(SeriesLoader *loader, qint64 profileId, QObject *parent = nullptr);

    // One per series of the chart, in its order: a new series has none yet.
    qsizetype size() const { return m_answers.size(); }
    const SeriesLoader::Answer &at(qsizetype index) const { return m_answers.at(index); }
    void append() { m_answers.append(nullptr); }
    void forget(qsizetype index) { m_answers[index] = nullptr; }
    void removeAt(qsizetype index) { m_answers.removeAt(index); }
    void clear() { m_answers.clear(); }
    // Line `series` of the answer for series `index` (per topic, one line a topic); null
    // while there is no answer.
    const Series *series(int index, int series) const;

    // The connection's decoding rules, for series decoded by them. False when they are the
    // same as before.
    bool setDecodingRules(const DecodingRules &rules);
    // Whether the series is decoded by the connection's rules (read again when they change).
    static bool usesRules(const ChartSeriesSpec &spec);

    // Reads every series (`specs`, parallel to the answers) whole, over [fromUs, toUs].
    void read(const QList<ChartSeriesSpec> &specs, qint64 fromUs, qint64 toUs);
    // Reads only the rows stored since each answer and adds them. Only when every series
    // has an answer that read something without an error (else a whole read is needed).
    bool canReadNewer() const;
    void readNewer(const QList<ChartSeriesSpec> &specs, qint64 fromUs, qint64 toUs);
    bool isReading() const { return m_pending > 0; }

    // Forgets what is older than `cutoffUs` (a Last N window slid past it) in the answers
    // this holds alone, once that is a good part of what they hold: the memory stays flat
    // however long a chart follows live.
    void dropBefore(qint64 cutoffUs);

    // The first answer's storage error; empty without one.
    QString error() const;
    // The oldest and newest time of any value or skipped message; nothing without one.
    std::optional<std::pair<qint64, qint64>> extent() const;
    // Values and skipped messages held, over every answer.
    qint64 heldValues() const;

signals:
    // Every answer of the latest read came. `newer`: a read of newer rows.
    void answered(bool newer);

private:
    SeriesRequest requestFor(const ChartSeriesSpec &spec, qint64 fromUs, qint64 toUs) const;
    void onAnswer(quint64 generation, int index, const SeriesLoader::Answer &answer);
    void onNewer(quint64 generation, int index, const SeriesLoader::Answer &newer);

    SeriesLoader *m_loader;
    qint64 m_profileId;
    DecodingRules m_rules;
    QList<SeriesLoader::Answer> m_answers;
    quint64 m_generation = 0;
    int m_pending = 0;
};

} // namespace mqttdesk
