#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace mqttdesk {

// Replay's topic rewrite: prefix rules "A=B" (prod/=test/), the first whose A starts the
// topic wins; a topic no rule matches is kept.
class TopicRewrite
{
    Q_DECLARE_TR_FUNCTIONS(TopicRewrite)

public:
    struct Rule
    {
        QString from;
        QString to;
        bool operator==(const Rule &) const = default;
    };

    // "prod/=test/" -> {prod/, test/}; an error (translated) for a rule without "=" or with
    // an empty A, or whose B puts a wildcard into a topic.
    static bool parse(const QString &text, Rule *rule, QString *error);

    void add(const Rule &rule) { m_rules.append(rule); }
    bool isEmpty() const { return m_rules.isEmpty(); }
    QString apply(const QString &topic) const;

private:
    QList<Rule> m_rules;
};

} // namespace mqttdesk
