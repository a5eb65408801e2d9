#pragma once

#include "core/storage/storage_error.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>

#include <memory>

namespace mqttdesk {

class DatabaseConnection;

// The full-text query of a MessageFilter evaluated directly on a payload, for the rows the
// background indexer has not reached yet (MessageIndexer), so that a search finds exactly
// what message_fts would: the payloads are split into tokens by message_fts's own tokenizer
// (FTS5's unicode61, from the connection's fts5_api), with its folding of case and accents
// and its idea of what a letter is. The text is split on spaces into words, each word is a
// phrase of tokens that must occur consecutively, every phrase must occur (a phrase without
// tokens is ignored, and a query of only such phrases matches nothing).
//
// An ASCII payload (most of them) lacking any query token, in any case, is rejected without
// being tokenized: a search over a backlog of ~475,000 rows mostly reads payloads that do not
// match. Lives on the connection's thread.
class FtsTailMatcher
{
public:
    FtsTailMatcher(const DatabaseConnection &connection, const QString &queryText);
    ~FtsTailMatcher();
    FtsTailMatcher(const FtsTailMatcher &) = delete;
    FtsTailMatcher &operator=(const FtsTailMatcher &) = delete;

    // Why the tokenizer could not be had or failed (then nothing matches).
    const StorageError &error() const { return m_error; }
    bool isEmpty() const { return m_phrases.isEmpty(); }
    bool matches(QByteArrayView utf8Payload) const;
    // The tokens of `utf8Text` as message_fts indexes them (folded, UTF-8).
    QList<QByteArray> tokens(QByteArrayView utf8Text) const;

private:
    struct Tokenizer;
    // Splits `utf8Text` into m_scratch (the spans index into m_scratchBytes).
    bool tokenize(QByteArrayView utf8Text, bool query) const;

    QString m_path;
    std::unique_ptr<Tokenizer> m_tokenizer;
    mutable StorageError m_error;
    QList<QList<QByteArray>> m_phrases;
    // Every query token, when all are ASCII (lower-case letters and digits then).
    QList<QByteArray> m_asciiTokens;
    bool m_asciiOnly = true;
    // The last tokenized text, reused from payload to payload.
    mutable QByteArray m_scratchBytes;
    mutable QList<std::pair<qsizetype, qsizetype>> m_scratch;
};

} // namespace mqttdesk
