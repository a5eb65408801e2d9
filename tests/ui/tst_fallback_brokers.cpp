// The connection dialog's failover settings: the fallback brokers table (add, edit the
// transport and its default port, move, remove, a bad port), the order and server
// reference choices on the Advanced page, the DNS SRV box on the General page; saved and
// loaded with the profile, labelled for screen readers and in tab order.

#include "tests/support/scripted_prompts.h"
#include "ui/connections/server_reference_prompt.h"
#include "ui/dialogs/connection_dialog.h"
#include "ui/dialogs/fallback_brokers_table.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableWidget>
#include <QTest>

using namespace mqttdesk;

namespace {

template<typename T>
T *field(const QWidget &parent, const char *name)
{
    T *widget = parent.findChild<T *>(QLatin1String(name));
    if (!widget)
        qFatal("no widget %s", name);
    return widget;
}

QComboBox *transportOf(const FallbackBrokersTable &table, int row)
{
    return qobject_cast<QComboBox *>(table.table()->cellWidget(row, 2));
}

ConnectionProfile failoverProfile()
{
    ConnectionProfile p;
    p.name = QStringLiteral("Cluster");
    p.host = QStringLiteral("node-1.example.com");
    p.fallbackBrokers = {{QStringLiteral("node-2.example.com"), 1883, TransportScheme::Mqtt},
                         {QStringLiteral("10.0.0.3"), 8884, TransportScheme::Wss}};
    p.fallbackOrder = FallbackOrder::Random;
    p.serverReferencePolicy = ServerReferencePolicy::Never;
    return p;
}

} // namespace

class TestFallbackBrokers : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void tableEditsBrokers()
    {
        FallbackBrokersTable table;
        QSignalSpy changed(&table, &FallbackBrokersTable::changed);
        table.addBroker(QStringLiteral("a.example"));
        table.addBroker(QStringLiteral("b.example"), 1999, TransportScheme::Mqtts);
        QCOMPARE(changed.size(), 2);
        QCOMPARE(
            table.brokers(),
            (QList<FallbackBroker>{{QStringLiteral("a.example"), 1883, TransportScheme::Mqtt},
                                   {QStringLiteral("b.example"), 1999, TransportScheme::Mqtts}}));
        // Another transport brings its default port when the port was a default one...
        transportOf(table, 0)->setCurrentIndex(
            transportOf(table, 0)->findData(int(TransportScheme::Mqtts)));
        QCOMPARE(table.brokers().at(0).port, quint16(8883));
        QCOMPARE(table.brokers().at(0).scheme, TransportScheme::Mqtts);
        // ... and keeps one the user typed.
        transportOf(table, 1)->setCurrentIndex(
            transportOf(table, 1)->findData(int(TransportScheme::Ws)));
        QCOMPARE(table.brokers().at(1).port, quint16(1999));

        // Move the second up: it is tried first.
        QVERIFY(!table.upButton()->isEnabled());
        table.table()->selectRow(1);
        QVERIFY(table.upButton()->isEnabled());
        QVERIFY(!table.downButton()->isEnabled());
        table.upButton()->click();
        QCOMPARE(table.brokers().at(0).host, QStringLiteral("b.example"));
        QCOMPARE(table.brokers().at(0).scheme, TransportScheme::Ws);
        QCOMPARE(table.table()->currentRow(), 0);

        // A port that is not one is a problem in words; an empty row is no broker.
        table.table()->item(1, 1)->setText(QStringLiteral("port"));
        QVERIFY2(table.problem().contains(QLatin1String("fallback broker 2")),
                 qPrintable(table.problem()));
        QCOMPARE(table.brokers().at(1).port, quint16(0));
        table.addBroker();
        table.table()->item(2, 1)->setText(QString());
        QCOMPARE(table.brokers().size(), 2);

        table.table()->selectRow(0);
        table.removeButton()->click();
        QCOMPARE(table.brokers().size(), 1);
        QCOMPARE(table.brokers().first().host, QStringLiteral("a.example"));
    }

    void savedAndLoadedWithTheProfile()
    {
        ConnectionDialog dialog;
        dialog.setProfile(failoverProfile());
        const ConnectionProfile same = dialog.profile();
        QCOMPARE(same.fallbackBrokers, failoverProfile().fallbackBrokers);
        QCOMPARE(same.fallbackOrder, FallbackOrder::Random);
        QCOMPARE(same.serverReferencePolicy, ServerReferencePolicy::Never);
        QVERIFY(!same.srvLookup);

        auto *table = field<FallbackBrokersTable>(dialog, "transport.fallbacks");
        table->addBroker(QStringLiteral("node-4.example.com"), 1885);
        auto *order = field<QComboBox>(dialog, "transport.fallbackOrder");
        order->setCurrentIndex(order->findData(int(FallbackOrder::InOrder)));
        auto *policy = field<QComboBox>(dialog, "mqtt.serverReference");
        policy->setCurrentIndex(policy->findData(int(ServerReferencePolicy::Always)));
        field<QCheckBox>(dialog, "transport.srvLookup")->setChecked(true);
        const ConnectionProfile edited = dialog.profile();
        QCOMPARE(edited.fallbackBrokers.size(), 3);
        QCOMPARE(edited.fallbackBrokers.last().port, quint16(1885));
        QCOMPARE(edited.fallbackOrder, FallbackOrder::InOrder);
        QCOMPARE(edited.serverReferencePolicy, ServerReferencePolicy::Always);
        QVERIFY(edited.srvLookup);
        QVERIFY(dialog.saveButton()->isEnabled());
    }

    void badFallbackPortBlocksSaving()
    {
        ConnectionDialog dialog;
        dialog.setProfile(failoverProfile());
        auto *table = field<FallbackBrokersTable>(dialog, "transport.fallbacks");
        table->table()->item(0, 1)->setText(QStringLiteral("99999"));
        QVERIFY(!dialog.saveButton()->isEnabled());
        QVERIFY2(dialog.statusText().contains(QLatin1String("fallback broker 1")),
                 qPrintable(dialog.statusText()));
        table->table()->item(0, 1)->setText(QStringLiteral("1883"));
        table->table()->item(0, 0)->setText(QStringLiteral("bad host!"));
        QVERIFY(!dialog.saveButton()->isEnabled());
        table->table()->item(0, 0)->setText(QStringLiteral("node-2.example.com"));
        QVERIFY(dialog.saveButton()->isEnabled());
    }

    void srvLookupMakesThePortUnused()
    {
        ConnectionDialog dialog;
        ConnectionProfile p;
        p.name = QStringLiteral("Discovered");
        p.host = QStringLiteral("example.com");
        p.srvLookup = true;
        dialog.setProfile(p);
        auto *port = field<QLineEdit>(dialog, "transport.port");
        QVERIFY(!port->isEnabled());
        port->setText(QString()); // no port, no problem: DNS gives it
        QVERIFY2(dialog.saveButton()->isEnabled(), qPrintable(dialog.statusText()));
        QVERIFY(field<QLineEdit>(dialog, "transport.host")
                    ->placeholderText()
                    .contains(QLatin1String("domain")));
        field<QCheckBox>(dialog, "transport.srvLookup")->setChecked(false);
        QVERIFY(port->isEnabled());
        QVERIFY(!dialog.saveButton()->isEnabled());
    }

    void inputsAreNamedForScreenReaders()
    {
        ConnectionDialog dialog;
        auto *table = field<FallbackBrokersTable>(dialog, "transport.fallbacks");
        table->addBroker(QStringLiteral("x"));
        QVERIFY(!field<QCheckBox>(dialog, "transport.srvLookup")->text().isEmpty());
        for (QWidget *w : std::initializer_list<QWidget *>{
                 table->table(), field<QComboBox>(dialog, "transport.fallbackOrder"),
                 field<QComboBox>(dialog, "mqtt.serverReference")}) {
            bool labelled = !w->accessibleName().isEmpty();
            for (QLabel *label : dialog.findChildren<QLabel *>())
                labelled = labelled || label->buddy() == w;
            QVERIFY2(labelled, qPrintable(w->objectName()));
        }
        QVERIFY(!transportOf(*table, 0)->accessibleName().isEmpty());
        for (QPushButton *button :
             {table->addButton(), table->removeButton(), table->upButton(), table->downButton()})
            QVERIFY(!button->text().isEmpty() && !button->toolTip().isEmpty());
    }

    void tabOrderRunsThroughTheFailoverGroup()
    {
        ConnectionDialog dialog;
        dialog.setProfile(failoverProfile());
        dialog.show();
        QVERIFY(QTest::qWaitForWindowActive(&dialog));
        dialog.tabs()->setCurrentIndex(2);
        auto *table = field<FallbackBrokersTable>(dialog, "transport.fallbacks");
        const QList<QWidget *> expected{field<QComboBox>(dialog, "offline.mode"),
                                        table->table(),
                                        table->addButton(),
                                        table->removeButton(),
                                        table->upButton(),
                                        table->downButton(),
                                        field<QComboBox>(dialog, "transport.fallbackOrder"),
                                        field<QComboBox>(dialog, "mqtt.serverReference"),
                                        field<QComboBox>(dialog, "proxy.type")};
        // The buttons take focus only when enabled: the last row selected leaves Move down off.
        table->table()->selectRow(1);
        QVERIFY(table->upButton()->isEnabled());
        QVERIFY(!table->downButton()->isEnabled());
        QList<QWidget *> order = expected;
        order.removeAll(table->downButton());
        order.first()->setFocus(Qt::TabFocusReason);
        QTRY_COMPARE(QApplication::focusWidget(), order.first());
        for (qsizetype i = 1; i < order.size(); ++i) {
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
            QTRY_VERIFY2(QApplication::focusWidget() == order.at(i),
                         qPrintable(QStringLiteral("step %1: %2")
                                        .arg(i)
                                        .arg(QApplication::focusWidget()->objectName())));
        }
    }

    void promptAsksAndRemembers()
    {
        ScriptedPrompts prompts;
        prompts.acceptNextAndRemember(true);
        const ServerReferencePrompt::Decision yes = ServerReferencePrompt::ask(
            nullptr, QStringLiteral("Cluster"), true, QStringLiteral("b:1 c:2"),
            {QStringLiteral("b:1"), QStringLiteral("c:2")});
        QVERIFY(yes.follow);
        QVERIFY(yes.remember);
        const Prompts::Request asked = prompts.last(Prompts::Kind::Question);
        QVERIFY2(asked.text.contains(QLatin1String("moved")), qPrintable(asked.text));
        QVERIFY(asked.text.contains(QLatin1String("b:1, c:2")));
        QVERIFY(asked.detailedText.contains(QLatin1String("b:1 c:2")));
        QVERIFY(!asked.rememberText.isEmpty());
        // No answer queued: declined, nothing remembered (Escape).
        const ServerReferencePrompt::Decision none =
            ServerReferencePrompt::ask(nullptr, QStringLiteral("Cluster"), false,
                                       QStringLiteral("b:1"), {QStringLiteral("b:1")});
        QVERIFY(!none.follow);
        QVERIFY(!none.remember);
    }
};

QTEST_MAIN(TestFallbackBrokers)
#include "tst_fallback_brokers.moc"
