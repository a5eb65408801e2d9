// PayloadDiffDialog: two JSON readings as a structural diff, text as lines, binary as hex
// (compared off the GUI thread), F7 stepping through the differences, rows and bytes tinted
// with the theme's diff roles, texts retranslated, every input named, and screenshots.
#include "core/inspector/diff_model.h"
#include "tests/support/screenshot_check.h"
#include "ui/i18n/language.h"
#include "ui/inspector/diff_delegate.h"
#include "ui/inspector/payload_diff_dialog.h"
#include "ui/theme/theme.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QTableView>
#include <QTest>
#include <QTranslator>

using namespace mqttdesk;
using namespace Qt::StringLiterals;

namespace {

// A weather station's reading a minute apart: the temperature and wind changed, a rain
// gauge reported for the first time, the battery field is gone.
const QByteArray kBefore = R"({
  "station": "ws-roof-1",
  "ts": "2024-06-10T08:00:00Z",
  "temperature": {"value": 21.5, "unit": "°C"},
  "humidity": 48,
  "wind": {"speed": 3.2, "direction": 270},
  "battery": 3.71,
  "alerts": []
})";

const QByteArray kAfter = R"({
  "station": "ws-roof-1",
  "ts": "2024-06-10T08:01:00Z",
  "temperature": {"value": 22.1, "unit": "°C"},
  "humidity": 48,
  "wind": {"speed": 5.8, "direction": 265},
  "rain": {"mm": 0.2},
  "alerts": ["gust"]
})";

QByteArray logLines(bool edited)
{
    QByteArray text;
    for (int i = 0; i < 60; ++i) {
        QByteArray line = "08:" + QByteArray::number(i).rightJustified(2, '0') +
                          ":00 gw-2 uplink ok rssi=-7" + QByteArray::number(i % 10);
        if (edited && (i == 12 || i == 40))
            line = "08:" + QByteArray::number(i) + ":00 gw-2 uplink retry rssi=-95";
        text += line + '\n';
    }
    return text;
}

// Translates a few of the dialog's texts, to see them change without a catalogue entry.
class FakeTranslator : public QTranslator
{
public:
    bool isEmpty() const override { return false; }
    QString translate(const char *context, const char *source, const char *, int) const override
    {
        const QByteArrayView c(context);
        const QByteArrayView s(source);
        if (c == "mqttdesk::PayloadDiffDialog" && s == "Compare payloads")
            return u"比较载荷"_s;
        if (c == "mqttdesk::DiffModel" && s == "Path")
            return u"路径"_s;
        return {};
    }
};

int rowOf(const QTableView *view)
{
    return view->currentIndex().isValid() ? view->currentIndex().row() : -1;
}

bool hasColour(const QImage &image, const QColor &colour)
{
    const QRgb wanted = colour.rgb();
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            if (image.pixel(x, y) == wanted)
                return true;
    return false;
}

} // namespace

class TestPayloadDiffDialog : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void diffColoursKeepTextReadable();
    void jsonAsStructuralRows();
    void textAsLines();
    void binaryAsHex();
    void nextDifferenceMovesTheCurrentRow();
    void switchingModes();
    void retranslates();
    void everyInputIsNamed();
    void screenshots_data();
    void screenshots();
};

void TestPayloadDiffDialog::initTestCase()
{
    if (qEnvironmentVariable("MQTTDESK_SCREENSHOT_PALETTE") == QLatin1String("dark"))
        QApplication::setPalette(Theme::darkPalette());
    Language::install(*qApp, u"en"_s);
}

void TestPayloadDiffDialog::diffColoursKeepTextReadable()
{
    for (const QPalette &palette : {QApplication::palette(), Theme::darkPalette()}) {
        const QColor text = palette.color(QPalette::Text);
        const QList<QColor> roles = {Theme::diffAdded(palette), Theme::diffRemoved(palette),
                                     Theme::diffChanged(palette), Theme::diffByte(palette)};
        for (qsizetype i = 0; i < roles.size(); ++i) {
            QVERIFY2(Theme::contrast(roles.at(i), text) >= Theme::kTextContrast,
                     qPrintable(roles.at(i).name()));
            QVERIFY(roles.at(i) != palette.color(QPalette::Base));
            for (qsizetype j = 0; j < i; ++j)
                QVERIFY(roles.at(i) != roles.at(j));
        }
    }
}

void TestPayloadDiffDialog::jsonAsStructuralRows()
{
    PayloadDiffDialog dialog(u"weather/ws-roof-1 · 08:00:00"_s, kBefore,
                             u"weather/ws-roof-1 · 08:01:00"_s, kAfter);
    QAbstractItemModelTester tester(dialog.model(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(dialog.isComparing());
    QCOMPARE(dialog.findChild<QLabel *>(u"diffSummary"_s)->text(), u"Comparing…"_s);
    QSignalSpy compared(&dialog, &PayloadDiffDialog::compared);
    QVERIFY(compared.wait());
    QCOMPARE(dialog.mode(), PayloadDiffMode::Structural);
    DiffModel *model = dialog.model();
    QStringList paths;
    for (int row = 0; row < model->rowCount(); ++row)
        paths << model->index(row, 0).data().toString();
    // In the documents' order: the left's keys, then the keys only the right has.
    QCOMPARE(paths,
             (QStringList{u"$.ts"_s, u"$.temperature.value"_s, u"$.wind.speed"_s,
                          u"$.wind.direction"_s, u"$.battery"_s, u"$.alerts[0]"_s, u"$.rain"_s}));
    QCOMPARE(model->index(1, 1).data().toString(), u"21.5"_s);
    QCOMPARE(model->index(1, 2).data().toString(), u"22.1"_s);
    QCOMPARE(model->index(6, 2).data().toString(), u"{\"mm\":0.2}"_s);
    QCOMPARE(dialog.findChild<QLabel *>(u"diffSummary"_s)->text(),
             u"4 changed, 2 added, 1 removed"_s);
    QVERIFY(!dialog.findChild<QLabel *>(u"diffErrors"_s)->isVisibleTo(&dialog));
    // Every mode applies to JSON; the first difference is selected.
    auto *modes =
        qobject_cast<QStandardItemModel *>(dialog.findChild<QComboBox *>(u"diffMode"_s)->model());
    for (int i = 0; i < 3; ++i)
        QVERIFY(modes->item(i)->isEnabled());
    QCOMPARE(dialog.findChild<QComboBox *>(u"diffMode"_s)->currentText(), u"Structural"_s);
    QCOMPARE(rowOf(dialog.view()), 0);
}

void TestPayloadDiffDialog::textAsLines()
{
    PayloadDiffDialog dialog(u"gw/2/log · 08:00"_s, logLines(false), u"gw/2/log · 09:00"_s,
                             logLines(true), u"text"_s);
    QSignalSpy compared(&dialog, &PayloadDiffDialog::compared);
    QVERIFY(compared.wait());
    QCOMPARE(dialog.mode(), PayloadDiffMode::Lines);
    QCOMPARE(dialog.model()->rowCount(), 60);
    QCOMPARE(dialog.model()->columnCount(), 4);
    QCOMPARE(dialog.model()->rowKind(12), DiffModel::RowKind::Changed);
    QVERIFY(dialog.model()->index(12, 3).data().toString().contains(u"retry"_s));
    QCOMPARE(dialog.findChild<QLabel *>(u"diffSummary"_s)->text(), u"2 lines differ"_s);
    auto *modes =
        qobject_cast<QStandardItemModel *>(dialog.findChild<QComboBox *>(u"diffMode"_s)->model());
    QVERIFY(!modes->item(0)->isEnabled()); // not JSON
    QVERIFY(modes->item(1)->isEnabled());
    QCOMPARE(rowOf(dialog.view()), 12);
}

void TestPayloadDiffDialog::binaryAsHex()
{
    // Two firmware chunks from an OTA update: a patched byte and a longer tail.
    QByteArray left(200, '\0');
    for (int i = 0; i < left.size(); ++i)
        left[i] = char((i * 37) & 0xff);
    QByteArray right = left;
    right[70] = '\x90';
    right += QByteArray("\xde\xad\xbe\xef", 4);
    PayloadDiffDialog dialog(u"ota/chunk/17 · 1"_s, left, u"ota/chunk/17 · 2"_s, right);
    QSignalSpy compared(&dialog, &PayloadDiffDialog::compared);
    dialog.resize(1000, 400);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QTRY_COMPARE(compared.size(), 1);
    QCOMPARE(dialog.mode(), PayloadDiffMode::Hex);
    QCOMPARE(dialog.model()->rowCount(), 13);
    QCOMPARE(dialog.findChild<QLabel *>(u"diffSummary"_s)->text(), u"5 bytes differ"_s);
    auto *modes =
        qobject_cast<QStandardItemModel *>(dialog.findChild<QComboBox *>(u"diffMode"_s)->model());
    QVERIFY(!modes->item(0)->isEnabled());
    QVERIFY(!modes->item(1)->isEnabled());
    QVERIFY(modes->item(2)->isEnabled());
    QCOMPARE(rowOf(dialog.view()), 4); // offset 0x40 holds byte 70
    // The hex column is wide enough for a whole row, and the differing bytes are marked.
    const QFontMetrics metrics(dialog.view()->font());
    QVERIFY(dialog.view()->columnWidth(1) >=
            metrics.horizontalAdvance(dialog.model()->index(0, 1).data().toString()));
    dialog.view()->clearSelection();
    dialog.view()->setCurrentIndex({});
    QCoreApplication::processEvents();
    const QImage image = dialog.view()->viewport()->grab().toImage();
    QVERIFY(hasColour(image, Theme::diffByte(dialog.view()->palette())));
    QVERIFY(hasColour(image, Theme::diffChanged(dialog.view()->palette())));
}

void TestPayloadDiffDialog::nextDifferenceMovesTheCurrentRow()
{
    PayloadDiffDialog dialog(u"a"_s, logLines(false), u"b"_s, logLines(true));
    QSignalSpy compared(&dialog, &PayloadDiffDialog::compared);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowActive(&dialog));
    QTRY_COMPARE(compared.size(), 1);
    QCOMPARE(rowOf(dialog.view()), 12);
    QPushButton *next = nullptr;
    QPushButton *previous = nullptr;
    for (QPushButton *b : dialog.findChildren<QPushButton *>()) {
        if (b->text() == u"&Next difference"_s)
            next = b;
        if (b->text() == u"&Previous difference"_s)
            previous = b;
    }
    QVERIFY(next && previous);
    QVERIFY(next->toolTip().contains(u"F7"_s));
    QVERIFY(previous->toolTip().contains(u"Shift+F7"_s));
    next->click();
    QCOMPARE(rowOf(dialog.view()), 40);
    QVERIFY(!dialog.nextDifference()); // the last one
    QCOMPARE(rowOf(dialog.view()), 40);
    // The keys, from the table.
    dialog.view()->setFocus();
    QTest::keyClick(dialog.view(), Qt::Key_F7, Qt::ShiftModifier);
    QCOMPARE(rowOf(dialog.view()), 12);
    QTest::keyClick(dialog.view(), Qt::Key_Home, Qt::ControlModifier);
    QCOMPARE(rowOf(dialog.view()), 0);
    QTest::keyClick(dialog.view(), Qt::Key_F7);
    QCOMPARE(rowOf(dialog.view()), 12);
    QTest::keyClick(dialog.view(), Qt::Key_F7);
    QCOMPARE(rowOf(dialog.view()), 40);
    previous->click();
    QCOMPARE(rowOf(dialog.view()), 12);
}

void TestPayloadDiffDialog::switchingModes()
{
    PayloadDiffDialog dialog(u"a"_s, kBefore, u"b"_s, kAfter);
    QSignalSpy compared(&dialog, &PayloadDiffDialog::compared);
    QVERIFY(compared.wait());
    QCOMPARE(dialog.mode(), PayloadDiffMode::Structural);
    dialog.setMode(PayloadDiffMode::Lines);
    QVERIFY(dialog.isComparing());
    QVERIFY(compared.wait());
    QCOMPARE(dialog.mode(), PayloadDiffMode::Lines);
    QCOMPARE(dialog.findChild<QComboBox *>(u"diffMode"_s)->currentText(), u"Lines"_s);
    QVERIFY(dialog.model()->rowCount() > 8);
    // Two requests in a row: only the last one is shown.
    dialog.setMode(PayloadDiffMode::Structural);
    dialog.setMode(PayloadDiffMode::Hex);
    QVERIFY(compared.wait());
    QCOMPARE(dialog.mode(), PayloadDiffMode::Hex);
    QTRY_COMPARE(compared.size(), 3);
    QCOMPARE(dialog.mode(), PayloadDiffMode::Hex);
}

void TestPayloadDiffDialog::retranslates()
{
    PayloadDiffDialog dialog(u"a"_s, kBefore, u"b"_s, kAfter);
    QSignalSpy compared(&dialog, &PayloadDiffDialog::compared);
    QVERIFY(compared.wait());
    QCOMPARE(dialog.windowTitle(), u"Compare payloads"_s);
    QSignalSpy headers(dialog.model(), &QAbstractItemModel::headerDataChanged);
    FakeTranslator translator;
    QVERIFY(QCoreApplication::installTranslator(&translator));
    QTRY_COMPARE(dialog.windowTitle(), u"比较载荷"_s);
    QCOMPARE(dialog.model()->headerData(0, Qt::Horizontal).toString(), u"路径"_s);
    QVERIFY(!headers.isEmpty()); // the view asks again
    QCoreApplication::removeTranslator(&translator);
    QTRY_COMPARE(dialog.windowTitle(), u"Compare payloads"_s);

    // The shipped catalogues: switching there and back keeps the dialog whole.
    QCOMPARE(Language::install(*qApp, u"zh_CN"_s), u"zh_CN"_s);
    Language::install(*qApp, u"en"_s);
    QTRY_COMPARE(dialog.windowTitle(), u"Compare payloads"_s);
    QCOMPARE(dialog.findChild<QLabel *>(u"diffSummary"_s)->text(),
             u"4 changed, 2 added, 1 removed"_s);
}

void TestPayloadDiffDialog::everyInputIsNamed()
{
    PayloadDiffDialog dialog(u"a"_s, kBefore, u"b"_s, kAfter);
    QSignalSpy compared(&dialog, &PayloadDiffDialog::compared);
    QVERIFY(compared.wait());
    QList<QWidget *> inputs;
    for (QWidget *w : dialog.findChildren<QWidget *>())
        if (qobject_cast<QComboBox *>(w) ||
            (qobject_cast<QAbstractItemView *>(w) && !qobject_cast<QHeaderView *>(w)))
            inputs << w;
    QList<QWidget *> buddies;
    for (QLabel *label : dialog.findChildren<QLabel *>())
        if (label->buddy())
            buddies << label->buddy();
    int checked = 0;
    for (QWidget *w : inputs) {
        if (w->window() != &dialog)
            continue; // a combo box's popup
        QVERIFY2(buddies.contains(w) || !w->accessibleName().isEmpty(),
                 qPrintable(QString::fromLatin1(w->metaObject()->className())));
        ++checked;
    }
    QCOMPARE(checked, 2); // the mode and the table
    for (QPushButton *b : dialog.findChildren<QPushButton *>())
        QVERIFY(!b->text().isEmpty() || !b->toolTip().isEmpty());
    // Tab order: mode, previous, next, table.
    auto nextStop = [&dialog](QWidget *from) {
        QWidget *w = from->nextInFocusChain();
        while (w != from && !((w->focusPolicy() & Qt::TabFocus) && w->isVisibleTo(&dialog)))
            w = w->nextInFocusChain();
        return w;
    };
    QComboBox *mode = dialog.findChild<QComboBox *>(u"diffMode"_s);
    QWidget *previous = nextStop(mode);
    QWidget *next = nextStop(previous);
    QCOMPARE(qobject_cast<QPushButton *>(previous)->text(), u"&Previous difference"_s);
    QCOMPARE(qobject_cast<QPushButton *>(next)->text(), u"&Next difference"_s);
    QCOMPARE(nextStop(next), dialog.view());
}

void TestPayloadDiffDialog::screenshots_data()
{
    QTest::addColumn<QString>("language");
    QTest::newRow("en") << u"en"_s;
    QTest::newRow("zh_CN") << u"zh_CN"_s;
}

void TestPayloadDiffDialog::screenshots()
{
    QFETCH(QString, language);
    QVERIFY(Language::install(*qApp, language).startsWith(language));
    const auto english = qScopeGuard([] { Language::install(*qApp, u"en"_s); });
    PayloadDiffDialog dialog(u"weather/ws-roof-1 · 2024-06-10 08:00:00"_s, kBefore,
                             u"weather/ws-roof-1 · 2024-06-10 08:01:00"_s, kAfter, u"json"_s);
    dialog.resize(1000, 520);
    QSignalSpy compared(&dialog, &PayloadDiffDialog::compared);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QTRY_COMPARE(compared.size(), 1);
    QCoreApplication::processEvents();
    const QImage image = dialog.grab().toImage();
    const QStringList problems =
        ScreenshotCheck::problems(&dialog, image,
                                  {dialog.view(), dialog.findChild<QComboBox *>(u"diffMode"_s),
                                   dialog.findChild<QLabel *>(u"diffSummary"_s)});
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
    // Added, removed and changed rows each show their tint.
    const QPalette palette = dialog.view()->palette();
    const QImage rows = dialog.view()->viewport()->grab().toImage();
    QVERIFY(hasColour(rows, DiffDelegate::background(DiffModel::RowKind::Added, palette)));
    QVERIFY(hasColour(rows, DiffDelegate::background(DiffModel::RowKind::Removed, palette)));
    QVERIFY(hasColour(rows, DiffDelegate::background(DiffModel::RowKind::Changed, palette)));

    const QString dir = qEnvironmentVariable("MQTTDESK_SCREENSHOT_DIR");
    if (!dir.isEmpty()) {
        QVERIFY(QDir().mkpath(dir));
        QVERIFY(image.save(
            ScreenshotCheck::themed(QDir(dir).filePath(u"diff-json-%1.png"_s.arg(language)))));
    }
}

QTEST_MAIN(TestPayloadDiffDialog)
#include "tst_payload_diff_dialog.moc"
