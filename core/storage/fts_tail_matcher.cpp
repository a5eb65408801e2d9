#include "core/storage/fts_tail_matcher.h"

#include "core/storage/database_connection.h"

#include <QSqlDatabase>
#include <QSqlDriver>
#include <QVariant>

#include <sqlite3.h>

#include <algorithm>

namespace mqttdesk {

namespace {

bool isAscii(QByteArrayView bytes)
{
    return std::all_of(bytes.begin(), bytes.end(), [](char c) { return uchar(c) < 0x80; });
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

fts5_api *fts5Api(sqlite3 *db)
{
    // The documented way to reach the FTS5 C API of a connection (SQLite >= 3.20).
    fts5_api *api = nullptr;
    sqlite3_stmt *statement = nullptr;
    if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &statement, nullptr) == SQLITE_OK) {
        sqlite3_bind_pointer(statement, 1, static_cast<void *>(&api), "fts5_api_ptr", nullptr);
        sqlite3_step(statement);
    }
    sqlite3_finalize(statement);
    return api;
}

struct Collector
{
    QByteArray *bytes;
    QList<std::pair<qsizetype, qsizetype>> *spans;
};

int collectToken(void *context, int flags, const char *token, int size, int, int)
{
    if (flags & FTS5_TOKEN_COLOCATED)
        return SQLITE_OK; // a synonym at the same place (unicode61 makes none)
    auto *collector = static_cast<Collector *>(context);
    collector->spans->append({collector->bytes->size(), qsizetype(size)});
    collector->bytes->append(token, size);
    return SQLITE_OK;
}

} // namespace

// The unicode61 tokenizer with its default options, as message_fts was created with.
struct FtsTailMatcher::Tokenizer
{
    fts5_tokenizer methods{};
    Fts5Tokenizer *instance = nullptr;

    ~Tokenizer()
    {
        if (instance)
            methods.xDelete(instance);
    }
};

FtsTailMatcher::FtsTailMatcher(const DatabaseConnection &connection, const QString &queryText)
    : m_path(connection.path())
{
    const auto fail = [&](const QString &detail) {
        m_error = StorageError::make(StorageError::Kind::QueryFailed, connection.path(), detail);
        m_tokenizer.reset();
    };
    const QVariant handle = connection.database().driver()->handle();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0) {
        fail(QStringLiteral("QSQLITE driver handle is not sqlite3*"));
        return;
    }
    fts5_api *api = fts5Api(*static_cast<sqlite3 *const *>(handle.constData()));
    if (!api) {
        fail(QStringLiteral("FTS5 is not available"));
        return;
    }
    m_tokenizer = std::make_unique<Tokenizer>();
    void *userData = nullptr;
    if (api->xFindTokenizer(api, "unicode61", &userData, &m_tokenizer->methods) != SQLITE_OK ||
        m_tokenizer->methods.xCreate(userData, nullptr, 0, &m_tokenizer->instance) != SQLITE_OK) {
        fail(QStringLiteral("the FTS5 tokenizer unicode61 is not available"));
        return;
    }

    const auto words = queryText.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    for (const QString &word : words) {
        if (!tokenize(word.toUtf8(), true)) {
            fail(QStringLiteral("the FTS5 tokenizer failed"));
            return;
        }
        QList<QByteArray> phrase;
        for (const auto &[offset, size] : std::as_const(m_scratch))
            phrase << m_scratchBytes.mid(offset, size);
        if (!phrase.isEmpty())
            m_phrases << phrase;
    }
    for (const QList<QByteArray> &phrase : std::as_const(m_phrases)) {
        for (const QByteArray &token : phrase) {
            if (!isAscii(token)) {
                m_asciiOnly = false;
                m_asciiTokens.clear();
                return;
            }
            if (!m_asciiTokens.contains(token))
                m_asciiTokens << token;
        }
    }
}

FtsTailMatcher::~FtsTailMatcher() = default;

bool FtsTailMatcher::tokenize(QByteArrayView utf8Text, bool query) const
{
    m_scratchBytes.clear();
    m_scratch.clear();
    if (!m_tokenizer)
        return false;
    Collector collector{&m_scratchBytes, &m_scratch};
    return m_tokenizer->methods.xTokenize(
               m_tokenizer->instance, &collector,
               query ? FTS5_TOKENIZE_QUERY : FTS5_TOKENIZE_DOCUMENT, utf8Text.data(),
               int(qMin<qsizetype>(utf8Text.size(), INT_MAX)), collectToken) == SQLITE_OK;
}

QList<QByteArray> FtsTailMatcher::tokens(QByteArrayView utf8Text) const
{
    QList<QByteArray> out;
    if (!tokenize(utf8Text, false))
        return out;
    for (const auto &[offset, size] : std::as_const(m_scratch))
        out << m_scratchBytes.mid(offset, size);
    return out;
}

bool FtsTailMatcher::matches(QByteArrayView utf8Payload) const
{
    if (m_phrases.isEmpty() || !m_tokenizer)
        return false;
    // unicode61 makes an ASCII text's tokens of its runs of ASCII letters and digits,
    // lower-cased: each query token must occur in it as it is, in any case.
    if (isAscii(utf8Payload)) {
        if (!m_asciiOnly)
            return false;
        for (const QByteArray &token : m_asciiTokens) {
            if (!containsFolded(utf8Payload, token))
                return false;
        }
    }
    if (!tokenize(utf8Payload, false)) {
        m_error = StorageError::make(StorageError::Kind::QueryFailed, m_path,
                                     QStringLiteral("the FTS5 tokenizer failed"));
        return false;
    }
    const auto tokenAt = [this](qsizetype i) {
        return QByteArrayView(m_scratchBytes).sliced(m_scratch.at(i).first, m_scratch.at(i).second);
    };
    for (const QList<QByteArray> &phrase : m_phrases) {
        bool found = false;
        for (qsizetype start = 0; !found && start + phrase.size() <= m_scratch.size(); ++start) {
            found = true;
            for (qsizetype i = 0; i < phrase.size(); ++i) {
                if (tokenAt(start + i) != phrase.at(i)) {
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
