#include "ui/connections/connection_list_model.h"

#include <QAbstractItemModelTester>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

using namespace mqttdesk;

namespace {

StoredProfile stored(qint64 id, const QString &name, const QString &folder, int port = 1883)
{
    StoredProfile p;
    p.id = id;
    p.uuid = QString::number(id);
    p.name = name;
    p.folder = folder;
    p.data = QJsonObject{{QStringLiteral("transport"),
                          QJsonObject{{QStringLiteral("host"), QStringLiteral("10.0.0.1")},
                                      {QStringLiteral("port"), port}}}};
    return p;
}

} // namespace

class TestConnectionListModel : public QObject
{
    Q_OBJECT
private slots:
    void treeOfFolders()
    {
        ConnectionListModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setProfiles({stored(1, QStringLiteral("Local"), {}),
                           stored(2, QStringLiteral("Prod A"), QStringLiteral("Production")),
                           stored(3, QStringLiteral("Prod B"), QStringLiteral("Production"), 8883),
                           stored(4, QStringLiteral("Lab"), QStringLiteral("Lab"))});
        QCOMPARE(model.rowCount(), 3); // Local, Production, Lab
        const QModelIndex local = model.index(0, 0);
        QCOMPARE(local.data().toString(), QStringLiteral("Local"));
        QCOMPARE(local.data(ConnectionListModel::HostPortRole).toString(),
                 QStringLiteral("10.0.0.1:1883"));
        QVERIFY(!local.data(ConnectionListModel::IsFolderRole).toBool());
        QCOMPARE(model.rowCount(local), 0);

        const QModelIndex production = model.index(1, 0);
        QVERIFY(production.data(ConnectionListModel::IsFolderRole).toBool());
        QCOMPARE(production.data().toString(), QStringLiteral("Production"));
        QCOMPARE(model.rowCount(production), 2);
        const QModelIndex prodB = model.index(1, 0, production);
        QCOMPARE(prodB.data().toString(), QStringLiteral("Prod B"));
        QCOMPARE(prodB.parent(), production);
        QCOMPARE(model.profileIdAt(prodB), qint64(3));
        QCOMPARE(model.indexOf(3), prodB);
        QCOMPARE(model.profileIdAt(production), qint64(0));
        QCOMPARE(model.folders(),
                 (QStringList{QStringLiteral("Production"), QStringLiteral("Lab")}));
        QVERIFY(!model.indexOf(99).isValid());

        // A reload keeps the tree consistent when folders disappear.
        model.setProfiles({stored(3, QStringLiteral("Prod B"), {})});
        QCOMPARE(model.rowCount(), 1);
        model.setProfiles({});
        QCOMPARE(model.rowCount(), 0);
    }

    void liveStatus()
    {
        ConnectionListModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setProfiles({stored(7, QStringLiteral("Broker"), QStringLiteral("F"))});
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.setStatus(7, ConnectionListModel::Status::Connecting);
        model.setStatus(7, ConnectionListModel::Status::Connecting); // no change, no signal
        model.setStatus(7, ConnectionListModel::Status::Connected);
        QCOMPARE(changed.size(), 2);
        const QModelIndex index = model.indexOf(7);
        QCOMPARE(changed.last().at(0).toModelIndex(), index);
        QCOMPARE(index.data(ConnectionListModel::StateRole).toInt(),
                 int(ConnectionListModel::Status::Connected));
        // The state survives a reload of the list.
        model.setProfiles({stored(7, QStringLiteral("Broker renamed"), {})});
        QCOMPARE(model.indexOf(7).data(ConnectionListModel::StateRole).toInt(),
                 int(ConnectionListModel::Status::Connected));
        QVERIFY(model.indexOf(7)
                    .data(Qt::AccessibleTextRole)
                    .toString()
                    .contains(QStringLiteral("Connected")));
    }

    void statusTextInTooltip()
    {
        ConnectionListModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setProfiles({stored(7, QStringLiteral("Broker"), {})});
        model.setStatus(7, ConnectionListModel::Status::Connecting);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        // The controller's text (a reconnect countdown) replaces the status word.
        model.setStatusText(7, QStringLiteral("Reconnecting in 3 s (attempt 2)"));
        model.setStatusText(7, QStringLiteral("Reconnecting in 3 s (attempt 2)")); // no signal
        QCOMPARE(changed.size(), 1);
        const QModelIndex index = model.indexOf(7);
        QVERIFY(index.data(Qt::ToolTipRole)
                    .toString()
                    .contains(QStringLiteral("(Reconnecting in 3 s (attempt 2))")));
        QVERIFY(index.data(Qt::AccessibleTextRole)
                    .toString()
                    .endsWith(QStringLiteral(", Reconnecting in 3 s (attempt 2)")));
        // A failure that stopped: "Failed", with its reason when there is one.
        QCOMPARE(ConnectionListModel::statusText(ConnectionListModel::Status::Error),
                 QStringLiteral("Failed"));
        QCOMPARE(ConnectionListModel::failedText(QStringLiteral("wrong passphrase.")),
                 QStringLiteral("Failed: wrong passphrase."));
        model.setStatus(7, ConnectionListModel::Status::Error);
        model.setStatusText(7, {});
        QVERIFY(index.data(Qt::ToolTipRole).toString().contains(QStringLiteral("(Failed)")));
    }

    void statusForSessionState()
    {
        QCOMPARE(ConnectionListModel::statusFor(SessionState::Connected),
                 ConnectionListModel::Status::Connected);
        QCOMPARE(ConnectionListModel::statusFor(SessionState::ReconnectWaiting),
                 ConnectionListModel::Status::Connecting);
        QCOMPARE(ConnectionListModel::statusFor(SessionState::Disconnected),
                 ConnectionListModel::Status::Disconnected);
    }
};

QTEST_MAIN(TestConnectionListModel)
#include "tst_connection_list_model.moc"
