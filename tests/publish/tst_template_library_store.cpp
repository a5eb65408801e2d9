// TemplateLibraryStore: loads the data directory's templates.json (a missing file is an empty
// library; an unreadable one is reported and never overwritten), saves edits after a short
// delay, at once on flush() and on destruction, reports write errors, and keeps counters.
#include "core/publish/template_library_json.h"
#include "core/publish/template_library_store.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace mqttdesk;
using namespace Qt::StringLiterals;

namespace {

PublishTemplate item(const QString &name, const QString &topic = {})
{
    PublishTemplate t;
    t.name = name;
    t.topic = topic;
    return t;
}

std::optional<TemplateLibrary> readBack(const QString &dir)
{
    QString error;
    return TemplateLibraryJson::load(TemplateLibraryJson::filePath(dir), &error);
}

} // namespace

class TestTemplateLibraryStore : public QObject
{
    Q_OBJECT
private slots:
    void missingFileIsAnEmptyLibrary();
    void editsAreSavedAfterADelay();
    void flushAndDestructionSave();
    void unreadableFileIsReportedAndKept();
    void saveErrorIsReported();
    void countersAreStored();
    void structuralSignalsBracketEdits();
};

void TestTemplateLibraryStore::missingFileIsAnEmptyLibrary()
{
    QTemporaryDir dir;
    TemplateLibraryStore store;
    QSignalSpy failed(&store, &TemplateLibraryStore::loadFailed);
    QVERIFY(store.load(dir.path()));
    QVERIFY(store.library().isEmpty());
    QCOMPARE(failed.count(), 0);
    QCOMPARE(store.filePath(), TemplateLibraryJson::filePath(dir.path()));
    QVERIFY(!QFile::exists(store.filePath())); // nothing written before an edit
}

void TestTemplateLibraryStore::editsAreSavedAfterADelay()
{
    QTemporaryDir dir;
    TemplateLibraryStore store;
    QVERIFY(store.load(dir.path()));
    QSignalSpy saved(&store, &TemplateLibraryStore::saved);
    QSignalSpy changed(&store, &TemplateLibraryStore::changed);
    const qsizetype c = store.addCollection({{}, u"Plant"_s, {}, {}, {}});
    store.addTemplate(c, item(u"Start"_s, u"plant/start"_s));
    store.addTemplate(c, item(u"Stop"_s, u"plant/stop"_s));
    QCOMPARE(changed.count(), 3);
    // Three edits in a row: one write, after the delay.
    QVERIFY(store.hasPendingSave());
    QCOMPARE(saved.count(), 0);
    QVERIFY(saved.wait(2000));
    QCOMPARE(saved.count(), 1);
    QVERIFY(!store.hasPendingSave());
    const auto back = readBack(dir.path());
    QVERIFY(back);
    QCOMPARE(*back, store.library());
}

void TestTemplateLibraryStore::flushAndDestructionSave()
{
    QTemporaryDir dir;
    {
        TemplateLibraryStore store;
        store.setSaveDelay(60000);
        QVERIFY(store.load(dir.path()));
        const qsizetype c = store.addCollection({{}, u"A"_s, {}, {}, {}});
        store.addTemplate(c, item(u"One"_s));
        QVERIFY(store.flush());
        QCOMPARE(readBack(dir.path())->collections().at(0).templates.size(), 1);
        store.addTemplate(c, item(u"Two"_s));
    } // destroyed with an edit pending: written now
    QCOMPARE(readBack(dir.path())->collections().at(0).templates.size(), 2);

    TemplateLibraryStore again;
    QVERIFY(again.load(dir.path()));
    QCOMPARE(again.collections().at(0).templates.at(1).name, u"Two"_s);
}

void TestTemplateLibraryStore::unreadableFileIsReportedAndKept()
{
    QTemporaryDir dir;
    const QString path = TemplateLibraryJson::filePath(dir.path());
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    const QByteArray broken = R"({"format": "mqttdesk-templates", "version": 1, "collections": [)";
    file.write(broken);
    file.close();

    TemplateLibraryStore store;
    QSignalSpy failed(&store, &TemplateLibraryStore::loadFailed);
    QSignalSpy saveFailed(&store, &TemplateLibraryStore::saveFailed);
    QVERIFY(!store.load(dir.path()));
    QCOMPARE(failed.count(), 1);
    QVERIFY2(failed.first().first().toString().contains(path),
             qPrintable(failed.first().first().toString()));
    QVERIFY(!store.loadError().isEmpty());
    QVERIFY(store.library().isEmpty());
    // The app goes on; an edit is kept in memory, and the file is not overwritten.
    store.addCollection({{}, u"New"_s, {}, {}, {}});
    QCOMPARE(store.collections().size(), 1);
    QVERIFY(!store.flush());
    QCOMPARE(saveFailed.count(), 1);
    QVERIFY(saveFailed.first().first().toString().contains(path));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), broken);
}

void TestTemplateLibraryStore::saveErrorIsReported()
{
    QTemporaryDir dir;
    // The "data directory" is a file: nothing can be written under it.
    const QString notADir = dir.filePath(u"plain-file"_s);
    QFile file(notADir);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.close();
    TemplateLibraryStore store;
    QVERIFY(store.load(notADir)); // missing file under it: empty
    QSignalSpy saveFailed(&store, &TemplateLibraryStore::saveFailed);
    store.addCollection({{}, u"A"_s, {}, {}, {}});
    QVERIFY(saveFailed.wait(2000));
    QVERIFY(!saveFailed.first().first().toString().isEmpty());
    QVERIFY(store.hasPendingSave()); // tried again on the next edit or flush
    QVERIFY(!store.flush());
    QCOMPARE(saveFailed.count(), 2);
}

void TestTemplateLibraryStore::countersAreStored()
{
    QTemporaryDir dir;
    TemplateLibraryStore store;
    QVERIFY(store.load(dir.path()));
    const qsizetype c = store.addCollection({{}, u"A"_s, {}, {}, {}});
    const TemplateIndex at = store.addTemplate(c, item(u"One"_s));
    const QString id = store.library().at(at).id;
    QSignalSpy changedTemplate(&store, &TemplateLibraryStore::templateChanged);
    QVERIFY(store.setCounter(id, 42));
    QCOMPARE(store.templateById(id)->counter, quint64(42));
    QCOMPARE(changedTemplate.count(), 1);
    QCOMPARE(changedTemplate.first().first().toString(), id);
    QVERIFY(store.flush());
    QCOMPARE(readBack(dir.path())->at(at).counter, quint64(42));
    QVERIFY(store.resetCounter(id));
    QCOMPARE(store.templateById(id)->counter, quint64(1));
    QVERIFY(!store.setCounter(u"gone"_s, 5));
}

void TestTemplateLibraryStore::structuralSignalsBracketEdits()
{
    TemplateLibraryStore store;
    QStringList order;
    connect(&store, &TemplateLibraryStore::aboutToRestructure, this, [&] { order << u"about"_s; });
    connect(&store, &TemplateLibraryStore::restructured, this, [&] { order << u"done"_s; });
    connect(&store, &TemplateLibraryStore::templateChanged, this, [&] { order << u"template"_s; });
    connect(&store, &TemplateLibraryStore::changed, this, [&] { order << u"changed"_s; });
    const qsizetype c = store.addCollection({{}, u"A"_s, {}, {}, {}});
    const TemplateIndex t = store.addTemplate(c, item(u"One"_s));
    store.renameTemplate(t, u"Uno"_s);
    store.duplicate(t);
    QCOMPARE(order,
             QStringList({u"about"_s, u"done"_s, u"changed"_s, u"about"_s, u"done"_s, u"changed"_s,
                          u"template"_s, u"changed"_s, u"about"_s, u"done"_s, u"changed"_s}));
    QCOMPARE(store.collections().at(0).templates.at(1).name, u"Uno (copy)"_s);
    // Nothing changes, nothing is said.
    order.clear();
    store.renameTemplate(t, u"Uno"_s);
    QVERIFY(order.isEmpty());
}

QTEST_GUILESS_MAIN(TestTemplateLibraryStore)
#include "tst_template_library_store.moc"
