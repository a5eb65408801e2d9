#pragma once

#include <QAbstractTableModel>
#include <QDateTime>
#include <QList>

namespace mqttdesk {

// The application log: connection events, errors and reconnect attempts, timestamped,
// newest last, bounded. Core never logs secrets; as a second guard, texts are scrubbed of
// any secret value the window registered (passwords, passphrases).
class LogModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        TimeColumn,
        SourceColumn,
        MessageColumn,
        ColumnCount,
    };
    enum class Level
    {
        Debug,
        Info,
        Warning,
    };
    struct Entry
    {
        QDateTime timestamp; // UTC
        Level level = Level::Info;
        QString source;
        QString text;
    };

    explicit LogModel(QObject *parent = nullptr, int capacity = 5000);

    void append(const QDateTime &timestamp, Level level, const QString &source,
                const QString &text);
    void clear();
    // Values never to show (e.g. the passwords of open connections); replaced by "••••".
    void addSecret(const QString &secret);
    const QList<Entry> &entries() const { return m_entries; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QString scrub(QString text) const;

    const int m_capacity;
    QList<Entry> m_entries;
    QStringList m_secrets;
};

} // namespace mqttdesk
