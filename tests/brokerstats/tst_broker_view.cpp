// The Broker tab against the real mosquitto of tests/fixture (sys_interval 1): shown, it
// subscribes to $SYS and shows the broker's version and a clients-connected figure that
// rises when a second client connects, with every $SYS topic in its tree; hidden, it
// unsubscribes. Offline it says "Not connected"; a broker without $SYS is named silent.

#include "core/brokerstats/broker_stats_watcher.h"
#include "tests/connection/client_probe.h"
#include "tests/connection/test_settings.h"
#include "tests/fixture/mosquitto_sub.h"
#include "tests/fixture/test_broker.h"
#include "ui/brokerstats/broker_view.h"
#include "ui/brokerstats/sparkline.h"

#include <QAbstractItemModel>
#include <QLabel>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>
#include <QTreeView>

using namespace mqttdesk;
using Listener = TestBroker::Listener;
using Figure = BrokerView::Figure;

namespace {

constexpr int kWait = 10000;

// A figure as a number ("12" or "1,234"); -1 while it shows no value.
qint64 figureValue(const QLabel *label)
{
    QString digits = label->text();
    digits.remove(QRegularExpression(QStringLiteral("[^0-9]")));
    return digits.isEmpty() ? -1 : digits.toLongLong();
}

} // namespace

class TstBrokerView : public QObject
{
    Q_OBJECT

private:
    TestBroker m_broker;

private slots:
    void initTestCase() { QVERIFY2(m_broker.start(), qPrintable(m_broker.errorString())); }

    void versionAndClients()
    {
        ClientProbe probe(
            TestSettings::forListener(m_broker, Listener::Plain, ProtocolVersion::V5));
        QVERIFY(probe.connectAndWait());
        BrokerView view(probe.connection());
        QVERIFY(!view.watcher()->isStarted()); // nothing subscribed before it is shown
        view.resize(1000, 700);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QVERIFY(view.watcher()->isStarted());

        // "mosquitto 2.0.11": the name and a version number.
        const QRegularExpression version(QStringLiteral("^mosquitto \\d+\\.\\d+"));
        QTRY_VERIFY_WITH_TIMEOUT(version.match(view.versionLabel()->text()).hasMatch(), kWait);
        QVERIFY(!view.uptimeLabel()->text().isEmpty());
        QLabel *connected = view.figureLabel(Figure::ClientsConnected);
        QTRY_VERIFY_WITH_TIMEOUT(figureValue(connected) >= 1, kWait);
        QVERIFY(!view.messageLabel()->isVisible());

        // A second client connects: the figure goes up at the next $SYS period.
        const qint64 before = figureValue(connected);
        MosquittoSub other;
        QVERIFY(other.start(m_broker.port(Listener::Plain), QStringLiteral("view/none")));
        QTRY_VERIFY_WITH_TIMEOUT(figureValue(connected) > before, kWait);

        // The tree: $SYS at the top, the broker's level under it, values beside.
        const QAbstractItemModel *model = view.topicsTree()->model();
        QCOMPARE(model->rowCount(), 1);
        const QModelIndex sys = model->index(0, 0);
        QCOMPARE(sys.data().toString(), QStringLiteral("$SYS"));
        QVERIFY(model->rowCount(sys) >= 1);
        QVERIFY(view.topicsTree()->isExpanded(sys));
        // Rates come from the growing counters, and their sparklines fill.
        QTRY_VERIFY_WITH_TIMEOUT(view.sparkline(BrokerStats::Rate::MessagesSent)->pointCount() >= 2,
                                 kWait);
        QVERIFY(figureValue(view.figureLabel(Figure::MessagesSent)) >= 0);

        // Hidden: $SYS/# is unsubscribed.
        QSignalSpy unsubscribed(view.watcher(), &BrokerStatsWatcher::unsubscribed);
        view.hide();
        QVERIFY(!view.watcher()->isStarted());
        QVERIFY(unsubscribed.wait(kWait));
    }

    void notConnected()
    {
        ClientProbe probe(
            TestSettings::forListener(m_broker, Listener::Plain, ProtocolVersion::V311));
        BrokerView view(probe.connection());
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QVERIFY(view.messageLabel()->isVisible());
        QCOMPARE(view.messageLabel()->text(), QStringLiteral("Not connected."));
        QCOMPARE(view.figureLabel(Figure::ClientsConnected)->text(), QStringLiteral("—"));
        // Connecting while shown: the figures arrive and the message goes.
        QVERIFY(probe.connectAndWait());
        QTRY_VERIFY_WITH_TIMEOUT(figureValue(view.figureLabel(Figure::ClientsConnected)) >= 1,
                                 kWait);
        QTRY_VERIFY_WITH_TIMEOUT(!view.messageLabel()->isVisible(), kWait);
    }

    void silentBroker()
    {
        TestBroker quiet(TestBroker::Options{.sysInterval = 0});
        QVERIFY2(quiet.start(), qPrintable(quiet.errorString()));
        ClientProbe probe(TestSettings::forListener(quiet, Listener::Plain, ProtocolVersion::V5));
        QVERIFY(probe.connectAndWait());
        BrokerView view(probe.connection());
        view.watcher()->setSilenceTimeout(1500);
        QSignalSpy silent(view.watcher(), &BrokerStatsWatcher::silent);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QVERIFY(silent.wait(kWait));
        QVERIFY(view.messageLabel()->isVisible());
        const QString text = view.messageLabel()->text();
        QVERIFY2(text.contains(QStringLiteral("published no $SYS topics within 1.5 s")),
                 qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("sys_interval")), qPrintable(text));
        QCOMPARE(view.versionLabel()->text(), QStringLiteral("—"));
    }
};

QTEST_MAIN(TstBrokerView)
#include "tst_broker_view.moc"
