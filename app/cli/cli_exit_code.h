#pragma once

namespace mqttdesk {

// Exit statuses of every command (documented in the top-level --help).
enum CliExitCode : int
{
    ExitSuccess = 0,
    ExitUsage = 1,
    ExitConnection = 2,  // cannot connect, or the connection broke
    ExitRefused = 3,     // CONNACK refusal: wrong password, not authorised, ...
    ExitRequest = 4,     // a publish / subscribe was refused
    ExitStorage = 5,     // --store: the history cannot be opened, is in use, or failed
    ExitAlert = 6,       // watch --fail-fast: an alert rule fired
    ExitTestsFailed = 7, // test: a test of a suite failed, had an error, or the run was stopped
    ExitTimeout = 27,    // -W ran out (mosquitto_sub's value)
};

} // namespace mqttdesk
