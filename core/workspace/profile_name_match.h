#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace mqttdesk {

// Finds the saved connection a user named in text (the CLI's --profile, a test suite's
// "profile"): by its name, or by "folder/name" when several share a name. The app's
// profiles and the CLI's stored ones both reduce to these candidates.
class ProfileNameMatch
{
    Q_DECLARE_TR_FUNCTIONS(ProfileNameMatch)

public:
    struct Candidate
    {
        QString name;
        QString folder = {}; // "" is the top level
    };

    // "folder/name", or the name at the top level.
    static QString qualifiedName(const Candidate &candidate);
    // The index of the one candidate called `wanted`; -1 with `why` set (translated) when
    // there is none or more than one: the names to choose from are in it.
    static int find(const QList<Candidate> &candidates, const QString &wanted, QString *why);
};

} // namespace mqttdesk
