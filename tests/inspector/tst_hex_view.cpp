// The hex view over payloads as large as MQTT sends: 100 MB open without their text ever being
// built, Ctrl+End paints the last line, the bytes per line follow the width with the top byte
// kept, keys and the mouse move the cursor and select, a selection copies as exact hex (a too
// large one is refused), marks and an empty payload paint safely; and a screenshot.

#include "core/process/resident_memory.h"
#include "tests/support/screenshot_check.h"
#include "ui/i18n/language.h"
#include "ui/inspector/hex_view.h"
#include "ui/theme/theme.h"

#include <QApplication>
#include <QClipboard>
#include <QDir>
#include <QElapsedTimer>
#include <QImage>
#include <QMouseEvent>
#include <QScrollBar>
#include <QSet>
#include <QSignalSpy>
#include <QTest>

#include <climits>

using namespace mqttdesk;
using namespace Qt::StringLiterals;

namespace {

constexpr qsizetype kBig = 100 * 1024 * 1024;

// Every byte value, in an order that does not repeat every line.
QByteArray pattern(qsizetype size)
{
    QByteArray bytes(size, Qt::Uninitialized);
    char *out = bytes.data();
    for (qsizetype i = 0; i < size; ++i)
        out[i] = char((i * 7 + i / 251) & 0xff);
    return bytes;
}

int distinctColours(const QImage &image, const QRect &area)
{
    QSet<QRgb> colours;
    const QRect clipped = area.intersected(image.rect());
    for (int y = clipped.top(); y <= clipped.bottom(); ++y)
        for (int x = clipped.left(); x <= clipped.right(); ++x)
            colours.insert(image.pixel(x, y));
    return int(colours.size());
}

QImage grabViewport(HexView &view)
{
    return view.viewport()->grab().toImage();
}

void sendMouse(QWidget *target, QEvent::Type type, const QPoint &pos, Qt::MouseButtons buttons,
               Qt::KeyboardModifiers modifiers = Qt::NoModifier)
{
    const Qt::MouseButton button = type == QEvent::MouseMove ? Qt::NoButton : Qt::LeftButton;
    QMouseEvent event(type, QPointF(pos), QPointF(target->mapToGlobal(pos)), button, buttons,
                      modifiers);
    QApplication::sendEvent(target, &event);
}

} // namespace

class TestHexView : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void hugePayloadOpensWithoutItsText();
    void ctrlEndPaintsTheLastLine();
    void bytesPerLineFollowTheWidth();
    void keyboardMovesAndSelects();
    void selectionCopiesAsHex();
    void tooLargeSelectionIsNotCopied();
    void mouseClickAndDrag();
    void marksAreMergedAndPaintedToTheEnd();
    void emptyPayloadShowsNothing();
    void scrollScaleKeepsTheIntRange();
    void accessible();
    void screenshot();

private:
    QByteArray m_big;
};

void TestHexView::initTestCase()
{
    if (qEnvironmentVariable("MQTTDESK_SCREENSHOT_PALETTE") == QLatin1String("dark"))
        QApplication::setPalette(Theme::darkPalette());
    Language::install(*qApp, u"en"_s);
    m_big = pattern(kBig);
}

void TestHexView::hugePayloadOpensWithoutItsText()
{
    const qint64 before = residentMemoryBytes();
    QVERIFY(before > 0);
    QElapsedTimer timer;
    timer.start();
    HexView view;
    view.setData(m_big);
    view.resize(900, 600);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    const QImage image = view.grab().toImage();
    // A figure, not an assertion; what keeps it quick is checked below: the view holds no
    // text of the dump (a full dump would be ~900 MB).
    qInfo("opened and painted in %lld ms", static_cast<long long>(timer.elapsed()));
    QVERIFY(!image.isNull());

    QCOMPARE(view.data().constData(), m_big.constData()); // shared, not copied
    QCOMPARE(view.bytesPerLine(), 16);
    QCOMPARE(view.lineCount(), kBig / 16);
    QVERIFY(view.visibleLines() > 10);
    QCOMPARE(qint64(view.verticalScrollBar()->maximum()), view.lineCount() - view.visibleLines());
    QCOMPARE(view.firstVisibleOffset(), 0);
    // The text of 100 MB would be ~900 MB of QString; the view builds a line at a time.
    const qint64 grown = residentMemoryBytes() - before;
    QVERIFY2(grown < 64 * 1024 * 1024, qPrintable(QString::number(grown)));
}

void TestHexView::ctrlEndPaintsTheLastLine()
{
    HexView view;
    view.setData(m_big);
    view.resize(900, 600);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QSignalSpy moved(&view, &HexView::cursorMoved);

    QTest::keyClick(&view, Qt::Key_End, Qt::ControlModifier);
    QCOMPARE(view.cursorOffset(), kBig - 1);
    QCOMPARE(moved.size(), 1);
    QCOMPARE(moved.first().first().toLongLong(), kBig - 1);
    QCOMPARE(view.verticalScrollBar()->value(), view.verticalScrollBar()->maximum());
    QVERIFY(view.firstVisibleOffset() + view.visibleLines() * view.bytesPerLine() >= kBig);

    const QImage image = grabViewport(view);
    const QRect last = view.byteRect(kBig - 1);
    QVERIFY(view.viewport()->rect().contains(last));
    const QRect line(0, last.top(), image.width(), last.height());
    QVERIFY2(distinctColours(image, line) > 2, "the last line is blank");
    QVERIFY(distinctColours(image, view.byteRect(kBig - 1, HexView::Column::Ascii)) > 1);

    QTest::keyClick(&view, Qt::Key_Home, Qt::ControlModifier);
    QCOMPARE(view.cursorOffset(), 0);
    QCOMPARE(view.firstVisibleOffset(), 0);
}

void TestHexView::bytesPerLineFollowTheWidth()
{
    HexView view;
    view.setData(m_big);
    view.resize(900, 400);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.goToOffset(50 * 1024 * 1024 + 5);
    const qint64 top = view.firstVisibleOffset();
    QCOMPARE(top, 50 * 1024 * 1024);
    QCOMPARE(view.bytesPerLine(), 16);

    QList<int> seen{16};
    for (int width = 900; width >= 150; width -= 5) {
        view.resize(width, 400);
        QTRY_COMPARE(view.width(), width);
        if (view.bytesPerLine() != seen.last()) {
            seen << view.bytesPerLine();
            // The top byte stays on the top line.
            QCOMPARE(view.firstVisibleOffset(), top);
            QCOMPARE(view.lineCount(), kBig / view.bytesPerLine());
        }
    }
    QCOMPARE(seen, (QList<int>{16, 8, 4}));
    QCOMPARE(view.cursorOffset(), 50 * 1024 * 1024 + 5);

    view.resize(900, 400);
    QTRY_COMPARE(view.bytesPerLine(), 16);
    QCOMPARE(view.firstVisibleOffset(), top);
}

void TestHexView::keyboardMovesAndSelects()
{
    HexView view;
    view.setData(m_big);
    view.resize(900, 400);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    const qint64 perLine = view.bytesPerLine();
    QSignalSpy selectionChanged(&view, &HexView::selectionChanged);

    view.setCursorOffset(1000);
    QTest::keyClick(&view, Qt::Key_Right);
    QCOMPARE(view.cursorOffset(), 1001);
    QTest::keyClick(&view, Qt::Key_Down);
    QCOMPARE(view.cursorOffset(), 1001 + perLine);
    QTest::keyClick(&view, Qt::Key_Up);
    QTest::keyClick(&view, Qt::Key_Left);
    QCOMPARE(view.cursorOffset(), 1000);
    QTest::keyClick(&view, Qt::Key_Home);
    QCOMPARE(view.cursorOffset(), 1000 - 1000 % perLine);
    QTest::keyClick(&view, Qt::Key_End);
    QCOMPARE(view.cursorOffset(), 1000 - 1000 % perLine + perLine - 1);
    QCOMPARE(selectionChanged.size(), 0);
    QCOMPARE(view.selection().second, 0);

    const qint64 page = view.visibleLines() * perLine;
    const qint64 topBefore = view.firstVisibleOffset();
    const qint64 at = view.cursorOffset();
    QTest::keyClick(&view, Qt::Key_PageDown);
    QCOMPARE(view.cursorOffset(), at + page);
    QCOMPARE(view.firstVisibleOffset(), topBefore + page);
    QTest::keyClick(&view, Qt::Key_PageUp);
    QCOMPARE(view.cursorOffset(), at);

    // Shift extends from where the cursor was, both ways across the anchor.
    view.setCursorOffset(2000);
    for (int i = 0; i < 3; ++i)
        QTest::keyClick(&view, Qt::Key_Right, Qt::ShiftModifier);
    QCOMPARE(view.selection(), HexView::Range(2000, 4));
    QTest::keyClick(&view, Qt::Key_Down, Qt::ShiftModifier);
    QCOMPARE(view.selection(), HexView::Range(2000, 4 + perLine));
    QCOMPARE(view.cursorOffset(), 2003 + perLine);
    QVERIFY(selectionChanged.size() >= 4);
    view.setCursorOffset(2000);
    QCOMPARE(view.selection().second, 0);
    QTest::keyClick(&view, Qt::Key_Left, Qt::ShiftModifier);
    QTest::keyClick(&view, Qt::Key_Left, Qt::ShiftModifier);
    QCOMPARE(view.selection(), HexView::Range(1998, 3));
    QTest::keyClick(&view, Qt::Key_Right); // a plain move drops the selection
    QCOMPARE(view.selection().second, 0);

    QTest::keyClick(&view, Qt::Key_End, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(view.selection(), HexView::Range(1999, kBig - 1999));
    QCOMPARE(view.cursorOffset(), kBig - 1);
}

void TestHexView::selectionCopiesAsHex()
{
    HexView view;
    view.setData(m_big);
    view.resize(900, 400);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    const qint64 perLine = view.bytesPerLine();

    view.setCursorOffset(4093);
    for (int i = 0; i < 5; ++i)
        QTest::keyClick(&view, Qt::Key_Right, Qt::ShiftModifier);
    QTest::keyClick(&view, Qt::Key_Down, Qt::ShiftModifier);
    const qint64 length = 6 + perLine;
    QCOMPARE(view.selection(), HexView::Range(4093, length));
    const QString expected = QString::fromLatin1(m_big.mid(4093, length).toHex(' '));
    QCOMPARE(view.selectedHex(), expected);
    QApplication::clipboard()->clear();
    QTest::keyClick(&view, Qt::Key_C, Qt::ControlModifier);
    QTRY_COMPARE(QApplication::clipboard()->text(), expected);
    QVERIFY(expected.startsWith(u"%1 "_s.arg(int(uchar(m_big.at(4093))), 2, 16, QChar(u'0'))));

    view.selectRange(kBig - 3, 10); // clamped to the data
    QCOMPARE(view.selection(), HexView::Range(kBig - 3, 3));
    QVERIFY(view.copy());
    QCOMPARE(QApplication::clipboard()->text(), QString::fromLatin1(m_big.right(3).toHex(' ')));
}

void TestHexView::tooLargeSelectionIsNotCopied()
{
    HexView view;
    view.setData(m_big);
    view.resize(900, 400);
    QSignalSpy refused(&view, &HexView::copyRefused);
    QApplication::clipboard()->setText(u"before"_s);

    QTest::keyClick(&view, Qt::Key_A, Qt::ControlModifier);
    QCOMPARE(view.selection(), HexView::Range(0, kBig));
    QCOMPARE(view.selectedHex(), QString());
    QTest::keyClick(&view, Qt::Key_C, Qt::ControlModifier);
    QCOMPARE(refused.size(), 1);
    QCOMPARE(refused.first().at(0).toLongLong(), kBig);
    QCOMPARE(refused.first().at(1).toLongLong(), HexView::kMaxCopyBytes);
    QCOMPARE(QApplication::clipboard()->text(), u"before"_s);

    view.selectRange(0, HexView::kMaxCopyBytes + 1);
    QVERIFY(!view.copy());
    QCOMPARE(refused.size(), 2);
    view.selectRange(0, HexView::kMaxCopyBytes); // exactly the limit still copies
    QCOMPARE(view.selectedHex().size(), 3 * HexView::kMaxCopyBytes - 1);
}

void TestHexView::mouseClickAndDrag()
{
    HexView view;
    view.setData(m_big);
    view.resize(900, 400);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.goToOffset(12345);
    const qint64 top = view.firstVisibleOffset();
    const qint64 perLine = view.bytesPerLine();
    QWidget *viewport = view.viewport();

    const qint64 hexByte = top + 2 * perLine + 9; // right of the gap after 8
    QTest::mouseClick(viewport, Qt::LeftButton, {}, view.byteRect(hexByte).center());
    QCOMPARE(view.cursorOffset(), hexByte);
    const qint64 asciiByte = top + 3 * perLine + 4;
    QTest::mouseClick(viewport, Qt::LeftButton, {},
                      view.byteRect(asciiByte, HexView::Column::Ascii).center());
    QCOMPARE(view.cursorOffset(), asciiByte);
    QCOMPARE(view.selection().second, 0);

    // A drag selects from the pressed byte to the one under the mouse.
    const qint64 from = top + perLine + 3;
    const qint64 to = top + 4 * perLine + 1;
    sendMouse(viewport, QEvent::MouseButtonPress, view.byteRect(from).center(), Qt::LeftButton);
    sendMouse(viewport, QEvent::MouseMove, view.byteRect(from + 5).center(), Qt::LeftButton);
    sendMouse(viewport, QEvent::MouseMove, view.byteRect(to).center(), Qt::LeftButton);
    sendMouse(viewport, QEvent::MouseButtonRelease, view.byteRect(to).center(), Qt::NoButton);
    QCOMPARE(view.selection(), HexView::Range(from, to - from + 1));
    QCOMPARE(view.cursorOffset(), to);

    // Shift+click extends the selection.
    sendMouse(viewport, QEvent::MouseButtonPress, view.byteRect(from - 2).center(), Qt::LeftButton,
              Qt::ShiftModifier);
    sendMouse(viewport, QEvent::MouseButtonRelease, view.byteRect(from - 2).center(), Qt::NoButton,
              Qt::ShiftModifier);
    QCOMPARE(view.selection(), HexView::Range(from - 2, 3));

    // Dragging below the viewport scrolls on.
    sendMouse(viewport, QEvent::MouseButtonPress, view.byteRect(top).center(), Qt::LeftButton);
    sendMouse(viewport, QEvent::MouseMove, QPoint(10, viewport->height() + 5), Qt::LeftButton);
    QVERIFY(view.firstVisibleOffset() > top);
    QVERIFY(view.selection().second > view.visibleLines() * perLine);
}

void TestHexView::marksAreMergedAndPaintedToTheEnd()
{
    HexView view;
    const QByteArray bytes = pattern(100);
    view.setData(bytes);
    view.resize(900, 400);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.setMarks({{90, 50}, {200, 10}, {-5, 3}, {10, 0}, {5, 10}, {8, 4}, {14, 2}});
    QCOMPARE(view.marks(), (QList<HexView::Range>{{5, 11}, {90, 50}, {200, 10}}));

    const QImage image = grabViewport(view);
    const QColor base = view.palette().color(QPalette::Base);
    // The half space left of a byte's digits: tinted when marked, plain when not.
    const auto leftOf = [&](qint64 offset) {
        const QRect cell = view.byteRect(offset);
        return image.pixelColor(cell.left() - 2, cell.center().y());
    };
    QVERIFY(leftOf(95) != base);
    QVERIFY(leftOf(6) != base);
    QCOMPARE(leftOf(3), base);
    QCOMPARE(leftOf(50), base);

    // A mark past the end of 100 MB, at the end.
    view.setData(m_big);
    QVERIFY(view.marks().isEmpty()); // new data, old marks go
    view.setMarks({{kBig - 10, 100}, {kBig + 5, 3}});
    QTest::keyClick(&view, Qt::Key_End, Qt::ControlModifier);
    const QImage end = grabViewport(view);
    const QRect cell = view.byteRect(kBig - 5);
    QVERIFY(end.pixelColor(cell.left() - 2, cell.center().y()) != base);
}

void TestHexView::emptyPayloadShowsNothing()
{
    HexView view;
    view.setData(m_big);
    view.resize(600, 300);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.goToOffset(kBig / 2);
    view.setData(QByteArray());

    QCOMPARE(view.lineCount(), 0);
    QCOMPARE(view.verticalScrollBar()->maximum(), 0);
    QCOMPARE(view.cursorOffset(), 0);
    QCOMPARE(view.firstVisibleOffset(), 0);
    for (const auto &[key, modifiers] :
         {std::pair{Qt::Key_End, Qt::ControlModifier}, std::pair{Qt::Key_Right, Qt::NoModifier},
          std::pair{Qt::Key_Down, Qt::ShiftModifier}, std::pair{Qt::Key_PageDown, Qt::NoModifier},
          std::pair{Qt::Key_A, Qt::ControlModifier}, std::pair{Qt::Key_C, Qt::ControlModifier}})
        QTest::keyClick(&view, key, modifiers);
    QTest::mouseClick(view.viewport(), Qt::LeftButton, {}, QPoint(50, 20));
    view.setMarks({{0, 10}});
    view.selectRange(0, 10);
    view.setCursorOffset(5);
    QCOMPARE(view.cursorOffset(), 0);
    QCOMPARE(view.selection(), HexView::Range(0, 0));
    QVERIFY(!view.copy());
    QCOMPARE(view.selectedHex(), QString());
    QVERIFY(view.byteRect(0).isNull());

    const QImage image = grabViewport(view);
    QCOMPARE(distinctColours(image, image.rect()), 1);
}

void TestHexView::scrollScaleKeepsTheIntRange()
{
    // 256 MB at 4 bytes a line still scrolls line by line.
    QCOMPARE(HexView::scrollScale(256LL * 1024 * 1024 / 4), 1);
    for (const qint64 lines :
         {qint64(INT_MAX / 2), qint64(INT_MAX / 2) + 1, qint64(INT_MAX), qint64(1) << 40}) {
        const qint64 scale = HexView::scrollScale(lines);
        QVERIFY(scale >= 1);
        QVERIFY2((lines + scale - 1) / scale <= INT_MAX / 2, qPrintable(QString::number(lines)));
    }
}

void TestHexView::accessible()
{
    HexView view;
    QCOMPARE(view.accessibleName(), u"Hex view"_s);
    QCOMPARE(view.focusPolicy(), Qt::StrongFocus);
}

void TestHexView::screenshot()
{
    QByteArray bytes = QByteArrayLiteral("{\"sensor\":\"pump-7\",\"temperature\":21.5,"
                                         "\"unit\":\"C\",\"ok\":true}\n");
    for (int i = 0; i < 256; ++i)
        bytes.append(char(i));
    bytes.append(pattern(300));

    HexView view;
    view.setData(bytes);
    view.resize(720, 380);
    view.show();
    view.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&view));
    view.setFocus();
    view.setMarks({{0x48, 6}});
    view.selectRange(0x0b, 26);

    const QImage image = view.grab().toImage();
    const QStringList problems = ScreenshotCheck::problems(&view, image, {view.viewport()});
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
    const QString dir = qEnvironmentVariable("MQTTDESK_SCREENSHOT_DIR");
    if (!dir.isEmpty()) {
        QVERIFY(QDir().mkpath(dir));
        QVERIFY(image.save(ScreenshotCheck::themed(QDir(dir).filePath(u"hex-view.png"_s))));
    }
}

QTEST_MAIN(TestHexView)
#include "tst_hex_view.moc"
