#pragma once

#include "core/storage/storage_error.h"

#include <QJsonObject>
#include <QList>

namespace mqttdesk {

class DatabaseConnection;

// The chart panels of each profile (table chart_panels), saved and loaded as a whole
// ordered list of JSON bodies: what a panel plots is core/series' business (ChartPanel), so
// storage keeps the bodies as they are. They go with their profile when it is deleted and
// are copied when it is duplicated.
class ChartPanelStore
{
public:
    explicit ChartPanelStore(const DatabaseConnection &connection);

    // The profile's panels in order; none for a profile without charts. A body that is no
    // longer a JSON object (the file was edited by hand) is left out.
    QList<QJsonObject> load(qint64 profileId, StorageError *error = nullptr) const;
    // Replaces the profile's panels with these, in one transaction.
    StorageError save(qint64 profileId, const QList<QJsonObject> &panels) const;
    // The same inside the caller's transaction.
    StorageError replace(qint64 profileId, const QList<QJsonObject> &panels) const;

private:
    const DatabaseConnection &m_connection;
};

} // namespace mqttdesk
