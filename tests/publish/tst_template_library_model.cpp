// TemplateLibraryModel under QAbstractItemModelTester (fatal): the tree of collections and
// templates over a TemplateLibraryStore, the connection's offered collections, the search
// filter (collections without a match hidden), renames by edit, drag and drop of templates
// within and between collections, and persistent indexes (a view's selection) following their
// template by id through every structural edit.
#include "core/publish/template_library_model.h"
#include "core/publish/template_library_store.h"

#include <QAbstractItemModelTester>
#include <QMimeData>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace mqttdesk;
using namespace Qt::StringLiterals;

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

// Plant: Start pump, Stop pump, Level; Lab (bound to "lab"): Calibrate; Office: Lights;
// Empty (no template).
void fill(TemplateLibraryStore &store)
{
    const qsizetype plant = store.addCollection(collection(u"Plant"_s));
    store.addTemplate(plant, item(u"Start pump"_s, u"plant/pump/cmd"_s, u"{\"run\":true}"_s));
    store.addTemplate(plant, item(u"Stop pump"_s, u"plant/pump/cmd"_s, u"{\"run\":false}"_s));
    store.addTemplate(plant, item(u"Level"_s, u"plant/tank/level"_s, u"42"_s));
    const qsizetype lab = store.addCollection(collection(u"Lab"_s, u"lab"_s));
    store.addTemplate(lab, item(u"Calibrate"_s, u"lab/cal"_s, u"zero"_s));
    const qsizetype office = store.addCollection(collection(u"Office"_s));
    store.addTemplate(office, item(u"Lights"_s, u"office/lights"_s, u"ON"_s));
    store.addCollection(collection(u"Empty"_s));
}

// "Collection: a, b | Other: c" as the tree shows it.
QString tree(const QAbstractItemModel &model)
{
    QStringList groups;
    for (int r = 0; r < model.rowCount(); ++r) {
        const QModelIndex c = model.index(r, 0);
        QStringList names;
        for (int t = 0; t < model.rowCount(c); ++t)
            names << model.index(t, 0, c).data().toString();
        groups << c.data().toString() + u": "_s + names.join(u", "_s);
    }
    return groups.join(u" | "_s);
}

QStringList storeNames(const TemplateLibraryStore &store, qsizetype c)
{
    QStringList names;
    for (const PublishTemplate &t : store.collections().at(c).templates)
        names << t.name;
    return names;
}

} // namespace

class TestTemplateLibraryModel : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void treeOfCollectionsAndTemplates();
    void connectionShowsOnlyOfferedCollections();
    void searchHidesCollectionsWithoutAMatch();
    void editsFollowTheSearch();
    void renameByEdit();
    void selectionFollowsStructuralEdits();
    void dragWithinACollection();
    void dragBetweenCollections();
    void dragRefusesCollectionsAndForeignData();
    void dropWhileFiltering();

private:
    std::unique_ptr<TemplateLibraryStore> m_store;
    std::unique_ptr<TemplateLibraryModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

void TestTemplateLibraryModel::init()
{
    m_store = std::make_unique<TemplateLibraryStore>();
    fill(*m_store);
    m_model = std::make_unique<TemplateLibraryModel>(m_store.get());
    m_tester = std::make_unique<QAbstractItemModelTester>(
        m_model.get(), QAbstractItemModelTester::FailureReportingMode::Fatal);
}

void TestTemplateLibraryModel::cleanup()
{
    m_tester.reset();
    m_model.reset();
    m_store.reset();
}

void TestTemplateLibraryModel::treeOfCollectionsAndTemplates()
{
    QCOMPARE(tree(*m_model), u"Plant: Start pump, Stop pump, Level | Lab: Calibrate | "
                             "Office: Lights | Empty: "_s);
    const QModelIndex plant = m_model->index(0, 0);
    QVERIFY(m_model->isCollection(plant));
    QVERIFY(plant.data(TemplateLibraryModel::IsCollectionRole).toBool());
    QCOMPARE(plant.data(TemplateLibraryModel::IdRole).toString(), m_store->collections().at(0).id);
    const QModelIndex stop = m_model->index(1, 0, plant);
    QVERIFY(!m_model->isCollection(stop));
    QCOMPARE(m_model->templateOf(stop), (TemplateIndex{0, 1}));
    QCOMPARE(stop.data(TemplateLibraryModel::TopicRole).toString(), u"plant/pump/cmd"_s);
    QCOMPARE(stop.data(Qt::ToolTipRole).toString(), u"plant/pump/cmd"_s);
    QCOMPARE(m_model->indexOfId(m_store->library().at({0, 1}).id), stop);
    QVERIFY(m_model->flags(stop) & Qt::ItemIsDragEnabled);
    QVERIFY(!(m_model->flags(stop) & Qt::ItemIsDropEnabled));
    QVERIFY(m_model->flags(plant) & Qt::ItemIsDropEnabled);
    QVERIFY(m_model->index(1, 0).data(Qt::ToolTipRole).toString().contains(u"lab"_s));
}

void TestTemplateLibraryModel::connectionShowsOnlyOfferedCollections()
{
    m_model->setConnection(u"office-broker"_s);
    QCOMPARE(tree(*m_model), u"Plant: Start pump, Stop pump, Level | Office: Lights | Empty: "_s);
    m_model->setConnection(u"lab"_s);
    QCOMPARE(tree(*m_model), u"Plant: Start pump, Stop pump, Level | Lab: Calibrate | "
                             "Office: Lights | Empty: "_s);
    // Binding a collection elsewhere hides it at once.
    m_model->setConnection(u"office-broker"_s);
    TemplateCollection office = m_store->collections().at(2);
    office.connection = u"lab"_s;
    m_store->updateCollection(2, office);
    QCOMPARE(tree(*m_model), u"Plant: Start pump, Stop pump, Level | Empty: "_s);
}

void TestTemplateLibraryModel::searchHidesCollectionsWithoutAMatch()
{
    m_model->setFilterText(u"pump"_s);
    QVERIFY(m_model->isFiltering());
    QCOMPARE(tree(*m_model), u"Plant: Start pump, Stop pump"_s);
    // Every word, in the name, the topic, the payload or the collection's name.
    m_model->setFilterText(u"PLANT false"_s);
    QCOMPARE(tree(*m_model), u"Plant: Stop pump"_s);
    m_model->setFilterText(u"office"_s);
    QCOMPARE(tree(*m_model), u"Office: Lights"_s);
    m_model->setFilterText(u"nothing-like-this"_s);
    QCOMPARE(m_model->rowCount(), 0);
    // Bound collections stay hidden while searching on another connection.
    m_model->setConnection(u"other"_s);
    m_model->setFilterText(u"cal"_s);
    QCOMPARE(m_model->rowCount(), 0);
    m_model->setFilterText(QString());
    QCOMPARE(tree(*m_model), u"Plant: Start pump, Stop pump, Level | Office: Lights | Empty: "_s);
}

void TestTemplateLibraryModel::editsFollowTheSearch()
{
    m_model->setFilterText(u"pump"_s);
    // A template renamed into the search appears, one renamed out of it goes.
    m_store->renameTemplate({2, 0}, u"Pump room lights"_s);
    QCOMPARE(tree(*m_model), u"Plant: Start pump, Stop pump | Office: Pump room lights"_s);
    PublishTemplate start = m_store->library().at({0, 0});
    start.name = u"Start"_s;
    start.topic = u"plant/start"_s;
    m_store->updateTemplate({0, 0}, start);
    QCOMPARE(tree(*m_model), u"Plant: Stop pump | Office: Pump room lights"_s);
    // Added while searching: shown when it matches.
    m_store->addTemplate(3, item(u"Pump test"_s));
    QCOMPARE(tree(*m_model), u"Plant: Stop pump | Office: Pump room lights | Empty: Pump test"_s);
}

void TestTemplateLibraryModel::renameByEdit()
{
    QSignalSpy dataChanged(m_model.get(), &QAbstractItemModel::dataChanged);
    const QModelIndex level = m_model->index(2, 0, m_model->index(0, 0));
    QVERIFY(m_model->setData(level, u"  Tank level "_s));
    QCOMPARE(m_store->library().at({0, 2}).name, u"Tank level"_s);
    QCOMPARE(dataChanged.count(), 1);
    QCOMPARE(dataChanged.first().first().value<QModelIndex>(), level);
    // An empty name is refused.
    QVERIFY(!m_model->setData(level, u"  "_s));
    QCOMPARE(level.data().toString(), u"Tank level"_s);
    // Collections too.
    QVERIFY(m_model->setData(m_model->index(3, 0), u"Misc"_s));
    QCOMPARE(m_store->collections().at(3).name, u"Misc"_s);
    QCOMPARE(m_model->index(3, 0).data(Qt::EditRole).toString(), u"Misc"_s);
}

void TestTemplateLibraryModel::selectionFollowsStructuralEdits()
{
    const QPersistentModelIndex lights = m_model->index(0, 0, m_model->index(2, 0));
    const QPersistentModelIndex office = m_model->index(2, 0);
    const QString lightsId = lights.data(TemplateLibraryModel::IdRole).toString();
    // Templates inserted before it, a collection removed before it: it follows.
    m_store->duplicate({0, 0});
    m_store->removeCollection(1); // Lab
    QVERIFY(lights.isValid());
    QCOMPARE(lights.data(TemplateLibraryModel::IdRole).toString(), lightsId);
    QCOMPARE(office.row(), 1);
    QCOMPARE(lights.parent(), QModelIndex(office));
    // Moved to another collection: still the same row of the tree.
    const QModelIndex plant = m_model->index(0, 0);
    m_store->move(*m_model->templateOf(lights), {0, 1});
    QCOMPARE(lights.parent(), plant);
    QCOMPARE(lights.row(), 1);
    QCOMPARE(
        tree(*m_model),
        u"Plant: Start pump, Lights, Start pump (copy), Stop pump, Level | Office:  | Empty: "_s);
    // Filtered out: gone from the selection.
    m_model->setFilterText(u"level"_s);
    QVERIFY(!lights.isValid());
    m_model->setFilterText({});
    m_store->remove({0, 0});
    QCOMPARE(tree(*m_model),
             u"Plant: Lights, Start pump (copy), Stop pump, Level | Office:  | Empty: "_s);
}

void TestTemplateLibraryModel::dragWithinACollection()
{
    const QModelIndex plant = m_model->index(0, 0);
    // Level dragged to the top of Plant.
    std::unique_ptr<QMimeData> data(m_model->mimeData({m_model->index(2, 0, plant)}));
    QVERIFY(data);
    QVERIFY(data->hasFormat(QString::fromLatin1(TemplateLibraryModel::kMimeType)));
    QVERIFY(m_model->canDropMimeData(data.get(), Qt::MoveAction, 0, 0, plant));
    QVERIFY(m_model->dropMimeData(data.get(), Qt::MoveAction, 0, 0, plant));
    QCOMPARE(storeNames(*m_store, 0), QStringList({u"Level"_s, u"Start pump"_s, u"Stop pump"_s}));
    // Start pump dragged below Stop pump (row 3 = the end), then onto its own place (nothing).
    data.reset(m_model->mimeData({m_model->index(1, 0, plant)}));
    QVERIFY(m_model->dropMimeData(data.get(), Qt::MoveAction, 3, 0, plant));
    QCOMPARE(storeNames(*m_store, 0), QStringList({u"Level"_s, u"Stop pump"_s, u"Start pump"_s}));
    data.reset(m_model->mimeData({m_model->index(1, 0, plant)}));
    QVERIFY(m_model->dropMimeData(data.get(), Qt::MoveAction, 1, 0, plant));
    QCOMPARE(storeNames(*m_store, 0), QStringList({u"Level"_s, u"Stop pump"_s, u"Start pump"_s}));
    // Two at once keep their order, at the end (row -1: dropped on the collection).
    data.reset(m_model->mimeData({m_model->index(0, 0, plant), m_model->index(1, 0, plant)}));
    QVERIFY(m_model->dropMimeData(data.get(), Qt::MoveAction, -1, 0, plant));
    QCOMPARE(storeNames(*m_store, 0), QStringList({u"Start pump"_s, u"Level"_s, u"Stop pump"_s}));
}

void TestTemplateLibraryModel::dragBetweenCollections()
{
    const QModelIndex plant = m_model->index(0, 0);
    const QModelIndex office = m_model->index(2, 0);
    std::unique_ptr<QMimeData> data(m_model->mimeData({m_model->index(1, 0, plant)}));
    QVERIFY(m_model->dropMimeData(data.get(), Qt::MoveAction, 0, 0, office));
    QCOMPARE(storeNames(*m_store, 0), QStringList({u"Start pump"_s, u"Level"_s}));
    QCOMPARE(storeNames(*m_store, 2), QStringList({u"Stop pump"_s, u"Lights"_s}));
    // Into the empty collection.
    const QModelIndex empty = m_model->index(3, 0);
    data.reset(m_model->mimeData({m_model->index(1, 0, office)}));
    QVERIFY(m_model->dropMimeData(data.get(), Qt::MoveAction, -1, 0, empty));
    QCOMPARE(storeNames(*m_store, 3), QStringList({u"Lights"_s}));
    QCOMPARE(tree(*m_model), u"Plant: Start pump, Level | Lab: Calibrate | Office: Stop pump | "
                             "Empty: Lights"_s);
}

void TestTemplateLibraryModel::dragRefusesCollectionsAndForeignData()
{
    // A collection is not dragged.
    QVERIFY(!m_model->mimeData({m_model->index(0, 0)}));
    QVERIFY(!(m_model->flags(m_model->index(0, 0)) & Qt::ItemIsDragEnabled));
    std::unique_ptr<QMimeData> data(
        m_model->mimeData({m_model->index(0, 0, m_model->index(0, 0))}));
    // Not between collections, not as a copy.
    QVERIFY(!m_model->canDropMimeData(data.get(), Qt::MoveAction, 1, 0, QModelIndex()));
    QVERIFY(!m_model->canDropMimeData(data.get(), Qt::CopyAction, 0, 0, m_model->index(1, 0)));
    QMimeData text;
    text.setText(u"plant"_s);
    QVERIFY(!m_model->canDropMimeData(&text, Qt::MoveAction, 0, 0, m_model->index(1, 0)));
    QVERIFY(!m_model->dropMimeData(&text, Qt::MoveAction, 0, 0, m_model->index(1, 0)));
    // Ids that are gone are skipped.
    QMimeData stale;
    stale.setData(QString::fromLatin1(TemplateLibraryModel::kMimeType), "no-such-id");
    QVERIFY(!m_model->dropMimeData(&stale, Qt::MoveAction, 0, 0, m_model->index(1, 0)));
    QCOMPARE(tree(*m_model), u"Plant: Start pump, Stop pump, Level | Lab: Calibrate | "
                             "Office: Lights | Empty: "_s);
}

void TestTemplateLibraryModel::dropWhileFiltering()
{
    m_model->setFilterText(u"pump"_s);
    const QModelIndex plant = m_model->index(0, 0);
    // Start pump dropped after the last one shown (Stop pump): before the hidden Level.
    std::unique_ptr<QMimeData> data(m_model->mimeData({m_model->index(0, 0, plant)}));
    QVERIFY(m_model->dropMimeData(data.get(), Qt::MoveAction, 2, 0, plant));
    QCOMPARE(storeNames(*m_store, 0), QStringList({u"Stop pump"_s, u"Start pump"_s, u"Level"_s}));
}

QTEST_GUILESS_MAIN(TestTemplateLibraryModel)
#include "tst_template_library_model.moc"
