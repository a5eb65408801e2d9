#pragma once

#include <QCoreApplication>
#include <QString>

namespace mqttdesk {

// Why a script gave no result. `line` is 1-based in the script's own text (0: unknown, e.g.
// for a script stopped by the time limit, which V4 stops without a stack).
struct ScriptError
{
    Q_DECLARE_TR_FUNCTIONS(ScriptError)

public:
    enum class Kind : quint8
    {
        Syntax,    // the script does not compile
        Exception, // it threw (an Error or any other value)
        Timeout,   // stopped by the time limit
        Memory,    // stopped by the memory cap
        Result,    // it returned nothing, or something that cannot be shown or sent
        Input,     // the payload is too large to be handed to a script
    };

    Kind kind = Kind::Exception;
    QString message; // translated where it is ours; the engine's own text for JS errors
    int line = 0;

    // One translated sentence with the line: "Line 3: Error: boom".
    QString text() const;

    friend bool operator==(const ScriptError &, const ScriptError &) = default;
};

} // namespace mqttdesk
