#include "core/protocol/topic.h"

#include "core/protocol/utf8_length.h"

#include <QCoreApplication>

namespace mqttdesk {

namespace {

constexpr QStringView kSharePrefix = u"$share/";

// The checks names and filters share: length, U+0000, encodability [MQTT-4.7.3-1..3].
std::optional<TopicError> validateCommon(QStringView text)
{
    if (text.isEmpty())
        return TopicError{TopicErrorCode::Empty, -1};
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char16_t c = text[i].unicode();
        if (c == 0)
            return TopicError{TopicErrorCode::NullCharacter, i};
        if (QChar::isHighSurrogate(c)) {
            if (i + 1 >= text.size() || !QChar::isLowSurrogate(text[i + 1].unicode()))
                return TopicError{TopicErrorCode::InvalidUtf16, i};
            ++i;
        } else if (QChar::isLowSurrogate(c)) {
            return TopicError{TopicErrorCode::InvalidUtf16, i};
        }
    }
    if (utf8ByteCount(text) > Topic::kMaximumUtf8Length)
        return TopicError{TopicErrorCode::TooLong, -1};
    return std::nullopt;
}

// Wildcard placement inside a (non-shared) filter; `offset` maps positions back to the input.
std::optional<TopicError> validateWildcards(QStringView filter, qsizetype offset)
{
    const qsizetype size = filter.size();
    for (qsizetype i = 0; i < size; ++i) {
        const QChar c = filter[i];
        const bool levelStart = i == 0 || filter[i - 1] == u'/';
        const bool levelEnd = i + 1 == size || filter[i + 1] == u'/';
        if (c == u'#') {
            if (!levelStart || !levelEnd)
                return TopicError{TopicErrorCode::MultiLevelNotAlone, offset + i};
            if (i + 1 != size)
                return TopicError{TopicErrorCode::MultiLevelNotLast, offset + i};
        } else if (c == u'+') {
            if (!levelStart || !levelEnd)
                return TopicError{TopicErrorCode::SingleLevelNotAlone, offset + i};
        }
    }
    return std::nullopt;
}

// The end of the level starting at `from`: the index of the next '/' or the size.
qsizetype levelEnd(QStringView text, qsizetype from)
{
    const qsizetype slash = text.indexOf(u'/', from);
    return slash < 0 ? text.size() : slash;
}

} // namespace

QString TopicError::message() const
{
    switch (code) {
    case TopicErrorCode::Empty:
        return QCoreApplication::translate("Topic", "The topic is empty. Enter at least one "
                                                    "character.");
    case TopicErrorCode::TooLong:
        return QCoreApplication::translate("Topic", "The topic is longer than 65,535 bytes in "
                                                    "UTF-8. Shorten it.");
    case TopicErrorCode::NullCharacter:
        return QCoreApplication::translate("Topic", "The topic contains a null character "
                                                    "(U+0000), which MQTT does not allow.");
    case TopicErrorCode::InvalidUtf16:
        return QCoreApplication::translate("Topic", "The topic contains an unpaired surrogate "
                                                    "and cannot be encoded as UTF-8.");
    case TopicErrorCode::WildcardInName:
        return QCoreApplication::translate("Topic", "A topic to publish to cannot contain the "
                                                    "wildcards '+' or '#'.");
    case TopicErrorCode::MultiLevelNotLast:
        return QCoreApplication::translate("Topic", "The wildcard '#' must be the last level of "
                                                    "the filter, as in \"sport/#\".");
    case TopicErrorCode::MultiLevelNotAlone:
        return QCoreApplication::translate("Topic", "The wildcard '#' must fill a whole level, "
                                                    "as in \"sport/#\", not \"sport#\".");
    case TopicErrorCode::SingleLevelNotAlone:
        return QCoreApplication::translate("Topic", "The wildcard '+' must fill a whole level, "
                                                    "as in \"sport/+/player\", not "
                                                    "\"sport+\".");
    case TopicErrorCode::EmptyShareName:
        return QCoreApplication::translate("Topic", "A shared subscription needs a share name: "
                                                    "\"$share/{name}/{filter}\".");
    case TopicErrorCode::InvalidShareName:
        return QCoreApplication::translate("Topic", "The share name of a shared subscription "
                                                    "cannot contain '+' or '#'.");
    case TopicErrorCode::MissingSharedFilter:
        return QCoreApplication::translate("Topic", "A shared subscription needs a filter after "
                                                    "its share name: "
                                                    "\"$share/{name}/{filter}\".");
    }
    return QString();
}

std::optional<TopicError> Topic::validateName(QStringView name)
{
    if (auto error = validateCommon(name))
        return error;
    for (qsizetype i = 0; i < name.size(); ++i) {
        if (name[i] == u'+' || name[i] == u'#')
            return TopicError{TopicErrorCode::WildcardInName, i};
    }
    return std::nullopt;
}

std::optional<TopicError> Topic::validateFilter(QStringView filter)
{
    if (auto error = validateCommon(filter))
        return error;
    if (!isShared(filter))
        return validateWildcards(filter, 0);

    // "$share/" ShareName "/" filter [MQTT-4.8.2-1, MQTT-4.8.2-2]
    const qsizetype nameStart = kSharePrefix.size();
    const qsizetype nameEnd = levelEnd(filter, nameStart);
    if (nameEnd == nameStart)
        return TopicError{TopicErrorCode::EmptyShareName, nameStart};
    for (qsizetype i = nameStart; i < nameEnd; ++i) {
        if (filter[i] == u'+' || filter[i] == u'#')
            return TopicError{TopicErrorCode::InvalidShareName, i};
    }
    if (nameEnd + 1 >= filter.size())
        return TopicError{TopicErrorCode::MissingSharedFilter, filter.size()};
    return validateWildcards(filter.sliced(nameEnd + 1), nameEnd + 1);
}

bool Topic::isShared(QStringView filter)
{
    return filter.startsWith(kSharePrefix);
}

std::optional<SharedSubscription> Topic::parseShared(QStringView filter)
{
    if (!isShared(filter) || validateFilter(filter))
        return std::nullopt;
    const qsizetype nameEnd = levelEnd(filter, kSharePrefix.size());
    return SharedSubscription{
        filter.sliced(kSharePrefix.size(), nameEnd - kSharePrefix.size()).toString(),
        filter.sliced(nameEnd + 1).toString()};
}

QStringView Topic::matchingFilter(QStringView filter)
{
    if (!isShared(filter))
        return filter;
    const qsizetype nameEnd = levelEnd(filter, kSharePrefix.size());
    if (nameEnd >= filter.size())
        return QStringView();
    return filter.sliced(nameEnd + 1);
}

bool Topic::hasWildcards(QStringView filter)
{
    for (const QChar c : filter) {
        if (c == u'+' || c == u'#')
            return true;
    }
    return false;
}

bool Topic::matches(QStringView filter, QStringView name)
{
    filter = matchingFilter(filter);
    if (filter.isEmpty() || name.isEmpty())
        return false;
    // [MQTT-4.7.2-1] "$SYS/..." is not matched by "#" or "+/...".
    if (name.front() == u'$' && (filter.front() == u'+' || filter.front() == u'#'))
        return false;

    qsizetype fi = 0;
    qsizetype ni = 0;
    bool nameDone = false; // every level of the name has been consumed
    for (;;) {
        const qsizetype fe = levelEnd(filter, fi);
        const QStringView level = filter.sliced(fi, fe - fi);
        // '#' matches the parent level and any number of child levels [MQTT-4.7.1-1].
        if (level == u"#")
            return true;
        if (nameDone)
            return false;
        const qsizetype ne = levelEnd(name, ni);
        if (level != u"+" && level != name.sliced(ni, ne - ni))
            return false;
        const bool filterLast = fe == filter.size();
        const bool nameLast = ne == name.size();
        if (filterLast)
            return nameLast;
        fi = fe + 1;
        if (nameLast)
            nameDone = true;
        else
            ni = ne + 1;
    }
}

qsizetype Topic::utf8Length(QStringView text)
{
    return utf8ByteCount(text);
}

} // namespace mqttdesk
