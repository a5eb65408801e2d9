// Prompts, the one seam of the UI's modal prompts: an answerer sees every request with what
// the dialog would show and answers it; answerers nest; without one a real modal dialog opens
// (answered here through the dialog itself); and the widgets that ask (file field, CA list,
// subscription colour, keychain consent) go through the seam.
#include "core/profile/connection_profile.h"
#include "tests/support/scripted_prompts.h"
#include "ui/dialogs/message_box_secret_consent.h"
#include "ui/subscriptions/subscription_list_model.h"
#include "ui/subscriptions/subscription_panel.h"
#include "ui/widgets/ca_file_list.h"
#include "ui/widgets/file_field.h"
#include "ui/widgets/prompts.h"

#include <QAbstractButton>
#include <QApplication>
#include <QColorDialog>
#include <QFile>
#include <QInputDialog>
#include <QLineEdit>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QToolButton>
#include <QTreeView>

#include <functional>

using namespace mqttdesk;

namespace {

// Waits (on the event loop, polling) for the modal dialog the code under test is about to
// open, hands it to `act` (which should close it), and closes it in any case so that a
// failed expectation cannot leave the test blocked in exec(). What `act` saw is checked by
// the test slot afterwards.
class ModalAnswer
{
public:
    explicit ModalAnswer(std::function<void(QWidget *)> act)
        : m_act(std::move(act))
    {
        m_timer.setInterval(10);
        QObject::connect(&m_timer, &QTimer::timeout, [this] { poll(); });
        m_timer.start();
    }
    bool seen() const { return m_seen; }

private:
    void poll()
    {
        QWidget *modal = QApplication::activeModalWidget();
        if (!modal)
            return;
        m_timer.stop();
        m_seen = true;
        QPointer<QWidget> guard(modal);
        m_act(modal);
        if (guard && guard->isVisible()) {
            if (auto *dialog = qobject_cast<QDialog *>(guard.data()))
                dialog->reject();
        }
    }

    std::function<void(QWidget *)> m_act;
    QTimer m_timer;
    bool m_seen = false;
};

QAbstractButton *buttonWithText(QMessageBox *box, const QString &text)
{
    for (QAbstractButton *b : box->buttons())
        if (b->text() == text)
            return b;
    return nullptr;
}

} // namespace

class TestPrompts : public QObject
{
    Q_OBJECT
private slots:
    void answererSeesEveryRequest();
    void answersMapToResults();
    void cancelledWithoutQueuedAnswer();
    void answerersNest();
    void withoutAnswererAQuestionBoxOpens();
    void withoutAnswererADestructiveQuestionWarns();
    void withoutAnswererMessagesAndAboutOpen();
    void withoutAnswererTextAndColourDialogsOpen();
    void fileFieldBrowsesThroughTheSeam();
    void caFileListAddsThroughTheSeam();
    void subscriptionColourThroughTheSeam();
    void secretConsentAsksThroughTheSeam();
};

void TestPrompts::answererSeesEveryRequest()
{
    ScriptedPrompts prompts;
    QWidget parent;
    Prompts::confirm(&parent, QStringLiteral("T1"), QStringLiteral("Sure?"),
                     QStringLiteral("Do it"));
    Prompts::confirmDestructive(&parent, QStringLiteral("T2"), QStringLiteral("Gone?"),
                                QStringLiteral("Delete"));
    Prompts::inform(&parent, QStringLiteral("T3"), QStringLiteral("info"));
    Prompts::warn(&parent, QStringLiteral("T4"), QStringLiteral("warning"));
    Prompts::critical(&parent, QStringLiteral("T5"), QStringLiteral("critical"));
    Prompts::about(&parent, QStringLiteral("T6"), QStringLiteral("about"));
    Prompts::openFileName(&parent, QStringLiteral("T7"), QStringLiteral("/dir"),
                          QStringLiteral("*.json"));
    Prompts::openFileNames(&parent, QStringLiteral("T8"), QStringLiteral("/dir2"),
                           QStringLiteral("*.pem"));
    Prompts::saveFileName(&parent, QStringLiteral("T9"), QStringLiteral("out.jsonl"),
                          QStringLiteral("*.jsonl"));
    Prompts::text(&parent, QStringLiteral("T10"), QStringLiteral("&Name:"), QStringLiteral("old"),
                  {QStringLiteral("a"), QStringLiteral("b")});
    Prompts::colour(&parent, QColor(Qt::red), QStringLiteral("T11"));

    const QList<Prompts::Request> &r = prompts.requests();
    QCOMPARE(r.size(), 11);
    using K = Prompts::Kind;
    const QList<K> kinds{K::Question, K::Question, K::Information, K::Warning,
                         K::Critical, K::About,    K::OpenFile,    K::OpenFiles,
                         K::SaveFile, K::Text,     K::Colour};
    for (int i = 0; i < r.size(); ++i) {
        QCOMPARE(r.at(i).kind, kinds.at(i));
        QCOMPARE(r.at(i).parent, &parent);
        QCOMPARE(r.at(i).title, QStringLiteral("T%1").arg(i + 1));
    }
    QCOMPARE(r.at(0).text, QStringLiteral("Sure?"));
    QCOMPARE(r.at(0).acceptText, QStringLiteral("Do it"));
    QVERIFY(!r.at(0).destructive);
    QVERIFY(!r.at(0).warning);
    QVERIFY(r.at(1).destructive);
    QVERIFY(r.at(1).warning);
    QCOMPARE(r.at(4).text, QStringLiteral("critical"));
    QCOMPARE(r.at(6).value, QStringLiteral("/dir"));
    QCOMPARE(r.at(6).filter, QStringLiteral("*.json"));
    QCOMPARE(r.at(7).value, QStringLiteral("/dir2"));
    QCOMPARE(r.at(8).value, QStringLiteral("out.jsonl"));
    QCOMPARE(r.at(9).text, QStringLiteral("&Name:"));
    QCOMPARE(r.at(9).value, QStringLiteral("old"));
    QCOMPARE(r.at(9).suggestions, (QStringList{QStringLiteral("a"), QStringLiteral("b")}));
    QCOMPARE(r.at(10).colour, QColor(Qt::red));
    QCOMPARE(prompts.lastText(), QString()); // the colour chooser has no text
    QCOMPARE(prompts.count(K::Question), 2);
    QCOMPARE(prompts.last(K::Warning).text, QStringLiteral("warning"));
}

void TestPrompts::answersMapToResults()
{
    ScriptedPrompts prompts;
    prompts.acceptNext(true);
    prompts.acceptNext(false);
    QVERIFY(Prompts::confirm(nullptr, {}, {}, {}));
    QVERIFY(!Prompts::confirmDestructive(nullptr, {}, {}, {}));

    prompts.nextText(QStringLiteral("Beta"));
    prompts.nextText(QString()); // accepted, empty
    prompts.nextText(std::nullopt);
    QCOMPARE(Prompts::text(nullptr, {}, {}, {}), std::optional<QString>(QStringLiteral("Beta")));
    QCOMPARE(Prompts::text(nullptr, {}, {}, {}), std::optional<QString>(QString()));
    QCOMPARE(Prompts::text(nullptr, {}, {}, {}), std::nullopt);

    prompts.nextFile(QStringLiteral("/tmp/a.json"));
    prompts.nextFile(QStringLiteral("/tmp/b.json"));
    prompts.nextFiles({QStringLiteral("/tmp/c.pem"), QStringLiteral("/tmp/d.pem")});
    QCOMPARE(Prompts::openFileName(nullptr, {}, {}, {}), QStringLiteral("/tmp/a.json"));
    QCOMPARE(Prompts::saveFileName(nullptr, {}, {}, {}), QStringLiteral("/tmp/b.json"));
    QCOMPARE(Prompts::openFileNames(nullptr, {}, {}, {}),
             (QStringList{QStringLiteral("/tmp/c.pem"), QStringLiteral("/tmp/d.pem")}));

    prompts.nextColour(QColor(0x12, 0x34, 0x56));
    prompts.nextColour(QColor()); // cancelled
    QCOMPARE(Prompts::colour(nullptr, Qt::red, {}), QColor(0x12, 0x34, 0x56));
    QVERIFY(!Prompts::colour(nullptr, Qt::red, {}).isValid());
    QCOMPARE(prompts.unusedAnswers(), 0);

    // A full question: informative and detailed text, own decline button.
    Prompts::Request question;
    question.title = QStringLiteral("Keychain");
    question.text = QStringLiteral("Store?");
    question.informativeText = QStringLiteral("Anyone could read them.");
    question.detailedText = QStringLiteral("no D-Bus");
    question.acceptText = QStringLiteral("Save");
    question.rejectText = QStringLiteral("Do not save");
    question.kind = Prompts::Kind::Information; // ask() makes it a question
    prompts.acceptNext(true);
    QVERIFY(Prompts::ask(question));
    const Prompts::Request seen = prompts.requests().last();
    QCOMPARE(seen.kind, Prompts::Kind::Question);
    QCOMPARE(seen.informativeText, question.informativeText);
    QCOMPARE(seen.detailedText, question.detailedText);
    QCOMPARE(seen.rejectText, question.rejectText);
}

void TestPrompts::cancelledWithoutQueuedAnswer()
{
    ScriptedPrompts prompts;
    QVERIFY(!Prompts::confirm(nullptr, {}, {}, {}));
    QCOMPARE(Prompts::text(nullptr, {}, {}, QStringLiteral("v")), std::nullopt);
    QVERIFY(Prompts::openFileName(nullptr, {}, {}, {}).isEmpty());
    QVERIFY(Prompts::openFileNames(nullptr, {}, {}, {}).isEmpty());
    QVERIFY(Prompts::saveFileName(nullptr, {}, {}, {}).isEmpty());
    QVERIFY(!Prompts::colour(nullptr, Qt::red, {}).isValid());
    // An empty path is a cancel too.
    prompts.nextFile(QString());
    QVERIFY(Prompts::saveFileName(nullptr, {}, {}, {}).isEmpty());
    QCOMPARE(prompts.requests().size(), 7);
}

void TestPrompts::answerersNest()
{
    ScriptedPrompts outer;
    {
        ScriptedPrompts inner;
        inner.acceptNext(true);
        QVERIFY(Prompts::confirm(nullptr, {}, QStringLiteral("inner"), {}));
        QCOMPARE(inner.requests().size(), 1);
    }
    outer.acceptNext(true);
    QVERIFY(Prompts::confirm(nullptr, {}, QStringLiteral("outer"), {}));
    QCOMPARE(outer.requests().size(), 1);
    QCOMPARE(outer.lastText(), QStringLiteral("outer"));
}

void TestPrompts::withoutAnswererAQuestionBoxOpens()
{
    QString text;
    QMessageBox::Icon icon = QMessageBox::NoIcon;
    bool cancelIsDefault = false;
    bool clicked = false;
    {
        ModalAnswer answer([&](QWidget *modal) {
            auto *box = qobject_cast<QMessageBox *>(modal);
            if (!box)
                return;
            text = box->text();
            icon = box->icon();
            cancelIsDefault = box->defaultButton() == box->button(QMessageBox::Cancel);
            if (QAbstractButton *accept = buttonWithText(box, QStringLiteral("Do it"))) {
                accept->click();
                clicked = true;
            }
        });
        QVERIFY(Prompts::confirm(nullptr, QStringLiteral("Title"), QStringLiteral("Really?"),
                                 QStringLiteral("Do it")));
        QVERIFY(answer.seen());
    }
    QVERIFY(clicked);
    QCOMPARE(text, QStringLiteral("Really?"));
    QCOMPARE(icon, QMessageBox::Question);
    QVERIFY(cancelIsDefault);

    // Escape (reject) is "no".
    ModalAnswer decline([](QWidget *modal) {
        if (auto *box = qobject_cast<QMessageBox *>(modal))
            box->button(QMessageBox::Cancel)->click();
    });
    QVERIFY(!Prompts::confirm(nullptr, QStringLiteral("Title"), QStringLiteral("Really?"),
                              QStringLiteral("Do it")));
    QVERIFY(decline.seen());
}

void TestPrompts::withoutAnswererADestructiveQuestionWarns()
{
    QMessageBox::Icon icon = QMessageBox::NoIcon;
    QMessageBox::ButtonRole role = QMessageBox::InvalidRole;
    ModalAnswer answer([&](QWidget *modal) {
        auto *box = qobject_cast<QMessageBox *>(modal);
        if (!box)
            return;
        icon = box->icon();
        if (QAbstractButton *accept = buttonWithText(box, QStringLiteral("Delete"))) {
            role = box->buttonRole(accept);
            accept->click();
        }
    });
    QVERIFY(Prompts::confirmDestructive(nullptr, QStringLiteral("Clear"), QStringLiteral("All?"),
                                        QStringLiteral("Delete")));
    QVERIFY(answer.seen());
    QCOMPARE(icon, QMessageBox::Warning);
    QCOMPARE(role, QMessageBox::DestructiveRole);

    // Own decline button, informative and detailed text (the keychain question).
    QString informative;
    QString detailed;
    bool declined = false;
    ModalAnswer custom([&](QWidget *modal) {
        auto *box = qobject_cast<QMessageBox *>(modal);
        if (!box)
            return;
        informative = box->informativeText();
        detailed = box->detailedText();
        if (QAbstractButton *no = buttonWithText(box, QStringLiteral("Keep"))) {
            declined = box->buttonRole(no) == QMessageBox::RejectRole;
            no->click();
        }
    });
    Prompts::Request question;
    question.text = QStringLiteral("Store?");
    question.informativeText = QStringLiteral("Readable by anyone.");
    question.detailedText = QStringLiteral("why");
    question.acceptText = QStringLiteral("Store");
    question.rejectText = QStringLiteral("Keep");
    question.warning = true;
    QVERIFY(!Prompts::ask(question));
    QVERIFY(custom.seen());
    QVERIFY(declined);
    QCOMPARE(informative, question.informativeText);
    QCOMPARE(detailed, question.detailedText);
}

void TestPrompts::withoutAnswererMessagesAndAboutOpen()
{
    struct Case
    {
        std::function<void()> show;
        QMessageBox::Icon icon;
    };
    const QList<Case> cases{
        {[] { Prompts::inform(nullptr, QStringLiteral("T"), QStringLiteral("message")); },
         QMessageBox::Information},
        {[] { Prompts::warn(nullptr, QStringLiteral("T"), QStringLiteral("message")); },
         QMessageBox::Warning},
        {[] { Prompts::critical(nullptr, QStringLiteral("T"), QStringLiteral("message")); },
         QMessageBox::Critical},
    };
    for (const Case &c : cases) {
        QString text;
        QMessageBox::Icon icon = QMessageBox::NoIcon;
        ModalAnswer answer([&](QWidget *modal) {
            if (auto *box = qobject_cast<QMessageBox *>(modal)) {
                text = box->text();
                icon = box->icon();
                box->accept();
            }
        });
        c.show();
        QVERIFY(answer.seen());
        QCOMPARE(text, QStringLiteral("message"));
        QCOMPARE(icon, c.icon);
    }

    QString title;
    QString text;
    ModalAnswer about([&](QWidget *modal) {
        if (auto *box = qobject_cast<QMessageBox *>(modal)) {
            title = box->windowTitle();
            text = box->text();
            box->accept();
        }
    });
    Prompts::about(nullptr, QStringLiteral("About it"), QStringLiteral("<h3>Version 1</h3>"));
    QVERIFY(about.seen());
    QCOMPARE(title, QStringLiteral("About it"));
    QCOMPARE(text, QStringLiteral("<h3>Version 1</h3>"));
}

void TestPrompts::withoutAnswererTextAndColourDialogsOpen()
{
    QString label;
    QString initial;
    ModalAnswer typed([&](QWidget *modal) {
        if (auto *dialog = qobject_cast<QInputDialog *>(modal)) {
            label = dialog->labelText();
            initial = dialog->textValue();
            dialog->setTextValue(QStringLiteral("typed"));
            dialog->accept();
        }
    });
    QCOMPARE(Prompts::text(nullptr, QStringLiteral("T"), QStringLiteral("&Name:"),
                           QStringLiteral("old")),
             std::optional<QString>(QStringLiteral("typed")));
    QVERIFY(typed.seen());
    QCOMPARE(label, QStringLiteral("&Name:"));
    QCOMPARE(initial, QStringLiteral("old"));

    // With suggestions: an editable list holding them and the current value.
    QStringList items;
    ModalAnswer picked([&](QWidget *modal) {
        if (auto *dialog = qobject_cast<QInputDialog *>(modal)) {
            items = dialog->comboBoxItems();
            dialog->reject();
        }
    });
    QCOMPARE(Prompts::text(nullptr, QStringLiteral("T"), QStringLiteral("&Folder:"),
                           QStringLiteral("Lab"), {QStringLiteral("Plant")}),
             std::nullopt);
    QVERIFY(picked.seen());
    QCOMPARE(items, (QStringList{QStringLiteral("Lab"), QStringLiteral("Plant")}));

    QColor offered;
    ModalAnswer colour([&](QWidget *modal) {
        if (auto *dialog = qobject_cast<QColorDialog *>(modal)) {
            offered = dialog->currentColor();
            dialog->setCurrentColor(QColor(0x20, 0x40, 0x60));
            dialog->accept();
        }
    });
    QCOMPARE(Prompts::colour(nullptr, QColor(Qt::red), QStringLiteral("Colour")),
             QColor(0x20, 0x40, 0x60));
    QVERIFY(colour.seen());
    QCOMPARE(offered, QColor(Qt::red));
}

void TestPrompts::fileFieldBrowsesThroughTheSeam()
{
    ScriptedPrompts prompts;
    FileField field;
    field.setDialogTitle(QStringLiteral("Client certificate"));
    field.setNameFilter(QStringLiteral("Certificates (*.pem)"));
    field.setPath(QStringLiteral("/old/cert.pem"));
    prompts.nextFile(QStringLiteral("/new/cert.pem"));
    field.browseButton()->click();
    QCOMPARE(field.path(), QStringLiteral("/new/cert.pem"));
    const Prompts::Request asked = prompts.last(Prompts::Kind::OpenFile);
    QCOMPARE(asked.title, QStringLiteral("Client certificate"));
    QCOMPARE(asked.filter, QStringLiteral("Certificates (*.pem)"));
    QCOMPARE(asked.value, QStringLiteral("/old/cert.pem")); // starts where the path is
    QCOMPARE(asked.parent, &field);
    // Cancelled: the path stays.
    field.browseButton()->click();
    QCOMPARE(field.path(), QStringLiteral("/new/cert.pem"));
    QCOMPARE(prompts.count(Prompts::Kind::OpenFile), 2);
}

void TestPrompts::caFileListAddsThroughTheSeam()
{
    QTemporaryDir dir;
    const QString a = dir.filePath(QStringLiteral("a.pem"));
    const QString b = dir.filePath(QStringLiteral("b.pem"));
    for (const QString &path : {a, b}) {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("not a certificate");
    }
    ScriptedPrompts prompts;
    CaFileList list;
    prompts.nextFiles({a, b});
    list.addButton()->click();
    QCOMPARE(list.files(), (QStringList{a, b}));
    QCOMPARE(prompts.count(Prompts::Kind::OpenFiles), 1);
    QCOMPARE(prompts.last(Prompts::Kind::OpenFiles).parent, &list);
    // Cancelled: nothing added.
    list.addButton()->click();
    QCOMPARE(list.files().size(), 2);
}

void TestPrompts::subscriptionColourThroughTheSeam()
{
    ScriptedPrompts prompts;
    SubscriptionListModel model;
    SubscriptionPanel panel(&model);
    SubscriptionEntry entry;
    entry.subscription.filter = QStringLiteral("a/#");
    model.add(entry);
    const QColor before = model.at(0).colour;
    panel.listView()->setCurrentIndex(model.index(0, 0));
    QToolButton *colourButton = nullptr;
    for (QToolButton *b : panel.findChildren<QToolButton *>())
        if (b->accessibleName() == QStringLiteral("Change colour"))
            colourButton = b;
    QVERIFY(colourButton);
    QVERIFY(colourButton->isEnabled());

    prompts.nextColour(QColor(0x11, 0x22, 0x33));
    colourButton->click();
    QCOMPARE(model.at(0).colour, QColor(0x11, 0x22, 0x33));
    QCOMPARE(prompts.last(Prompts::Kind::Colour).colour, before); // offered the current one
    // Cancelled: the colour stays.
    colourButton->click();
    QCOMPARE(model.at(0).colour, QColor(0x11, 0x22, 0x33));
}

void TestPrompts::secretConsentAsksThroughTheSeam()
{
    ScriptedPrompts prompts;
    QWidget parent;
    MessageBoxSecretConsent consent(&parent);
    ConnectionProfile profile;
    profile.name = QStringLiteral("Plant");
    prompts.acceptNext(true);
    QVERIFY(consent.allowPlainStorage(profile, QStringLiteral("no secret service")));
    const Prompts::Request asked = prompts.last(Prompts::Kind::Question);
    QCOMPARE(asked.parent, &parent);
    QVERIFY(asked.text.contains(QStringLiteral("\"Plant\"")));
    // Why, in words on the question itself (not only behind "Show details").
    QVERIFY2(asked.informativeText.contains(QStringLiteral("Why: no secret service")),
             qPrintable(asked.informativeText));
    QVERIFY(asked.informativeText.contains(QStringLiteral("unencrypted")));
    QVERIFY(asked.warning);
    QVERIFY(!asked.destructive);
    QCOMPARE(asked.acceptText, QStringLiteral("Save &unencrypted"));
    QCOMPARE(asked.rejectText, QStringLiteral("&Do not save"));
    // Declined (or closed): nothing is stored in the clear.
    QVERIFY(!consent.allowPlainStorage(profile, {}));
    QCOMPARE(prompts.count(Prompts::Kind::Question), 2);
}

QTEST_MAIN(TestPrompts)
#include "tst_prompts.moc"
