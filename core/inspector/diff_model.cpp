#include "core/inspector/diff_model.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <climits>

namespace mqttdesk {

namespace {

QString elided(const QString &text)
{
    if (text.size() <= DiffModel::kMaxCellChars)
        return text;
    return text.left(DiffModel::kMaxCellChars) + u'…';
}

DiffModel::RowKind kindOf(JsonDiffEntry::Kind kind)
{
    switch (kind) {
    case JsonDiffEntry::Kind::Added:
        return DiffModel::RowKind::Added;
    case JsonDiffEntry::Kind::Removed:
        return DiffModel::RowKind::Removed;
    case JsonDiffEntry::Kind::Changed:
        break;
    }
    return DiffModel::RowKind::Changed;
}

DiffModel::RowKind kindOf(LineDiffRow::Kind kind)
{
    switch (kind) {
    case LineDiffRow::Kind::Same:
        return DiffModel::RowKind::Same;
    case LineDiffRow::Kind::Added:
        return DiffModel::RowKind::Added;
    case LineDiffRow::Kind::Removed:
        return DiffModel::RowKind::Removed;
    case LineDiffRow::Kind::Changed:
        break;
    }
    return DiffModel::RowKind::Changed;
}

QVariant rightAligned()
{
    return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
}

} // namespace

DiffModel::DiffModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void DiffModel::setResult(PayloadDiffResult result)
{
    beginResetModel();
    m_result = std::move(result);
    m_hasResult = true;
    endResetModel();
}

void DiffModel::clear()
{
    beginResetModel();
    m_result = {};
    m_hasResult = false;
    endResetModel();
}

QString DiffModel::kindName(RowKind kind)
{
    switch (kind) {
    case RowKind::Added:
        return tr("Added");
    case RowKind::Removed:
        return tr("Removed");
    case RowKind::Changed:
        return tr("Changed");
    case RowKind::Same:
        break;
    }
    return tr("Unchanged");
}

void DiffModel::retranslate()
{
    if (const int columns = columnCount(); columns > 0)
        emit headerDataChanged(Qt::Horizontal, 0, columns - 1);
}

int DiffModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid() || !m_hasResult)
        return 0;
    switch (m_result.mode) {
    case PayloadDiffMode::Structural:
        return int(m_result.json.entries.size());
    case PayloadDiffMode::Lines:
        return int(m_result.lines.rows.size());
    case PayloadDiffMode::Hex:
    case PayloadDiffMode::Auto:
        break;
    }
    return int(qMin<qsizetype>(m_result.hex.rowCount(), INT_MAX));
}

int DiffModel::columnCount(const QModelIndex &parent) const
{
    if (parent.isValid() || !m_hasResult)
        return 0;
    return m_result.mode == PayloadDiffMode::Lines ? 4 : 3;
}

int DiffModel::leftTextColumn() const
{
    return 1;
}

int DiffModel::rightTextColumn() const
{
    return m_result.mode == PayloadDiffMode::Lines ? 3 : 2;
}

DiffModel::RowKind DiffModel::rowKind(int row) const
{
    if (row < 0 || row >= rowCount())
        return RowKind::Same;
    switch (m_result.mode) {
    case PayloadDiffMode::Structural:
        return kindOf(m_result.json.entries.at(row).kind);
    case PayloadDiffMode::Lines:
        return kindOf(m_result.lines.rows.at(row).kind);
    case PayloadDiffMode::Hex:
    case PayloadDiffMode::Auto:
        break;
    }
    const HexDiffRow hexRow = m_result.hex.row(row);
    if (!hexRow.differs())
        return RowKind::Same;
    if (hexRow.left.isEmpty())
        return RowKind::Added;
    if (hexRow.right.isEmpty())
        return RowKind::Removed;
    return RowKind::Changed;
}

bool DiffModel::differs(int row) const
{
    if (m_result.mode == PayloadDiffMode::Hex)
        return m_result.hex.rowDiffers(row);
    return rowKind(row) != RowKind::Same;
}

int DiffModel::nextDifference(int row) const
{
    const int rows = rowCount();
    if (m_result.mode == PayloadDiffMode::Structural) // every row is a difference of its own
        return row + 1 < rows ? qMax(0, row + 1) : -1;
    if (m_result.mode == PayloadDiffMode::Hex) {
        const HexDiff &hex = m_result.hex;
        qsizetype from = qMax(0, row + 1);
        if (row >= 0 && hex.rowDiffers(row) && (from = hex.firstSame(row + 1)) < 0)
            return -1; // the run goes on to the end
        const qsizetype next = hex.firstDifference(from);
        return next >= 0 && next < rows ? int(next) : -1;
    }
    int r = qMax(0, row + 1);
    if (row >= 0 && differs(row))
        while (r < rows && differs(r))
            ++r;
    while (r < rows && !differs(r))
        ++r;
    return r < rows ? r : -1;
}

int DiffModel::previousDifference(int row) const
{
    const int rows = rowCount();
    row = qMin(row, rows);
    if (m_result.mode == PayloadDiffMode::Structural)
        return row - 1 >= 0 ? row - 1 : -1;
    if (m_result.mode == PayloadDiffMode::Hex) {
        const HexDiff &hex = m_result.hex;
        const qsizetype last = hex.lastDifference(row - 1);
        if (last < 0)
            return -1;
        return int(hex.lastSame(last - 1) + 1);
    }
    int r = row - 1;
    while (r >= 0 && !differs(r))
        --r;
    if (r < 0)
        return -1;
    while (r > 0 && differs(r - 1))
        --r;
    return r;
}

QVariant DiffModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    if (role == KindRole)
        return int(rowKind(index.row()));
    if (role == Qt::AccessibleDescriptionRole) // the tint, in words
        return kindName(rowKind(index.row()));
    switch (m_result.mode) {
    case PayloadDiffMode::Structural:
        return structuralData(index.row(), index.column(), role);
    case PayloadDiffMode::Lines:
        return linesData(index.row(), index.column(), role);
    case PayloadDiffMode::Hex:
    case PayloadDiffMode::Auto:
        break;
    }
    return hexData(index.row(), index.column(), role);
}

QVariant DiffModel::structuralData(int row, int column, int role) const
{
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    const JsonDiffEntry &entry = m_result.json.entries.at(row);
    switch (column) {
    case 0:
        return entry.path;
    case 1: // each side as sent, already bounded by the diff
        return elided(entry.leftText);
    default:
        return elided(entry.rightText);
    }
}

QVariant DiffModel::linesData(int row, int column, int role) const
{
    const LineDiffRow &line = m_result.lines.rows.at(row);
    const bool left = column < 2;
    const int number = left ? line.leftLine : line.rightLine;
    const bool isNumber = column == 0 || column == 2;
    if (role == Qt::TextAlignmentRole)
        return isNumber ? rightAligned() : QVariant();
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    if (number < 0)
        return QString();
    if (isNumber)
        return QString::number(number + 1);
    return elided((left ? m_result.leftLines : m_result.rightLines).at(number));
}

QVariant DiffModel::hexData(int row, int column, int role) const
{
    const HexDiff &hex = m_result.hex;
    if (column == 0) {
        if (role == Qt::TextAlignmentRole)
            return rightAligned();
        if (role != Qt::DisplayRole)
            return {};
        return QString::number(qint64(row) * hex.bytesPerRow(), 16).rightJustified(8, u'0');
    }
    const HexDiffRow hexRow = hex.row(row);
    const QByteArrayView bytes = column == 1 ? hexRow.left : hexRow.right;
    switch (role) {
    case Qt::DisplayRole:
        return hexCellText(bytes, hex.bytesPerRow());
    case ByteMaskRole:
        return qulonglong(hexRow.mask);
    case ByteCountRole:
        return int(bytes.size());
    case BytesPerRowRole:
        return hex.bytesPerRow();
    default:
        return {};
    }
}

QVariant DiffModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 ||
        section >= columnCount())
        return QAbstractTableModel::headerData(section, orientation, role);
    // Translated on every call, so a language switch shows once the view asks again.
    switch (m_result.mode) {
    case PayloadDiffMode::Structural:
        if (section == 0)
            return tr("Path");
        break;
    case PayloadDiffMode::Lines:
        if (section == 0 || section == 2)
            return tr("Line");
        return section == 1 ? tr("Left") : tr("Right");
    case PayloadDiffMode::Hex:
    case PayloadDiffMode::Auto:
        if (section == 0)
            return tr("Offset");
        break;
    }
    return section == 1 ? tr("Left") : tr("Right");
}

int DiffModel::hexColumn(int byte, int bytesPerRow)
{
    return 3 * byte + (bytesPerRow > 8 && byte >= bytesPerRow / 2 ? 1 : 0);
}

int DiffModel::asciiColumn(int byte, int bytesPerRow)
{
    // The hex part of a full row, then " |".
    return hexColumn(bytesPerRow - 1, bytesPerRow) + 2 + 2 + byte;
}

QString DiffModel::hexCellText(QByteArrayView bytes, int bytesPerRow)
{
    if (bytes.isEmpty())
        return QString();
    static constexpr char digits[] = "0123456789abcdef";
    const int ascii = asciiColumn(0, bytesPerRow);
    QString text(ascii + bytes.size() + 1, u' ');
    QChar *out = text.data();
    for (qsizetype i = 0; i < bytes.size(); ++i) {
        const auto byte = uchar(bytes[i]);
        const int at = hexColumn(int(i), bytesPerRow);
        out[at] = QLatin1Char(digits[byte >> 4]);
        out[at + 1] = QLatin1Char(digits[byte & 0xf]);
        out[ascii + i] = byte >= 0x20 && byte < 0x7f ? QChar(char16_t(byte)) : QChar(u'.');
    }
    out[ascii - 1] = u'|';
    out[ascii + bytes.size()] = u'|';
    return text;
}

QString DiffModel::jsonText(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Undefined:
        return QString();
    case QJsonValue::Object:
        return elided(
            QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact)));
    case QJsonValue::Array:
        return elided(
            QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact)));
    default: {
        // A scalar is written inside an array, then unwrapped: "1" stays quoted, 1 does not.
        const QByteArray wrapped = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
        return elided(QString::fromUtf8(wrapped.mid(1, wrapped.size() - 2)));
    }
    }
}

} // namespace mqttdesk
