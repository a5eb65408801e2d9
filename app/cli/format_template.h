#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>
#include <QtGlobal>

#include <optional>

namespace mqttdesk {

// A sub -F format, read once before connecting: runs of literal bytes (escapes, %% and @@
// already resolved) and the fields between them with mosquitto_sub's flags, field width
// and precision. What it accepts is what mosquitto_sub 2.0 accepts: an unknown field or
// escape, or one cut off by the end of the format, is an error.
class FormatTemplate
{
public:
    enum class Kind : quint8
    {
        Literal,
        Field, // %X
        Time,  // @X
    };

    struct Piece
    {
        Kind kind = Kind::Literal;
        char code = 0;          // Field: the letter after %; Time: the character after @
        bool leftAlign = false; // the '-' flag
        char pad = ' ';         // '0' with the '0' flag
        int width = 0;          // 0: none
        int precision = -1;     // -1: none
        qsizetype offset = 0;   // Literal: its bytes in literals()
        qsizetype size = 0;
    };

    // The largest field width or precision taken (mosquitto_sub's int would overflow).
    static constexpr int kMaxWidth = 65535;

    // `format` as given to -F. Returns nullopt and sets `why` when mosquitto_sub would
    // refuse it.
    static std::optional<FormatTemplate> parse(const QString &format, QString *why);

    const QList<Piece> &pieces() const { return m_pieces; }
    QByteArrayView literal(const Piece &piece) const
    {
        return QByteArrayView(m_literals).sliced(piece.offset, piece.size);
    }
    // A field needs the local time of the message: @X, %I, %U, %j, %J.
    bool usesTime() const { return m_usesTime; }

private:
    void addLiteral(char c);

    QList<Piece> m_pieces;
    QByteArray m_literals;
    bool m_usesTime = false;
};

} // namespace mqttdesk
