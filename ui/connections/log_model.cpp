#include "ui/connections/log_model.h"

#include "ui/theme/theme.h"

#include <QBrush>
#include <QGuiApplication>

namespace mqttdesk {

LogModel::LogModel(QObject *parent, int capacity)
    : QAbstractTableModel(parent)
    , m_capacity(qMax(1, capacity))
{}

void LogModel::append(const QDateTime &timestamp, Level level, const QString &source,
                      const QString &text)
{
    if (m_entries.size() >= m_capacity) {
        const int drop = int(m_entries.size()) - m_capacity + 1;
        beginRemoveRows({}, 0, drop - 1);
        m_entries.remove(0, drop);
        endRemoveRows();
    }
    const int row = int(m_entries.size());
    beginInsertRows({}, row, row);
    m_entries.append(
        Entry{timestamp.isValid() ? timestamp.toUTC() : QDateTime::currentDateTimeUtc(), level,
              source, scrub(text)});
    endInsertRows();
}

void LogModel::clear()
{
    if (m_entries.isEmpty())
        return;
    beginResetModel();
    m_entries.clear();
    endResetModel();
}

void LogModel::addSecret(const QString &secret)
{
    if (!secret.isEmpty() && !m_secrets.contains(secret))
        m_secrets.append(secret);
}

QString LogModel::scrub(QString text) const
{
    for (const QString &secret : m_secrets)
        text.replace(secret, QStringLiteral("••••"));
    return text;
}

int LogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int LogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant LogModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Entry &e = m_entries.at(index.row());
    if (role == Qt::DisplayRole || role == Qt::ToolTipRole) {
        switch (index.column()) {
        case TimeColumn:
            return e.timestamp.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz"));
        case SourceColumn:
            return e.source;
        case MessageColumn:
            return e.text;
        default:
            return {};
        }
    }
    if (role == Qt::ForegroundRole && e.level == Level::Warning)
        return QBrush(Theme::warningText(QGuiApplication::palette()));
    if (role == Qt::ForegroundRole && e.level == Level::Debug)
        return QBrush(Theme::mutedText(QGuiApplication::palette()));
    return {};
}

QVariant LogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case SourceColumn:
        return tr("Connection");
    case MessageColumn:
        return tr("Event");
    default:
        return {};
    }
}

} // namespace mqttdesk
