#pragma once

#include <QtGlobal>

namespace mqttdesk {

// What one call of a script may take. See ScriptRunner for what each bound covers.
struct ScriptLimits
{
    // The call is stopped (QJSEngine::setInterrupted) when it runs longer than this.
    static constexpr int kDefaultTimeLimitMs = 50;
    // The call is stopped when the process's resident memory grew by more than this since
    // the call began, and a single string built by repeat()/padStart()/padEnd() may not be
    // larger than this (in UTF-16 bytes).
    static constexpr qint64 kDefaultMemoryLimitBytes = 64 * 1024 * 1024;
    // A result (text, JSON or bytes) larger than this is refused.
    static constexpr qsizetype kDefaultMaxResultChars = 4 * 1024 * 1024;
    // A payload larger than this is not handed to a script at all.
    static constexpr qsizetype kDefaultMaxInputBytes = 16 * 1024 * 1024;

    int timeLimitMs = kDefaultTimeLimitMs;
    qint64 memoryLimitBytes = kDefaultMemoryLimitBytes; // 0: not watched
    qsizetype maxResultChars = kDefaultMaxResultChars;
    qsizetype maxInputBytes = kDefaultMaxInputBytes;
};

} // namespace mqttdesk
