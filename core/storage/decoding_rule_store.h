#pragma once

#include "core/payload/decoding_rules.h"
#include "core/storage/storage_error.h"

namespace mqttdesk {

class DatabaseConnection;

// The decoding rules of each profile (table decoding_rules), saved and loaded as a whole
// list. They go with their profile when it is deleted and are copied when it is duplicated.
class DecodingRuleStore
{
public:
    explicit DecodingRuleStore(const DatabaseConnection &connection);

    // The profile's rules in order; none for a profile without rules. A row that is no
    // longer a valid rule (the file was edited by hand) is left out.
    DecodingRules load(qint64 profileId, StorageError *error = nullptr) const;
    // Replaces the profile's rules with these, in one transaction.
    StorageError save(qint64 profileId, const DecodingRules &rules) const;
    // The same inside the caller's transaction (an import writes a profile and its rules
    // as one).
    StorageError replace(qint64 profileId, const DecodingRules &rules) const;

private:
    const DatabaseConnection &m_connection;
};

} // namespace mqttdesk
