#pragma once

#include <QString>
#include <QStringView>
#include <QtGlobal>

#include <optional>

namespace mqttdesk {

// Why a topic name or topic filter was refused.
enum class TopicErrorCode : quint8
{
    Empty,               // [MQTT-4.7.3-1]
    TooLong,             // more than 65,535 UTF-8 bytes [MQTT-4.7.3-3]
    NullCharacter,       // U+0000 [MQTT-4.7.3-2]
    InvalidUtf16,        // lone surrogate: cannot be encoded as UTF-8 [MQTT-1.5.4-1]
    WildcardInName,      // '+' or '#' in a topic name [MQTT-4.7.0-1]
    MultiLevelNotLast,   // '#' followed by more characters [MQTT-4.7.1-1]
    MultiLevelNotAlone,  // '#' shares its level with other characters [MQTT-4.7.1-1]
    SingleLevelNotAlone, // '+' shares its level with other characters [MQTT-4.7.1-2]
    EmptyShareName,      // "$share//..." or "$share/" [MQTT-4.8.2-1]
    InvalidShareName,    // ShareName holds '+' or '#' [MQTT-4.8.2-2]
    MissingSharedFilter, // "$share/group" without "/filter" [MQTT-4.8.2-2]
};

// A refused topic name or filter. `position` is the UTF-16 index in the input of the offending
// character (or -1 when the whole input is at fault), so a UI can put the caret there.
struct TopicError
{
    TopicErrorCode code = TopicErrorCode::Empty;
    qsizetype position = -1;

    // A translated sentence saying what is wrong and how to fix it.
    QString message() const;

    friend bool operator==(const TopicError &, const TopicError &) = default;
};

// "$share/{ShareName}/{filter}" split in two [MQTT-4.8.2].
struct SharedSubscription
{
    QString shareName;
    QString filter;
};

// Topic names and topic filters (MQTT 5.0 section 4.7, shared subscriptions 4.8.2; 3.1.1 4.7).
// Pure functions; matching allocates nothing.
class Topic
{
public:
    static constexpr qsizetype kMaximumUtf8Length = 65535;

    // A name a message is published to: no wildcards.
    static std::optional<TopicError> validateName(QStringView name);

    // A filter a subscription is made with, "$share/{ShareName}/{filter}" included.
    static std::optional<TopicError> validateFilter(QStringView filter);

    // True when the filter starts with "$share/" (whether or not the rest is valid).
    static bool isShared(QStringView filter);

    // The share name and inner filter of a valid shared subscription, else nothing.
    static std::optional<SharedSubscription> parseShared(QStringView filter);

    // The part of the filter that topics are matched against: the inner filter of a shared
    // subscription, the filter itself otherwise. A view into `filter`.
    static QStringView matchingFilter(QStringView filter);

    // True when the filter holds '+' or '#'.
    static bool hasWildcards(QStringView filter);

    // Whether a valid topic name matches a valid topic filter. A shared subscription matches
    // what its inner filter matches. A filter starting with a wildcard never matches a name
    // starting with '$' [MQTT-4.7.2-1].
    static bool matches(QStringView filter, QStringView name);

    // The number of bytes the string takes in UTF-8 (a lone surrogate counts as 3, the size
    // of a replacement character; Qt 6.4's QString::toUtf8() writes '?' for it).
    static qsizetype utf8Length(QStringView text);
};

} // namespace mqttdesk
