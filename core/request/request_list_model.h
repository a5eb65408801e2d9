#pragma once

#include <QAbstractTableModel>
#include <QList>
#include <QPointer>

namespace mqttdesk {

class RequestClient;
struct RequestRecord;

// The past requests of a RequestClient as a table, newest first: when it was sent, the
// template, the request topic, the round-trip time, the status and the start of the reply.
// The model keeps its own list of request ids, so rows follow the client's history as it
// grows and drops its oldest.
class RequestListModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        SentColumn,
        TemplateColumn,
        TopicColumn,
        RttColumn,
        StatusColumn,
        ReplyColumn,
        ColumnCount,
    };
    enum Role
    {
        IdRole = Qt::UserRole + 1, // the request's id (quint64)
    };

    explicit RequestListModel(RequestClient *client, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // The request of `row`; nullptr when it is no longer kept.
    const RequestRecord *recordAt(int row) const;
    int rowOf(quint64 id) const;

    // "Waiting for the reply…", "Replied", "Timed out", ... (translated).
    static QString statusText(const RequestRecord &record);

private:
    void onAdded(quint64 id);
    void onChanged(quint64 id);

    QPointer<RequestClient> m_client;
    QList<quint64> m_ids; // newest first
};

} // namespace mqttdesk
