// MessageBubbleDelegate: row heights that follow the payload's lines (known without measuring
// text, each payload decoded once), compact rows, a header that keeps QoS and time, and
// painting of awkward messages (long topics, empty, binary and invalid UTF-8 payloads,
// properties), received and published.
#include "core/protocol/codec.h"
#include "stream_test_support.h"
#include "ui/stream/message_bubble_delegate.h"
#include "ui/stream/message_stream_model.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QBuffer>
#include <QFontDatabase>
#include <QImage>
#include <QListView>
#include <QPainter>
#include <QSignalSpy>
#include <QTest>

using namespace mqttdesk;

namespace {
// Rows of the test history.
constexpr int kWithProps = 4;
constexpr int kFiveLines = 7;
constexpr int kThirteenLines = 8;
constexpr int kThirtyLines = 9;
constexpr int kRedelivered = 10;

QByteArray lines(int count)
{
    QByteArrayList list;
    for (int i = 1; i <= count; ++i)
        list << "line " + QByteArray::number(i);
    return list.join('\n');
}
} // namespace

class TestMessageBubbleDelegate : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void heightFollowsTheContent();
    void layoutRendersEachPreviewOnce();
    void headerKeepsQosAndTime();
    void redeliveryShownInEveryMode();
    void expandedRowIsTaller();
    void awkwardPayloadsRenderReadably();
    void paintsEveryRowWithoutTouchingOutsideIt();
    void bubbleSidesFollowDirection();
    void clickOnToggleExpands();
    void sizeTextNeedsNoQtCatalogue();
    void pictureOffersShowAllOnly();

private:
    std::unique_ptr<StreamTestStore> m_store;
    std::unique_ptr<MessageHistory> m_history;
    std::unique_ptr<MessageStreamModel> m_model;
};

void TestMessageBubbleDelegate::initTestCase()
{
    m_store = std::make_unique<StreamTestStore>();
    QVERIFY(m_store->isReady());
    Properties props;
    props.setString(PropertyId::ContentType, QStringLiteral("application/json"));
    props.addUserProperty(QStringLiteral("origin"), QStringLiteral("test"));
    StoredMessage withProps =
        StreamTestStore::message(QStringLiteral("props"), R"({"n":1,"s":"x","b":true})");
    withProps.properties = encodeProperties(props);
    QVERIFY(!withProps.properties.isEmpty());
    QList<StoredMessage> list;
    list << StreamTestStore::message(QStringLiteral("a/").repeated(300) + QStringLiteral("end"),
                                     "long topic");
    list << StreamTestStore::message(QStringLiteral("empty"), QByteArray());
    list << StreamTestStore::message(QStringLiteral("binary"),
                                     QByteArray("\x00\x01\x02\xff\xfe", 5));
    list << StreamTestStore::message(QStringLiteral("bad-utf8"), QByteArray("abc\xc3\x28 def"));
    list << withProps;
    list << StreamTestStore::message(QStringLiteral("mine"), "published",
                                     StoredMessage::Direction::Outgoing);
    list << StreamTestStore::message(QStringLiteral("big"), QByteArray(200000, 'x'));
    list << StreamTestStore::message(QStringLiteral("five"), lines(5));
    list << StreamTestStore::message(QStringLiteral("thirteen"), lines(13));
    list << StreamTestStore::message(QStringLiteral("thirty"), lines(30));
    StoredMessage redelivered = StreamTestStore::message(QStringLiteral("again"), "resent");
    redelivered.qos = 1;
    redelivered.retain = true;
    redelivered.dup = true;
    list << redelivered;
    QVERIFY(m_store->store(list));
    m_history = m_store->history();
    QVERIFY(m_history);
    m_model = std::make_unique<MessageStreamModel>(m_history.get());
    QCOMPARE(m_model->rowCount(), 11);
}

void TestMessageBubbleDelegate::heightFollowsTheContent()
{
    MessageBubbleDelegate delegate;
    QStyleOptionViewItem option;
    option.rect = QRect(0, 0, 800, 100);
    option.font = QApplication::font();
    auto height = [&](int row) { return delegate.sizeHint(option, m_model->index(row)).height(); };
    const int line =
        QFontMetrics(QFontDatabase::systemFont(QFontDatabase::FixedFont)).lineSpacing();
    const int header = QFontMetrics(option.font).lineSpacing();
    // One line of payload: the header, the line and a few pixels of frame, nothing more.
    const int one = height(0);
    QVERIFY2(one <= header + line + 12, qPrintable(QString::number(one)));
    for (int row : {1, 2, 3, 5})
        QVERIFY2(height(row) == one, qPrintable(QString::number(row)));
    // Lines as the payload has them, up to previewLines(); never "… 1 more line".
    QCOMPARE(height(kFiveLines), one + 4 * line);
    QCOMPARE(height(kThirteenLines), one + 12 * line);
    QCOMPARE(height(kThirtyLines), one + 11 * line + header);
    // A preview that leaves the payload's end out says so on a line of its own.
    QCOMPARE(height(6), one + header);
    delegate.setPreviewLines(3);
    QCOMPARE(height(kFiveLines), one + 2 * line + header);
    QCOMPARE(height(0), one);
    // Expanded shows every line of the preview; an empty properties section takes no room.
    m_model->setExpanded(kThirtyLines, true);
    QCOMPARE(height(kThirtyLines), one + 29 * line);
    m_model->setExpanded(kThirtyLines, false);
    m_model->setExpanded(0, true);
    QCOMPARE(height(0), one);
    m_model->setExpanded(0, false);
    // The width does not change a height: lines are clipped, never wrapped.
    option.rect.setWidth(300);
    QCOMPARE(height(kThirtyLines), one + 2 * line + header);

    // Compact: one row per message, all alike and lower than a bubble.
    delegate.setMode(MessageBubbleDelegate::Mode::Compact);
    const int compact = height(0);
    QVERIFY(compact < one);
    for (int row = 0; row < m_model->rowCount(); ++row)
        QCOMPARE(height(row), compact);
}

void TestMessageBubbleDelegate::layoutRendersEachPreviewOnce()
{
    // Laying out and painting every row, twice, decodes each payload once.
    auto model = std::make_unique<MessageStreamModel>(m_history.get());
    QCOMPARE(model->previewsRendered(), quint64(0));
    MessageBubbleDelegate delegate;
    QStyleOptionViewItem option;
    option.rect = QRect(0, 0, 800, 100);
    QImage image(800, 400, QImage::Format_ARGB32);
    QPainter painter(&image);
    for (int pass = 0; pass < 2; ++pass) {
        for (int row = 0; row < model->rowCount(); ++row) {
            option.rect.setHeight(delegate.sizeHint(option, model->index(row)).height());
            delegate.paint(&painter, option, model->index(row));
        }
    }
    QCOMPARE(model->previewsRendered(), quint64(model->rowCount()));
    QCOMPARE(model->previewLineCount(kThirtyLines), 30);
    QCOMPARE(model->previewLineCount(0), 1);
}

void TestMessageBubbleDelegate::headerKeepsQosAndTime()
{
    const QModelIndex index = m_model->index(kWithProps);
    const QFontMetrics fm(QApplication::font());
    const QString time =
        QLocale().toString(index.data(MessageStreamModel::TimeRole).toDateTime().time(),
                           QStringLiteral("HH:mm:ss.zzz"));
    const QString wide = MessageBubbleDelegate::headerFacts(index, fm, 2000);
    QVERIFY(wide.contains(QStringLiteral("JSON")) && wide.contains(QStringLiteral("bytes")));
    // Short of room, the format goes first, then the size; QoS and time stay.
    const QString noFormat =
        MessageBubbleDelegate::headerFacts(index, fm, fm.horizontalAdvance(wide) - 1);
    QVERIFY(!noFormat.contains(QStringLiteral("JSON")) &&
            noFormat.contains(QStringLiteral("bytes")));
    const QString narrow = MessageBubbleDelegate::headerFacts(index, fm, 10);
    QCOMPARE(narrow, QStringLiteral("QoS 0 · ") + time);
    QCOMPARE(MessageBubbleDelegate::moreText(0, false), QString());
    QCOMPARE(MessageBubbleDelegate::moreText(18, false), QStringLiteral("… 18 more lines"));
    QCOMPARE(MessageBubbleDelegate::moreText(0, true), QStringLiteral("… the payload goes on"));
}

// A QoS 1 message the broker sent again (DUP) is told apart wherever it is shown: in the
// bubble header, in a compact row's markers and in the tooltip (which explains the markers).
void TestMessageBubbleDelegate::redeliveryShownInEveryMode()
{
    const QModelIndex again = m_model->index(kRedelivered);
    const QModelIndex plain = m_model->index(kWithProps);
    const QFontMetrics fm(QApplication::font());
    QVERIFY(MessageBubbleDelegate::headerFacts(again, fm, 10).contains(QStringLiteral("DUP")));
    QVERIFY(!MessageBubbleDelegate::headerFacts(plain, fm, 2000).contains(QStringLiteral("DUP")));
    QCOMPARE(MessageBubbleDelegate::compactMarkers(again), QStringLiteral("↓ Q1 R D"));
    QCOMPARE(MessageBubbleDelegate::compactMarkers(plain), QStringLiteral("↓ Q0"));
    const QString tip = again.data(Qt::ToolTipRole).toString();
    QVERIFY2(tip.contains(QStringLiteral("retained")) && tip.contains(QStringLiteral("DUP")),
             qPrintable(tip));
    QVERIFY(!plain.data(Qt::ToolTipRole).toString().contains(QStringLiteral("DUP")));
}

void TestMessageBubbleDelegate::expandedRowIsTaller()
{
    MessageBubbleDelegate delegate;
    QStyleOptionViewItem option;
    option.rect = QRect(0, 0, 800, 100);
    const int collapsed = delegate.sizeHint(option, m_model->index(4)).height();
    m_model->setExpanded(4, true);
    const int expanded = delegate.sizeHint(option, m_model->index(4)).height();
    QVERIFY(expanded > collapsed);
    const QStringList props =
        m_model->index(4).data(MessageStreamModel::PropertiesRole).toStringList();
    QCOMPARE(props.size(), 2);
    QVERIFY(props.at(0).contains(QStringLiteral("application/json")));
    QVERIFY(props.at(1).contains(QStringLiteral("origin = test")));
    m_model->setExpanded(4, false);
}

void TestMessageBubbleDelegate::awkwardPayloadsRenderReadably()
{
    QCOMPARE(m_model->index(1).data(MessageStreamModel::PreviewRole).toString(), QString());
    QCOMPARE(m_model->index(1).data(MessageStreamModel::PayloadSizeRole).toLongLong(), 0);
    QCOMPARE(m_model->index(2).data(MessageStreamModel::FormatRole).toInt(),
             int(PayloadFormat::Hex));
    QVERIFY(m_model->index(2)
                .data(MessageStreamModel::PreviewRole)
                .toString()
                .contains(QStringLiteral("ff fe")));
    // Invalid UTF-8 never shows raw bytes: replacement characters in text, or hex.
    const QString bad = m_model->index(3).data(MessageStreamModel::PreviewRole).toString();
    QVERIFY(bad.contains(QChar(0xFFFD)) || bad.startsWith(QStringLiteral("00000000")));
    QCOMPARE(m_model->index(4).data(MessageStreamModel::FormatRole).toInt(),
             int(PayloadFormat::Json));
    // A large payload previews at most about 4 KiB and says it is truncated.
    QVERIFY(m_model->index(6).data(MessageStreamModel::PreviewRole).toString().size() <= 5000);
    QVERIFY(m_model->index(6).data(MessageStreamModel::TruncatedRole).toBool());
}

void TestMessageBubbleDelegate::paintsEveryRowWithoutTouchingOutsideIt()
{
    MessageBubbleDelegate delegate;
    for (int width : {320, 1280}) {
        for (int row = 0; row < m_model->rowCount(); ++row) {
            for (bool expanded : {false, true}) {
                m_model->setExpanded(row, expanded);
                QStyleOptionViewItem option;
                option.rect = QRect(0, 0, width, 10);
                option.rect.setHeight(delegate.sizeHint(option, m_model->index(row)).height());
                option.font = QApplication::font();
                option.palette = QApplication::palette();
                // Paint into the middle of a larger image; the border must stay untouched.
                QImage image(width + 40, option.rect.height() + 40, QImage::Format_ARGB32);
                image.fill(Qt::transparent);
                {
                    QPainter painter(&image);
                    painter.translate(20, 20);
                    painter.setClipRect(option.rect);
                    delegate.paint(&painter, option, m_model->index(row));
                }
                for (int x = 0; x < image.width(); ++x) {
                    QCOMPARE(qAlpha(image.pixel(x, 0)), 0);
                    QCOMPARE(qAlpha(image.pixel(x, image.height() - 1)), 0);
                }
                // Something was painted.
                bool painted = false;
                for (int x = 20; x < 20 + width && !painted; x += 3)
                    painted = qAlpha(image.pixel(x, 20 + option.rect.height() / 2)) != 0;
                QVERIFY2(painted,
                         qPrintable(QStringLiteral("row %1 width %2").arg(row).arg(width)));
            }
            m_model->setExpanded(row, false);
        }
    }
}

void TestMessageBubbleDelegate::bubbleSidesFollowDirection()
{
    MessageBubbleDelegate delegate;
    const QRect row(0, 0, 1000, 150);
    const QRect received = delegate.bubbleRect(row, m_model->index(0));
    const QRect published = delegate.bubbleRect(row, m_model->index(5));
    QVERIFY(received.left() < 20);
    QVERIFY(published.right() > 980);
    QVERIFY(received.width() < row.width());
}

void TestMessageBubbleDelegate::clickOnToggleExpands()
{
    QListView view;
    MessageBubbleDelegate delegate;
    view.setItemDelegate(&delegate);
    view.setModel(m_model.get());
    view.resize(900, 700);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QSignalSpy toggled(&delegate, &MessageBubbleDelegate::propertiesToggled);
    connect(&delegate, &MessageBubbleDelegate::propertiesToggled, m_model.get(),
            [this](const QModelIndex &i) { m_model->toggleExpanded(i.row()); });
    // The "2 props" toggle sits in the header line; a message without properties has none.
    auto findToggle = [&](const QModelIndex &index) {
        const QRect rect = view.visualRect(index);
        const int header = QFontMetrics(view.font()).lineSpacing();
        for (int y = rect.top(); y < rect.top() + header + 6; ++y) {
            for (int x = rect.left(); x < rect.right(); ++x) {
                if (delegate.hitTest(rect, index, QPoint(x, y)) ==
                    MessageBubbleDelegate::Hit::PropertiesToggle)
                    return QPoint(x, y);
            }
        }
        return QPoint();
    };
    QVERIFY(findToggle(m_model->index(0)).isNull());
    const QModelIndex index = m_model->index(kWithProps);
    view.scrollTo(index);
    const QPoint target = findToggle(index);
    QVERIFY(!target.isNull());
    QTest::mouseClick(view.viewport(), Qt::LeftButton, {}, target);
    QCOMPARE(toggled.size(), 1);
    QVERIFY(index.data(MessageStreamModel::ExpandedRole).toBool());
    m_model->setExpanded(kWithProps, false);
}

void TestMessageBubbleDelegate::sizeTextNeedsNoQtCatalogue()
{
    QLocale::setDefault(QLocale::c());
    QCOMPARE(MessageBubbleDelegate::sizeText(0), QStringLiteral("0 bytes"));
    QCOMPARE(MessageBubbleDelegate::sizeText(1), QStringLiteral("1 byte"));
    QCOMPARE(MessageBubbleDelegate::sizeText(12), QStringLiteral("12 bytes"));
    const QString kilo = MessageBubbleDelegate::sizeText(4096);
    QVERIFY2(kilo.startsWith(QLatin1Char('4')) && !kilo.contains(QStringLiteral("byte")),
             qPrintable(kilo));
    QLocale::setDefault(QLocale::system());
}

void TestMessageBubbleDelegate::pictureOffersShowAllOnly()
{
    // A picture's bubble is its thumbnail and a line naming it: Show all opens it, and no
    // "… the payload goes on" beside it. A large text payload still says it goes on.
    QImage picture(64, 48, QImage::Format_RGB32);
    picture.fill(Qt::darkCyan);
    QByteArray png;
    QBuffer buffer(&png);
    QVERIFY(buffer.open(QIODevice::WriteOnly));
    QVERIFY(picture.save(&buffer, "PNG"));
    StreamTestStore store;
    QVERIFY(store.isReady());
    QVERIFY(
        store.store({StreamTestStore::message(QStringLiteral("camera/1"), png),
                     StreamTestStore::message(QStringLiteral("big"), QByteArray(200000, 'x'))}));
    const auto history = store.history();
    MessageStreamModel model(history.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 2);
    MessageBubbleDelegate delegate;
    const QModelIndex camera = model.index(0);
    QCOMPARE(model.index(0).data(MessageStreamModel::DecoderNameRole).toString(),
             QStringLiteral("PNG"));
    QVERIFY(model.rowAt(0)->image);
    QVERIFY(model.isTruncated(0)); // the preview is not the payload: Show all is offered
    QCOMPARE(delegate.moreLine(camera), QString());
    QStyleOptionViewItem option;
    option.font = QApplication::font();
    option.rect = QRect(QPoint(0, 0), QSize(800, delegate.sizeHint(option, camera).height()));
    bool showAll = false;
    for (int y = option.rect.bottom(); y > option.rect.center().y() && !showAll; y -= 2) {
        for (int x = option.rect.right(); x > option.rect.center().x() && !showAll; x -= 4)
            showAll = delegate.hitTest(option.rect, camera, {x, y}) ==
                      MessageBubbleDelegate::Hit::ShowAll;
    }
    QVERIFY(showAll);
    QCOMPARE(delegate.moreLine(model.index(1)), QStringLiteral("… the payload goes on"));
}

QTEST_MAIN(TestMessageBubbleDelegate)
#include "tst_message_bubble_delegate.moc"
