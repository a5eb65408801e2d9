#pragma once

#include "ui/charts/chart_series_dialog.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <functional>

class QWidget;

namespace mqttdesk {

class JsonIndex;

// What "Chart this" (the topic tree, a stream bubble, the inspector's JSON tree) charts for
// a topic and a payload of it. A payload that is a plain number (the Text rule of
// ValueExtractor) is charted as it is; anything else is asked for in ChartSeriesDialog,
// prefilled with the topic and the best guess at what to read: the first number of a JSON
// payload (or of a decoder's JSON rendering), element 0 of a numeric array.
class ChartThis
{
public:
    struct Suggestion
    {
        ChartSeriesSpec spec;
        // True: chart `spec` as it is. False: ask, with `spec` in the dialog.
        bool complete = false;
    };
    // Payloads above this are not parsed on the GUI thread for a prefilled path.
    static constexpr qsizetype kMaxParsedBytes = 256 * 1024;

    // For `topic` with `payload` as the user sees it shown: by `decoder` (a DecoderRegistry
    // id; empty or "auto" for the raw bytes) with its `options`. `byRule`: a decoding rule
    // chose that decoder, and a decoded field is read as the rules show it
    // (ExtractorSpec::kRulesDecoder), so the chart follows the rules as the stream does.
    static Suggestion forMessage(const QString &topic, const QByteArray &payload,
                                 const QString &decoder = {}, const QJsonObject &options = {},
                                 bool byRule = false);
    // forMessage(…).complete, cheaply (for a menu's text): the payload is a plain number
    // shown as itself.
    static bool chartsAsIs(QByteArrayView payload, const QString &decoder = {});
    // For every topic under `topic` ("topic/#", one line per topic), read as `sample` (a
    // payload of one of them, may be empty) suggests. Never complete: a wildcard is confirmed.
    static Suggestion forSubtree(const QString &topic, const QByteArray &sample,
                                 const QString &decoder = {}, const QJsonObject &options = {});

    // Opens ChartSeriesDialog over `parent` (window modal, deleted on close) with `spec`;
    // `accepted` gets what it says on OK.
    static ChartSeriesDialog *ask(QWidget *parent, const ChartSeriesSpec &spec,
                                  std::function<void(const ChartSeriesSpec &)> accepted);

    // True when `text` is a number a chart reads (ValueExtractor's Text rule).
    static bool isNumber(QByteArrayView text);
    // The JSON path of the first value in `json` (in document order) that a chart reads as
    // a number (a number, or a string holding one), e.g. "$.sensors[0].temp"; empty when
    // there is none, the text is not JSON or is larger than kMaxParsedBytes.
    static QString firstNumberPath(const QByteArray &json);
    // Sparkplug B's rendering ({"metrics": [{"name": …, "alias": …, "value": …}, …]}): the
    // name (else the alias) of the metric whose value `path` is ("$.metrics[2].value"), or
    // with no path of the first metric with a number; empty when there is none.
    static QString sparkplugMetric(const JsonIndex &rendering, const QString &path = {});
};

} // namespace mqttdesk
