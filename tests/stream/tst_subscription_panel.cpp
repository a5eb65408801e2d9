// SubscriptionListModel (under QAbstractItemModelTester) and SubscriptionPanel: adding with
// Enter, inline refusal of invalid filters, 5.0 options, SUBACK outcomes, routing, saving.
#include "core/protocol/topic.h"
#include "core/session/session_action.h"
#include "stream_test_support.h"
#include "ui/subscriptions/subscription_list_model.h"
#include "ui/subscriptions/subscription_panel.h"
#include "ui/subscriptions/subscription_persistence.h"

#include "core/payload/decoder_registry.h"
#include "core/workspace/profile_records.h"
#include "ui/widgets/decoder_combo.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTest>
#include <QToolButton>
#include <QTreeView>

using namespace mqttdesk;

class TestSubscriptionPanel : public QObject
{
    Q_OBJECT
private slots:
    void enterAddsWithOptions();
    void invalidFilterIsRefusedWithReason();
    void duplicateAndBadUserPropertiesRefused();
    void subackOutcomesShowOnEntry();
    void coloursAutoAssignedAndEditable();
    void routingPicksFirstEnabledMatch();
    void countsArriveFromTheCounter();
    void enableDisableSignals();
    void savedFormRoundTrips();
    void everyChangeIsSavedWithTheProfile();
    void filterEditKeepsAUsableWidth();
    void everyInputHasALabel();
    void rowsAddedWhileLoadingAreKept();
    void displayAsListsTheRegistryFormats();
};

void TestSubscriptionPanel::everyChangeIsSavedWithTheProfile()
{
    StreamTestStore store;
    QVERIFY(store.isReady());
    QVERIFY(store.ensureProfile(7));
    // Reads and writes go through the profile's records worker, never this thread.
    ProfileRecords records(store.path(), 7);

    // A fresh worker and model over the same database, once everything sent was written.
    auto reloaded = [&store, &records](qint64 profileId = 7) {
        auto model = std::make_unique<SubscriptionListModel>();
        [&] {
            QTRY_COMPARE(records.pendingRequests(), 0);
            ProfileRecords fresh(store.path(), profileId);
            SubscriptionPersistence persistence(model.get(), &fresh);
            QSignalSpy loaded(&persistence, &SubscriptionPersistence::loaded);
            persistence.load();
            QVERIFY(loaded.wait());
            QTRY_COMPARE(fresh.pendingRequests(), 0);
        }();
        return model;
    };

    SubscriptionListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    SubscriptionPersistence persistence(&model, &records);
    QSignalSpy errors(&persistence, &SubscriptionPersistence::errorOccurred);
    QSignalSpy loaded(&persistence, &SubscriptionPersistence::loaded);
    persistence.load();
    QVERIFY(loaded.wait());
    QCOMPARE(model.rowCount(), 0);

    SubscriptionPanel panel(&model);
    panel.filterEdit()->setText(QStringLiteral("a/#"));
    panel.qosBox()->setCurrentIndex(1);
    panel.noLocalBox()->setChecked(true);
    panel.retainAsPublishedBox()->setChecked(true);
    panel.retainHandlingBox()->setCurrentIndex(2);
    panel.subscriptionIdBox()->setValue(9);
    panel.userPropertiesEdit()->setText(QStringLiteral("k=v"));
    QVERIFY(panel.addFromForm());
    panel.filterEdit()->setText(QStringLiteral("b/+"));
    panel.userPropertiesEdit()->clear();
    panel.subscriptionIdBox()->setValue(0);
    QVERIFY(panel.addFromForm());
    panel.filterEdit()->setText(QStringLiteral("c"));
    QVERIFY(panel.addFromForm());

    auto saved = reloaded();
    QCOMPARE(saved->rowCount(), 3);
    const SubscriptionEntry &a = saved->at(0);
    QCOMPARE(a.subscription.filter, QStringLiteral("a/#"));
    QCOMPARE(a.subscription.options.qos, QoS::AtLeastOnce);
    QVERIFY(a.subscription.options.noLocal);
    QVERIFY(a.subscription.options.retainAsPublished);
    QCOMPARE(a.subscription.options.retainHandling, RetainHandling::DoNotSend);
    QCOMPARE(a.subscriptionIdentifier, std::optional<quint32>(9));
    QCOMPARE(a.userProperties.size(), 1);
    QCOMPARE(a.colour, model.at(0).colour);
    QCOMPARE(saved->at(1).subscription.filter, QStringLiteral("b/+"));
    QVERIFY(!saved->at(1).subscriptionIdentifier);
    // Rows saved several times before the first answer came are still written once.
    QVERIFY(model.at(0).storedId > 0);

    // Colour, alias, format, enable and remove are each saved at once.
    model.setColour(1, QColor(0xab, 0xcd, 0xef));
    model.setAlias(1, QStringLiteral("Bees"));
    model.setFormat(1, PayloadFormat::Hex);
    model.setEnabled(0, false);
    model.removeAt(2);
    saved = reloaded();
    QCOMPARE(saved->rowCount(), 2);
    QVERIFY(!saved->at(0).enabled);
    QCOMPARE(saved->at(0).state, SubscriptionEntry::State::Disabled);
    QCOMPARE(saved->at(1).colour, QStringLiteral("#abcdef"));
    QCOMPARE(saved->at(1).alias, QStringLiteral("Bees"));
    QCOMPARE(saved->at(1).format, PayloadFormat::Hex);
    QCOMPARE(saved->at(1).state, SubscriptionEntry::State::Inactive);
    QCOMPARE(errors.size(), 0);

    // A subscription of another profile is not this one's.
    QVERIFY(store.ensureProfile(8));
    QCOMPARE(reloaded(8)->rowCount(), 0);

    // A profile that does not exist cannot keep subscriptions: the error is reported.
    ProfileRecords orphanRecords(store.path(), 999);
    SubscriptionListModel orphan;
    SubscriptionPersistence orphanPersistence(&orphan, &orphanRecords);
    QSignalSpy orphanErrors(&orphanPersistence, &SubscriptionPersistence::errorOccurred);
    QSignalSpy orphanLoaded(&orphanPersistence, &SubscriptionPersistence::loaded);
    orphanPersistence.load();
    QVERIFY(orphanLoaded.wait());
    SubscriptionEntry entry;
    entry.subscription.filter = QStringLiteral("x");
    orphan.add(entry);
    QVERIFY(orphanErrors.wait());
    QCOMPARE(orphanErrors.size(), 1);
    QVERIFY(!orphanErrors.first().first().toString().isEmpty());
}

void TestSubscriptionPanel::rowsAddedWhileLoadingAreKept()
{
    StreamTestStore store;
    QVERIFY(store.isReady());
    QVERIFY(store.ensureProfile(3));
    {
        ProfileRecords records(store.path(), 3);
        SubscriptionListModel model;
        SubscriptionPersistence persistence(&model, &records);
        QSignalSpy loaded(&persistence, &SubscriptionPersistence::loaded);
        persistence.load();
        QVERIFY(loaded.wait());
        SubscriptionEntry e;
        e.subscription.filter = QStringLiteral("saved/one");
        model.add(e);
        e.subscription.filter = QStringLiteral("saved/two");
        model.add(e);
    } // the worker writes what it was sent before it ends

    ProfileRecords records(store.path(), 3);
    SubscriptionListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    SubscriptionPersistence persistence(&model, &records);
    QSignalSpy loaded(&persistence, &SubscriptionPersistence::loaded);
    persistence.load();
    // The user adds one before the saved ones arrived: nothing is lost, nothing doubled.
    SubscriptionEntry early;
    early.subscription.filter = QStringLiteral("early");
    model.add(early);
    QVERIFY(loaded.wait());
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.at(0).subscription.filter, QStringLiteral("saved/one"));
    QCOMPARE(model.at(1).subscription.filter, QStringLiteral("saved/two"));
    QCOMPARE(model.at(2).subscription.filter, QStringLiteral("early"));
    QTRY_COMPARE(records.pendingRequests(), 0);

    ProfileRecords again(store.path(), 3);
    SubscriptionListModel reread;
    SubscriptionPersistence rereadPersistence(&reread, &again);
    QSignalSpy rereadLoaded(&rereadPersistence, &SubscriptionPersistence::loaded);
    rereadPersistence.load();
    QVERIFY(rereadLoaded.wait());
    QCOMPARE(reread.rowCount(), 3);

    // An import (replaceAll) before the saved rows arrive replaces them.
    SubscriptionListModel imported;
    ProfileRecords importRecords(store.path(), 3);
    SubscriptionPersistence importPersistence(&imported, &importRecords);
    QSignalSpy importLoaded(&importPersistence, &SubscriptionPersistence::loaded);
    importPersistence.load();
    SubscriptionEntry only;
    only.subscription.filter = QStringLiteral("imported/#");
    imported.loadEntries({only});
    importPersistence.replaceAll();
    QVERIFY(importLoaded.wait());
    QCOMPARE(imported.rowCount(), 1);
    QTRY_COMPARE(importRecords.pendingRequests(), 0);
    ProfileRecords last(store.path(), 3);
    SubscriptionListModel after;
    SubscriptionPersistence afterPersistence(&after, &last);
    QSignalSpy afterLoaded(&afterPersistence, &SubscriptionPersistence::loaded);
    afterPersistence.load();
    QVERIFY(afterLoaded.wait());
    QCOMPARE(after.rowCount(), 1);
    QCOMPARE(after.at(0).subscription.filter, QStringLiteral("imported/#"));
}

void TestSubscriptionPanel::filterEditKeepsAUsableWidth()
{
    SubscriptionListModel model;
    SubscriptionPanel panel(&model);
    panel.resize(260, 600);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    const int wanted =
        panel.filterEdit()->fontMetrics().horizontalAdvance(QStringLiteral("sensors/+/temp"));
    QVERIFY2(panel.filterEdit()->width() >= wanted,
             qPrintable(QStringLiteral("%1 < %2").arg(panel.filterEdit()->width()).arg(wanted)));
}

void TestSubscriptionPanel::enterAddsWithOptions()
{
    SubscriptionListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    SubscriptionPanel panel(&model);
    panel.show();
    QSignalSpy added(&panel, &SubscriptionPanel::subscriptionAdded);
    panel.filterEdit()->setFocus();
    QTest::keyClicks(panel.filterEdit(), QStringLiteral("sensors/+/temp"));
    panel.qosBox()->setCurrentIndex(2);
    panel.noLocalBox()->setChecked(true);
    panel.retainAsPublishedBox()->setChecked(true);
    panel.retainHandlingBox()->setCurrentIndex(2);
    panel.subscriptionIdBox()->setValue(42);
    panel.userPropertiesEdit()->setText(QStringLiteral("a=1; b = two"));
    QTest::keyClick(panel.filterEdit(), Qt::Key_Return);
    QCOMPARE(added.size(), 1);
    QCOMPARE(model.rowCount(), 1);
    const SubscriptionEntry &e = model.at(0);
    QCOMPARE(e.subscription.filter, QStringLiteral("sensors/+/temp"));
    QCOMPARE(e.subscription.options.qos, QoS::ExactlyOnce);
    QVERIFY(e.subscription.options.noLocal);
    QVERIFY(e.subscription.options.retainAsPublished);
    QCOMPARE(e.subscription.options.retainHandling, RetainHandling::DoNotSend);
    QCOMPARE(e.subscriptionIdentifier, std::optional<quint32>(42));
    QCOMPARE(e.userProperties.size(), 2);
    QCOMPARE(e.userProperties.at(1).value, QStringLiteral("two"));
    QVERIFY(panel.filterEdit()->text().isEmpty());
    QVERIFY(panel.errorText().isEmpty());
}

void TestSubscriptionPanel::invalidFilterIsRefusedWithReason()
{
    SubscriptionListModel model;
    SubscriptionPanel panel(&model);
    panel.filterEdit()->setText(QStringLiteral("a/b#/c"));
    QVERIFY(!panel.addFromForm());
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(panel.errorText(), Topic::validateFilter(u"a/b#/c")->message());
    QCOMPARE(panel.filterEdit()->cursorPosition(), int(Topic::validateFilter(u"a/b#/c")->position));
    panel.filterEdit()->setText(QString());
    QVERIFY(!panel.addFromForm());
    QVERIFY(!panel.errorText().isEmpty());
}

void TestSubscriptionPanel::duplicateAndBadUserPropertiesRefused()
{
    SubscriptionListModel model;
    SubscriptionPanel panel(&model);
    panel.filterEdit()->setText(QStringLiteral("x/#"));
    QVERIFY(panel.addFromForm());
    panel.filterEdit()->setText(QStringLiteral("x/#"));
    QVERIFY(!panel.addFromForm());
    QVERIFY(panel.errorText().contains(QStringLiteral("x/#")));
    panel.filterEdit()->setText(QStringLiteral("y"));
    panel.userPropertiesEdit()->setText(QStringLiteral("novalue"));
    QVERIFY(!panel.addFromForm());
    QVERIFY(panel.errorText().contains(QStringLiteral("novalue")));
    QCOMPARE(model.rowCount(), 1);
}

void TestSubscriptionPanel::subackOutcomesShowOnEntry()
{
    SubscriptionListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    SubscriptionEntry a;
    a.subscription.filter = QStringLiteral("ok/#");
    SubscriptionEntry b;
    b.subscription.filter = QStringLiteral("denied/#");
    model.add(a);
    model.add(b);
    model.markPending(0, 7);
    model.markPending(1, 8);
    SubscribeResult granted;
    granted.token = 7;
    granted.subscriptions = {model.at(0).subscription};
    granted.reasonCodes = {ReasonCode(0x01)};
    model.applySubscribeResult(granted);
    QCOMPARE(model.at(0).state, SubscriptionEntry::State::Active);
    QCOMPARE(model.at(0).grantedQos, std::optional<int>(1));
    SubscribeResult refused;
    refused.token = 8;
    refused.subscriptions = {model.at(1).subscription};
    refused.reasonCodes = {ReasonCode(0x87)};
    model.applySubscribeResult(refused);
    QCOMPARE(model.at(1).state, SubscriptionEntry::State::Refused);
    const QString status = model.index(1, SubscriptionListModel::StatusColumn).data().toString();
    QVERIFY2(status.contains(QStringLiteral("0x87")), qPrintable(status));
    model.markInactive();
    QCOMPARE(model.at(0).state, SubscriptionEntry::State::Inactive);
    QCOMPARE(model.at(1).state, SubscriptionEntry::State::Refused);
}

void TestSubscriptionPanel::coloursAutoAssignedAndEditable()
{
    SubscriptionListModel model;
    SubscriptionEntry e;
    e.subscription.filter = QStringLiteral("a");
    model.add(e);
    e.subscription.filter = QStringLiteral("b");
    model.add(e);
    QVERIFY(!model.at(0).colour.isEmpty());
    QVERIFY(model.at(0).colour != model.at(1).colour);
    QSignalSpy looks(&model, &SubscriptionListModel::looksChanged);
    model.setColour(1, QColor(Qt::magenta));
    QCOMPARE(looks.size(), 1);
    QCOMPARE(model.index(1, 0).data(Qt::DecorationRole).value<QColor>(), QColor(Qt::magenta));
    QVERIFY(model.setData(model.index(1, SubscriptionListModel::AliasColumn),
                          QStringLiteral(" Hall "), Qt::EditRole));
    QCOMPARE(model.at(1).alias, QStringLiteral("Hall"));
}

void TestSubscriptionPanel::routingPicksFirstEnabledMatch()
{
    SubscriptionListModel model;
    SubscriptionEntry e;
    e.subscription.filter = QStringLiteral("home/#");
    e.colour = QColor(Qt::red).name();
    model.add(e);
    e.subscription.filter = QStringLiteral("home/+/temp");
    e.colour = QColor(Qt::blue).name();
    e.format = PayloadFormat::Hex;
    model.add(e);
    QCOMPARE(model.lookFor(QStringLiteral("home/kitchen/temp")).colour, QColor(Qt::red));
    model.setEnabled(0, false);
    const SubscriptionLook look = model.lookFor(QStringLiteral("home/kitchen/temp"));
    QCOMPARE(look.colour, QColor(Qt::blue));
    QCOMPARE(look.format, PayloadFormat::Hex);
    QVERIFY(!model.lookFor(QStringLiteral("garden")).colour.isValid());
    QVERIFY(!model.lookFor(QStringLiteral("$SYS/x")).colour.isValid());
}

void TestSubscriptionPanel::countsArriveFromTheCounter()
{
    SubscriptionListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    SubscriptionEntry e;
    e.subscription.filter = QStringLiteral("a/#");
    model.add(e);
    e.subscription.filter = QStringLiteral("a/b");
    e.enabled = false; // switched off rows are counted too: the history holds their messages
    model.add(e);
    e.subscription.filter = QStringLiteral("c");
    e.enabled = true;
    model.add(e);
    const QList<SubscriptionCounter::Filter> filters = model.countedFilters();
    QCOMPARE(filters.size(), 3);
    QCOMPARE(filters.at(1).filter, QStringLiteral("a/b"));
    QCOMPARE(filters.at(1).key, model.at(1).uid);

    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QHash<quint64, qint64> counts{{model.at(0).uid, 200}, {model.at(1).uid, 100}, {999, 5}};
    model.setCounts(counts);
    QCOMPARE(changed.size(), 1); // one signal for the rows that changed, count column only
    QCOMPARE(changed.first().at(0).value<QModelIndex>(),
             model.index(0, SubscriptionListModel::CountColumn));
    QCOMPARE(changed.first().at(1).value<QModelIndex>(),
             model.index(1, SubscriptionListModel::CountColumn));
    QCOMPARE(model.index(0, SubscriptionListModel::CountColumn).data().toLongLong(), 200);
    QCOMPARE(model.index(1, SubscriptionListModel::CountColumn).data().toLongLong(), 100);
    QCOMPARE(model.index(2, SubscriptionListModel::CountColumn).data().toLongLong(), 0);
    model.setCounts(counts);
    QCOMPARE(changed.size(), 1); // nothing changed: nothing said
}

void TestSubscriptionPanel::enableDisableSignals()
{
    SubscriptionListModel model;
    SubscriptionEntry e;
    e.subscription.filter = QStringLiteral("a");
    model.add(e);
    QSignalSpy enabled(&model, &SubscriptionListModel::enabledChanged);
    QVERIFY(model.setData(model.index(0, 0), Qt::Unchecked, Qt::CheckStateRole));
    QCOMPARE(enabled.size(), 1);
    QCOMPARE(enabled.at(0).at(1).toBool(), false);
    model.setEnabled(0, false); // no change, no signal
    QCOMPARE(enabled.size(), 1);
    model.setEnabled(0, true);
    QCOMPARE(enabled.size(), 2);
}

void TestSubscriptionPanel::savedFormRoundTrips()
{
    SubscriptionListModel model;
    SubscriptionEntry e;
    e.subscription.filter = QStringLiteral("$share/g/a/+");
    e.subscription.options.qos = QoS::AtLeastOnce;
    e.subscription.options.retainHandling = RetainHandling::SendIfNew;
    e.subscriptionIdentifier = 9;
    e.userProperties = {{QStringLiteral("k"), QStringLiteral("v")}};
    e.colour = QStringLiteral("#123456");
    e.alias = QStringLiteral("Shared");
    e.format = PayloadFormat::Json;
    e.enabled = false;
    model.add(e);
    SubscriptionListModel restored;
    QAbstractItemModelTester tester(&restored,
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    restored.loadJson(model.toJson());
    QCOMPARE(restored.rowCount(), 1);
    const SubscriptionEntry &r = restored.at(0);
    QCOMPARE(r.subscription, e.subscription);
    QCOMPARE(r.subscriptionIdentifier, e.subscriptionIdentifier);
    QCOMPARE(r.userProperties, e.userProperties);
    QCOMPARE(r.colour, e.colour);
    QCOMPARE(r.alias, e.alias);
    QCOMPARE(r.format, e.format);
    QCOMPARE(r.enabled, false);
    QCOMPARE(r.state, SubscriptionEntry::State::Disabled);
}

void TestSubscriptionPanel::everyInputHasALabel()
{
    SubscriptionListModel model;
    SubscriptionPanel panel(&model);
    QSet<QWidget *> buddies;
    for (QLabel *label : panel.findChildren<QLabel *>()) {
        if (label->buddy())
            buddies.insert(label->buddy());
    }
    for (QWidget *w :
         {static_cast<QWidget *>(panel.filterEdit()), static_cast<QWidget *>(panel.qosBox()),
          static_cast<QWidget *>(panel.retainHandlingBox()),
          static_cast<QWidget *>(panel.subscriptionIdBox()),
          static_cast<QWidget *>(panel.userPropertiesEdit())})
        QVERIFY(buddies.contains(w));
    for (QToolButton *b : panel.findChildren<QToolButton *>()) {
        QVERIFY2(!b->accessibleName().isEmpty(), qPrintable(b->text()));
        QVERIFY(!b->toolTip().isEmpty());
    }
}

void TestSubscriptionPanel::displayAsListsTheRegistryFormats()
{
    SubscriptionListModel model;
    SubscriptionPanel panel(&model);
    SubscriptionEntry entry;
    entry.subscription.filter = QStringLiteral("a/#");
    entry.format = PayloadFormat::Json;
    model.add(entry);
    QComboBox *box = nullptr;
    for (QLabel *label : panel.findChildren<QLabel *>()) {
        if (label->text() == SubscriptionPanel::tr("&Display as:"))
            box = qobject_cast<QComboBox *>(label->buddy());
    }
    QVERIFY(box);
    // The registry's list, in its order, by its names.
    const QList<const PayloadDecoder *> decoders =
        DecoderCombo::decoders(DecoderCombo::Offer::PayloadFormats);
    QCOMPARE(box->count(), decoders.size());
    // Every registered decoder a subscription can store (the enum names them; the ones with
    // options, such as numeric arrays, are chosen by decoding rule).
    int storable = 0;
    for (const PayloadDecoder *decoder : DecoderRegistry::instance().decoders())
        storable += payloadFormatFromKey(decoder->id()) ? 1 : 0;
    QCOMPARE(box->count(), storable);
    for (int i = 0; i < box->count(); ++i)
        QCOMPARE(box->itemText(i), decoders.at(i)->name());

    // Selecting the subscription shows its format; choosing another stores it.
    panel.listView()->setCurrentIndex(model.index(0, 0));
    QCOMPARE(DecoderCombo::currentId(box), QStringLiteral("json"));
    const int hex = box->findData(QStringLiteral("hex"));
    QVERIFY(hex >= 0);
    box->setCurrentIndex(hex);
    emit box->activated(hex);
    QCOMPARE(model.at(0).format, PayloadFormat::Hex);
}

QTEST_MAIN(TestSubscriptionPanel)
#include "tst_subscription_panel.moc"
