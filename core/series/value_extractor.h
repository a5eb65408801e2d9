#pragma once

#include "core/inspector/json_path_query.h"
#include "core/payload/numeric_array_decoder.h"
#include "core/payload/rule_renderer.h"

#include <QByteArrayView>
#include <QJsonObject>
#include <QString>
#include <QStringView>

#include <optional>

namespace mqttdesk {

class PayloadDecoder;

// Why a message gives no value. Charts count these and leave a gap, never a zero.
enum class SkipReason : quint8
{
    NotANumber,
    Missing,
    NotFinite,
    NotJson,
    Undecodable,
};

// Translated and short, for "37 values skipped: not a number".
QString skipReasonText(SkipReason reason);

struct ExtractedValue
{
    double value = 0;
    std::optional<SkipReason> skipped;
};

// How a series reads one number out of a payload; saved with the chart.
struct ExtractorSpec
{
    enum class Kind : quint8
    {
        Text,
        JsonPath,
        NumericArray,
        Decoded,
    };
    Kind kind = Kind::Text;
    QString path;               // JsonPath and Decoded: "$.v"
    int index = 0;              // NumericArray: which element
    QString decoder;            // Decoded: a decoder id from core/payload/decoder_registry.h,
                                // or kRulesDecoder
    QString metric;             // Decoded: a Sparkplug metric's name (or alias), read
                                // instead of the path
    QJsonObject decoderOptions; // NumericArray: NumericArrayDecoder::Layout JSON; Decoded:
                                // that decoder's options
    double scale = 1;
    double offset = 0; // value = raw * scale + offset
    QString unit;

    // Decoded by the connection's decoding rules: the decoder and options of the first rule
    // whose filter matches the message's topic (as the stream shows it).
    static constexpr QLatin1StringView kRulesDecoder{"rules"};

    // {"kind": "jsonPath", "path": "$.v", "scale": 0.1, ...}: the kind always, every other
    // field when it differs from its default.
    QJsonObject toJson() const;
    // Nothing, with `why` set (translated), for an unknown kind, a field of the wrong type, a
    // path that does not parse, a bad layout, a negative index or a scale or offset that is
    // not finite. Missing fields take their defaults.
    static std::optional<ExtractorSpec> fromJson(const QJsonObject &json, QString *why = nullptr);
    friend bool operator==(const ExtractorSpec &, const ExtractorSpec &) = default;
};

// A number from each payload, by an ExtractorSpec:
// - Text: the payload, ASCII whitespace trimmed, as a decimal number in the C locale
//   (`21.5`, `-3`, `+4`, `.5`, `1e3`); `0x10`, `1,5` or `21 °C` are not numbers.
// - JsonPath: the value the path names (JsonPathQuery): a JSON number; a string whose text
//   is a number by the Text rule ("21.5": devices often send those); true and false as 1
//   and 0. Anything else (null, an object, a string of words) is NotANumber; no value at the
//   path is Missing; a payload that is not JSON is NotJson.
// - NumericArray: element `index` of the packed numbers NumericArrayDecoder::values() reads
//   (Undecodable when the bytes are not whole values, Missing past the end).
// - Decoded: the payload rendered by that decoder (Undecodable when it cannot), or by the
//   decoding rule for its topic (kRulesDecoder; Undecodable when no rule matches), then the
//   path on its JSON; or with a metric, the "value" of the first element of "metrics" whose
//   "name" (or, for a number, "alias") is the metric, as Sparkplug B renders (Missing when
//   none is).
// NaN and infinities, spelled ("NaN", "-Infinity", "inf") or reached (1e999, a float32 NaN,
// a scale that overflows) are NotFinite; integers past 2^53 (even 30 digits) read as the
// nearest double. An empty payload (a retained message being cleared) is Missing for every
// kind. value = raw * scale + offset.
class ValueExtractor
{
public:
    // Nothing, with `why` set (translated), when the spec cannot be used: see
    // ExtractorSpec::fromJson(), and a decoder the registry does not have. The path, layout
    // and decoder are resolved here once.
    static std::optional<ValueExtractor> make(const ExtractorSpec &spec, QString *why = nullptr);
    // The rules kRulesDecoder renders with (none: nothing decodes).
    void setRules(const DecodingRules &rules);
    // Const and thread-safe; allocates nothing but for Decoded. `topic` matters only to
    // kRulesDecoder.
    ExtractedValue extract(QByteArrayView payload, QStringView topic = {}) const;
    bool needsTopic() const;
    const ExtractorSpec &spec() const { return m_spec; }

private:
    ValueExtractor() = default;
    ExtractedValue finish(double raw) const;
    ExtractedValue fromJson(QByteArrayView json, const JsonPathQuery &query) const;
    ExtractedValue fromNumericArray(QByteArrayView payload) const;
    ExtractedValue fromDecoded(QByteArrayView payload, QStringView topic) const;
    ExtractedValue fromMetric(const QByteArray &json) const;

    ExtractorSpec m_spec;
    std::optional<JsonPathQuery> m_query;
    NumericArrayDecoder::Layout m_layout;
    const PayloadDecoder *m_decoder = nullptr; // the registry's, which keeps every decoder
    std::optional<RuleRenderer> m_rules;       // kRulesDecoder
    std::optional<JsonPathQuery> m_whole;      // "$", for a metric's value
};

} // namespace mqttdesk
