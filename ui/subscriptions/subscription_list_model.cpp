#include "ui/subscriptions/subscription_list_model.h"

#include "core/protocol/reason_code.h"
#include "core/session/session_action.h"
#include "core/workspace/subscription_record.h"
#include "ui/theme/theme.h"

#include <QGuiApplication>
#include <QJsonObject>

namespace mqttdesk {

SubscriptionListModel::SubscriptionListModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

QColor SubscriptionListModel::paletteColour(int n)
{
    const QList<QColor> colours = Theme::subscriptionPalette();
    return colours.at(n % int(colours.size()));
}

int SubscriptionListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int SubscriptionListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString SubscriptionListModel::statusText(const SubscriptionEntry &e) const
{
    switch (e.state) {
    case SubscriptionEntry::State::Inactive:
        return tr("not subscribed");
    case SubscriptionEntry::State::Pending:
        return tr("subscribing…");
    case SubscriptionEntry::State::Active:
        return e.grantedQos ? tr("granted QoS %1").arg(*e.grantedQos) : tr("subscribed");
    case SubscriptionEntry::State::Refused:
        return tr("refused: %1").arg(e.refusal);
    case SubscriptionEntry::State::Disabled:
        return tr("disabled");
    }
    return {};
}

QString SubscriptionListModel::shortStatusText(const SubscriptionEntry &e) const
{
    // The narrow panel shows this; the tooltip and accessible text say it in full.
    switch (e.state) {
    case SubscriptionEntry::State::Inactive:
        return tr("inactive");
    case SubscriptionEntry::State::Pending:
        return QStringLiteral("…");
    case SubscriptionEntry::State::Active:
        return e.grantedQos ? tr("✓ QoS %1").arg(*e.grantedQos) : QStringLiteral("✓");
    case SubscriptionEntry::State::Refused:
        return tr("✗ %1").arg(e.refusal);
    case SubscriptionEntry::State::Disabled:
        return tr("off");
    }
    return {};
}

QVariant SubscriptionListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const SubscriptionEntry &e = m_entries.at(index.row());
    if (role == UidRole)
        return e.uid;
    if (role == StateRole)
        return int(e.state);
    if (role == ColourRole)
        return QColor::fromString(e.colour);
    switch (index.column()) {
    case FilterColumn:
        if (role == Qt::DisplayRole)
            return e.subscription.filter;
        if (role == Qt::DecorationRole)
            return QColor::fromString(e.colour);
        if (role == Qt::CheckStateRole)
            return e.enabled ? Qt::Checked : Qt::Unchecked;
        if (role == Qt::ToolTipRole)
            return e.state == SubscriptionEntry::State::Refused ? statusText(e)
                                                                : e.subscription.filter;
        if (role == Qt::AccessibleTextRole)
            return tr("%1, %2").arg(e.subscription.filter, statusText(e));
        if (role == Qt::ForegroundRole && e.state == SubscriptionEntry::State::Refused)
            return Theme::errorText(QGuiApplication::palette());
        break;
    case AliasColumn:
        if (role == Qt::DisplayRole || role == Qt::EditRole)
            return e.alias;
        break;
    case QosColumn:
        if (role == Qt::DisplayRole)
            return int(e.subscription.options.qos);
        break;
    case FormatColumn:
        if (role == Qt::DisplayRole)
            return payloadFormatName(e.format);
        break;
    case CountColumn:
        if (role == Qt::DisplayRole)
            return e.messageCount;
        if (role == Qt::TextAlignmentRole)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case StatusColumn:
        if (role == Qt::DisplayRole)
            return shortStatusText(e);
        if (role == Qt::ToolTipRole || role == Qt::AccessibleTextRole)
            return statusText(e);
        if (role == Qt::ForegroundRole && e.state == SubscriptionEntry::State::Refused)
            return Theme::errorText(QGuiApplication::palette());
        break;
    default:
        break;
    }
    return {};
}

QVariant SubscriptionListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case FilterColumn:
        return tr("Filter");
    case AliasColumn:
        return tr("Alias");
    case QosColumn:
        return tr("QoS");
    case FormatColumn:
        return tr("Format");
    case CountColumn:
        return tr("Messages");
    case StatusColumn:
        return tr("Status");
    default:
        return {};
    }
}

void SubscriptionListModel::retranslate()
{
    emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (rowCount() > 0)
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

Qt::ItemFlags SubscriptionListModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags f = QAbstractTableModel::flags(index);
    if (!index.isValid())
        return f;
    if (index.column() == FilterColumn)
        f |= Qt::ItemIsUserCheckable;
    if (index.column() == AliasColumn)
        f |= Qt::ItemIsEditable;
    return f;
}

bool SubscriptionListModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    if (index.column() == FilterColumn && role == Qt::CheckStateRole) {
        setEnabled(index.row(), value.toInt() == Qt::Checked);
        return true;
    }
    if (index.column() == AliasColumn && role == Qt::EditRole) {
        setAlias(index.row(), value.toString());
        return true;
    }
    return false;
}

int SubscriptionListModel::add(SubscriptionEntry entry)
{
    entry.uid = m_nextUid++;
    if (entry.colour.isEmpty())
        entry.colour = paletteColour(m_coloursUsed++).name();
    const int row = int(m_entries.size());
    beginInsertRows({}, row, row);
    m_entries.append(std::move(entry));
    endInsertRows();
    rebuildTrie();
    emit looksChanged();
    emit changed();
    return row;
}

void SubscriptionListModel::removeAt(int row)
{
    if (row < 0 || row >= m_entries.size())
        return;
    beginRemoveRows({}, row, row);
    m_entries.removeAt(row);
    endRemoveRows();
    rebuildTrie();
    emit looksChanged();
    emit changed();
}

int SubscriptionListModel::rowOfFilter(const QString &filter) const
{
    for (int i = 0; i < m_entries.size(); ++i) {
        if (m_entries.at(i).subscription.filter == filter)
            return i;
    }
    return -1;
}

int SubscriptionListModel::rowOfUid(quint64 uid) const
{
    for (int i = 0; i < m_entries.size(); ++i) {
        if (m_entries.at(i).uid == uid)
            return i;
    }
    return -1;
}

void SubscriptionListModel::setEnabled(int row, bool enabled)
{
    if (row < 0 || row >= m_entries.size() || m_entries.at(row).enabled == enabled)
        return;
    m_entries[row].enabled = enabled;
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
    rebuildTrie();
    emit enabledChanged(row, enabled);
    emit looksChanged();
    emit changed();
}

void SubscriptionListModel::setColour(int row, const QColor &colour)
{
    if (row < 0 || row >= m_entries.size() || !colour.isValid())
        return;
    m_entries[row].colour = colour.name();
    emit dataChanged(index(row, FilterColumn), index(row, FilterColumn));
    emit looksChanged();
    emit changed();
}

void SubscriptionListModel::setAlias(int row, const QString &alias)
{
    if (row < 0 || row >= m_entries.size())
        return;
    m_entries[row].alias = alias.trimmed();
    emit dataChanged(index(row, AliasColumn), index(row, AliasColumn));
    emit looksChanged();
    emit changed();
}

void SubscriptionListModel::setFormat(int row, PayloadFormat format)
{
    if (row < 0 || row >= m_entries.size())
        return;
    m_entries[row].format = format;
    emit dataChanged(index(row, FormatColumn), index(row, FormatColumn));
    emit looksChanged();
    emit changed();
}

void SubscriptionListModel::markPending(int row, quint64 token)
{
    if (row < 0 || row >= m_entries.size())
        return;
    SubscriptionEntry &e = m_entries[row];
    e.state = SubscriptionEntry::State::Pending;
    e.pendingToken = token;
    e.refusal.clear();
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

void SubscriptionListModel::setStoredId(int row, qint64 id)
{
    if (row >= 0 && row < m_entries.size())
        m_entries[row].storedId = id;
}

void SubscriptionListModel::markActive(int row)
{
    if (row < 0 || row >= m_entries.size())
        return;
    SubscriptionEntry &e = m_entries[row];
    e.state = SubscriptionEntry::State::Active;
    e.pendingToken = 0;
    e.refusal.clear();
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

void SubscriptionListModel::markInactive()
{
    for (SubscriptionEntry &e : m_entries) {
        if (e.state != SubscriptionEntry::State::Refused)
            e.state =
                e.enabled ? SubscriptionEntry::State::Inactive : SubscriptionEntry::State::Disabled;
        e.pendingToken = 0;
    }
    if (!m_entries.isEmpty())
        emit dataChanged(index(0, 0), index(int(m_entries.size()) - 1, ColumnCount - 1));
}

void SubscriptionListModel::markDisabled(int row)
{
    if (row < 0 || row >= m_entries.size())
        return;
    m_entries[row].state = SubscriptionEntry::State::Disabled;
    m_entries[row].grantedQos.reset();
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

void SubscriptionListModel::markRefused(int row, const QString &reason)
{
    if (row < 0 || row >= m_entries.size())
        return;
    m_entries[row].state = SubscriptionEntry::State::Refused;
    m_entries[row].refusal = reason;
    m_entries[row].pendingToken = 0;
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

void SubscriptionListModel::applySubscribeResult(const SubscribeResult &result)
{
    for (int i = 0; i < result.subscriptions.size(); ++i) {
        const QString &filter = result.subscriptions.at(i).filter;
        int row = -1;
        for (int r = 0; r < m_entries.size(); ++r) {
            const SubscriptionEntry &e = m_entries.at(r);
            if ((result.token != 0 && e.pendingToken == result.token) ||
                (result.token == 0 && e.subscription.filter == filter)) {
                if (e.subscription.filter == filter) {
                    row = r;
                    break;
                }
            }
        }
        // The session's own resubscribe does not revive a row the user switched off.
        if (row < 0 || !m_entries.at(row).enabled)
            continue;
        if (result.error) {
            markRefused(row, result.error->message);
            continue;
        }
        if (i >= result.reasonCodes.size())
            continue;
        const ReasonCode code = result.reasonCodes.at(i);
        SubscriptionEntry &e = m_entries[row];
        e.pendingToken = 0;
        if (quint8(code) >= 0x80) {
            markRefused(row, QStringLiteral("0x%1 %2")
                                 .arg(quint8(code), 2, 16, QLatin1Char('0'))
                                 .arg(reasonCodeText(code, PacketType::Suback)));
        } else {
            e.state = SubscriptionEntry::State::Active;
            e.grantedQos = int(quint8(code));
            e.refusal.clear();
            emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
        }
    }
}

void SubscriptionListModel::rebuildTrie()
{
    m_trie.clear();
    // Reverse order so that the first row wins when two rows share a filter.
    for (auto it = m_entries.crbegin(); it != m_entries.crend(); ++it) {
        if (it->enabled)
            m_trie.insert(it->subscription.filter, it->uid);
    }
}

QList<SubscriptionCounter::Filter> SubscriptionListModel::countedFilters() const
{
    QList<SubscriptionCounter::Filter> filters;
    filters.reserve(m_entries.size());
    for (const SubscriptionEntry &e : m_entries)
        filters.append(SubscriptionCounter::Filter{e.uid, e.subscription.filter});
    return filters;
}

void SubscriptionListModel::setCounts(const QHash<quint64, qint64> &counts)
{
    int first = -1;
    int last = -1;
    for (int row = 0; row < m_entries.size(); ++row) {
        SubscriptionEntry &e = m_entries[row];
        const auto it = counts.constFind(e.uid);
        if (it == counts.constEnd() || *it == e.messageCount)
            continue;
        e.messageCount = *it;
        if (first < 0)
            first = row;
        last = row;
    }
    if (first >= 0)
        emit dataChanged(index(first, CountColumn), index(last, CountColumn), {Qt::DisplayRole});
}

SubscriptionLook SubscriptionListModel::lookFor(const QString &topic) const
{
    int best = -1;
    m_trie.forEachMatch(topic, [this, &best](const QString &, quint64 uid) {
        const int row = rowOfUid(uid);
        if (row >= 0 && (best < 0 || row < best))
            best = row;
    });
    if (best < 0)
        return {};
    const SubscriptionEntry &e = m_entries.at(best);
    return SubscriptionLook{QColor::fromString(e.colour), e.alias, e.format};
}

QJsonArray SubscriptionListModel::toJson() const
{
    QJsonArray array;
    for (const SubscriptionEntry &e : m_entries) {
        QJsonObject o;
        o.insert(QStringLiteral("filter"), e.subscription.filter);
        o.insert(QStringLiteral("qos"), int(e.subscription.options.qos));
        SubscriptionRecord::writeOptions(e, o);
        o.insert(QStringLiteral("colour"), e.colour);
        o.insert(QStringLiteral("alias"), e.alias);
        o.insert(QStringLiteral("format"), payloadFormatKey(e.format));
        o.insert(QStringLiteral("enabled"), e.enabled);
        array.append(o);
    }
    return array;
}

void SubscriptionListModel::loadJson(const QJsonArray &array)
{
    QList<SubscriptionEntry> entries;
    for (const QJsonValue &v : array) {
        const QJsonObject o = v.toObject();
        SubscriptionEntry e;
        e.subscription.filter = o.value(QStringLiteral("filter")).toString();
        if (e.subscription.filter.isEmpty())
            continue;
        e.subscription.options.qos = QoS(qBound(0, o.value(QStringLiteral("qos")).toInt(), 2));
        SubscriptionRecord::readOptions(o, e);
        const QString colour = o.value(QStringLiteral("colour")).toString();
        e.colour = SubscriptionRecord::validColourName(colour) ? colour.toLower() : QString();
        e.alias = o.value(QStringLiteral("alias")).toString();
        e.format = payloadFormatFromKey(o.value(QStringLiteral("format")).toString())
                       .value_or(PayloadFormat::Auto);
        e.enabled = o.value(QStringLiteral("enabled")).toBool(true);
        entries.append(e);
    }
    loadEntries(entries);
}

void SubscriptionListModel::loadEntries(const QList<SubscriptionEntry> &entries)
{
    beginResetModel();
    m_entries.clear();
    for (const SubscriptionEntry &e : entries)
        m_entries.append(prepared(e));
    endResetModel();
    rebuildTrie();
    emit looksChanged();
}

void SubscriptionListModel::prependEntries(const QList<SubscriptionEntry> &entries)
{
    if (entries.isEmpty())
        return;
    beginInsertRows({}, 0, int(entries.size()) - 1);
    QList<SubscriptionEntry> rows;
    rows.reserve(entries.size() + m_entries.size());
    for (const SubscriptionEntry &e : entries)
        rows.append(prepared(e));
    rows.append(m_entries);
    m_entries = std::move(rows);
    endInsertRows();
    rebuildTrie();
    emit looksChanged();
}

SubscriptionEntry SubscriptionListModel::prepared(SubscriptionEntry e)
{
    e.uid = m_nextUid++;
    if (e.colour.isEmpty())
        e.colour = paletteColour(m_coloursUsed).name();
    ++m_coloursUsed;
    e.state = e.enabled ? SubscriptionEntry::State::Inactive : SubscriptionEntry::State::Disabled;
    e.grantedQos.reset();
    e.refusal.clear();
    e.pendingToken = 0;
    return e;
}

} // namespace mqttdesk
