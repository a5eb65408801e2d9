#include "core/payload/decoding_rules.h"

#include <QCoreApplication>

#include <limits>

namespace mqttdesk {

namespace {

const QString kFilterKey = QStringLiteral("filter");
const QString kDecoderKey = QStringLiteral("decoder");
const QString kOptionsKey = QStringLiteral("options");

} // namespace

DecodingRules::DecodingRules()
    : m_trie(std::make_shared<SubscriptionTrie<qsizetype>>())
{}

std::optional<QString> DecodingRules::validate(const DecodingRule &rule)
{
    if (const std::optional<TopicError> error = Topic::validateFilter(rule.filter))
        return error->message();
    if (Topic::isShared(rule.filter))
        return QCoreApplication::translate(
            "DecodingRules", "A decoding rule matches topics, not shared subscriptions: leave "
                             "out \"$share/{name}/\".");
    if (rule.decoder.isEmpty())
        return QCoreApplication::translate("DecodingRules", "Choose a decoder for the rule.");
    return std::nullopt;
}

bool DecodingRules::append(const DecodingRule &rule, QString *error)
{
    if (const std::optional<QString> why = validate(rule)) {
        if (error)
            *error = *why;
        return false;
    }
    m_rules.append(rule);
    rebuild();
    return true;
}

void DecodingRules::removeAt(qsizetype index)
{
    if (index < 0 || index >= m_rules.size())
        return;
    m_rules.removeAt(index);
    rebuild();
}

void DecodingRules::clear()
{
    m_rules.clear();
    rebuild();
}

const DecodingRule *DecodingRules::match(QStringView topic) const
{
    qsizetype first = std::numeric_limits<qsizetype>::max();
    m_trie->forEachMatch(
        topic, [&first](const QString &, qsizetype index) { first = qMin(first, index); });
    return first < m_rules.size() ? &m_rules.at(first) : nullptr;
}

QJsonArray DecodingRules::toJson() const
{
    QJsonArray array;
    for (const DecodingRule &rule : m_rules)
        array.append(QJsonObject{
            {kFilterKey, rule.filter}, {kDecoderKey, rule.decoder}, {kOptionsKey, rule.options}});
    return array;
}

std::optional<DecodingRules> DecodingRules::fromJson(const QJsonArray &json, QString *error)
{
    DecodingRules rules;
    for (qsizetype i = 0; i < json.size(); ++i) {
        const QJsonValue value = json.at(i);
        const QJsonValue options = value[kOptionsKey];
        QString why;
        if (!value.isObject() || !value[kFilterKey].isString() || !value[kDecoderKey].isString() ||
            !(options.isObject() || options.isUndefined() || options.isNull())) {
            why = QCoreApplication::translate(
                "DecodingRules", "It needs a filter and a decoder, and its options must be an "
                                 "object.");
        } else {
            const DecodingRule rule{value[kFilterKey].toString(), value[kDecoderKey].toString(),
                                    options.toObject()};
            if (const std::optional<QString> invalid = validate(rule))
                why = *invalid;
            else
                rules.m_rules.append(rule);
        }
        if (!why.isEmpty()) {
            if (error)
                *error = QCoreApplication::translate("DecodingRules", "Decoding rule %1: %2")
                             .arg(i + 1)
                             .arg(why);
            return std::nullopt;
        }
    }
    rules.rebuild();
    return rules;
}

void DecodingRules::rebuild()
{
    auto trie = std::make_shared<SubscriptionTrie<qsizetype>>();
    for (qsizetype i = 0; i < m_rules.size(); ++i) {
        // The first rule of a filter wins; a later one with the same filter never matches.
        if (!trie->contains(m_rules.at(i).filter))
            trie->insert(m_rules.at(i).filter, i);
    }
    m_trie = std::move(trie);
}

} // namespace mqttdesk
