#include "core/storage/fts_tail_matcher.h"

#include <QChar>

#include <algorithm>

namespace mqttdesk {

namespace {
bool isTokenCharacter(char32_t c)
{
    switch (QChar::category(c)) {
    case QChar::Letter_Uppercase:
    case QChar::Letter_Lowercase:
    case QChar::Letter_Titlecase:
    case QChar::Letter_Modifier:
    case QChar::Letter_Other:
    case QChar::Number_DecimalDigit:
    case QChar::Number_Letter:
    case QChar::Number_Other:
    case QChar::Other_PrivateUse:
        return true;
    default:
        return false;
    }
}

bool isAscii(QByteArrayView bytes)
{
    for (const char c : bytes) {
        if (uchar(c) >= 0x80)
            return false;
    }
    return true;
}

// Whether `needle` (lower-case ASCII letters and digits) occurs in `haystack` (ASCII) in any
// case. Folding with | 0x20 also lets a few control characters pass for digits: harmless in
// a test that only rejects.
bool containsFolded(QByteArrayView haystack, QByteArrayView needle)
{
    const qsizetype last = haystack.size() - needle.size();
    for (qsizetype i = 0; i <= last; ++i) {
        qsizetype k = 0;
        while (k < needle.size() && (haystack[i + k] | 0x20) == needle[k])
            ++k;
        if (k == needle.size())
            return true;
    }
    return false;
}

bool isMark(char32_t c)
{
    const QChar::Category category = QChar::category(c);
    return category == QChar::Mark_NonSpacing || category == QChar::Mark_SpacingCombining ||
           category == QChar::Mark_Enclosing;
}
} // namespace

FtsTailMatcher::FtsTailMatcher(const QString &queryText)
{
    const auto words = queryText.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    for (const QString &word : words) {
        QStringList phrase = tokens(word);
        if (!phrase.isEmpty())
            m_phrases << phrase;
    }
    for (const QStringList &phrase : std::as_const(m_phrases)) {
        for (const QString &token : phrase) {
            if (!std::all_of(token.cbegin(), token.cend(),
                             [](QChar c) { return c.unicode() < 0x80; })) {
                m_asciiOnly = false;
                m_asciiTokens.clear();
                return;
            }
            const QByteArray ascii = token.toLatin1();
            if (!m_asciiTokens.contains(ascii))
                m_asciiTokens << ascii;
        }
    }
}

QStringList FtsTailMatcher::tokens(const QString &text)
{
    // Decomposed, so that removing the marks removes the diacritics (unicode61 folds
    // "é" to "e"); the marks do not split a token.
    const QList<uint> codes = text.normalized(QString::NormalizationForm_D).toUcs4();
    QStringList result;
    QString current;
    for (const uint code : codes) {
        const char32_t c = code;
        if (isMark(c))
            continue;
        if (isTokenCharacter(c)) {
            const char32_t lower = QChar::toLower(c);
            if (QChar::requiresSurrogates(lower)) {
                current += QChar(QChar::highSurrogate(lower));
                current += QChar(QChar::lowSurrogate(lower));
            } else {
                current += QChar(char16_t(lower));
            }
        } else if (!current.isEmpty()) {
            result << current;
            current.clear();
        }
    }
    if (!current.isEmpty())
        result << current;
    return result;
}

bool FtsTailMatcher::matches(const QByteArray &utf8Payload) const
{
    if (m_phrases.isEmpty())
        return false;
    // An ASCII payload's tokens are its runs of ASCII letters and digits, lower-cased: each
    // query token must occur in it as it is, in any case.
    if (isAscii(utf8Payload)) {
        if (!m_asciiOnly)
            return false;
        for (const QByteArray &token : m_asciiTokens) {
            if (!containsFolded(utf8Payload, token))
                return false;
        }
    }
    const QStringList text = tokens(QString::fromUtf8(utf8Payload));
    for (const QStringList &phrase : m_phrases) {
        bool found = false;
        for (qsizetype start = 0; !found && start + phrase.size() <= text.size(); ++start) {
            found = true;
            for (qsizetype i = 0; i < phrase.size(); ++i) {
                if (text.at(start + i) != phrase.at(i)) {
                    found = false;
                    break;
                }
            }
        }
        if (!found)
            return false;
    }
    return true;
}

} // namespace mqttdesk
