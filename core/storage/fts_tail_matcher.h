#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace mqttdesk {

// The full-text query of a MessageFilter evaluated directly on a payload, for the rows the
// background indexer has not reached yet (MessageIndexer). It mirrors what message_fts does
// with the same query: the text is split on spaces into words, each word is a phrase of
// tokens that must occur consecutively, every phrase must occur (a phrase without tokens is
// ignored, and a query of only such phrases matches nothing). Tokens follow FTS5's default
// unicode61 tokenizer: runs of letters, digits and private-use characters, lower-cased,
// diacritics removed. An ASCII payload (most of them) lacking any query token, in any case,
// is rejected without being tokenized: a search over a backlog of ~475,000 rows mostly
// reads payloads that do not match.
class FtsTailMatcher
{
public:
    explicit FtsTailMatcher(const QString &queryText);

    bool isEmpty() const { return m_phrases.isEmpty(); }
    bool matches(const QByteArray &utf8Payload) const;

    static QStringList tokens(const QString &text);

private:
    QList<QStringList> m_phrases;
    // Every query token as lower-case ASCII; empty when one is not ASCII (then no ASCII
    // payload can match).
    QList<QByteArray> m_asciiTokens;
    bool m_asciiOnly = true;
};

} // namespace mqttdesk
