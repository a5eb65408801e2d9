#include "core/publish/template_library.h"

#include <QUuid>

namespace mqttdesk {

namespace {

QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

bool holdsEveryWord(const QStringList &words, std::initializer_list<QStringView> fields)
{
    for (const QString &w : words) {
        bool found = false;
        for (QStringView f : fields) {
            if (f.contains(w, Qt::CaseInsensitive)) {
                found = true;
                break;
            }
        }
        if (!found)
            return false;
    }
    return true;
}

} // namespace

qsizetype TemplateLibrary::addCollection(TemplateCollection collection)
{
    if (collection.id.isEmpty())
        collection.id = newId();
    for (PublishTemplate &t : collection.templates) {
        if (t.id.isEmpty())
            t.id = newId();
    }
    m_collections.append(std::move(collection));
    return m_collections.size() - 1;
}

TemplateIndex TemplateLibrary::addTemplate(qsizetype collection, PublishTemplate item)
{
    if (item.id.isEmpty())
        item.id = newId();
    auto &templates = m_collections[collection].templates;
    templates.append(std::move(item));
    return {collection, templates.size() - 1};
}

TemplateIndex TemplateLibrary::duplicate(TemplateIndex index)
{
    PublishTemplate copy = at(index);
    copy.id = newId();
    copy.counter = 1;
    const auto &templates = m_collections.at(index.collection).templates;
    const auto taken = [&](const QString &name) {
        return std::any_of(templates.cbegin(), templates.cend(),
                           [&](const PublishTemplate &t) { return t.name == name; });
    };
    copy.name = tr("%1 (copy)").arg(at(index).name);
    for (int n = 2; taken(copy.name); ++n)
        copy.name = tr("%1 (copy %2)").arg(at(index).name, QString::number(n));
    const TemplateIndex to{index.collection, index.item + 1};
    m_collections[to.collection].templates.insert(to.item, std::move(copy));
    return to;
}

TemplateIndex TemplateLibrary::move(TemplateIndex from, TemplateIndex to)
{
    PublishTemplate item = m_collections[from.collection].templates.takeAt(from.item);
    auto &target = m_collections[to.collection].templates;
    const qsizetype place = qBound<qsizetype>(0, to.item, target.size());
    target.insert(place, std::move(item));
    return {to.collection, place};
}

void TemplateLibrary::remove(TemplateIndex index)
{
    m_collections[index.collection].templates.removeAt(index.item);
}

bool TemplateLibrary::isOffered(qsizetype collection, const QString &connection) const
{
    const QString &bound = m_collections.at(collection).connection;
    return bound.isEmpty() || connection.isEmpty() || bound == connection;
}

std::optional<TemplateIndex> TemplateLibrary::find(const QString &reference,
                                                   const QString &connection, QString *error) const
{
    QString collectionName;
    QString name = reference;
    // "Collection/Template" when a collection of that name exists; template names may hold a
    // slash themselves.
    if (const qsizetype slash = reference.indexOf(QLatin1Char('/')); slash > 0) {
        const QString head = reference.left(slash);
        if (std::any_of(m_collections.cbegin(), m_collections.cend(),
                        [&](const TemplateCollection &c) { return c.name == head; })) {
            collectionName = head;
            name = reference.mid(slash + 1);
        }
    }
    QList<TemplateIndex> found;
    QStringList where;
    for (qsizetype c = 0; c < m_collections.size(); ++c) {
        const TemplateCollection &col = m_collections.at(c);
        if (!isOffered(c, connection) || (!collectionName.isEmpty() && col.name != collectionName))
            continue;
        for (qsizetype t = 0; t < col.templates.size(); ++t) {
            if (col.templates.at(t).name == name) {
                found.append({c, t});
                where.append(col.name);
            }
        }
    }
    if (found.size() == 1)
        return found.first();
    if (error) {
        *error = found.isEmpty() ? tr("There is no template “%1”.").arg(reference)
                                 : tr("Several collections have a template “%1”: %2. Name it as "
                                      "“Collection/%1”.")
                                       .arg(name, where.join(QStringLiteral(", ")));
    }
    return std::nullopt;
}

QList<TemplateIndex> TemplateLibrary::search(const QString &text, const QString &connection) const
{
    const QStringList words = text.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    QList<TemplateIndex> found;
    for (qsizetype c = 0; c < m_collections.size(); ++c) {
        if (!isOffered(c, connection))
            continue;
        const TemplateCollection &col = m_collections.at(c);
        for (qsizetype t = 0; t < col.templates.size(); ++t) {
            const PublishTemplate &p = col.templates.at(t);
            if (holdsEveryWord(words, {p.name, p.topic, p.payload, col.name}))
                found.append({c, t});
        }
    }
    return found;
}

QHash<QString, QString>
TemplateLibrary::variables(qsizetype collection, const QList<StringPair> &connectionVariables) const
{
    QHash<QString, QString> vars;
    if (collection >= 0 && collection < m_collections.size()) {
        for (const StringPair &v : m_collections.at(collection).variables)
            vars.insert(v.name, v.value);
    }
    for (const StringPair &v : connectionVariables)
        vars.insert(v.name, v.value);
    return vars;
}

TemplateLibrary::ImportCount TemplateLibrary::import(const TemplateLibrary &other)
{
    ImportCount count;
    for (const TemplateCollection &c : other.m_collections) {
        const auto same = std::find_if(
            m_collections.begin(), m_collections.end(),
            [&](const TemplateCollection &mine) { return !c.id.isEmpty() && mine.id == c.id; });
        if (same != m_collections.end()) {
            *same = c;
            ++count.replaced;
        } else {
            addCollection(c);
            ++count.added;
        }
    }
    return count;
}

} // namespace mqttdesk
