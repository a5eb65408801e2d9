#include "app/cli/format_template.h"

#include <QCoreApplication>

namespace mqttdesk {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("cli", text);
}

// The fields of mosquitto_sub 2.0's -F (%% is folded into the literal text).
constexpr char kFields[] = "ACDEFIJPRSUXjlmpqrtx";

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

std::optional<char> escaped(char e)
{
    switch (e) {
    case '\\':
        return '\\';
    case '0':
        return '\0';
    case 'a':
        return '\a';
    case 'e':
        return '\x1b';
    case 'n':
        return '\n';
    case 'r':
        return '\r';
    case 't':
        return '\t';
    case 'v':
        return '\v';
    default:
        return std::nullopt;
    }
}

QString incomplete(QByteArrayView sequence)
{
    return tr("the format ends in the middle of '%1'.").arg(QString::fromUtf8(sequence));
}

} // namespace

void FormatTemplate::addLiteral(char c)
{
    if (m_pieces.isEmpty() || m_pieces.constLast().kind != Kind::Literal)
        m_pieces.append(Piece{Kind::Literal, 0, false, ' ', 0, -1, m_literals.size(), 0});
    m_literals.append(c);
    ++m_pieces.last().size;
}

std::optional<FormatTemplate> FormatTemplate::parse(const QString &format, QString *why)
{
    const QByteArray f = format.toUtf8();
    const qsizetype n = f.size();
    FormatTemplate t;
    for (qsizetype i = 0; i < n; ++i) {
        const char c = f.at(i);
        if (c == '%') {
            // %[-][0][width][.precision]field, the order mosquitto_sub reads them in.
            Piece p;
            p.kind = Kind::Field;
            qsizetype j = i + 1;
            if (j < n && f.at(j) == '-') {
                p.leftAlign = true;
                ++j;
            }
            if (j < n && f.at(j) == '0') {
                p.pad = '0';
                ++j;
            }
            bool tooWide = false;
            for (; j < n && isDigit(f.at(j)); ++j) {
                p.width = p.width * 10 + (f.at(j) - '0');
                tooWide = tooWide || p.width > kMaxWidth;
                p.width = qMin(p.width, kMaxWidth + 1);
            }
            if (j < n && f.at(j) == '.') {
                p.precision = 0;
                for (++j; j < n && isDigit(f.at(j)); ++j) {
                    p.precision = p.precision * 10 + (f.at(j) - '0');
                    tooWide = tooWide || p.precision > kMaxWidth;
                    p.precision = qMin(p.precision, kMaxWidth + 1);
                }
            }
            if (j == n) {
                *why = incomplete(QByteArrayView(f).sliced(i));
                return std::nullopt;
            }
            const QByteArrayView sequence = QByteArrayView(f).sliced(i, j - i + 1);
            p.code = f.at(j);
            i = j;
            if (p.code == '%') {
                t.addLiteral('%');
                continue;
            }
            if (!QByteArrayView(kFields).contains(p.code)) {
                *why = tr("unknown field '%1' (sub --help lists them).")
                           .arg(QString::fromUtf8(sequence));
                return std::nullopt;
            }
            if (tooWide) {
                *why = tr("the width or precision of '%1' is more than %2.")
                           .arg(QString::fromUtf8(sequence))
                           .arg(kMaxWidth);
                return std::nullopt;
            }
            t.m_usesTime = t.m_usesTime || QByteArrayView("IUjJ").contains(p.code);
            t.m_pieces.append(p);
        } else if (c == '@') {
            // @X is strftime's %X; only the one character after the @ belongs to it.
            if (i + 1 == n) {
                *why = incomplete("@");
                return std::nullopt;
            }
            const char code = f.at(++i);
            if (code == '@') {
                t.addLiteral('@');
                continue;
            }
            Piece p;
            p.kind = Kind::Time;
            p.code = code;
            t.m_usesTime = true;
            t.m_pieces.append(p);
        } else if (c == '\\') {
            if (i + 1 == n) {
                *why = incomplete("\\");
                return std::nullopt;
            }
            const std::optional<char> e = escaped(f.at(++i));
            if (!e) {
                *why = tr("unknown escape '%1' (use \\\\ \\0 \\a \\e \\n \\r \\t or \\v).")
                           .arg(QString::fromUtf8(QByteArrayView(f).sliced(i - 1, 2)));
                return std::nullopt;
            }
            t.addLiteral(*e);
        } else {
            t.addLiteral(c);
        }
    }
    return t;
}

} // namespace mqttdesk
