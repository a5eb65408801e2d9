#pragma once

#include "core/protocol/properties.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

namespace mqttdesk {

// The rule for the names of a template's user variables ({{device}}), wherever they are
// defined: in a template collection (core/publish) or in a connection profile. It lives here
// rather than with the templates because the profile checks its own variables, and
// core/publish builds on core/profile, not the other way round.
class TemplateVariableNames
{
    Q_DECLARE_TR_FUNCTIONS(TemplateVariableNames)

public:
    // The names {{...}} understands without a definition: none can be a user variable.
    static const QStringList &builtIns();
    // Whether {{name}} reads `name` as one name: one word, without braces or quotes.
    static bool isWord(const QString &name);
    // The first problem with `variables`, in their order (a value without a name, a name that
    // is not one word or is a built-in's, a name defined twice); empty when there is none.
    static QString problem(const QList<StringPair> &variables);
};

} // namespace mqttdesk
