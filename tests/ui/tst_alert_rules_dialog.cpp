// Connection > Alert rules…: the saved rules listed (or why they cannot be read); the form
// shows the fields of the rule's kind only; what AlertRule::validate() finds wrong is shown
// under its field and keeps OK off; add, duplicate, remove, move and the enable box; import
// and export a rule file (the CLI's); OK saves through AlertRuleStore (private file) and hands
// the rules on; every input is labelled, the tab order follows the form; the pictures in both
// languages (and themes, with MQTTDESK_SCREENSHOT_PALETTE=dark).
#include "core/alerts/alert_rule_set.h"
#include "core/alerts/alert_rule_store.h"
#include "tests/support/screenshot_check.h"
#include "tests/support/screenshot_scene.h"
#include "tests/support/scripted_prompts.h"
#include "ui/alerts/alert_rule_form.h"
#include "ui/alerts/alert_rules_dialog.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFile>
#include <QFileInfo>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>

using namespace mqttdesk;

namespace {

QList<AlertRule> sampleRules()
{
    AlertRule hot;
    hot.name = QStringLiteral("Hot boiler");
    hot.filter = QStringLiteral("plant/+/boiler");
    hot.path = QStringLiteral("$.temp");
    hot.threshold = 90;
    hot.hysteresis = 2;
    hot.cooldownSeconds = 60;
    hot.action.topic = QStringLiteral("alerts/{rule}");
    hot.action.payload = QStringLiteral("{\"temp\":{value}}");
    hot.action.qos = QoS::AtLeastOnce;
    AlertRule errors;
    errors.name = QStringLiteral("Errors in the log");
    errors.filter = QStringLiteral("app/+/log");
    errors.regex = QStringLiteral("\\b(ERROR|FATAL)\\b");
    AlertRule quiet;
    quiet.name = QStringLiteral("Sensors quiet");
    quiet.kind = AlertKind::Silence;
    quiet.filter = QStringLiteral("sensors/#");
    quiet.silenceSeconds = 30;
    AlertRule flood;
    flood.name = QStringLiteral("Flood");
    flood.kind = AlertKind::Rate;
    flood.filter = QStringLiteral("sensors/#");
    flood.threshold = 500;
    flood.windowSeconds = 10;
    AlertRule lost;
    lost.name = QStringLiteral("Broker lost");
    lost.kind = AlertKind::ConnectionLost;
    lost.enabled = false;
    return {hot, errors, quiet, flood, lost};
}

template<typename T>
T *field(const QWidget &dialog, const char *name)
{
    return dialog.findChild<T *>(QLatin1String(name));
}

// Whether the form shows the row of `name` (its field, with the row's label).
bool shown(const AlertRulesDialog &dialog, const char *name)
{
    QWidget *w = field<QWidget>(dialog, name);
    return w && w->isVisibleTo(&dialog);
}

QPushButton *okButton(const AlertRulesDialog &dialog)
{
    return dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
}

} // namespace

class TestAlertRulesDialog : public QObject
{
    Q_OBJECT
private slots:
    void listsTheSavedRules()
    {
        QTemporaryDir dir;
        const AlertRuleStore store(dir.path());
        QString why;
        QVERIFY2(store.save(5, sampleRules(), &why), qPrintable(why));
        AlertRulesDialog dialog(&store, 5, QStringLiteral("Plant"));
        QCOMPARE(dialog.rules(), sampleRules());
        QVERIFY(dialog.loadError().isEmpty());
        QCOMPARE(dialog.list()->count(), 5);
        QVERIFY(dialog.list()->item(0)->text().contains(QStringLiteral("Hot boiler")));
        QVERIFY2(dialog.list()->item(0)->text().contains(QStringLiteral("$.temp > 90")),
                 qPrintable(dialog.list()->item(0)->text()));
        QCOMPARE(dialog.list()->item(4)->checkState(), Qt::Unchecked);
        QCOMPARE(dialog.list()->currentRow(), 0);
        QCOMPARE(field<QLineEdit>(dialog, "ruleName")->text(), QStringLiteral("Hot boiler"));
        QCOMPARE(field<QLineEdit>(dialog, "ruleThreshold")->text(), QStringLiteral("90"));
        QVERIFY(field<QGroupBox>(dialog, "ruleAction")->isChecked());
        QCOMPARE(field<QLineEdit>(dialog, "actionTopic")->text(), QStringLiteral("alerts/{rule}"));
        QVERIFY(dialog.windowTitle().contains(QStringLiteral("Plant")));
        QVERIFY(okButton(dialog)->isEnabled());
        QVERIFY(dialog.problem().isEmpty());
    }

    void badSavedFileIsShownNotLost()
    {
        QTemporaryDir dir;
        const AlertRuleStore store(dir.path());
        QVERIFY(QDir().mkpath(store.directory()));
        QFile file(store.filePath(5));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("{\"format\": \"mqttdesk-alert-rules\", \"version\": 1, \"rules\": [{]}");
        file.close();
        AlertRulesDialog dialog(&store, 5, QStringLiteral("Plant"));
        QVERIFY(dialog.rules().isEmpty());
        QVERIFY(!dialog.loadError().isEmpty());
        QVERIFY2(dialog.loadError().contains(QDir::toNativeSeparators(store.filePath(5))),
                 qPrintable(dialog.loadError()));
        auto *label = field<QLabel>(dialog, "loadProblem");
        QVERIFY(label->isVisibleTo(&dialog));
        QCOMPARE(label->text(), dialog.loadError());
        QVERIFY(field<QLabel>(dialog, "noRule")->isVisibleTo(&dialog));
    }

    void fieldsFollowTheKind()
    {
        QTemporaryDir dir;
        const AlertRuleStore store(dir.path());
        AlertRulesDialog dialog(&store, 1, QStringLiteral("Plant"));
        dialog.addRule();
        auto *kind = field<QComboBox>(dialog, "ruleKind");
        auto *condition = field<QComboBox>(dialog, "ruleCondition");
        const auto choose = [&](AlertKind k) { kind->setCurrentIndex(kind->findData(int(k))); };

        choose(AlertKind::Payload);
        condition->setCurrentIndex(0);
        for (const char *name :
             {"ruleTopic", "rulePath", "ruleDecoder", "ruleCondition", "ruleOperator",
              "ruleThreshold", "ruleHysteresis", "ruleCooldown", "ruleAction"})
            QVERIFY2(shown(dialog, name), name);
        for (const char *name : {"ruleRegex", "ruleSilence", "ruleWindow"})
            QVERIFY2(!shown(dialog, name), name);
        condition->setCurrentIndex(1);
        QVERIFY(shown(dialog, "ruleRegex"));
        QVERIFY(!shown(dialog, "ruleThreshold") && !shown(dialog, "ruleHysteresis"));

        choose(AlertKind::Silence);
        QVERIFY(shown(dialog, "ruleSilence") && shown(dialog, "ruleTopic"));
        for (const char *name : {"rulePath", "ruleDecoder", "ruleCondition", "ruleThreshold",
                                 "ruleRegex", "ruleWindow", "ruleHysteresis"})
            QVERIFY2(!shown(dialog, name), name);

        choose(AlertKind::Rate);
        for (const char *name :
             {"ruleTopic", "ruleOperator", "ruleThreshold", "ruleWindow", "ruleHysteresis"})
            QVERIFY2(shown(dialog, name), name);
        QVERIFY(!shown(dialog, "ruleSilence") && !shown(dialog, "ruleRegex"));

        choose(AlertKind::RetainedChanged);
        QVERIFY(shown(dialog, "ruleTopic"));
        QVERIFY(!shown(dialog, "ruleThreshold") && !shown(dialog, "ruleSilence"));

        choose(AlertKind::ConnectionLost);
        QVERIFY(!shown(dialog, "ruleTopic"));
        QVERIFY(shown(dialog, "ruleCooldown") && shown(dialog, "ruleAction"));
        QVERIFY(!field<QLabel>(dialog, "ruleKindHelp")->text().isEmpty());
        // A connection rule needs nothing more than its name.
        QVERIFY2(dialog.problem().isEmpty(), qPrintable(dialog.problem()));
        QCOMPARE(dialog.rules().first().kind, AlertKind::ConnectionLost);
        QVERIFY(dialog.rules().first().filter.isEmpty());
    }

    void errorsShowUnderTheirField()
    {
        QTemporaryDir dir;
        const AlertRuleStore store(dir.path());
        AlertRulesDialog dialog(&store, 1, QStringLiteral("Plant"));
        dialog.addRule();
        QVERIFY(dialog.rules().first().enabled);
        QCOMPARE(dialog.list()->item(0)->checkState(), Qt::Checked);
        // A new rule has a name but no topic: said under the topic, and OK waits.
        auto *topicError = field<QLabel>(dialog, "error_topic");
        QVERIFY(topicError->isVisibleTo(&dialog));
        QVERIFY(!topicError->text().isEmpty());
        QCOMPARE(field<QLineEdit>(dialog, "ruleTopic")->accessibleDescription(),
                 topicError->text());
        QVERIFY(!okButton(dialog)->isEnabled());
        QVERIFY(!field<QLabel>(dialog, "rulesStatus")->text().isEmpty());
        QVERIFY(!dialog.list()->item(0)->icon().isNull()); // the list marks it too

        field<QLineEdit>(dialog, "ruleTopic")->setText(QStringLiteral("plant/#/x"));
        QVERIFY(topicError->isVisibleTo(&dialog)); // # must be last
        field<QLineEdit>(dialog, "ruleTopic")->setText(QStringLiteral("plant/+/temp"));
        QVERIFY(!topicError->isVisibleTo(&dialog));
        QVERIFY(okButton(dialog)->isEnabled());
        QVERIFY(dialog.list()->item(0)->icon().isNull());

        // A text threshold with an ordering operator: under the comparison.
        field<QLineEdit>(dialog, "ruleThreshold")->setText(QStringLiteral("warm"));
        auto *compareError = field<QLabel>(dialog, "error_op");
        QVERIFY(compareError->isVisibleTo(&dialog));
        QVERIFY2(compareError->text().contains(QStringLiteral("warm")),
                 qPrintable(compareError->text()));
        QVERIFY(!okButton(dialog)->isEnabled());
        auto *op = field<QComboBox>(dialog, "ruleOperator");
        op->setCurrentIndex(op->findData(int(AlertOperator::Equal)));
        QVERIFY(!compareError->isVisibleTo(&dialog));
        QCOMPARE(dialog.rules().first().textThreshold, QStringLiteral("warm"));
        QVERIFY(dialog.rules().first().thresholdIsText);

        // A regular expression that does not parse.
        field<QComboBox>(dialog, "ruleCondition")->setCurrentIndex(1);
        field<QLineEdit>(dialog, "ruleRegex")->setText(QStringLiteral("(ERROR"));
        QVERIFY(field<QLabel>(dialog, "error_regex")->isVisibleTo(&dialog));
        QVERIFY(!okButton(dialog)->isEnabled());
        field<QLineEdit>(dialog, "ruleRegex")->setText(QStringLiteral("ERROR"));
        QVERIFY(okButton(dialog)->isEnabled());

        // A rate needs a number.
        auto *kind = field<QComboBox>(dialog, "ruleKind");
        kind->setCurrentIndex(kind->findData(int(AlertKind::Rate)));
        op->setCurrentIndex(op->findData(int(AlertOperator::Greater)));
        field<QLineEdit>(dialog, "ruleThreshold")->setText(QStringLiteral("lots"));
        QVERIFY(compareError->isVisibleTo(&dialog));
        QVERIFY2(compareError->text().contains(QStringLiteral("messages per second")),
                 qPrintable(compareError->text()));
        field<QLineEdit>(dialog, "ruleThreshold")->setText(QStringLiteral("0.5"));
        QVERIFY(okButton(dialog)->isEnabled());
        QCOMPARE(dialog.rules().first().threshold, 0.5);

        // An action that is ticked needs a topic, and a topic name (no wildcard).
        auto *action = field<QGroupBox>(dialog, "ruleAction");
        action->setChecked(true);
        auto *actionError = field<QLabel>(dialog, "error_action.topic");
        QVERIFY(actionError->isVisibleTo(&dialog));
        field<QLineEdit>(dialog, "actionTopic")->setText(QStringLiteral("alerts/#"));
        QVERIFY(actionError->isVisibleTo(&dialog));
        field<QLineEdit>(dialog, "actionTopic")->setText(QStringLiteral("alerts/{rule}"));
        QVERIFY(!actionError->isVisibleTo(&dialog));
        QVERIFY(okButton(dialog)->isEnabled());

        // Two rules of one name.
        dialog.duplicateRule();
        field<QLineEdit>(dialog, "ruleName")->setText(dialog.rules().first().name);
        QVERIFY(!okButton(dialog)->isEnabled());
        QVERIFY2(dialog.problem().contains(dialog.rules().first().name),
                 qPrintable(dialog.problem()));
    }

    void listEditing()
    {
        QTemporaryDir dir;
        const AlertRuleStore store(dir.path());
        QString why;
        QVERIFY(store.save(2, sampleRules().mid(0, 3), &why));
        AlertRulesDialog dialog(&store, 2, QStringLiteral("Plant"));
        QCOMPARE(dialog.list()->count(), 3);

        dialog.selectRule(0);
        dialog.duplicateRule();
        QCOMPARE(dialog.rules().size(), 4);
        QVERIFY(dialog.rules().at(1).enabled);
        QCOMPARE(dialog.rules().at(1).name, QStringLiteral("Hot boiler copy"));
        QCOMPARE(dialog.rules().at(1).path, QStringLiteral("$.temp"));
        QCOMPARE(dialog.list()->currentRow(), 1);
        dialog.duplicateRule();
        QCOMPARE(dialog.rules().at(2).name, QStringLiteral("Hot boiler copy copy"));

        dialog.removeRule();
        QCOMPARE(dialog.rules().size(), 4);
        dialog.selectRule(1);
        dialog.removeRule();
        QCOMPARE(dialog.rules().size(), 3);
        QCOMPARE(dialog.rules().at(1).name, QStringLiteral("Errors in the log"));
        dialog.selectRule(2);
        dialog.moveRule(-1);
        QCOMPARE(dialog.rules().at(1).name, QStringLiteral("Sensors quiet"));
        QCOMPARE(dialog.list()->currentRow(), 1);
        QCOMPARE(field<QLineEdit>(dialog, "ruleName")->text(), QStringLiteral("Sensors quiet"));
        dialog.moveRule(-1);
        dialog.moveRule(-1); // at the top already: nothing
        QCOMPARE(dialog.rules().at(0).name, QStringLiteral("Sensors quiet"));
        QVERIFY(!field<QPushButton>(dialog, "moveRuleUp")->isEnabled());

        // The check box enables a rule; editing the form keeps that.
        dialog.list()->item(0)->setCheckState(Qt::Unchecked);
        QVERIFY(!dialog.rules().at(0).enabled);
        field<QSpinBox>(dialog, "ruleSilence")->setValue(45);
        QCOMPARE(dialog.rules().at(0).silenceSeconds, 45);
        QVERIFY(!dialog.rules().at(0).enabled);
        QVERIFY(dialog.list()->item(0)->text().contains(QStringLiteral("45")));

        // Edits go to the selected rule only.
        dialog.selectRule(1);
        field<QLineEdit>(dialog, "ruleName")->setText(QStringLiteral("Renamed"));
        QCOMPARE(dialog.rules().at(1).name, QStringLiteral("Renamed"));
        QCOMPARE(dialog.rules().at(0).name, QStringLiteral("Sensors quiet"));

        for (int i = 0; i < 3; ++i) {
            dialog.selectRule(0);
            dialog.removeRule();
        }
        QVERIFY(dialog.rules().isEmpty());
        QVERIFY(field<QLabel>(dialog, "noRule")->isVisibleTo(&dialog));
        QVERIFY(!field<QPushButton>(dialog, "removeRule")->isEnabled());
        QVERIFY(okButton(dialog)->isEnabled()); // no rules is a choice
    }

    void importAndExport()
    {
        ScriptedPrompts prompts;
        QTemporaryDir dir;
        const AlertRuleStore store(dir.path());
        AlertRulesDialog dialog(&store, 3, QStringLiteral("Plant"));
        const QString file = dir.filePath(QStringLiteral("rules.json"));
        QString why;
        QVERIFY(AlertRuleSet::save(sampleRules(), file, &why));
        prompts.nextFile(file);
        field<QPushButton>(dialog, "importRules")->click();
        QCOMPARE(dialog.rules(), sampleRules());
        QCOMPARE(dialog.list()->count(), 5);

        const QString bad = dir.filePath(QStringLiteral("bad.json"));
        QFile badFile(bad);
        QVERIFY(badFile.open(QIODevice::WriteOnly));
        badFile.write("{\"format\": \"mqttdesk-alert-rules\", \"version\": 1, \"rules\": "
                      "[{\"name\": \"x\", \"kind\": \"payload\", \"topic\": \"t\", "
                      "\"treshold\": 1}]}");
        badFile.close();
        prompts.nextFile(bad);
        field<QPushButton>(dialog, "importRules")->click();
        QVERIFY2(prompts.last(Prompts::Kind::Warning).text.contains(QStringLiteral("treshold")),
                 qPrintable(prompts.lastText()));
        QCOMPARE(dialog.rules(), sampleRules()); // unchanged

        const QString out = dir.filePath(QStringLiteral("out.json"));
        prompts.nextFile(out);
        field<QPushButton>(dialog, "exportRules")->click();
        AlertRuleError error;
        const std::optional<QList<AlertRule>> back = AlertRuleSet::load(out, &error);
        QVERIFY2(back, qPrintable(error.message()));
        QCOMPARE(*back, sampleRules());
        QVERIFY(prompts.last(Prompts::Kind::SaveFile)
                    .value.endsWith(QStringLiteral("Plant alert rules.json")));

        // Not saved before OK.
        QVERIFY(!QFileInfo::exists(store.filePath(3)));
    }

    void okSavesAndHandsTheRulesOn()
    {
        QTemporaryDir dir;
        const AlertRuleStore store(dir.path());
        AlertRulesDialog dialog(&store, 9, QStringLiteral("Plant"));
        QSignalSpy saved(&dialog, &AlertRulesDialog::rulesSaved);
        dialog.addRule();
        field<QLineEdit>(dialog, "ruleName")->setText(QStringLiteral("Hot"));
        field<QLineEdit>(dialog, "ruleTopic")->setText(QStringLiteral("plant/+/temp"));
        field<QLineEdit>(dialog, "rulePath")->setText(QStringLiteral("$.t"));
        field<QLineEdit>(dialog, "ruleThreshold")->setText(QStringLiteral("30"));
        field<QDoubleSpinBox>(dialog, "ruleHysteresis")->setValue(1.5);
        field<QSpinBox>(dialog, "ruleCooldown")->setValue(20);
        QVERIFY(okButton(dialog)->isEnabled());
        okButton(dialog)->click();
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(saved.size(), 1);
        QCOMPARE(saved.first().at(0).toLongLong(), 9);
        const QList<AlertRule> rules = saved.first().at(1).value<QList<AlertRule>>();
        QCOMPARE(rules.size(), 1);
        QCOMPARE(rules.first().name, QStringLiteral("Hot"));
        QCOMPARE(rules.first().threshold, 30.0);
        QCOMPARE(rules.first().hysteresis, 1.5);
        QCOMPARE(rules.first().cooldownSeconds, 20);
        QVERIFY(rules.first().enabled);
        AlertRuleError error;
        QCOMPARE(*store.load(9, &error), rules);
        QVERIFY(
            !(QFileInfo(store.filePath(9)).permissions() & (QFile::ReadGroup | QFile::ReadOther)));
    }

    void saveFailureKeepsTheDialogOpen()
    {
        ScriptedPrompts prompts;
        QTemporaryDir dir;
        const QString notADir = dir.filePath(QStringLiteral("file"));
        QFile file(notADir);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();
        const AlertRuleStore store(notADir);
        AlertRulesDialog dialog(&store, 9, QStringLiteral("Plant"));
        QSignalSpy saved(&dialog, &AlertRulesDialog::rulesSaved);
        dialog.addRule();
        auto *kind = field<QComboBox>(dialog, "ruleKind");
        kind->setCurrentIndex(kind->findData(int(AlertKind::ConnectionLost)));
        dialog.show();
        okButton(dialog)->click();
        QVERIFY(dialog.isVisible());
        QVERIFY(saved.isEmpty());
        QCOMPARE(prompts.count(Prompts::Kind::Warning), 1);
        QVERIFY(field<QLabel>(dialog, "rulesStatus")
                    ->text()
                    .contains(QDir::toNativeSeparators(store.directory())));
    }

    void labelledAndKeyboardOperable()
    {
        QTemporaryDir dir;
        const AlertRuleStore store(dir.path());
        QString why;
        QVERIFY(store.save(1, sampleRules(), &why));
        AlertRulesDialog dialog(&store, 1, QStringLiteral("Plant"));
        QList<QWidget *> buddies;
        for (QLabel *label : dialog.findChildren<QLabel *>()) {
            if (label->buddy()) {
                buddies << label->buddy();
                QVERIFY2(label->text().contains(QLatin1Char('&')), qPrintable(label->text()));
            }
        }
        for (const char *name :
             {"ruleName", "ruleKind", "ruleTopic", "rulePath", "ruleDecoder", "ruleCondition",
              "ruleOperator", "ruleRegex", "ruleHysteresis", "ruleSilence", "ruleWindow",
              "ruleCooldown", "actionTopic", "actionPayload", "actionQos"})
            QVERIFY2(buddies.contains(field<QWidget>(dialog, name)), name);
        QVERIFY(!field<QLineEdit>(dialog, "ruleThreshold")->accessibleName().isEmpty());
        QVERIFY(!dialog.list()->accessibleName().isEmpty());
        for (const char *name : {"addRule", "duplicateRule", "removeRule", "moveRuleUp",
                                 "moveRuleDown", "importRules", "exportRules"}) {
            auto *button = field<QPushButton>(dialog, name);
            QVERIFY2(!button->toolTip().isEmpty(), name);
            QVERIFY2(button->text().contains(QLatin1Char('&')), name);
        }
        // Tab goes from the list through its buttons into the form, in the order shown.
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QList<QWidget *> order;
        QWidget *w = dialog.list();
        for (int i = 0; i < 300 && w; ++i) {
            order << w;
            w = w->nextInFocusChain();
        }
        const auto before = [&](const char *a, const char *b) {
            const qsizetype ia = order.indexOf(field<QWidget>(dialog, a));
            const qsizetype ib = order.indexOf(field<QWidget>(dialog, b));
            return ia >= 0 && ib >= 0 && ia < ib;
        };
        QVERIFY(before("alertRules", "addRule"));
        QVERIFY(before("moveRuleDown", "ruleName"));
        QVERIFY(before("ruleName", "ruleKind"));
        QVERIFY(before("ruleKind", "ruleTopic"));
        QVERIFY(before("ruleOperator", "ruleThreshold"));
        QVERIFY(before("ruleCooldown", "actionTopic"));
        QVERIFY(before("actionRetain", "importRules"));
        // The list's check box answers Space.
        dialog.list()->setFocus();
        dialog.list()->setCurrentRow(4);
        QTest::keyClick(dialog.list(), Qt::Key_Space);
        QVERIFY(dialog.rules().at(4).enabled);
    }

    void screenshots_data()
    {
        QTest::addColumn<QString>("language");
        QTest::newRow("en") << QStringLiteral("en");
        QTest::newRow("zh_CN") << QStringLiteral("zh_CN");
    }

    // alert-rules-<language>.png into $MQTTDESK_SCREENSHOT_DIR (dark: *-dark.png): the
    // sample rules, the first with an action, and a second rule with a mistake shown.
    void screenshots()
    {
        QFETCH(QString, language);
        const ScreenshotScene scene(language);
        QTemporaryDir dir;
        const AlertRuleStore store(dir.path());
        QString why;
        QVERIFY(store.save(1, sampleRules(), &why));
        AlertRulesDialog dialog(&store, 1, QStringLiteral("Factory floor"));
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        dialog.selectRule(0);
        QApplication::processEvents();
        const QImage image = dialog.grab().toImage();
        const QStringList problems = ScreenshotCheck::problems(
            &dialog, image,
            {dialog.list(), field<QWidget>(dialog, "ruleName"), field<QWidget>(dialog, "ruleKind"),
             field<QWidget>(dialog, "ruleTopic"), field<QWidget>(dialog, "rulePath"),
             field<QWidget>(dialog, "ruleThreshold"), field<QWidget>(dialog, "ruleCooldown"),
             field<QWidget>(dialog, "actionTopic"), field<QWidget>(dialog, "actionRetain"),
             field<QWidget>(dialog, "addRule"), field<QWidget>(dialog, "moveRuleDown"),
             okButton(dialog)});
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
        const QString out = qEnvironmentVariable("MQTTDESK_SCREENSHOT_DIR");
        if (!out.isEmpty()) {
            QVERIFY(QDir().mkpath(out));
            QVERIFY(image.save(ScreenshotCheck::themed(
                QDir(out).filePath(QStringLiteral("alert-rules-%1.png").arg(language)))));
        }
    }
};

QTEST_MAIN(TestAlertRulesDialog)
#include "tst_alert_rules_dialog.moc"
