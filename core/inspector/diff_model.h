#pragma once

#include "core/inspector/payload_diff.h"

#include <QAbstractTableModel>

namespace mqttdesk {

// A PayloadDiffResult side by side, as a table:
//   Structural: Path | Left | Right (values as compact JSON)
//   Lines:      Line | Left | Line | Right
//   Hex:        Offset | Left (hex and ASCII) | Right (hex and ASCII)
// Virtual: every cell is made when asked for, from the result, so a 100 MB hex diff is
// millions of rows that cost nothing until shown. Colours are the view's business (QtCore
// only here): KindRole says how a row differs, ByteMaskRole which bytes of a hex row do.
class DiffModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum class RowKind
    {
        Same,
        Added,   // only on the right
        Removed, // only on the left
        Changed,
    };
    Q_ENUM(RowKind)

    enum Role
    {
        KindRole = Qt::UserRole + 1, // int(RowKind), on every cell of the row
        // Hex mode, the Left and Right columns only (invalid elsewhere):
        ByteMaskRole,    // qulonglong: bit i set when the row's byte i differs
        ByteCountRole,   // int: bytes this side has in the row
        BytesPerRowRole, // int
    };

    // Characters cut off a long value or line (minified JSON on one line can be megabytes);
    // the cell ends with an ellipsis.
    static constexpr qsizetype kMaxCellChars = 2000;

    explicit DiffModel(QObject *parent = nullptr);

    void setResult(PayloadDiffResult result);
    void clear();
    bool hasResult() const { return m_hasResult; }
    const PayloadDiffResult &result() const { return m_result; }
    PayloadDiffMode mode() const { return m_hasResult ? m_result.mode : PayloadDiffMode::Auto; }

    RowKind rowKind(int row) const;
    // Translated, for screen readers (Qt::AccessibleDescriptionRole of every cell).
    static QString kindName(RowKind kind);
    // The first row of the next run of differing rows after `row` (-1 for the first run);
    // -1 when there is none.
    int nextDifference(int row) const;
    // The first row of the run before `row` (of its own run when `row` is inside one; pass
    // rowCount() to start from the end); -1 when there is none.
    int previousDifference(int row) const;
    // The column holding the row's left / right text (where a view scrolls to).
    int leftTextColumn() const;
    int rightTextColumn() const;

    // Hex cell layout, for delegates marking bytes: "xx xx … xx |ascii|", with one more
    // space between the halves of a row wider than 8 bytes.
    static int hexColumn(int byte, int bytesPerRow);
    static int asciiColumn(int byte, int bytesPerRow);
    static QString hexCellText(QByteArrayView bytes, int bytesPerRow);
    // A JSON value as compact JSON text ("" for Undefined), at most kMaxCellChars.
    static QString jsonText(const QJsonValue &value);

    // After a language change: the headers in the new language.
    void retranslate();

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    bool differs(int row) const;
    QVariant structuralData(int row, int column, int role) const;
    QVariant linesData(int row, int column, int role) const;
    QVariant hexData(int row, int column, int role) const;

    PayloadDiffResult m_result;
    bool m_hasResult = false;
};

} // namespace mqttdesk
