#pragma once

#include <QCoreApplication>
#include <QString>
#include <QtGlobal>

namespace mqttdesk {

// Why a suite file cannot be run, and exactly where: the file, the test (by name), the step
// (by number and type), the field (a path within the step, the test or the file, e.g.
// "json[1].op" or "connections.main.port") and what is wrong. A suite is checked whole
// before anything connects, so a typo in the last test is found before the first one runs.
struct SuiteParseError
{
    Q_DECLARE_TR_FUNCTIONS(SuiteParseError)

public:
    enum class Kind : quint8
    {
        Unreadable,         // the file cannot be read
        Syntax,             // not JSON (line and column set)
        NotASuite,          // JSON, but no "format": "mqttdesk-suite"
        UnsupportedVersion, // a "version" this program does not know (a newer one wrote it)
        MissingField,       // a field the object needs is not there
        WrongType,          // e.g. a string where a number belongs
        OutOfRange,         // a number outside its range (a port, a QoS, a timeout)
        UnknownValue,       // a string that is not one of the allowed words
        UnknownField,       // a field this object does not have (a typo would go unnoticed)
        Empty,              // no connections, no tests, or a test without steps
        Duplicate,          // two tests of the same name
        UnknownVariable,    // ${name} that is not defined, an unset ${env:NAME}, a "${" unclosed
        UnknownConnection,  // a step names a connection the suite does not define
        NotConnected,       // a step uses a connection no earlier step of the test opened
        AlreadyConnected,   // a connect step for a connection the test has open already
        InvalidTopic,       // a topic name or filter that breaks the MQTT rules
        InvalidJsonPath,    // a JSON path that does not parse
        InvalidRegex,       // a regular expression that does not compile
        InvalidTemplate,    // a {{...}} template tag that is wrong
        BadEncoding,        // a payload that is not valid Base64, hex or JSON
    };

    Kind kind = Kind::Syntax;
    QString file;   // the suite file's name, when it was read from one
    QString test;   // the test's name; empty outside a test (or when the name is the problem)
    int step = -1;  // index of the step in its test; -1 outside a step
    QString type;   // the step's "type", when known
    QString field;  // where in the object, e.g. "json[1].op"
    QString detail; // translated: what is wrong and, where it helps, what to write instead
    int line = 0;   // Syntax: 1-based
    int column = 0; // Syntax: 1-based

    // One line: `smoke.suite.json: test "json", step 3 (expect), "timeout_ms": ...`.
    QString message() const;
    // "UnknownField", ... (not translated; logs and tests).
    static QString kindName(Kind kind);
};

} // namespace mqttdesk
