// TemplateLibrary, headless: adding (ids made), duplicating, moving and removing templates,
// finding one by "Collection/Template" or by its unique name, searching, the variables a
// template sees, and importing another library.
#include "core/publish/template_library.h"

#include <QSet>
#include <QTest>
#include <QUuid>

using namespace mqttdesk;

namespace {

PublishTemplate item(const QString &name, const QString &topic = {}, const QString &payload = {})
{
    PublishTemplate t;
    t.name = name;
    t.topic = topic;
    t.payload = payload;
    return t;
}

TemplateCollection collection(const QString &name, const QString &connection = {})
{
    TemplateCollection c;
    c.name = name;
    c.connection = connection;
    return c;
}

QStringList names(const TemplateLibrary &library, qsizetype collection)
{
    QStringList out;
    for (const PublishTemplate &t : library.collections().at(collection).templates)
        out << t.name;
    return out;
}

// Plant: "Start pump", "Stop pump" (shared); Lab (bound to "lab-broker"): "Start pump",
// "Calibrate"; Office: "Lights".
TemplateLibrary sample()
{
    TemplateLibrary library;
    const qsizetype plant = library.addCollection(collection(QStringLiteral("Plant")));
    library.addTemplate(plant, item(QStringLiteral("Start pump"), QStringLiteral("plant/pump/cmd"),
                                    QStringLiteral("{\"run\": true}")));
    library.addTemplate(plant, item(QStringLiteral("Stop pump"), QStringLiteral("plant/pump/cmd"),
                                    QStringLiteral("{\"run\": false}")));
    const qsizetype lab =
        library.addCollection(collection(QStringLiteral("Lab"), QStringLiteral("lab-broker")));
    library.addTemplate(
        lab, item(QStringLiteral("Start pump"), QStringLiteral("lab/pump"), QStringLiteral("on")));
    library.addTemplate(lab, item(QStringLiteral("Calibrate"), QStringLiteral("lab/sensor/cal"),
                                  QStringLiteral("Zero Offset")));
    const qsizetype office = library.addCollection(collection(QStringLiteral("Office")));
    library.addTemplate(office, item(QStringLiteral("Lights"), QStringLiteral("office/lights"),
                                     QStringLiteral("ON")));
    return library;
}

bool isUuid(const QString &id)
{
    return !QUuid::fromString(id).isNull();
}

} // namespace

class TstTemplateLibrary : public QObject
{
    Q_OBJECT
private slots:
    void addMakesIds()
    {
        TemplateLibrary library;
        QVERIFY(library.isEmpty());
        TemplateCollection c = collection(QStringLiteral("Plant"));
        c.templates = {item(QStringLiteral("a")), item(QStringLiteral("b"))};
        c.templates[1].id = QStringLiteral("kept-id");
        QCOMPARE(library.addCollection(c), 0);
        QCOMPARE(library.addCollection(collection(QStringLiteral("Lab"))), 1);
        QVERIFY(!library.isEmpty());
        const TemplateCollection &plant = library.collections().at(0);
        QVERIFY2(isUuid(plant.id), qPrintable(plant.id));
        QVERIFY2(isUuid(plant.templates.at(0).id), qPrintable(plant.templates.at(0).id));
        QCOMPARE(plant.templates.at(1).id, QStringLiteral("kept-id"));
        QVERIFY(library.collections().at(1).id != plant.id);

        const TemplateIndex added = library.addTemplate(1, item(QStringLiteral("x")));
        QCOMPARE(added, (TemplateIndex{1, 0}));
        QVERIFY(added.isValid());
        QCOMPARE(library.at(added).name, QStringLiteral("x"));
        QVERIFY(isUuid(library.at(added).id));
        PublishTemplate withId = item(QStringLiteral("y"));
        withId.id = QStringLiteral("mine");
        QCOMPARE(library.addTemplate(1, withId), (TemplateIndex{1, 1}));
        QCOMPARE(library.at({1, 1}).id, QStringLiteral("mine"));

        // An existing collection id is kept.
        TemplateCollection named = collection(QStringLiteral("Named"));
        named.id = QStringLiteral("c-1");
        QCOMPARE(library.collections().at(library.addCollection(named)).id, QStringLiteral("c-1"));
        QVERIFY(!TemplateIndex{}.isValid());
    }

    void duplicate()
    {
        TemplateLibrary library = sample();
        library.at({0, 0}).counter = 57;
        library.at({0, 0}).retain = true;
        library.at({0, 0}).properties.contentType = QStringLiteral("application/json");
        const PublishTemplate original = library.at({0, 0});

        const TemplateIndex first = library.duplicate({0, 0});
        QCOMPARE(first, (TemplateIndex{0, 1})); // right after the original
        const PublishTemplate &copy = library.at(first);
        QCOMPARE(copy.name, QStringLiteral("Start pump (copy)"));
        QVERIFY(copy.id != original.id);
        QVERIFY(isUuid(copy.id));
        QCOMPARE(copy.counter, quint64(1));
        QCOMPARE(copy.topic, original.topic);
        QCOMPARE(copy.payload, original.payload);
        QCOMPARE(copy.retain, true);
        QCOMPARE(copy.properties, original.properties);
        QCOMPARE(library.at({0, 0}), original); // the original is untouched

        const TemplateIndex second = library.duplicate({0, 0});
        QCOMPARE(second, (TemplateIndex{0, 1}));
        QCOMPARE(library.at(second).name, QStringLiteral("Start pump (copy 2)"));
        const TemplateIndex third = library.duplicate({0, 0});
        QCOMPARE(library.at(third).name, QStringLiteral("Start pump (copy 3)"));
        QCOMPARE(names(library, 0),
                 (QStringList{QStringLiteral("Start pump"), QStringLiteral("Start pump (copy 3)"),
                              QStringLiteral("Start pump (copy 2)"),
                              QStringLiteral("Start pump (copy)"), QStringLiteral("Stop pump")}));
        QSet<QString> ids;
        for (const PublishTemplate &t : library.collections().at(0).templates)
            ids.insert(t.id);
        QCOMPARE(ids.size(), 5);

        // The same name in another collection does not count.
        const TemplateIndex lab = library.duplicate({1, 0});
        QCOMPARE(library.at(lab).name, QStringLiteral("Start pump (copy)"));
        QCOMPARE(lab, (TemplateIndex{1, 1}));
        QCOMPARE(library.collections().at(1).templates.size(), 3);
    }

    void duplicateNameWithPercent()
    {
        // A name is text, not a format: "%1" or "%2" in it stays as it is.
        TemplateLibrary library;
        const qsizetype c = library.addCollection(collection(QStringLiteral("C")));
        library.addTemplate(c, item(QStringLiteral("Dim 50%1")));
        library.addTemplate(c, item(QStringLiteral("Fan %2")));
        QCOMPARE(library.at(library.duplicate({c, 0})).name, QStringLiteral("Dim 50%1 (copy)"));
        QCOMPARE(library.at(library.duplicate({c, 0})).name, QStringLiteral("Dim 50%1 (copy 2)"));
        const qsizetype fan = library.collections().at(c).templates.size() - 1;
        QCOMPARE(library.at(library.duplicate({c, fan})).name, QStringLiteral("Fan %2 (copy)"));
        QCOMPARE(library.at(library.duplicate({c, fan})).name, QStringLiteral("Fan %2 (copy 2)"));
    }

    void moveWithinACollection()
    {
        TemplateLibrary library = sample();
        library.addTemplate(0, item(QStringLiteral("Third")));
        const QString id = library.at({0, 0}).id;
        // Down: "to" is the place after the move.
        QCOMPARE(library.move({0, 0}, {0, 2}), (TemplateIndex{0, 2}));
        QCOMPARE(names(library, 0),
                 (QStringList{QStringLiteral("Stop pump"), QStringLiteral("Third"),
                              QStringLiteral("Start pump")}));
        QCOMPARE(library.at({0, 2}).id, id);
        // Up.
        QCOMPARE(library.move({0, 2}, {0, 0}), (TemplateIndex{0, 0}));
        QCOMPARE(names(library, 0),
                 (QStringList{QStringLiteral("Start pump"), QStringLiteral("Stop pump"),
                              QStringLiteral("Third")}));
        // Past the end: clamped to the last place.
        QCOMPARE(library.move({0, 0}, {0, 99}), (TemplateIndex{0, 2}));
        QCOMPARE(names(library, 0),
                 (QStringList{QStringLiteral("Stop pump"), QStringLiteral("Third"),
                              QStringLiteral("Start pump")}));
    }

    void moveAcrossCollections()
    {
        TemplateLibrary library = sample();
        const PublishTemplate moved = library.at({0, 1}); // Plant/Stop pump
        QCOMPARE(library.move({0, 1}, {2, 0}), (TemplateIndex{2, 0}));
        QCOMPARE(names(library, 0), QStringList{QStringLiteral("Start pump")});
        QCOMPARE(names(library, 2),
                 (QStringList{QStringLiteral("Stop pump"), QStringLiteral("Lights")}));
        QCOMPARE(library.at({2, 0}), moved); // the same template: id, counter, fields
        // To the end of another collection.
        QCOMPARE(library.move({2, 0}, {1, 2}), (TemplateIndex{1, 2}));
        QCOMPARE(names(library, 1),
                 (QStringList{QStringLiteral("Start pump"), QStringLiteral("Calibrate"),
                              QStringLiteral("Stop pump")}));
        QCOMPARE(names(library, 2), QStringList{QStringLiteral("Lights")});
        // Into an empty collection.
        const qsizetype empty = library.addCollection(collection(QStringLiteral("Empty")));
        QCOMPARE(library.move({2, 0}, {empty, 5}), (TemplateIndex{empty, 0}));
        QVERIFY(library.collections().at(2).templates.isEmpty());
        QCOMPARE(names(library, empty), QStringList{QStringLiteral("Lights")});
    }

    void remove()
    {
        TemplateLibrary library = sample();
        const QString kept = library.at({1, 1}).id;
        library.remove({1, 0});
        QCOMPARE(names(library, 1), QStringList{QStringLiteral("Calibrate")});
        QCOMPARE(library.at({1, 0}).id, kept);
        library.remove({1, 0});
        QVERIFY(library.collections().at(1).templates.isEmpty());
        QCOMPARE(library.collections().size(), 3); // the collection stays
        QCOMPARE(names(library, 0).size(), 2);
    }

    void isOffered()
    {
        const TemplateLibrary library = sample();
        QVERIFY(library.isOffered(0, QStringLiteral("anything")));
        QVERIFY(library.isOffered(0, QString()));
        QVERIFY(library.isOffered(1, QStringLiteral("lab-broker")));
        QVERIFY(!library.isOffered(1, QStringLiteral("prod-broker")));
        QVERIFY(!library.isOffered(1, QStringLiteral("Lab-Broker"))); // names compare exactly
        QVERIFY(library.isOffered(1, QString())); // the CLI without --profile sees everything
    }

    void findByCollectionAndName()
    {
        const TemplateLibrary library = sample();
        QString error;
        QCOMPARE(library.find(QStringLiteral("Plant/Start pump"), {}, &error),
                 std::optional<TemplateIndex>(TemplateIndex{0, 0}));
        QCOMPARE(
            library.find(QStringLiteral("Lab/Start pump"), QStringLiteral("lab-broker"), &error),
            std::optional<TemplateIndex>(TemplateIndex{1, 0}));
        // Unique names need no collection.
        QCOMPARE(library.find(QStringLiteral("Lights"), QStringLiteral("x"), &error),
                 std::optional<TemplateIndex>(TemplateIndex{2, 0}));
        QCOMPARE(library.find(QStringLiteral("Calibrate"), QStringLiteral("lab-broker"), &error),
                 std::optional<TemplateIndex>(TemplateIndex{1, 1}));
        // Exact comparison.
        QVERIFY(!library.find(QStringLiteral("lights"), {}, &error));
        QVERIFY2(error.contains(QStringLiteral("lights")), qPrintable(error));
    }

    void findAmbiguous()
    {
        const TemplateLibrary library = sample();
        QString error;
        // Plant and Lab both have "Start pump" where both are offered.
        QVERIFY(!library.find(QStringLiteral("Start pump"), QStringLiteral("lab-broker"), &error));
        QVERIFY2(error.contains(QStringLiteral("Plant")), qPrintable(error));
        QVERIFY2(error.contains(QStringLiteral("Lab")), qPrintable(error));
        QVERIFY2(error.contains(QStringLiteral("Collection/Start pump")), qPrintable(error));
        error.clear();
        QVERIFY(!library.find(QStringLiteral("Start pump"), {}, &error));
        QVERIFY2(error.contains(QStringLiteral("Plant, Lab")), qPrintable(error));
        // Elsewhere Lab is hidden, so the name is unique.
        QCOMPARE(library.find(QStringLiteral("Start pump"), QStringLiteral("prod-broker"), &error),
                 std::optional<TemplateIndex>(TemplateIndex{0, 0}));
        // No error pointer: no crash.
        QVERIFY(!library.find(QStringLiteral("Start pump"), {}));
    }

    void findNotFound()
    {
        const TemplateLibrary library = sample();
        QString error;
        QVERIFY(!library.find(QStringLiteral("Reboot"), {}, &error));
        QVERIFY2(error.contains(QStringLiteral("Reboot")), qPrintable(error));
        QVERIFY2(error.startsWith(QStringLiteral("There is no template")), qPrintable(error));
        // The right name in the wrong collection.
        error.clear();
        QVERIFY(!library.find(QStringLiteral("Office/Start pump"), {}, &error));
        QVERIFY2(error.contains(QStringLiteral("Office/Start pump")), qPrintable(error));
        // A bound collection is hidden on another connection, even by its full name.
        error.clear();
        QVERIFY(
            !library.find(QStringLiteral("Lab/Calibrate"), QStringLiteral("prod-broker"), &error));
        QVERIFY2(error.contains(QStringLiteral("Lab/Calibrate")), qPrintable(error));
        QVERIFY(!library.find(QStringLiteral("Calibrate"), QStringLiteral("prod-broker"), &error));
    }

    void findNameWithSlash()
    {
        TemplateLibrary library = sample();
        library.addTemplate(2, item(QStringLiteral("lights/all off")));
        QCOMPARE(library.find(QStringLiteral("lights/all off"), {}),
                 std::optional<TemplateIndex>(TemplateIndex{2, 1}));
        QCOMPARE(library.find(QStringLiteral("Office/lights/all off"), {}),
                 std::optional<TemplateIndex>(TemplateIndex{2, 1}));
    }

    void search()
    {
        const TemplateLibrary library = sample();
        const QString any;
        // Every offered template for an empty text.
        QCOMPARE(library.search(QString(), any).size(), 5);
        QCOMPARE(library.search(QStringLiteral("   "), QStringLiteral("prod-broker")).size(), 3);
        // Name, case-insensitively.
        QCOMPARE(library.search(QStringLiteral("PUMP"), any),
                 (QList<TemplateIndex>{{0, 0}, {0, 1}, {1, 0}}));
        // Every word must be somewhere: one in the name, one in the topic.
        QCOMPARE(library.search(QStringLiteral("start PLANT/pump"), any),
                 (QList<TemplateIndex>{{0, 0}}));
        QCOMPARE(library.search(QStringLiteral("start nothing-like-this"), any),
                 QList<TemplateIndex>{});
        // Topic.
        QCOMPARE(library.search(QStringLiteral("sensor/CAL"), any), (QList<TemplateIndex>{{1, 1}}));
        // Payload.
        QCOMPARE(library.search(QStringLiteral("zero offset"), any),
                 (QList<TemplateIndex>{{1, 1}}));
        QCOMPARE(library.search(QStringLiteral("\"run\": false"), any),
                 (QList<TemplateIndex>{{0, 1}}));
        // The collection's name.
        QCOMPARE(library.search(QStringLiteral("office"), any), (QList<TemplateIndex>{{2, 0}}));
        QCOMPARE(library.search(QStringLiteral("lab"), any),
                 (QList<TemplateIndex>{{1, 0}, {1, 1}})); // topics "lab/..." and the collection
        // A bound collection is not searched on another connection.
        QCOMPARE(library.search(QStringLiteral("pump"), QStringLiteral("prod-broker")),
                 (QList<TemplateIndex>{{0, 0}, {0, 1}}));
        QCOMPARE(library.search(QStringLiteral("pump"), QStringLiteral("lab-broker")),
                 (QList<TemplateIndex>{{0, 0}, {0, 1}, {1, 0}}));
    }

    void variables()
    {
        TemplateLibrary library = sample();
        library.collections()[0].variables = {{QStringLiteral("device"), QStringLiteral("pump-7")},
                                              {QStringLiteral("site"), QStringLiteral("north")}};
        const QList<StringPair> connection = {{QStringLiteral("site"), QStringLiteral("south")},
                                              {QStringLiteral("broker"), QStringLiteral("b1")}};
        const QHash<QString, QString> vars = library.variables(0, connection);
        QCOMPARE(vars.size(), 3);
        QCOMPARE(vars.value(QStringLiteral("device")), QStringLiteral("pump-7"));
        QCOMPARE(vars.value(QStringLiteral("site")),
                 QStringLiteral("south")); // the connection wins
        QCOMPARE(vars.value(QStringLiteral("broker")), QStringLiteral("b1"));
        // Without connection variables: the collection's.
        const QHash<QString, QString> own = library.variables(0, {});
        QCOMPARE(own.value(QStringLiteral("site")), QStringLiteral("north"));
        QCOMPARE(own.size(), 2);
        // A collection without variables, or none at all: the connection's.
        QCOMPARE(library.variables(1, connection).value(QStringLiteral("site")),
                 QStringLiteral("south"));
        QCOMPARE(library.variables(-1, connection).size(), 2);
        QVERIFY(library.variables(1, {}).isEmpty());
    }

    void import()
    {
        TemplateLibrary library = sample();
        const QString plantId = library.collections().at(0).id;
        const QString labId = library.collections().at(1).id;

        TemplateLibrary other;
        TemplateCollection newerPlant = collection(QStringLiteral("Plant (team)"));
        newerPlant.id = plantId;
        newerPlant.templates = {item(QStringLiteral("Drain"), QStringLiteral("plant/drain"))};
        newerPlant.templates[0].id = QStringLiteral("drain-id");
        other.collections().append(newerPlant);
        TemplateCollection fresh = collection(QStringLiteral("Fresh"));
        fresh.id = QStringLiteral("fresh-id");
        other.collections().append(fresh);
        TemplateCollection noId = collection(QStringLiteral("No id"));
        noId.templates = {item(QStringLiteral("t"))};
        other.collections().append(noId);

        const TemplateLibrary::ImportCount count = library.import(other);
        QCOMPARE(count.added, 2);
        QCOMPARE(count.replaced, 1);
        QCOMPARE(library.collections().size(), 5);
        // Replaced in place.
        QCOMPARE(library.collections().at(0), newerPlant);
        QCOMPARE(library.collections().at(1).id, labId); // others untouched
        QCOMPARE(library.collections().at(1).templates.size(), 2);
        // Appended in order; one without an id gets one.
        QCOMPARE(library.collections().at(3).name, QStringLiteral("Fresh"));
        QCOMPARE(library.collections().at(3).id, QStringLiteral("fresh-id"));
        QCOMPARE(library.collections().at(4).name, QStringLiteral("No id"));
        QVERIFY(isUuid(library.collections().at(4).id));
        QVERIFY(isUuid(library.collections().at(4).templates.at(0).id));

        // Importing the same file again replaces all three.
        TemplateLibrary again;
        again.collections() = {library.collections().at(3), library.collections().at(4)};
        const TemplateLibrary::ImportCount second = library.import(again);
        QCOMPARE(second.added, 0);
        QCOMPARE(second.replaced, 2);
        QCOMPARE(library.collections().size(), 5);
        // Nothing to import.
        const TemplateLibrary::ImportCount none = library.import(TemplateLibrary());
        QCOMPARE(none.added + none.replaced, 0);
    }
};

QTEST_GUILESS_MAIN(TstTemplateLibrary)
#include "tst_template_library.moc"
