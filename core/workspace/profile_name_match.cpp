#include "core/workspace/profile_name_match.h"

#include <QStringList>

namespace mqttdesk {

QString ProfileNameMatch::qualifiedName(const Candidate &candidate)
{
    return candidate.folder.isEmpty() ? candidate.name
                                      : candidate.folder + QLatin1Char('/') + candidate.name;
}

int ProfileNameMatch::find(const QList<Candidate> &candidates, const QString &wanted, QString *why)
{
    QList<int> matches;
    for (int i = 0; i < candidates.size(); ++i) {
        if (candidates.at(i).name == wanted)
            matches.append(i);
    }
    // "folder/name" only when no connection is called that outright.
    if (matches.isEmpty()) {
        for (int i = 0; i < candidates.size(); ++i) {
            if (qualifiedName(candidates.at(i)) == wanted)
                matches.append(i);
        }
    }
    if (matches.size() == 1)
        return matches.first();
    QStringList names;
    if (matches.isEmpty()) {
        for (const Candidate &c : candidates)
            names.append(QLatin1Char('\'') + qualifiedName(c) + QLatin1Char('\''));
    } else {
        for (int i : matches)
            names.append(QLatin1Char('\'') + qualifiedName(candidates.at(i)) + QLatin1Char('\''));
    }
    if (why) {
        if (matches.isEmpty())
            *why = candidates.isEmpty()
                       ? tr("there is no saved connection named '%1': the app has saved none.")
                             .arg(wanted)
                       : tr("there is no saved connection named '%1'. Saved: %2.")
                             .arg(wanted, names.join(QStringLiteral(", ")));
        else
            *why = tr("%1 saved connections are named '%2': give the folder too, one of %3.")
                       .arg(matches.size())
                       .arg(wanted, names.join(QStringLiteral(", ")));
    }
    return -1;
}

} // namespace mqttdesk
