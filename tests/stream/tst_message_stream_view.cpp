// MessageStreamView's payload actions and export over a real history with the background
// reader: a 1 MB payload kept in storage's side table is read on the reader thread and then
// copied whole to the clipboard, shown, saved and resent; a message that is gone is an error
// the user sees; Export writes the whole filtered history (far more rows than the model holds)
// on a worker, with progress, and a canceled export stops and leaves the view usable. Keys,
// compact mode (remembered per connection), copy as a mosquitto_pub command, and the rare
// buttons that give way to the filter fields in a narrow window; hex previews that keep
// their ASCII column in narrow bubbles.
#include "core/payload/hex_dump.h"
#include "core/settings/app_settings.h"
#include "core/storage/database_connection.h"
#include "core/storage/message_eraser.h"
#include "core/workspace/history_export_job.h"
#include "stream_test_support.h"
#include "tests/support/scripted_prompts.h"
#include "ui/charts/chart_series_dialog.h"
#include "ui/i18n/language.h"
#include "ui/inspector/json_tree_view.h"
#include "ui/stream/history_export_bar.h"
#include "ui/stream/message_bubble_delegate.h"
#include "ui/stream/message_payload_actions.h"
#include "ui/stream/message_stream_model.h"
#include "ui/stream/message_stream_view.h"
#include "ui/stream/payload_viewer_dialog.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QCborMap>
#include <QCborValue>
#include <QClipboard>
#include <QComboBox>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLayout>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QToolButton>

using namespace mqttdesk;

namespace {
constexpr int kWait = 20000;

// 1 MB of printable text (rendered as Text, the clipboard gets it byte for byte).
QByteArray megabyte()
{
    QByteArray bytes;
    bytes.reserve(1024 * 1024);
    for (int i = 0; bytes.size() < 1024 * 1024; ++i)
        bytes += "reading " + QByteArray::number(i) + " ok; ";
    bytes.truncate(1024 * 1024);
    return bytes;
}
} // namespace

class TestMessageStreamView : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void copyOfALargePayloadArrivesWhole();
    void showAllSaveAndResendGetTheWholePayload();
    void smallPayloadNeedsNoRead();
    void goneMessageIsShownAsAnError();
    void exportWritesTheWholeFilteredHistory_data();
    void exportWritesTheWholeFilteredHistory();
    void canceledExportStopsAndTheViewStaysUsable();
    void enterAndDoubleClickOpenTheViewerSpaceExpands();
    void compactModeIsRememberedPerConnection();
    void copyAsMosquittoPubCommand();
    void rareButtonsMoveToAMenuWhenNarrow();
    void regexSearchBetweenSlashes();
    void hexBubblesKeepTheirAsciiColumn();
    void chartThisFromABubble();

private:
    void openView();
    // The lines a bubble shows of `row`'s hex preview of `payload` fit its width and end with
    // their ASCII column.
    void checkHexBubble(int row, const QByteArray &payload, int bytesPerLine);
    int rowOf(const QString &topic) const;

    std::unique_ptr<StreamTestStore> m_store;
    std::unique_ptr<MessageHistory> m_history;
    std::unique_ptr<MessageStreamModel> m_model;
    std::unique_ptr<MessageStreamView> m_view;
    QByteArray m_big;
    // Answers the view's prompts (file choosers) and records its messages.
    std::optional<ScriptedPrompts> m_prompts;
};

void TestMessageStreamView::init()
{
    m_prompts.emplace();
    m_store = std::make_unique<StreamTestStore>();
    QVERIFY(m_store->isReady());
    QVERIFY(m_store->ensureProfile(1));
    m_big = megabyte();
    QVERIFY(m_store->store({StreamTestStore::message(QStringLiteral("small"), "tiny"),
                            StreamTestStore::message(QStringLiteral("big/one"), m_big)}));
}

void TestMessageStreamView::cleanup()
{
    Language::install(*qApp, QStringLiteral("en")); // a failed check may leave zh_CN behind
    m_view.reset();
    m_model.reset();
    m_history.reset();
    m_store.reset();
}

void TestMessageStreamView::openView()
{
    m_history = m_store->history();
    QVERIFY(m_history);
    // As the app does: every read on the reader thread.
    m_model = std::make_unique<MessageStreamModel>(m_history.get(), m_store->path());
    m_view = std::make_unique<MessageStreamView>(m_model.get(), 1);
    m_view->resize(900, 600);
    m_view->show();
    QTRY_VERIFY_WITH_TIMEOUT(m_model->rowCount() > 0 && !m_model->isLoading(), kWait);
}

int TestMessageStreamView::rowOf(const QString &topic) const
{
    for (int row = 0; row < m_model->rowCount(); ++row) {
        if (m_model->rowAt(row)->message.topic == topic)
            return row;
    }
    return -1;
}

void TestMessageStreamView::copyOfALargePayloadArrivesWhole()
{
    openView();
    QAbstractItemModelTester tester(m_model.get(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    const int row = rowOf(QStringLiteral("big/one"));
    QVERIFY(row >= 0);
    // The page holds no payload for it: it stays in the side table until asked for.
    QVERIFY(m_model->rowAt(row)->message.payloadDeferred);
    QApplication::clipboard()->setText(QStringLiteral("before"));
    m_view->copyPayload(row);
    // Asked on the reader thread; nothing is read here.
    QCOMPARE(m_view->pendingPayloadReads(), 1);
    QCOMPARE(QApplication::clipboard()->text(), QStringLiteral("before"));
    QTRY_COMPARE_WITH_TIMEOUT(m_view->pendingPayloadReads(), 0, kWait);
    const QString copied = QApplication::clipboard()->text();
    QCOMPARE(copied.size(), m_big.size());
    QCOMPARE(copied.toUtf8(), m_big);
}

void TestMessageStreamView::showAllSaveAndResendGetTheWholePayload()
{
    openView();
    const int row = rowOf(QStringLiteral("big/one"));
    QVERIFY(row >= 0);

    m_view->showAll(row);
    QCOMPARE(m_view->findChild<PayloadViewerDialog *>(), nullptr); // not before the payload
    QTRY_VERIFY_WITH_TIMEOUT(m_view->findChild<PayloadViewerDialog *>(), kWait);
    auto *viewer = m_view->findChild<PayloadViewerDialog *>();
    QTRY_VERIFY_WITH_TIMEOUT(viewer->isRendered(), kWait);
    QCOMPARE(viewer->totalChars(), m_big.size());
    viewer->close();

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("saved.bin"));
    m_prompts->nextFile(path);
    m_view->savePayload(row);
    QTRY_COMPARE_WITH_TIMEOUT(m_view->pendingPayloadReads(), 0, kWait);
    QFile saved(path);
    QVERIFY(saved.open(QIODevice::ReadOnly));
    QCOMPARE(saved.readAll(), m_big);

    QSignalSpy resent(m_view.get(), &MessageStreamView::resendRequested);
    m_view->resend(row);
    QVERIFY(resent.wait(kWait));
    const auto message = resent.first().first().value<StoredMessage>();
    QCOMPARE(message.topic, QStringLiteral("big/one"));
    QCOMPARE(message.payload, m_big);
    QVERIFY(!message.payloadDeferred);
}

void TestMessageStreamView::smallPayloadNeedsNoRead()
{
    openView();
    const int row = rowOf(QStringLiteral("small"));
    QVERIFY(row >= 0);
    m_view->copyPayload(row);
    // In memory already: copied at once, no round trip.
    QCOMPARE(m_view->pendingPayloadReads(), 0);
    QCOMPARE(QApplication::clipboard()->text(), QStringLiteral("tiny"));
}

void TestMessageStreamView::goneMessageIsShownAsAnError()
{
    openView();
    const int row = rowOf(QStringLiteral("big/one"));
    QVERIFY(row >= 0);
    // Removed behind the view's back (as retention or another window might).
    {
        DatabaseConnection connection(m_store->path(), QStringLiteral("test-erase"));
        const StorageError erased =
            connection.transaction([&] { return MessageEraser::eraseProfile(connection, 1); });
        QVERIFY2(!erased.isError(), qPrintable(erased.detail));
    }
    QApplication::clipboard()->setText(QStringLiteral("unchanged"));
    m_view->copyPayload(row);
    QTRY_COMPARE_WITH_TIMEOUT(m_view->pendingPayloadReads(), 0, kWait);
    const QString warning = m_prompts->last(Prompts::Kind::Warning).text;
    QVERIFY2(warning.contains(QStringLiteral("no longer stored")), qPrintable(warning));
    QCOMPARE(QApplication::clipboard()->text(), QStringLiteral("unchanged"));
}

void TestMessageStreamView::exportWritesTheWholeFilteredHistory_data()
{
    QTest::addColumn<QString>("file");
    QTest::addRow("json lines") << QStringLiteral("export.jsonl");
    QTest::addRow("csv") << QStringLiteral("export.csv");
}

void TestMessageStreamView::exportWritesTheWholeFilteredHistory()
{
    QFETCH(QString, file);
    // Far more matching rows than the model ever loads.
    QList<StoredMessage> flood;
    for (int i = 0; i < 3000; ++i)
        flood << StreamTestStore::message(i % 2 ? QStringLiteral("flood/odd")
                                                : QStringLiteral("flood/even"),
                                          "value " + QByteArray::number(i));
    QVERIFY(m_store->store(flood));
    openView();
    m_model->setPageSize(50);
    m_model->setMaxLoadedRows(100);
    m_view->topicFilterEdit()->setText(QStringLiteral("flood/even"));
    m_view->applyFilter();
    QTRY_VERIFY_WITH_TIMEOUT(!m_model->isLoading(), kWait);
    QVERIFY(m_model->rowCount() <= 100);

    QTemporaryDir dir;
    const QString path = dir.filePath(file);
    HistoryExportBar *bar = m_view->exportBar();
    QSignalSpy finished(bar, &HistoryExportBar::finished);
    m_prompts->nextFile(path);
    m_view->exportHistory();
    QVERIFY(bar->isRunning());
    QVERIFY(bar->isVisible());
    QVERIFY(finished.wait(kWait));
    QCOMPARE(finished.first().at(0).toLongLong(), 1500);
    QVERIFY(!bar->isRunning());
    QVERIFY2(bar->statusText().contains(QStringLiteral("1,500")) ||
                 bar->statusText().contains(QStringLiteral("1500")),
             qPrintable(bar->statusText()));

    QFile out(path);
    QVERIFY(out.open(QIODevice::ReadOnly));
    QList<QByteArray> lines = out.readAll().split('\n');
    QCOMPARE(lines.takeLast(), QByteArray()); // ends with a line break
    if (file.endsWith(QLatin1String(".csv"))) {
        QVERIFY(lines.takeFirst().startsWith("id,time,"));
        QCOMPARE(lines.size(), 1500);
        for (int i = 0; i < lines.size(); ++i) {
            QVERIFY(lines.at(i).contains(",flood/even,"));
            QVERIFY(
                lines.at(i).contains(QByteArray(",text,value " + QByteArray::number(2 * i) + ",")));
        }
    } else {
        QCOMPARE(lines.size(), 1500);
        for (int i = 0; i < lines.size(); ++i) {
            const QJsonObject o = QJsonDocument::fromJson(lines.at(i)).object();
            QCOMPARE(o.value(QStringLiteral("topic")).toString(), QStringLiteral("flood/even"));
            QCOMPARE(o.value(QStringLiteral("payload")).toString(),
                     QStringLiteral("value %1").arg(2 * i));
        }
    }
}

void TestMessageStreamView::canceledExportStopsAndTheViewStaysUsable()
{
    QList<StoredMessage> flood;
    for (int i = 0; i < 20000; ++i)
        flood << StreamTestStore::message(QStringLiteral("many"), "row " + QByteArray::number(i));
    QVERIFY(m_store->store(flood));
    openView();
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("canceled.jsonl"));
    HistoryExportBar *bar = m_view->exportBar();
    QSignalSpy finished(bar, &HistoryExportBar::finished);
    QVERIFY(m_view->startExport(path));
    QVERIFY(!m_view->startExport(path)); // one at a time
    QVERIFY(!m_view->exportButton()->isEnabled());
    QVERIFY(bar->cancelButton()->isVisible());
    QTest::mouseClick(bar->cancelButton(), Qt::LeftButton);
    QVERIFY(finished.wait(kWait));
    QCOMPARE(finished.first().at(1).toBool(), true);
    QVERIFY(!bar->isRunning());
    QVERIFY(m_view->exportButton()->isEnabled());
    QVERIFY(!QFile::exists(path));
    QVERIFY2(bar->statusText().contains(QStringLiteral("no file was written")),
             qPrintable(bar->statusText()));
    // A language switch says the outcome again in the new language, at once.
    // (The switch posts LanguageChange: it lands once the event loop runs.)
    Language::install(*qApp, QStringLiteral("zh_CN"));
    QTRY_VERIFY2(!bar->statusText().contains(QStringLiteral("no file")),
                 qPrintable(bar->statusText()));
    QVERIFY(!bar->statusText().isEmpty());
    QVERIFY(bar->cancelButton()->text() != QStringLiteral("Dismiss"));
    QVERIFY(bar->progressBar()->accessibleName() != QStringLiteral("Export progress"));
    Language::install(*qApp, QStringLiteral("en"));
    QTRY_VERIFY2(bar->statusText().contains(QStringLiteral("no file was written")),
                 qPrintable(bar->statusText()));
    QCOMPARE(bar->cancelButton()->text(), QStringLiteral("Dismiss"));

    // The view goes on: filtering reloads, and a new export runs to the end.
    m_view->topicFilterEdit()->setText(QStringLiteral("big/#"));
    m_view->applyFilter();
    QTRY_VERIFY_WITH_TIMEOUT(!m_model->isLoading(), kWait);
    QCOMPARE(m_model->rowCount(), 1);
    QVERIFY(m_view->startExport(path));
    QVERIFY(finished.wait(kWait));
    QCOMPARE(finished.last().at(0).toLongLong(), 1);
    QVERIFY(QFile::exists(path));
}

void TestMessageStreamView::enterAndDoubleClickOpenTheViewerSpaceExpands()
{
    openView();
    const int row = rowOf(QStringLiteral("small"));
    QVERIFY(row >= 0);
    QListView *list = m_view->listView();
    list->setFocus();
    list->setCurrentIndex(m_model->index(row));
    QTest::keyClick(list, Qt::Key_Space);
    QVERIFY(m_model->index(row).data(MessageStreamModel::ExpandedRole).toBool());
    QTest::keyClick(list, Qt::Key_Space);
    QVERIFY(!m_model->index(row).data(MessageStreamModel::ExpandedRole).toBool());

    QTest::keyClick(list, Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(m_view->findChild<PayloadViewerDialog *>(), kWait);
    delete m_view->findChild<PayloadViewerDialog *>();

    list->scrollTo(m_model->index(row));
    const QPoint centre = list->visualRect(m_model->index(row)).center();
    // As a user does it: a press and release, then the double click.
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, centre);
    QTest::mouseDClick(list->viewport(), Qt::LeftButton, {}, centre);
    QTRY_VERIFY_WITH_TIMEOUT(m_view->findChild<PayloadViewerDialog *>(), kWait);
    delete m_view->findChild<PayloadViewerDialog *>();
}

void TestMessageStreamView::compactModeIsRememberedPerConnection()
{
    QTemporaryDir dir;
    AppSettings settings(dir.path());
    openView();
    m_view->setSettings(&settings);
    QVERIFY(!m_view->isCompact());
    QVERIFY(!m_view->listView()->uniformItemSizes()); // bubbles follow their content
    m_view->compactButton()->click();
    QVERIFY(m_view->isCompact());
    QCOMPARE(m_view->delegate()->mode(), MessageBubbleDelegate::Mode::Compact);
    QVERIFY(m_view->listView()->uniformItemSizes()); // one height for every row
    QVERIFY(settings.compactStream(1));

    // The same connection opened again is compact; another one is not.
    MessageStreamView again(m_model.get(), 1);
    again.setSettings(&settings);
    QVERIFY(again.isCompact());
    MessageStreamView other(m_model.get(), 2);
    other.setSettings(&settings);
    QVERIFY(!other.isCompact());

    m_view->compactButton()->click();
    QVERIFY(!settings.compactStream(1));
    QCOMPARE(m_view->delegate()->mode(), MessageBubbleDelegate::Mode::Bubbles);
    // The preview lines setting reaches the open view.
    settings.setPreviewLines(4);
    QCOMPARE(m_view->delegate()->previewLines(), 4);
}

void TestMessageStreamView::copyAsMosquittoPubCommand()
{
    openView();
    ConnectionSettings connection;
    connection.transport.host = QStringLiteral("broker.example");
    connection.transport.port = 1884;
    connection.session.username = QStringLiteral("ada");
    connection.session.password = QByteArrayLiteral("s3cret-pw");
    m_view->setCommandSettings(connection);
    const int row = rowOf(QStringLiteral("small"));
    m_view->copyAsCommand(row);
    const QString command = QApplication::clipboard()->text();
    QCOMPARE(command, QStringLiteral("mosquitto_pub -h 'broker.example' -p 1884 -V mqttv311 "
                                     "-u 'ada' -t 'small' -m 'tiny'"));
    QVERIFY(!command.contains(QStringLiteral("s3cret")));
    // The large payload is read first, then copied whole.
    m_view->copyAsCommand(rowOf(QStringLiteral("big/one")));
    QTRY_COMPARE_WITH_TIMEOUT(m_view->pendingPayloadReads(), 0, kWait);
    QVERIFY(QApplication::clipboard()->text().size() > m_big.size());
}

void TestMessageStreamView::rareButtonsMoveToAMenuWhenNarrow()
{
    openView();
    auto fieldsHaveRoom = [this] {
        return m_view->topicFilterEdit()->width() >= MessageStreamView::kMinFieldWidth &&
               m_view->searchEdit()->width() >= MessageStreamView::kMinFieldWidth;
    };
    // The stream's width in a 1280 px window beside the subscriptions.
    m_view->resize(950, 600);
    QTRY_VERIFY(m_view->moreButton()->isVisible());
    QVERIFY(!m_view->exportButton()->isVisible());
    QTRY_VERIFY(fieldsHaveRoom());
    QMenu *menu = m_view->moreButton()->menu();
    emit menu->aboutToShow();
    QStringList texts;
    for (const QAction *action : menu->actions())
        texts << action->text();
    QCOMPARE(texts, (QStringList{QStringLiteral("Decoding…"), m_view->exportButton()->text(),
                                 QStringLiteral("Clear…"), QStringLiteral("Diagnostics")}));
    menu->actions().at(3)->trigger(); // Diagnostics, from the menu
    QVERIFY(m_view->isDiagnosticsVisible());
    m_view->setDiagnosticsVisible(false);

    m_view->resize(1600, 600);
    QTRY_VERIFY(m_view->exportButton()->isVisible());
    QVERIFY(!m_view->moreButton()->isVisible());
    QVERIFY(!m_view->fieldsOnOwnRow());
    QTRY_VERIFY(fieldsHaveRoom());

    // Every width a window of 1280 px or more can leave the stream, down to a narrow 640:
    // the fields keep their room (on a row of their own when needed), and every visible
    // button stays whole inside the view.
    for (int width = 1600; width >= 640; width -= 40) {
        m_view->resize(width, 600);
        m_view->layout()->activate(); // the geometry the user would see, not a stale one
        QVERIFY2(fieldsHaveRoom(), qPrintable(QStringLiteral("at %1 px: %2 and %3")
                                                  .arg(width)
                                                  .arg(m_view->topicFilterEdit()->width())
                                                  .arg(m_view->searchEdit()->width())));
        for (QToolButton *button : m_view->findChildren<QToolButton *>()) {
            if (!button->isVisible() || button->parentWidget() != m_view.get())
                continue;
            QVERIFY2(button->geometry().right() < width &&
                         button->width() >= button->minimumSizeHint().width(),
                     qPrintable(QStringLiteral("%1 at %2 px").arg(button->text()).arg(width)));
        }
    }
    QVERIFY(m_view->fieldsOnOwnRow());
    m_view->resize(1600, 600);
    QTRY_VERIFY(!m_view->fieldsOnOwnRow());
    QTRY_VERIFY(fieldsHaveRoom());
}

void TestMessageStreamView::regexSearchBetweenSlashes()
{
    openView();
    QCOMPARE(m_model->rowCount(), 2);
    m_view->searchEdit()->setText(QStringLiteral("/^t.ny$/"));
    m_view->applyFilter();
    QCOMPARE(m_model->filter().payloadRegex, QStringLiteral("^t.ny$"));
    QVERIFY(m_model->filter().text.isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(!m_model->isLoading() && m_model->rowCount() == 1, kWait);
    QCOMPARE(m_model->rowAt(0)->message.topic, QStringLiteral("small"));
    // The 1 MB payload lives in the side table and is searched all the same.
    m_view->searchEdit()->setText(QStringLiteral("/(?i)READING 9999 OK/"));
    m_view->applyFilter();
    QTRY_VERIFY_WITH_TIMEOUT(!m_model->isLoading() && m_model->rowCount() == 1, kWait);
    QCOMPARE(m_model->rowAt(0)->message.topic, QStringLiteral("big/one"));

    // A broken pattern is named inline and changes nothing.
    const MessageFilter before = m_model->filter();
    m_view->searchEdit()->setText(QStringLiteral("/temp(/"));
    m_view->applyFilter();
    QVERIFY2(m_view->filterError().contains(QStringLiteral("regular expression")),
             qPrintable(m_view->filterError()));
    QVERIFY(m_view->filterError().contains(QStringLiteral("character 6")));
    QCOMPARE(m_model->filter(), before);
    // Plain words are words again.
    m_view->searchEdit()->setText(QStringLiteral("tiny"));
    m_view->applyFilter();
    QVERIFY(m_view->filterError().isEmpty());
    QCOMPARE(m_model->filter().text, QStringLiteral("tiny"));
    QVERIFY(m_model->filter().payloadRegex.isEmpty());
}

void TestMessageStreamView::checkHexBubble(int row, const QByteArray &payload, int bytesPerLine)
{
    const QModelIndex index = m_model->index(row);
    QCOMPARE(PayloadFormat(index.data(MessageStreamModel::FormatRole).toInt()), PayloadFormat::Hex);
    const QRect rowRect = m_view->listView()->visualRect(index);
    QCOMPARE(rowRect.width(), m_view->listView()->viewport()->width());
    const int room = MessageBubbleDelegate::previewWidth(rowRect.width());
    const QFontMetrics metrics(m_view->delegate()->payloadFont());
    const QStringList lines =
        index.data(MessageStreamModel::PreviewRole).toString().split(u'\n', Qt::SkipEmptyParts);
    const int shown = int(qMin<qsizetype>(lines.size(), m_view->delegate()->previewLines()));
    QVERIFY(shown > 1);
    for (int n = 0; n < shown; ++n) {
        const QString &line = lines.at(n);
        QCOMPARE(line.left(8).toInt(nullptr, 16), n * bytesPerLine);
        QString ascii;
        for (const char c : payload.mid(n * bytesPerLine, bytesPerLine))
            ascii += uchar(c) >= 0x20 && uchar(c) < 0x7f ? QChar(char16_t(c)) : QChar(u'.');
        QVERIFY2(line.endsWith(QLatin1Char('|') + ascii + QLatin1Char('|')), qPrintable(line));
        QVERIFY2(metrics.horizontalAdvance(line) <= room, qPrintable(line));
    }
}

// A bubble too narrow for 16 bytes and their ASCII shows 8 (or 4) a line, so that the lines
// it shows are whole; only the hex previews are rendered again; widening goes back to 16.
void TestMessageStreamView::hexBubblesKeepTheirAsciiColumn()
{
    QByteArray binary;
    for (int i = 0; i < 300; ++i)
        binary.append(i % 4 == 0 ? char(i & 0xff) : char('a' + i % 26));
    QVERIFY(m_store->store({StreamTestStore::message(QStringLiteral("bin/dump"), binary)}));
    openView();
    QAbstractItemModelTester tester(m_model.get(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    const int row = rowOf(QStringLiteral("bin/dump"));
    QVERIFY(row >= 0);
    // The large text payload's preview comes from the reader; it must be in before counting.
    const int big = rowOf(QStringLiteral("big/one"));
    QTRY_VERIFY_WITH_TIMEOUT(m_model->rowAt(big)->preview.has_value(), kWait);
    QCOMPARE(m_model->hexBytesPerLine(), 16);
    checkHexBubble(row, binary, 16);
    if (QTest::currentTestFailed())
        return;

    // As narrow as the view gets (beside the subscriptions in a small window): its bubbles,
    // 80 % of the row, hold 8 bytes and their ASCII, not 16.
    const int width = m_view->minimumSizeHint().width();
    const int room = MessageBubbleDelegate::previewWidth(width);
    const qreal digit =
        QFontMetricsF(m_view->delegate()->payloadFont()).horizontalAdvance(QLatin1Char('0'));
    QVERIFY(room < HexDump::lineLength(16) * digit);
    QVERIFY(room > (HexDump::lineLength(8) + 2) * digit);
    const quint64 rendered = m_model->previewsRendered();
    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
    m_view->resize(width, 600);
    QTRY_COMPARE(m_model->hexBytesPerLine(), 8);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.first().at(0).toModelIndex().row(), row);
    QCOMPARE(changed.first().at(1).toModelIndex().row(), row);
    checkHexBubble(row, binary, 8);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(m_model->previewsRendered(), rendered + 1); // the text previews stay as they were

    m_view->resize(900, 600);
    QTRY_COMPARE(m_model->hexBytesPerLine(), 16);
    checkHexBubble(row, binary, 16);
}

void TestMessageStreamView::chartThisFromABubble()
{
    QVERIFY(m_store->store(
        {StreamTestStore::message(QStringLiteral("meter/power"), " 1234.5\n"),
         StreamTestStore::message(QStringLiteral("meter/json"), R"({"id":"m1","w":"230.5"})")}));
    openView();
    QTRY_VERIFY_WITH_TIMEOUT(rowOf(QStringLiteral("meter/json")) >= 0, kWait);
    QSignalSpy requested(m_view.get(), &MessageStreamView::chartRequested);
    auto chartAction = [this](int row, QMenu &menu) {
        m_view->payloadActions()->addMessageActions(&menu, row);
        return menu.findChild<QAction *>(QStringLiteral("chartThis"));
    };

    // A number: charted at once, as the payload read as a number.
    QMenu numberMenu;
    QAction *number = chartAction(rowOf(QStringLiteral("meter/power")), numberMenu);
    QVERIFY(number);
    QCOMPARE(number->text(), QStringLiteral("C&hart this"));
    number->trigger();
    QCOMPARE(requested.size(), 1);
    ChartSeriesSpec spec = requested.takeFirst().first().value<ChartSeriesSpec>();
    QCOMPARE(spec.topicFilter, QStringLiteral("meter/power"));
    QCOMPARE(spec.extractor.kind, ExtractorSpec::Kind::Text);

    // JSON: asked, the first number (a string holding one) prefilled; charted on OK.
    QMenu jsonMenu;
    QAction *json = chartAction(rowOf(QStringLiteral("meter/json")), jsonMenu);
    QCOMPARE(json->text(), QStringLiteral("C&hart this…"));
    json->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(m_view->findChild<ChartSeriesDialog *>(), kWait);
    auto *dialog = m_view->findChild<ChartSeriesDialog *>();
    QCOMPARE(dialog->filterEdit()->text(), QStringLiteral("meter/json"));
    QCOMPARE(dialog->pathEdit()->text(), QStringLiteral("$.w"));
    dialog->unitEdit()->setText(QStringLiteral("W"));
    QVERIFY(dialog->okButton()->isEnabled());
    dialog->okButton()->click();
    QCOMPARE(requested.size(), 1);
    spec = requested.takeFirst().first().value<ChartSeriesSpec>();
    QCOMPARE(spec.topicFilter, QStringLiteral("meter/json"));
    QCOMPARE(spec.extractor.kind, ExtractorSpec::Kind::JsonPath);
    QCOMPARE(spec.extractor.path, QStringLiteral("$.w"));
    QCOMPARE(spec.extractor.unit, QStringLiteral("W"));
    QTRY_VERIFY(!m_view->findChild<ChartSeriesDialog *>()); // closed and deleted

    // A large payload that is not JSON is read whole first, then asked about.
    QMenu bigMenu;
    chartAction(rowOf(QStringLiteral("big/one")), bigMenu)->trigger();
    QCOMPARE(m_view->pendingPayloadReads(), 1);
    QTRY_VERIFY_WITH_TIMEOUT(m_view->findChild<ChartSeriesDialog *>(), kWait);
    dialog = m_view->findChild<ChartSeriesDialog *>();
    QCOMPARE(dialog->filterEdit()->text(), QStringLiteral("big/one"));
    dialog->reject();
    QCOMPARE(requested.size(), 0);

    // A row a decoding rule shows (CBOR): a field of it as the rules show it.
    DecodingRules rules;
    QVERIFY(rules.append({QStringLiteral("meter/cbor"), QStringLiteral("cbor"), {}}));
    m_model->setDecodingRules(rules);
    QVERIFY(m_store->store(
        {StreamTestStore::message(QStringLiteral("meter/cbor"),
                                  QCborValue(QCborMap{{QStringLiteral("id"), QStringLiteral("m2")},
                                                      {QStringLiteral("kw"), 1.25}})
                                      .toCbor())}));
    QTRY_VERIFY_WITH_TIMEOUT(rowOf(QStringLiteral("meter/cbor")) >= 0, kWait);
    QTRY_VERIFY(!m_view->findChild<ChartSeriesDialog *>());
    QMenu cborMenu;
    chartAction(rowOf(QStringLiteral("meter/cbor")), cborMenu)->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(m_view->findChild<ChartSeriesDialog *>(), kWait);
    dialog = m_view->findChild<ChartSeriesDialog *>();
    QCOMPARE(ExtractorSpec::Kind(dialog->kindCombo()->currentData().toInt()),
             ExtractorSpec::Kind::Decoded);
    QCOMPARE(dialog->decoderCombo()->currentData().toString(),
             QString(ExtractorSpec::kRulesDecoder));
    QCOMPARE(dialog->pathEdit()->text(), QStringLiteral("$.kw"));
    dialog->okButton()->click();
    QCOMPARE(requested.size(), 1);
    spec = requested.takeFirst().first().value<ChartSeriesSpec>();
    QCOMPARE(spec.extractor.decoder, QString(ExtractorSpec::kRulesDecoder));
    QCOMPARE(spec.extractor.path, QStringLiteral("$.kw"));

    // Show all: "Chart this" in its JSON tree reaches the stream's owner too.
    m_view->showAll(rowOf(QStringLiteral("meter/json")));
    QTRY_VERIFY_WITH_TIMEOUT(m_view->findChild<PayloadViewerDialog *>(), kWait);
    auto *viewer = m_view->findChild<PayloadViewerDialog *>();
    QTRY_VERIFY_WITH_TIMEOUT(viewer->jsonTree()->isLoaded(), kWait);
    QMenu *treeMenu = viewer->jsonTree()->contextMenuFor(viewer->jsonTree()->model()->index(1, 0));
    treeMenu->findChild<QAction *>(QStringLiteral("chartThis"))->trigger();
    delete treeMenu;
    QCOMPARE(requested.size(), 1);
    spec = requested.takeFirst().first().value<ChartSeriesSpec>();
    QCOMPARE(spec.topicFilter, QStringLiteral("meter/json"));
    QCOMPARE(spec.extractor.path, QStringLiteral("$.w"));
    viewer->close();
}

QTEST_MAIN(TestMessageStreamView)
#include "tst_message_stream_view.moc"
