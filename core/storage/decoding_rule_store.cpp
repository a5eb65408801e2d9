#include "core/storage/decoding_rule_store.h"

#include "core/storage/database_connection.h"

#include <QJsonDocument>
#include <QSqlQuery>

namespace mqttdesk {

DecodingRuleStore::DecodingRuleStore(const DatabaseConnection &connection)
    : m_connection(connection)
{}

DecodingRules DecodingRuleStore::load(qint64 profileId, StorageError *error) const
{
    DecodingRules rules;
    QSqlQuery query(m_connection.database());
    const StorageError e = m_connection.run(
        query,
        QStringLiteral("SELECT filter, decoder, options FROM decoding_rules WHERE profile_id = ?"
                       " ORDER BY position"),
        {profileId});
    if (error)
        *error = e;
    while (!e.isError() && query.next()) {
        DecodingRule rule;
        rule.filter = query.value(0).toString();
        rule.decoder = query.value(1).toString();
        rule.options = QJsonDocument::fromJson(query.value(2).toString().toUtf8()).object();
        rules.append(rule);
    }
    return rules;
}

StorageError DecodingRuleStore::save(qint64 profileId, const DecodingRules &rules) const
{
    return m_connection.transaction([&] { return replace(profileId, rules); });
}

StorageError DecodingRuleStore::replace(qint64 profileId, const DecodingRules &rules) const
{
    QSqlQuery query(m_connection.database());
    StorageError e = m_connection.run(
        query, QStringLiteral("DELETE FROM decoding_rules WHERE profile_id = ?"), {profileId});
    for (qsizetype i = 0; !e.isError() && i < rules.size(); ++i) {
        const DecodingRule &rule = rules.rules().at(i);
        e = m_connection.run(
            query,
            QStringLiteral("INSERT INTO decoding_rules(profile_id, position, filter, decoder,"
                           " options) VALUES (?, ?, ?, ?, ?)"),
            {profileId, int(i), rule.filter, rule.decoder,
             QString::fromUtf8(QJsonDocument(rule.options).toJson(QJsonDocument::Compact))});
    }
    return e;
}

} // namespace mqttdesk
