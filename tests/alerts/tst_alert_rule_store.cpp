// AlertRuleStore: a profile's rules round trip through <dataDir>/alerts/<id>.json (the
// AlertRuleSet file mqttdesk-cli watch reads), private to the user; no file is no rules; a bad
// file is an error naming its line and field, and is left alone; a folder that cannot be made
// is a named error.
#include "core/alerts/alert_rule_set.h"
#include "core/alerts/alert_rule_store.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
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
    hot.op = AlertOperator::Greater;
    hot.threshold = 90;
    hot.hysteresis = 2;
    hot.cooldownSeconds = 60;
    hot.action.topic = QStringLiteral("alerts/{rule}");
    hot.action.payload = QStringLiteral("{\"temp\":{value}}");
    hot.action.qos = QoS::AtLeastOnce;
    AlertRule quiet;
    quiet.name = QStringLiteral("Sensors quiet");
    quiet.kind = AlertKind::Silence;
    quiet.filter = QStringLiteral("sensors/#");
    quiet.silenceSeconds = 30;
    quiet.enabled = false;
    AlertRule lost;
    lost.name = QStringLiteral("Broker lost");
    lost.kind = AlertKind::ConnectionLost;
    return {hot, quiet, lost};
}

} // namespace

class TestAlertRuleStore : public QObject
{
    Q_OBJECT
private slots:
    void noFileIsNoRules()
    {
        QTemporaryDir dir;
        const AlertRuleStore store(dir.path());
        AlertRuleError error;
        error.detail = QStringLiteral("untouched");
        const std::optional<QList<AlertRule>> rules = store.load(7, &error);
        QVERIFY(rules);
        QVERIFY(rules->isEmpty());
        QCOMPARE(error.detail, QStringLiteral("untouched"));
        QCOMPARE(store.filePath(7), QDir(dir.path()).filePath(QStringLiteral("alerts/7.json")));
    }

    void roundTripIsPrivate()
    {
        QTemporaryDir dir;
        const AlertRuleStore store(dir.path());
        QString why;
        QVERIFY2(store.save(7, sampleRules(), &why), qPrintable(why));
        const QString path = store.filePath(7);
        const QFileDevice::Permissions others = QFile::ReadGroup | QFile::WriteGroup |
                                                QFile::ExeGroup | QFile::ReadOther |
                                                QFile::WriteOther | QFile::ExeOther;
        const QFileDevice::Permissions mode = QFileInfo(path).permissions();
        QVERIFY(mode.testFlags(QFile::ReadOwner | QFile::WriteOwner));
        QVERIFY(!(mode & (others | QFile::ExeOwner)));
        const QFileDevice::Permissions folder = QFileInfo(store.directory()).permissions();
        QVERIFY(!(folder & others));

        AlertRuleError error;
        const std::optional<QList<AlertRule>> back = store.load(7, &error);
        QVERIFY2(back, qPrintable(error.message()));
        QCOMPARE(*back, sampleRules());
        // The same file is what mqttdesk-cli watch --rules reads.
        const std::optional<QList<AlertRule>> asCli = AlertRuleSet::load(path, &error);
        QVERIFY(asCli);
        QCOMPARE(*asCli, sampleRules());
        // Another profile is another file.
        QVERIFY(store.load(8, &error)->isEmpty());

        // Saved again over a file someone made readable: private again.
        QVERIFY(QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner |
                                                QFile::ReadGroup | QFile::ReadOther));
        QList<AlertRule> fewer = sampleRules();
        fewer.removeLast();
        QVERIFY2(store.save(7, fewer, &why), qPrintable(why));
        QVERIFY(!(QFileInfo(path).permissions() & (QFile::ReadGroup | QFile::ReadOther)));
        QCOMPARE(*store.load(7, &error), fewer);

        // No rules: no file.
        QVERIFY2(store.save(7, {}, &why), qPrintable(why));
        QVERIFY(!QFileInfo::exists(path));
        QVERIFY(store.load(7, &error)->isEmpty());
    }

    void badFileIsANamedErrorAndLeftAlone()
    {
        QTemporaryDir dir;
        const AlertRuleStore store(dir.path());
        QVERIFY(QDir().mkpath(store.directory()));
        const QByteArray text = "{\n"
                                "  \"format\": \"mqttdesk-alert-rules\",\n"
                                "  \"version\": 1,\n"
                                "  \"rules\": [\n"
                                "    {\"name\": \"Hot\", \"kind\": \"payload\", \"topic\": \"t\",\n"
                                "     \"treshold\": 3}\n"
                                "  ]\n"
                                "}\n";
        QFile file(store.filePath(3));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(text);
        file.close();
        AlertRuleError error;
        QVERIFY(!store.load(3, &error));
        QCOMPARE(error.code, AlertRuleError::Code::UnknownField);
        QCOMPARE(error.field, QStringLiteral("rules[0].treshold"));
        QVERIFY2(error.line >= 5, qPrintable(error.message()));
        QVERIFY2(error.message().contains(QStringLiteral("treshold")), qPrintable(error.message()));
        QVERIFY(QFile::exists(store.filePath(3)));

        QFile garbage(store.filePath(4));
        QVERIFY(garbage.open(QIODevice::WriteOnly));
        garbage.write("not json at all");
        garbage.close();
        QVERIFY(!store.load(4, &error));
        QCOMPARE(error.code, AlertRuleError::Code::NotJson);
        QVERIFY(!error.message().isEmpty());
    }

    void folderThatCannotBeMadeIsANamedError()
    {
        QTemporaryDir dir;
        // The data "folder" is a file: nothing can be created under it (not even by root).
        const QString notADir = dir.filePath(QStringLiteral("plain-file"));
        QFile file(notADir);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();
        const AlertRuleStore store(notADir);
        QString why;
        QVERIFY(!store.save(1, sampleRules(), &why));
        QVERIFY2(why.contains(QDir::toNativeSeparators(store.directory())), qPrintable(why));
        AlertRuleError error;
        QVERIFY(store.load(1, &error)->isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestAlertRuleStore)
#include "tst_alert_rule_store.moc"
