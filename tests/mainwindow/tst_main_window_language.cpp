// View > Language retranslates everything at once: a window with a connection's view
// (subscriptions, stream toolbar, publish bar with its properties open, the log) switches
// to Simplified Chinese, and a walk over every visible widget finds no English word left
// in labels, buttons, placeholders, tooltips, combo boxes, headers, docks, menus and
// accessible names, apart from names that stay as they are (MQTT, QoS, TLS, ...) and
// examples of topics and syntax. Then back to English, and the English texts return.
#include "tests/mainwindow/main_window_fixture.h"
#include "tests/support/scripted_prompts.h"
#include "ui/connections/connection_controller.h"
#include "ui/connections/connection_sidebar.h"
#include "ui/connections/connection_workspace.h"
#include "ui/i18n/language.h"
#include "ui/publish/publish_bar.h"
#include "ui/stream/connection_view.h"
#include "ui/stream/message_stream_view.h"
#include "ui/subscriptions/subscription_panel.h"

#include <QAbstractButton>
#include <QAbstractItemModel>
#include <QAction>
#include <QComboBox>
#include <QDockWidget>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QSpinBox>
#include <QStackedWidget>
#include <QTest>
#include <QTextDocument>
#include <QToolButton>

using namespace mqttdesk;

namespace {

// Names and notations that are the same in every language.
const QStringList kAllowed{
    QStringLiteral("Desk"), // the product's name, "MQTT Desk"
    QStringLiteral("Qt"),          QStringLiteral("MQTT"),  QStringLiteral("QoS"),
    QStringLiteral("TLS"),         QStringLiteral("JSON"),  QStringLiteral("CBOR"),
    QStringLiteral("MessagePack"), QStringLiteral("Hex"),   QStringLiteral("Base64"),
    QStringLiteral("Protobuf"), // a format's name, as MessagePack
    QStringLiteral("UTF"),         QStringLiteral("SNI"),   QStringLiteral("CSV"),
    QStringLiteral("Ctrl"),        QStringLiteral("Enter"), QStringLiteral("mosquitto_pub"),
    QStringLiteral("WebSocket"),   QStringLiteral("PKCS"),  QStringLiteral("CA"),
    QStringLiteral("ID"),
    QStringLiteral("Lines"),                                // "JSON Lines", a format's name
    QStringLiteral("No"),          QStringLiteral("Local"), // "No Local", the 5.0 option's name
    QStringLiteral("MB"),          QStringLiteral("KB"),    QStringLiteral("KiB"),
    QStringLiteral("MiB"),         QStringLiteral("Del"),   QStringLiteral("Shift"),
};

// The English words left in `text` once examples (topics, key=value, /regex/) and the names
// above are taken out.
QStringList englishWords(QString text)
{
    QTextDocument html;
    if (Qt::mightBeRichText(text)) {
        html.setHtml(text);
        text = html.toPlainText();
    }
    text.remove(QLatin1Char('&'));
    // Examples: anything with a slash (topics, content types, /regex/) or '=' or '(?i)'.
    static const QRegularExpression examples(QStringLiteral("\\S*[/=]\\S*|\\(\\?i\\)\\S*"));
    text.remove(examples);
    QStringList words;
    static const QRegularExpression word(QStringLiteral("[A-Za-z][A-Za-z0-9_]+"));
    for (auto it = word.globalMatch(text); it.hasNext();) {
        const QString w = it.next().captured();
        static const QRegularExpression functionKey(QStringLiteral("^F[0-9]+$"));
        if (!kAllowed.contains(w) && !functionKey.match(w).hasMatch())
            words << w;
    }
    return words;
}

struct Finding
{
    QString where;
    QString text;
};

void check(QList<Finding> &findings, const QString &where, const QString &text)
{
    if (!englishWords(text).isEmpty())
        findings.append({where, text});
}

QString nameOf(const QObject *o)
{
    return QStringLiteral("%1 '%2'").arg(QString::fromLatin1(o->metaObject()->className()),
                                         o->objectName());
}

// Every visible text of `root` and its visible children, menus and actions included.
QList<Finding> walk(QWidget *root)
{
    QList<Finding> findings;
    QList<QWidget *> widgets = root->findChildren<QWidget *>();
    widgets.prepend(root);
    for (QWidget *w : widgets) {
        if (!w->isVisibleTo(root) && w != root)
            continue;
        const QString where = nameOf(w);
        check(findings, where + QStringLiteral(" tooltip"), w->toolTip());
        check(findings, where + QStringLiteral(" accessible name"), w->accessibleName());
        if (auto *label = qobject_cast<QLabel *>(w))
            check(findings, where, label->text());
        if (auto *button = qobject_cast<QAbstractButton *>(w))
            check(findings, where, button->text());
        if (auto *edit = qobject_cast<QLineEdit *>(w))
            check(findings, where + QStringLiteral(" placeholder"), edit->placeholderText());
        if (auto *edit = qobject_cast<QPlainTextEdit *>(w))
            check(findings, where + QStringLiteral(" placeholder"), edit->placeholderText());
        if (auto *spin = qobject_cast<QSpinBox *>(w)) {
            check(findings, where + QStringLiteral(" special value"), spin->specialValueText());
            check(findings, where + QStringLiteral(" suffix"), spin->suffix());
        }
        if (auto *combo = qobject_cast<QComboBox *>(w)) {
            for (int i = 0; i < combo->count(); ++i)
                check(findings, where + QStringLiteral(" item %1").arg(i), combo->itemText(i));
        }
        if (auto *dock = qobject_cast<QDockWidget *>(w))
            check(findings, where + QStringLiteral(" title"), dock->windowTitle());
        if (auto *header = qobject_cast<QHeaderView *>(w)) {
            if (QAbstractItemModel *model = header->model()) {
                const int n = header->orientation() == Qt::Horizontal ? model->columnCount()
                                                                      : model->rowCount();
                for (int s = 0; s < n; ++s) {
                    if (!header->isSectionHidden(s))
                        check(findings, where + QStringLiteral(" section %1").arg(s),
                              model->headerData(s, header->orientation()).toString());
                }
            }
        }
        for (QAction *action : w->actions()) {
            if (action->isVisible() && !action->isSeparator())
                check(findings, nameOf(w) + QStringLiteral(" action"), action->text());
        }
        if (auto *button = qobject_cast<QToolButton *>(w); button && button->menu()) {
            for (QAction *action : button->menu()->actions()) {
                if (action->isVisible() && !action->isSeparator())
                    check(findings, where + QStringLiteral(" menu"), action->text());
            }
        }
    }
    return findings;
}

QString report(const QList<Finding> &findings)
{
    QStringList lines;
    for (const Finding &f : findings)
        lines << QStringLiteral("%1: %2").arg(f.where, f.text);
    return lines.join(QLatin1Char('\n'));
}

} // namespace

class TestMainWindowLanguage : public QObject
{
    Q_OBJECT
private slots:
    void cleanup() { Language::install(*qApp, QStringLiteral("en")); }

    void wordsOfAText()
    {
        QCOMPARE(englishWords(QStringLiteral("例如 sensors/+/temperature")), QStringList());
        QCOMPARE(englishWords(QStringLiteral("名称=值; other=value")), QStringList());
        QCOMPARE(englishWords(QStringLiteral("<b>订阅</b> QoS 1")), QStringList());
        QCOMPARE(englishWords(QStringLiteral("&Topic filter:")),
                 (QStringList{QStringLiteral("Topic"), QStringLiteral("filter")}));
    }

    void everyVisibleTextFollowsTheLanguage()
    {
        ScriptedPrompts prompts;
        MainWindowFixture f;
        MainWindow *w = f.window();
        w->resize(1280, 800);
        w->show();
        QVERIFY(QTest::qWaitForWindowExposed(w));
        // A name and address without English words: data, not the UI's text.
        const qint64 id =
            f.createThroughDialog(MainWindowFixture::profile(QStringLiteral("测试"), 1));
        QVERIFY(id != 0);
        w->sidebar()->select(id);
        // The connection's view opens without connecting (its history is readable offline).
        QTRY_VERIFY_WITH_TIMEOUT(w->workspace()->controller(id), 20000);
        ConnectionView *view = w->workspace()->controller(id)->view();
        QTRY_COMPARE(w->workspace()->stack()->currentWidget(), view);
        auto *log = w->findChild<QDockWidget *>(QStringLiteral("logDock"));
        QVERIFY(log);
        log->show();
        // The panels that open on demand: publish properties and 5.0 subscription options.
        for (QToolButton *toggle : view->findChildren<QToolButton *>()) {
            if (toggle->isCheckable() && !toggle->menu() &&
                (view->publishBar()->isAncestorOf(toggle) ||
                 view->subscriptionPanel()->isAncestorOf(toggle)))
                toggle->setChecked(true);
        }
        // The dock and the panels take their room first: a narrower stream moves its rarer
        // buttons into a menu, and both walks must see the same widgets.
        for (int i = 0; i < 3; ++i) {
            QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
            QCoreApplication::processEvents();
        }
        // English first: the walk sees the English texts (it would find nothing otherwise).
        const QList<Finding> english = walk(w);
        QVERIFY2(english.size() > 60, qPrintable(QString::number(english.size())));

        Language::install(*qApp, QStringLiteral("zh_CN"));
        // The LanguageChange events are posted: the texts change once they are delivered.
        const QString file = w->menuBar()->actions().first()->text();
        QTRY_VERIFY(w->menuBar()->actions().first()->text() != file);
        QCoreApplication::sendPostedEvents(nullptr, QEvent::LanguageChange);
        const QList<Finding> left = walk(w);
        QVERIFY2(
            left.isEmpty(),
            qPrintable(
                QStringLiteral("%1 English texts left:\n%2").arg(left.size()).arg(report(left))));
        // The menus of the menu bar too.
        QList<Finding> menus;
        for (QAction *top : w->menuBar()->actions()) {
            check(menus, QStringLiteral("menu"), top->text());
            if (top->menu()) {
                for (QAction *a : top->menu()->actions()) {
                    if (!a->isSeparator() && a->isVisible())
                        check(menus, top->text(), a->text());
                }
            }
        }
        QVERIFY2(menus.isEmpty(), qPrintable(report(menus)));

        Language::install(*qApp, QStringLiteral("en"));
        QTRY_COMPARE(w->menuBar()->actions().first()->text(), file);
        QCoreApplication::sendPostedEvents(nullptr, QEvent::LanguageChange);
        QCOMPARE(walk(w).size(), english.size());
        QCOMPARE(view->streamView()->topicFilterEdit()->placeholderText(),
                 QStringLiteral("e.g. sensors/#"));
    }
};

QTEST_MAIN(TestMainWindowLanguage)
#include "tst_main_window_language.moc"
