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
// diacritics removed.
class FtsTailMatcher
{
public:
    explicit FtsTailMatcher(const QString &queryText);

    bool isEmpty() const { return m_phrases.isEmpty(); }
    bool matches(const QByteArray &utf8Payload) const;

    static QStringList tokens(const QString &text);

private:
    QList<QStringList> m_phrases;
};

} // namespace mqttdesk
