// ProfileRecords keeps a profile's chart panels on its worker thread: saved and loaded as
// the ordered JSON bodies ChartPanelStore keeps, answered on the caller's thread.

#include "core/storage/database.h"
#include "core/storage/profile_store.h"
#include "core/workspace/profile_records.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace mqttdesk;
using namespace Qt::StringLiterals;

class TstProfileRecordsCharts : public QObject
{
    Q_OBJECT

private slots:
    void savedAndLoadedOnTheWorker()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"records.sqlite"_s);
        qint64 profile = 0;
        {
            Database database(path);
            QVERIFY(!database.open().isError());
            StoredProfile p;
            p.name = u"Plant"_s;
            profile = ProfileStore(database.connection()).create(p);
            QVERIFY(profile > 0);
        }
        const QList<QJsonObject> panels{
            QJsonObject{{u"title"_s, u"Pressure"_s},
                        {u"series"_s, QJsonArray{QJsonObject{{u"filter"_s, u"p/#"_s}}}}},
            QJsonObject{{u"title"_s, u"Flow"_s}}};

        ProfileRecords records(path, profile);
        bool saved = false;
        QThread *savedOn = nullptr;
        records.saveChartPanels(panels, [&](const StorageError &error) {
            QVERIFY(!error.isError());
            savedOn = QThread::currentThread();
            saved = true;
        });
        QTRY_VERIFY(saved);
        QCOMPARE(savedOn, QThread::currentThread());

        ProfileRecords again(path, profile); // as after a restart
        std::optional<QList<QJsonObject>> loaded;
        again.loadChartPanels([&](const QList<QJsonObject> &list, const StorageError &error) {
            QVERIFY(!error.isError());
            loaded = list;
        });
        QTRY_VERIFY(loaded.has_value());
        QCOMPARE(*loaded, panels);
    }
};

QTEST_GUILESS_MAIN(TstProfileRecordsCharts)
#include "tst_profile_records_charts.moc"
