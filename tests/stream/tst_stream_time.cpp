// Time travel in the stream over a real history with the background reader: "Jump to
// time…" moves the window to the messages around a time and selects the first at or after
// it; from there paging is seamless in both directions (every id once, in order, no page
// boundary to see) until the newest row is reached and the stream follows again; rows that
// arrive meanwhile are read on, not lost. The time range filters the stream (open at either
// end) and is named on the Time button. Both dialogs: fields, validation, keyboard.
#include "stream_test_support.h"
#include "ui/stream/jump_to_time_dialog.h"
#include "ui/stream/message_stream_model.h"
#include "ui/stream/message_stream_view.h"
#include "ui/stream/time_filter_button.h"
#include "ui/stream/time_range_dialog.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QDateTimeEdit>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QPushButton>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTest>

using namespace mqttdesk;

namespace {
constexpr int kWait = 20000;
constexpr int kMessages = 1200;
// Messages one second apart from a fixed, whole second, so times are exact.
constexpr qint64 kStartUs = 1'780'000'000'000'000;

qint64 timeOf(int i)
{
    return kStartUs + qint64(i) * 1'000'000;
}
QDateTime dateTimeOf(int i)
{
    return QDateTime::fromMSecsSinceEpoch(timeOf(i) / 1000);
}
} // namespace

class TestStreamTime : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void jumpSelectsTheFirstMessageAtOrAfterTheTime();
    void pagingFromAJumpIsSeamlessBothWays();
    void rowsArrivingAfterAJumpAreReadOn();
    void jumpPastTheNewestShowsTheNewest();
    void timeRangeFiltersTheStream();
    void jumpDialogAnswersThroughTheButton();
    void rangeDialogValidatesAndNamesTheRange();
    void rangeTextNamesEitherEnd();

private:
    void openView();
    // Scrolls to one end, once per page, until nothing more comes; the ids seen in order.
    QList<qint64> loadedIds() const;
    void scrollToEnd(bool bottom);

    std::unique_ptr<StreamTestStore> m_store;
    std::unique_ptr<MessageHistory> m_history;
    std::unique_ptr<MessageStreamModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
    std::unique_ptr<MessageStreamView> m_view;
    QList<qint64> m_ids; // by message number
};

void TestStreamTime::init()
{
    m_store = std::make_unique<StreamTestStore>();
    QVERIFY(m_store->isReady());
    QVERIFY(m_store->ensureProfile(1));
    QList<StoredMessage> messages;
    for (int i = 0; i < kMessages; ++i) {
        StoredMessage m = StreamTestStore::message(QStringLiteral("plant/line%1/t").arg(i % 3),
                                                   "n=" + QByteArray::number(i));
        m.receivedUs = timeOf(i);
        messages << m;
    }
    QVERIFY(m_store->store(messages));
    m_history = m_store->history();
    QVERIFY(m_history);
    // The ids the writer gave, in order (the newest page holds the last ones).
    StorageError error;
    PageRequest request = PageRequest::newest(kMessages);
    const MessagePage page = m_history->fetch(request, &error);
    QVERIFY(!error.isError());
    QCOMPARE(page.messages.size(), kMessages);
    m_ids.clear();
    for (auto it = page.messages.crbegin(); it != page.messages.crend(); ++it)
        m_ids << it->id;
}

void TestStreamTime::cleanup()
{
    m_view.reset();
    m_tester.reset();
    m_model.reset();
    m_history.reset();
    m_store.reset();
}

void TestStreamTime::openView()
{
    m_model = std::make_unique<MessageStreamModel>(m_history.get(), m_store->path());
    m_model->setPageSize(50);
    m_model->setMaxLoadedRows(200); // small, so that paging trims both ends
    m_tester = std::make_unique<QAbstractItemModelTester>(
        m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_view = std::make_unique<MessageStreamView>(m_model.get(), 1);
    m_view->resize(1000, 700);
    m_view->show();
    QTRY_VERIFY_WITH_TIMEOUT(m_model->rowCount() > 0 && !m_model->isLoading(), kWait);
}

QList<qint64> TestStreamTime::loadedIds() const
{
    QList<qint64> ids;
    for (int row = 0; row < m_model->rowCount(); ++row)
        ids << m_model->rowAt(row)->message.id;
    return ids;
}

void TestStreamTime::scrollToEnd(bool bottom)
{
    QScrollBar *bar = m_view->listView()->verticalScrollBar();
    bar->setValue(bottom ? bar->maximum() : bar->minimum());
}

void TestStreamTime::jumpSelectsTheFirstMessageAtOrAfterTheTime()
{
    openView();
    QVERIFY(m_model->isFollowing());
    QSignalSpy jumped(m_model.get(), &MessageStreamModel::jumped);
    // Half a second after message 600: the first at or after it is 601.
    m_view->jumpToTime(dateTimeOf(600).addMSecs(500));
    QVERIFY(jumped.wait(kWait));
    QVERIFY(!m_model->isFollowing());
    const QModelIndex current = m_view->listView()->currentIndex();
    QVERIFY(current.isValid());
    QCOMPARE(current.data(MessageStreamModel::IdRole).toLongLong(), m_ids.at(601));
    QCOMPARE(current.data(MessageStreamModel::TimeRole).toDateTime(), dateTimeOf(601));
    // About half a page each side of it, and the window reaches neither end.
    QVERIFY(m_model->canFetchOlder());
    QVERIFY(!m_model->reachesNewest());
    // It is on screen.
    QVERIFY(
        m_view->listView()->viewport()->rect().intersects(m_view->listView()->visualRect(current)));
}

void TestStreamTime::pagingFromAJumpIsSeamlessBothWays()
{
    openView();
    QSignalSpy jumped(m_model.get(), &MessageStreamModel::jumped);
    m_view->jumpToTime(dateTimeOf(300));
    QVERIFY(jumped.wait(kWait));

    // Down: each page lands after the last row, the oldest rows are trimmed, and the ids
    // stay consecutive: nothing skipped, nothing twice.
    QSignalSpy newer(m_model.get(), &MessageStreamModel::newerRowsAppended);
    for (int pages = 0; !m_model->reachesNewest() && pages < 40; ++pages) {
        const qint64 lastBefore = loadedIds().last();
        scrollToEnd(true);
        QTRY_VERIFY_WITH_TIMEOUT(loadedIds().last() != lastBefore || m_model->reachesNewest(),
                                 kWait);
        const QList<qint64> ids = loadedIds();
        const int first = int(m_ids.indexOf(ids.first()));
        QVERIFY(first >= 0);
        QCOMPARE(ids, m_ids.mid(first, ids.size()));
        QVERIFY(m_model->rowCount() <= m_model->maxLoadedRows());
    }
    QVERIFY(m_model->reachesNewest());
    QVERIFY(newer.size() >= 10);
    QCOMPARE(loadedIds().last(), m_ids.last());
    // At the newest row the stream follows again, without a reload.
    scrollToEnd(true);
    QTRY_VERIFY_WITH_TIMEOUT(m_model->isFollowing(), kWait);

    // Up again: older pages prepend, just as seamless.
    m_view->jumpToTime(dateTimeOf(900));
    QVERIFY(jumped.wait(kWait));
    QSignalSpy older(m_model.get(), &MessageStreamModel::olderRowsPrepended);
    for (int pages = 0; m_model->canFetchOlder() && pages < 40; ++pages) {
        scrollToEnd(false);
        QVERIFY(older.wait(kWait));
        const QList<qint64> ids = loadedIds();
        const int first = int(m_ids.indexOf(ids.first()));
        QCOMPARE(ids, m_ids.mid(first, ids.size()));
        QVERIFY(m_model->rowCount() <= m_model->maxLoadedRows());
    }
    QCOMPARE(loadedIds().first(), m_ids.first());
}

void TestStreamTime::rowsArrivingAfterAJumpAreReadOn()
{
    openView();
    QSignalSpy jumped(m_model.get(), &MessageStreamModel::jumped);
    m_view->jumpToTime(dateTimeOf(kMessages - 20));
    QVERIFY(jumped.wait(kWait));
    // The window reaches the newest row (the page is larger than what is left)...
    QVERIFY(m_model->reachesNewest());
    // ...until new rows arrive: they are counted, not appended, and reading on finds them.
    StoredMessage late = StreamTestStore::message(QStringLiteral("plant/late"), "late");
    late.receivedUs = timeOf(kMessages + 5);
    QVERIFY(m_store->store({late}));
    QTRY_VERIFY_WITH_TIMEOUT(m_model->pendingCount() == 1, kWait);
    QVERIFY(!m_model->reachesNewest());
    scrollToEnd(true);
    QTRY_VERIFY_WITH_TIMEOUT(m_model->reachesNewest() && m_model->rowCount() > 0 &&
                                 m_model->rowAt(m_model->rowCount() - 1)->message.topic ==
                                     QStringLiteral("plant/late"),
                             kWait);
    QCOMPARE(m_model->pendingCount(), 0);
    scrollToEnd(true);
    QTRY_VERIFY_WITH_TIMEOUT(m_model->isFollowing(), kWait);
}

void TestStreamTime::jumpPastTheNewestShowsTheNewest()
{
    openView();
    QSignalSpy jumped(m_model.get(), &MessageStreamModel::jumped);
    m_view->jumpToTime(dateTimeOf(kMessages + 1000));
    QVERIFY(jumped.wait(kWait));
    QCOMPARE(jumped.first().first().toInt(), m_model->rowCount() - 1);
    QCOMPARE(m_view->listView()->currentIndex().data(MessageStreamModel::IdRole).toLongLong(),
             m_ids.last());
    QVERIFY(m_model->reachesNewest());
    // Before the oldest: the oldest is selected.
    m_view->jumpToTime(dateTimeOf(-1000));
    QVERIFY(jumped.wait(kWait));
    QCOMPARE(m_view->listView()->currentIndex().data(MessageStreamModel::IdRole).toLongLong(),
             m_ids.first());
}

void TestStreamTime::timeRangeFiltersTheStream()
{
    openView();
    TimeFilterButton *button = m_view->timeButton();
    QVERIFY(!button->hasRange());
    QCOMPARE(button->text(), QStringLiteral("Time"));
    button->setRange(dateTimeOf(100), dateTimeOf(109));
    QCOMPARE(m_model->filter().fromUs, timeOf(100));
    QCOMPARE(m_model->filter().toUs, timeOf(109) + 999);
    QTRY_VERIFY_WITH_TIMEOUT(!m_model->isLoading() && m_model->rowCount() == 10, kWait);
    QCOMPARE(loadedIds(), m_ids.mid(100, 10));
    QVERIFY(button->isChecked());
    QVERIFY2(button->text().startsWith(QStringLiteral("Time: ")), qPrintable(button->text()));

    // Open at the start: everything up to message 4.
    button->setRange(std::nullopt, dateTimeOf(4));
    QTRY_VERIFY_WITH_TIMEOUT(!m_model->isLoading() && m_model->rowCount() == 5, kWait);
    QCOMPARE(loadedIds(), m_ids.mid(0, 5));
    // With a topic filter too: the parts compose.
    m_view->topicFilterEdit()->setText(QStringLiteral("plant/line1/#"));
    m_view->applyFilter();
    QTRY_VERIFY_WITH_TIMEOUT(!m_model->isLoading() && m_model->rowCount() == 2, kWait);
    QCOMPARE(loadedIds(), (QList<qint64>{m_ids.at(1), m_ids.at(4)}));

    // "Show all times" from the menu clears it.
    QMenu *menu = button->menu();
    QVERIFY(menu);
    QAction *clear = menu->actions().at(2);
    QVERIFY(clear->isEnabled());
    clear->trigger();
    QVERIFY(!button->hasRange());
    QVERIFY(!button->isChecked());
    QVERIFY(!clear->isEnabled());
    QVERIFY(!m_model->filter().fromUs && !m_model->filter().toUs);
    QTRY_VERIFY_WITH_TIMEOUT(!m_model->isLoading() && m_model->rowCount() > 2, kWait);
}

void TestStreamTime::jumpDialogAnswersThroughTheButton()
{
    openView();
    TimeFilterButton *button = m_view->timeButton();
    // Starts at the selected message's time.
    m_view->listView()->setCurrentIndex(m_model->index(m_model->rowCount() - 1));
    button->menu()->actions().at(0)->trigger();
    JumpToTimeDialog *dialog = button->jumpDialog();
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    QCOMPARE(dialog->dateTime(), dateTimeOf(kMessages - 1));
    // Labelled, and the editor has the focus.
    QCOMPARE(dialog->findChild<QLabel *>()->buddy(), dialog->editor());
    QVERIFY(!dialog->editor()->accessibleName().isEmpty());
    dialog->setDateTime(dateTimeOf(250));
    QSignalSpy jumped(m_model.get(), &MessageStreamModel::jumped);
    QTest::keyClick(dialog, Qt::Key_Return);
    QVERIFY(jumped.wait(kWait));
    QCOMPARE(m_view->listView()->currentIndex().data(MessageStreamModel::IdRole).toLongLong(),
             m_ids.at(250));
    QTRY_VERIFY(!button->jumpDialog());
}

void TestStreamTime::rangeDialogValidatesAndNamesTheRange()
{
    openView();
    TimeFilterButton *button = m_view->timeButton();
    button->menu()->actions().at(1)->trigger();
    TimeRangeDialog *dialog = button->rangeDialog();
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    // Both ends open at first; the edits are disabled until ticked.
    QVERIFY(!dialog->from() && !dialog->to());
    QVERIFY(!dialog->fromEdit()->isEnabled());
    QVERIFY(!dialog->fromEdit()->accessibleName().isEmpty());
    QVERIFY(!dialog->toEdit()->accessibleName().isEmpty());
    dialog->fromCheck()->setChecked(true);
    dialog->toCheck()->setChecked(true);
    dialog->fromEdit()->setDateTime(dateTimeOf(20));
    dialog->toEdit()->setDateTime(dateTimeOf(10));
    // The start after the end: said, and Apply is off.
    QVERIFY(!dialog->problem().isEmpty());
    QVERIFY(!dialog->applyButton()->isEnabled());
    dialog->toEdit()->setDateTime(dateTimeOf(29));
    QVERIFY(dialog->problem().isEmpty());
    QVERIFY(dialog->applyButton()->isEnabled());
    dialog->applyButton()->click();
    QCOMPARE(button->from(), dateTimeOf(20));
    QCOMPARE(button->to(), dateTimeOf(29));
    QTRY_VERIFY_WITH_TIMEOUT(!m_model->isLoading() && m_model->rowCount() == 10, kWait);
    QCOMPARE(loadedIds(), m_ids.mid(20, 10));

    // Reopened, it shows the range; "Last 15 minutes" opens the end and sets the start.
    QTRY_VERIFY(!button->rangeDialog());
    button->openRangeDialog();
    dialog = button->rangeDialog();
    QVERIFY(dialog);
    QCOMPARE(dialog->from(), dateTimeOf(20));
    QCOMPARE(dialog->to(), dateTimeOf(29));
    dialog->setLast(15 * 60);
    QVERIFY(!dialog->to());
    QVERIFY(dialog->from());
    QVERIFY(qAbs(dialog->from()->secsTo(QDateTime::currentDateTime()) - 15 * 60) <= 5);
    dialog->reject();
    QCOMPARE(button->to(), dateTimeOf(29)); // cancelled: unchanged
}

void TestStreamTime::rangeTextNamesEitherEnd()
{
    const QDateTime morning(QDate(2026, 12, 4), QTime(10, 2, 0));
    const QDateTime noon(QDate(2026, 12, 4), QTime(12, 0, 5));
    const QDate today(2026, 12, 4);
    QCOMPARE(TimeFilterButton::rangeText(morning, noon, today),
             QStringLiteral("10:02:00–12:00:05"));
    QCOMPARE(TimeFilterButton::rangeText(morning, std::nullopt, today),
             QStringLiteral("from 10:02:00"));
    QCOMPARE(TimeFilterButton::rangeText(std::nullopt, noon, today),
             QStringLiteral("until 12:00:05"));
    // Another day: the date is part of it.
    QCOMPARE(TimeFilterButton::rangeText(morning, std::nullopt, today.addDays(1)),
             QStringLiteral("from 2026-12-04 10:02:00"));
    QVERIFY(TimeFilterButton::rangeText(std::nullopt, std::nullopt, today).isEmpty());
}

QTEST_MAIN(TestStreamTime)
#include "tst_stream_time.moc"
