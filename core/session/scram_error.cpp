#include "core/session/scram_error.h"

#include "core/enum_name.h"

#include <string_view>

namespace mqttdesk {

namespace {

// Indexed by ScramError::Kind, in the order of its declaration.
constexpr std::string_view kKindNames[] = {
    // The server-first message.
    "UnsupportedExtension",
    "MalformedChallenge",
    "NonceMismatch",
    "TooManyIterations",
    "ExtraStep",

    // The server-final message.
    "ServerRefused",
    "IncompleteExchange",
    "WrongSignature",
    "MissingSignature",
};

} // namespace

QString ScramError::kindName(Kind kind)
{
    return enumName<Kind::UnsupportedExtension, Kind::MissingSignature>(kKindNames, kind);
}

QString ScramError::message() const
{
    switch (kind) {
    case Kind::UnsupportedExtension:
        return tr("The server asks for a SCRAM extension this client does not support.");
    case Kind::MalformedChallenge:
        return tr("The server's SCRAM challenge is malformed (it needs r=, s= and i=).");
    case Kind::NonceMismatch:
        return tr("The server's SCRAM nonce does not extend the client's nonce; the "
                  "authentication exchange may have been tampered with.");
    case Kind::TooManyIterations:
        return tr("The server asks for %1 SCRAM iterations, more than this client accepts "
                  "(10,000,000).")
            .arg(detail);
    case Kind::ExtraStep:
        return tr("The server asked for a third SCRAM step; SCRAM has only two.");
    case Kind::ServerRefused:
        return tr("The server refused the SCRAM authentication: %1.").arg(detail);
    case Kind::IncompleteExchange:
        return tr("The server ended the SCRAM exchange before it was complete.");
    case Kind::WrongSignature:
        return tr("The server's SCRAM signature is wrong: it does not know the password, so it "
                  "may not be the server you meant to reach.");
    case Kind::MissingSignature:
        return tr("The server accepted the login without proving it knows the password (no "
                  "SCRAM server signature).");
    }
    return {};
}

} // namespace mqttdesk
