#pragma once

#include "core/protocol/subscription_trie.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringView>

#include <memory>
#include <optional>

namespace mqttdesk {

// Messages whose topic matches `filter` are shown with the decoder `decoder` (a
// DecoderRegistry id) and its `options`.
struct DecodingRule
{
    QString filter;
    QString decoder;
    QJsonObject options;

    friend bool operator==(const DecodingRule &, const DecodingRule &) = default;
};

// An ordered list of decoding rules, matched against topic names with a SubscriptionTrie:
// the first rule in list order whose filter matches wins. Filters follow the MQTT rules, so
// "#" or "+/x" do not match "$SYS/x" [MQTT-4.7.2-1]. The decoder id is kept as written: a
// decoder that is not registered renders as Auto. A value type; copies share the trie.
//
// JSON: [{"filter": "sensors/+/raw", "decoder": "hex", "options": {}}, ...], in order.
class DecodingRules
{
public:
    DecodingRules();

    // Adds the rule at the end, or refuses it (false, and `error` says why in a translated
    // sentence) when its filter is not a valid topic filter, is a shared subscription
    // ("$share/..."), or its decoder id is empty.
    bool append(const DecodingRule &rule, QString *error = nullptr);
    void removeAt(qsizetype index);
    void clear();

    const QList<DecodingRule> &rules() const { return m_rules; }
    qsizetype size() const { return m_rules.size(); }
    bool isEmpty() const { return m_rules.isEmpty(); }

    // The first rule whose filter matches the topic name; null when none does.
    const DecodingRule *match(QStringView topic) const;

    // Why the rule cannot be added; nothing when it can.
    static std::optional<QString> validate(const DecodingRule &rule);

    QJsonArray toJson() const;
    // Refuses the whole list (nothing, and `error` says which rule and why) when any rule is
    // not an object with a valid filter and a decoder id.
    static std::optional<DecodingRules> fromJson(const QJsonArray &json, QString *error = nullptr);

    friend bool operator==(const DecodingRules &a, const DecodingRules &b)
    {
        return a.m_rules == b.m_rules;
    }

private:
    void rebuild();

    QList<DecodingRule> m_rules;
    // Each filter maps to the index of its first rule; rebuilt on every change and never
    // modified afterwards, so copies can share it.
    std::shared_ptr<const SubscriptionTrie<qsizetype>> m_trie;
};

} // namespace mqttdesk
