#include "core/retained/retained_diff_model.h"

#include <QStringDecoder>

namespace mqttdesk {

namespace {

// A cell shows the start of a payload on one line; the detail view shows all of it.
constexpr qsizetype PreviewChars = 160;

QString oneLine(const QString &text)
{
    QString line = text.left(PreviewChars + 1).simplified();
    if (text.size() > PreviewChars)
        line = line.left(PreviewChars) + QChar(0x2026);
    return line;
}

} // namespace

RetainedDiffModel::RetainedDiffModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void RetainedDiffModel::setDiff(const RetainedDiff &diff)
{
    beginResetModel();
    m_diff = diff;
    endResetModel();
}

void RetainedDiffModel::clear()
{
    setDiff({});
}

int RetainedDiffModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_diff.changes.size());
}

int RetainedDiffModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString RetainedDiffModel::kindText(RetainedChange::Kind kind)
{
    switch (kind) {
    case RetainedChange::Kind::Added:
        return tr("added");
    case RetainedChange::Kind::Removed:
        return tr("removed");
    case RetainedChange::Kind::Changed:
        return tr("changed");
    }
    return {};
}

QString RetainedDiffModel::valueText(const std::optional<RetainedValue> &value)
{
    if (!value)
        return {};
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString text = decoder(value->payload);
    if (!decoder.hasError())
        return text;
    return QStringLiteral("base64:") + QString::fromLatin1(value->payload.toBase64());
}

QVariant RetainedDiffModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const RetainedChange &change = m_diff.changes.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        switch (index.column()) {
        case TopicColumn:
            return change.topic;
        case ChangeColumn:
            return kindText(change.kind);
        case BeforeColumn:
            return role == Qt::ToolTipRole ? QVariant()
                                           : QVariant(oneLine(valueText(change.before)));
        case AfterColumn:
            return role == Qt::ToolTipRole ? QVariant()
                                           : QVariant(oneLine(valueText(change.after)));
        case DetailsColumn:
            return role == Qt::ToolTipRole ? change.details.join(QLatin1Char('\n'))
                                           : oneLine(change.details.join(QStringLiteral("; ")));
        }
        return {};
    case KindRole:
        return int(change.kind);
    case DetailsRole:
        return change.details;
    case BeforeTextRole:
        return valueText(change.before);
    case AfterTextRole:
        return valueText(change.after);
    }
    return {};
}

QVariant RetainedDiffModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TopicColumn:
        return tr("Topic");
    case ChangeColumn:
        return tr("Change");
    case BeforeColumn:
        return tr("A (before)");
    case AfterColumn:
        return tr("B (after)");
    case DetailsColumn:
        return tr("Details");
    }
    return {};
}

QString RetainedDiffModel::summary() const
{
    if (m_diff.isEqual())
        return tr("No differences; unchanged: %1.").arg(m_diff.unchanged);
    return tr("Added: %1, removed: %2, changed: %3; unchanged: %4.")
        .arg(m_diff.count(RetainedChange::Kind::Added))
        .arg(m_diff.count(RetainedChange::Kind::Removed))
        .arg(m_diff.count(RetainedChange::Kind::Changed))
        .arg(m_diff.unchanged);
}

} // namespace mqttdesk
