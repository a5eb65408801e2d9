// "Send repeatedly": the options round-trip (the fields and what has none), the special
// values (as fast as possible, until stopped, no jitter), the whole dialog driven by the
// keyboard alone, every input named for screen readers, the summary, and a language change.
#include "tests/support/screenshot_check.h"
#include "ui/workbench/timed_publish_dialog.h"

#include <QAccessible>
#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSpinBox>
#include <QTest>
#include <QTranslator>

using namespace mqttdesk;
using namespace Qt::StringLiterals;
using OnDisconnect = PublishJobOptions::OnDisconnect;

Q_DECLARE_METATYPE(mqttdesk::PublishJobOptions)

namespace {

bool sameOptions(const PublishJobOptions &a, const PublishJobOptions &b)
{
    return a.count == b.count && a.intervalMs == b.intervalMs && a.jitterMs == b.jitterMs &&
           a.onDisconnect == b.onDisconnect && a.window == b.window && a.clientId == b.clientId;
}

QByteArray describe(const PublishJobOptions &o)
{
    return QStringLiteral("count %1 interval %2 jitter %3 onDisconnect %4 window %5 client %6")
        .arg(o.count)
        .arg(o.intervalMs)
        .arg(o.jitterMs)
        .arg(int(o.onDisconnect))
        .arg(o.window)
        .arg(o.clientId)
        .toUtf8();
}

QString accessibleName(QWidget *widget)
{
    QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(widget);
    return iface ? iface->text(QAccessible::Name) : QString();
}

} // namespace

class TstTimedPublishDialog : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }

    void defaults()
    {
        TimedPublishDialog dialog;
        QCOMPARE(dialog.windowTitle(), u"Send repeatedly"_s);
        QVERIFY(sameOptions(dialog.options(), PublishJobOptions()));
        // 0 shows what it means.
        QCOMPARE(dialog.intervalSpin()->text(), u"As fast as flow control allows"_s);
        QCOMPARE(dialog.countSpin()->text(), u"Until stopped"_s);
        QCOMPARE(dialog.jitterSpin()->text(), u"None"_s);
        QCOMPARE(dialog.onDisconnectCombo()->currentText(), u"Stop the job"_s);
        // No jitter at full speed.
        QVERIFY(!dialog.jitterSpin()->isEnabled());
        dialog.intervalSpin()->setValue(1);
        QCOMPARE(dialog.intervalSpin()->text(), u"1 ms"_s);
        QVERIFY(dialog.jitterSpin()->isEnabled());
        QCOMPARE(dialog.startButton()->text(), u"&Start"_s);
        QVERIFY(dialog.startButton()->isDefault());
    }

    void roundTrip_data()
    {
        QTest::addColumn<PublishJobOptions>("options");
        PublishJobOptions o;
        QTest::newRow("defaults") << o;
        o.count = 100;
        o.intervalMs = 50;
        o.jitterMs = 10;
        o.onDisconnect = OnDisconnect::Pause;
        QTest::newRow("timed, pause") << o;
        o = {};
        o.count = 0;
        o.intervalMs = 1;
        o.jitterMs = 0;
        QTest::newRow("every ms until stopped") << o;
        o = {};
        o.count = 1;
        o.intervalMs = 0;
        o.onDisconnect = OnDisconnect::Stop;
        o.jitterMs = 5; // kept, though unused at full speed
        o.window = 20;
        o.clientId = u"desk-7"_s;
        QTest::newRow("no field: window, client id") << o;
        o = {};
        o.count = TimedPublishDialog::kMaxCount;
        o.intervalMs = TimedPublishDialog::kMaxIntervalMs;
        o.jitterMs = TimedPublishDialog::kMaxIntervalMs;
        QTest::newRow("largest") << o;
    }
    void roundTrip()
    {
        QFETCH(PublishJobOptions, options);
        TimedPublishDialog dialog;
        dialog.setOptions(options);
        QVERIFY2(sameOptions(dialog.options(), options), describe(dialog.options()));
        // A second dialog shown the first one's options says the same: nothing is kept
        // between dialogs.
        TimedPublishDialog fresh;
        QVERIFY(sameOptions(fresh.options(), PublishJobOptions()));
        fresh.setOptions(dialog.options());
        QVERIFY(sameOptions(fresh.options(), options));
    }

    void outOfRangeIsClamped()
    {
        PublishJobOptions o;
        o.count = qint64(TimedPublishDialog::kMaxCount) * 4;
        o.intervalMs = -5;
        o.jitterMs = -1;
        TimedPublishDialog dialog;
        dialog.setOptions(o);
        QCOMPARE(dialog.options().count, qint64(TimedPublishDialog::kMaxCount));
        QCOMPARE(dialog.options().intervalMs, 0);
        QCOMPARE(dialog.options().jitterMs, 0);
    }

    void summary()
    {
        PublishJobOptions o;
        QCOMPARE(TimedPublishDialog::summary(o),
                 u"Sends until stopped, as fast as flow control allows. A disconnect stops it."_s);
        o.count = 1500;
        o.intervalMs = 1000;
        o.jitterMs = 100;
        o.onDisconnect = OnDisconnect::Pause;
        // (Plurals come from the catalogue: "message(s)" without one.)
        const QString timed = TimedPublishDialog::summary(o);
        QVERIFY2(timed.startsWith(u"Sends 1,500 message"_s), qPrintable(timed));
        QVERIFY2(timed.endsWith(u", one every 1,000 ms. Each interval varies by up to 100 ms. "
                                "A disconnect pauses it until the connection is back."_s),
                 qPrintable(timed));
        o.count = 1;
        o.intervalMs = 0;
        o.onDisconnect = OnDisconnect::Stop;
        const QString once = TimedPublishDialog::summary(o);
        QVERIFY2(once.startsWith(u"Sends 1 message"_s), qPrintable(once));
        QVERIFY2(once.contains(u" as fast as flow control allows. A disconnect stops it."_s),
                 qPrintable(once));
        // The label follows the fields.
        TimedPublishDialog dialog;
        dialog.setOptions(o);
        QCOMPARE(dialog.summaryLabel()->text(), TimedPublishDialog::summary(o));
        dialog.countSpin()->setValue(0);
        QVERIFY(dialog.summaryLabel()->text().startsWith(u"Sends until stopped"_s));
    }

    void keyboardOnly()
    {
        TimedPublishDialog dialog;
        dialog.show();
        QVERIFY(QTest::qWaitForWindowActive(&dialog));
        QTRY_COMPARE(QApplication::focusWidget(), dialog.intervalSpin());
        // Interval: select what is there and type.
        QTest::keyClick(dialog.intervalSpin(), Qt::Key_A, Qt::ControlModifier);
        QTest::keyClicks(dialog.intervalSpin(), u"250"_s);
        // Tab: messages, jitter, on disconnect, in that order.
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QCOMPARE(QApplication::focusWidget(), dialog.countSpin());
        QTest::keyClicks(dialog.countSpin(), u"40"_s);
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QCOMPARE(QApplication::focusWidget(), dialog.jitterSpin());
        QTest::keyClicks(dialog.jitterSpin(), u"20"_s);
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QCOMPARE(QApplication::focusWidget(), dialog.onDisconnectCombo());
        QTest::keyClick(dialog.onDisconnectCombo(), Qt::Key_Down);
        QCOMPARE(dialog.onDisconnectCombo()->currentIndex(), 1);
        // Then the buttons: Start first.
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QCOMPARE(QApplication::focusWidget(), dialog.startButton());
        // Alt+M goes back to the count (its label's mnemonic).
        QTest::keyClick(&dialog, Qt::Key_M, Qt::AltModifier);
        QCOMPARE(QApplication::focusWidget(), dialog.countSpin());

        const PublishJobOptions o = dialog.options();
        QCOMPARE(o.intervalMs, 250);
        QCOMPARE(o.count, 40);
        QCOMPARE(o.jitterMs, 20);
        QCOMPARE(o.onDisconnect, OnDisconnect::Pause);
        // Enter starts (the default button).
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QVERIFY(!dialog.isVisible());
        QVERIFY(sameOptions(dialog.options(), o));

        // Escape cancels.
        dialog.show();
        QVERIFY(QTest::qWaitForWindowActive(&dialog));
        QTest::keyClick(&dialog, Qt::Key_Escape);
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
        QVERIFY(!dialog.isVisible());
    }

    void everyInputIsNamed()
    {
        TimedPublishDialog dialog;
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QHash<const QWidget *, QString> buddies;
        QHash<const QWidget *, const QLabel *> labels;
        QSet<QChar> mnemonics;
        for (const QLabel *label : dialog.findChildren<QLabel *>()) {
            if (!label->buddy())
                continue;
            const QString text = label->text();
            const qsizetype amp = text.indexOf(u'&');
            QVERIFY2(amp >= 0 && amp + 1 < text.size(), qPrintable(text));
            const QChar key = text.at(amp + 1).toLower();
            QVERIFY2(!mnemonics.contains(key), qPrintable(text));
            mnemonics.insert(key);
            buddies.insert(label->buddy(), text);
            labels.insert(label->buddy(), label);
        }
        const QList<QWidget *> inputs{dialog.intervalSpin(), dialog.countSpin(),
                                      dialog.jitterSpin(), dialog.onDisconnectCombo()};
        for (QWidget *w : inputs) {
            QVERIFY2(buddies.contains(w), qPrintable(w->objectName()));
            QVERIFY2(!w->toolTip().isEmpty(), qPrintable(w->objectName()));
            // Screen readers say what the label says.
            const QString name = accessibleName(w);
            QString label = buddies.value(w);
            label.remove(u'&');
            label.remove(u':');
            QVERIFY2(!name.isEmpty(), qPrintable(w->objectName()));
            QCOMPARE(w->accessibleName(), label);
            // (On Linux a combo box's name is its current text; the label is a relation.)
            if (!qobject_cast<QComboBox *>(w))
                QCOMPARE(name, label);
            QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(w);
            bool labelled = false;
            for (const auto &[other, relation] : iface->relations(QAccessible::Label))
                labelled = labelled || (other->object() == labels.value(w));
            QVERIFY2(labelled, qPrintable(w->objectName()));
        }
        // Nothing else in the dialog takes input without a name.
        for (QWidget *w : dialog.findChildren<QWidget *>()) {
            if (qobject_cast<QLineEdit *>(w) && qobject_cast<QAbstractSpinBox *>(w->parent()))
                continue; // a spin box's own editor
            if (qobject_cast<QAbstractSpinBox *>(w) || qobject_cast<QComboBox *>(w) ||
                qobject_cast<QLineEdit *>(w))
                QVERIFY2(inputs.contains(w), qPrintable(w->objectName()));
        }
        QVERIFY(!accessibleName(dialog.summaryLabel()).isEmpty());
        QVERIFY(!dialog.startButton()->toolTip().isEmpty());
        // The picture: every field drawn, nothing clipped.
        const QImage image = dialog.grab().toImage();
        const QStringList problems = ScreenshotCheck::problems(
            &dialog, image,
            {dialog.intervalSpin(), dialog.countSpin(), dialog.jitterSpin(),
             dialog.onDisconnectCombo(), dialog.summaryLabel(), dialog.startButton()});
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
    }

    void retranslates();
};

// Translates a few of the dialog's texts, to see them change without a catalogue entry.
class FakeTranslator : public QTranslator
{
public:
    bool isEmpty() const override { return false; }
    QString translate(const char *context, const char *source, const char *, int) const override
    {
        if (QByteArrayView(context) != "mqttdesk::TimedPublishDialog")
            return {};
        const QByteArrayView s(source);
        if (s == "Send repeatedly")
            return u"重复发送"_s;
        if (s == "Until stopped")
            return u"直到停止"_s;
        if (s == "Stop the job")
            return u"停止任务"_s;
        return {};
    }
};

void TstTimedPublishDialog::retranslates()
{
    TimedPublishDialog dialog;
    FakeTranslator translator;
    QVERIFY(QCoreApplication::installTranslator(&translator));
    QTRY_COMPARE(dialog.windowTitle(), u"重复发送"_s);
    QCOMPARE(dialog.countSpin()->text(), u"直到停止"_s);
    QCOMPARE(dialog.onDisconnectCombo()->itemText(0), u"停止任务"_s);
    QCOMPARE(dialog.onDisconnectCombo()->currentIndex(), 0);
    QCoreApplication::removeTranslator(&translator);
    QTRY_COMPARE(dialog.windowTitle(), u"Send repeatedly"_s);
    QCOMPARE(dialog.countSpin()->text(), u"Until stopped"_s);
}

QTEST_MAIN(TstTimedPublishDialog)
#include "tst_timed_publish_dialog.moc"
