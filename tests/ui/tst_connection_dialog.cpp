#include "core/profile/profile_json.h"
#include "tests/fixture/test_pki.h"
#include "tests/profile/sample_profiles.h"
#include "ui/dialogs/connection_dialog.h"
#include "ui/dialogs/general_page.h"
#include "ui/i18n/language.h"
#include "ui/theme/theme.h"
#include "ui/widgets/ca_file_list.h"
#include "ui/widgets/file_field.h"
#include "ui/widgets/pairs_table.h"
#include "ui/widgets/password_field.h"
#include "ui/widgets/prompts.h"
#include "ui/widgets/variables_table.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableWidget>
#include <QTest>
#include <QToolButton>

using namespace mqttdesk;

namespace {

template<typename T>
T *field(const ConnectionDialog &dialog, const char *name)
{
    T *widget = dialog.findChild<T *>(QLatin1String(name));
    if (!widget)
        qFatal("no widget %s", name);
    return widget;
}

void type(QLineEdit *edit, const QString &text)
{
    edit->selectAll();
    edit->del();
    QTest::keyClicks(edit, text);
    edit->editingFinished();
}

void pick(QComboBox *box, const QVariant &data)
{
    box->setCurrentIndex(box->findData(data));
}

} // namespace

class TestConnectionDialog : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QVERIFY2(m_pki.ok(), qPrintable(m_pki.errorString())); }

    void defaultsAreValid()
    {
        ConnectionDialog dialog;
        ConnectionProfile p;
        p.name = QStringLiteral("Local");
        dialog.setProfile(p);
        QVERIFY(dialog.saveButton()->isEnabled());
        QCOMPARE(dialog.statusText(), QString());
    }

    // Another saved connection to the same broker with the same fixed client id is named in a
    // warning; saving stays possible. The saved copy of the profile being edited is not one.
    void warnsOfASharedClientId()
    {
        ConnectionProfile mine;
        mine.name = QStringLiteral("Mine");
        mine.host = QStringLiteral("broker.local");
        mine.clientId = QStringLiteral("desk-a");
        ConnectionProfile other = mine;
        other.id = QUuid::createUuid();
        other.name = QStringLiteral("Other");
        other.clientId = QStringLiteral("desk-b");
        ConnectionDialog dialog;
        dialog.setProfile(mine);
        dialog.setOtherProfiles({other, mine});
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QLabel *warning = field<QLabel>(dialog, "clientIdClash");
        QVERIFY(dialog.clientIdWarning().isEmpty());
        QVERIFY(!warning->isVisible());

        type(field<QLineEdit>(dialog, "mqtt.clientId"), QStringLiteral("desk-b"));
        QVERIFY2(dialog.clientIdWarning().contains(QStringLiteral("“Other”")),
                 qPrintable(dialog.clientIdWarning()));
        QVERIFY(dialog.clientIdWarning().contains(QStringLiteral("broker.local:1883")));
        QVERIFY(warning->isVisible());
        QVERIFY(dialog.saveButton()->isEnabled());

        type(field<QLineEdit>(dialog, "transport.port"), QStringLiteral("1884"));
        QVERIFY(dialog.clientIdWarning().isEmpty()); // another broker
        type(field<QLineEdit>(dialog, "transport.port"), QStringLiteral("1883"));
        type(field<QLineEdit>(dialog, "transport.host"), QStringLiteral("BROKER.local"));
        QVERIFY(!dialog.clientIdWarning().isEmpty());
        type(field<QLineEdit>(dialog, "mqtt.clientId"), QString());
        QVERIFY(dialog.clientIdWarning().isEmpty()); // none fixed: the broker assigns one
        QVERIFY(!warning->isVisible());
    }

    void fillEveryFieldSaveReopen()
    {
        ConnectionDialog dialog;
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        // General
        type(field<QLineEdit>(dialog, "name"), QStringLiteral("Plant"));
        type(field<QLineEdit>(dialog, "folder"), QStringLiteral("Sites/North"));
        pick(field<QComboBox>(dialog, "transport.scheme"), int(TransportScheme::Wss));
        type(field<QLineEdit>(dialog, "transport.host"), QStringLiteral("broker.example.com"));
        type(field<QLineEdit>(dialog, "transport.port"), QStringLiteral("9443"));
        type(field<QLineEdit>(dialog, "transport.wsPath"), QStringLiteral("/ws"));
        type(field<QLineEdit>(dialog, "mqtt.clientId"), QStringLiteral("plant-1"));
        pick(field<QComboBox>(dialog, "mqtt.version"), int(ProtocolVersion::V311));
        type(field<QLineEdit>(dialog, "mqtt.username"), QStringLiteral("alice"));
        field<PasswordField>(dialog, "mqtt.password")->setText(QStringLiteral("pw"));
        // TLS
        field<QCheckBox>(dialog, "tls.useSystemCa")->setChecked(false);
        field<CaFileList>(dialog, "tls.caFiles")->addFiles({m_pki.caCert()});
        field<FileField>(dialog, "tls.clientCertificate")->choose(m_pki.clientCert());
        field<FileField>(dialog, "tls.clientKey")->choose(m_pki.clientKeyEncrypted());
        field<PasswordField>(dialog, "tls.keyPassphrase")
            ->setText(QString::fromLatin1(TestPki::clientKeyPassphrase()));
        field<PasswordField>(dialog, "tls.pkcs12Password")->setText(QStringLiteral("p12"));
        pick(field<QComboBox>(dialog, "tls.minimumVersion"), int(TlsMinimumVersion::Tls13));
        type(field<QLineEdit>(dialog, "tls.peerName"), QStringLiteral("mqtt.internal"));
        type(field<QLineEdit>(dialog, "tls.alpn"), QStringLiteral("mqtt, x-test"));
        field<QCheckBox>(dialog, "tls.verifyPeer")->setChecked(false);
        // Advanced
        field<QSpinBox>(dialog, "mqtt.keepAlive")->setValue(15);
        field<QCheckBox>(dialog, "mqtt.cleanStart")->setChecked(false);
        field<QDoubleSpinBox>(dialog, "mqtt.properties.sessionExpiryInterval")
            ->setValue(4294967295.0);
        field<QSpinBox>(dialog, "mqtt.properties.receiveMaximum")->setValue(20);
        field<QDoubleSpinBox>(dialog, "mqtt.properties.maximumPacketSize")->setValue(65536);
        field<QSpinBox>(dialog, "mqtt.properties.topicAliasMaximum")->setValue(8);
        field<QCheckBox>(dialog, "mqtt.properties.requestResponseInformation")->setChecked(true);
        field<QCheckBox>(dialog, "mqtt.properties.requestProblemInformation")->setChecked(false);
        field<PairsTable>(dialog, "mqtt.properties.userProperties")
            ->addRow(QStringLiteral("a"), QStringLiteral("1"));
        field<PairsTable>(dialog, "mqtt.properties.userProperties")
            ->addRow(QStringLiteral("a"), QStringLiteral("2"));
        field<QCheckBox>(dialog, "reconnect.enabled")->setChecked(true);
        field<QSpinBox>(dialog, "reconnect.minBackoffMs")->setValue(250);
        field<QSpinBox>(dialog, "reconnect.maxBackoffMs")->setValue(9000);
        field<QSpinBox>(dialog, "offline.queueSize")->setValue(77);
        pick(field<QComboBox>(dialog, "offline.mode"), int(OfflineMode::Refuse));
        pick(field<QComboBox>(dialog, "proxy.type"), int(ProxyType::Http));
        type(field<QLineEdit>(dialog, "proxy.host"), QStringLiteral("proxy.lan"));
        field<QSpinBox>(dialog, "proxy.port")->setValue(3128);
        type(field<QLineEdit>(dialog, "proxy.username"), QStringLiteral("bob"));
        field<PasswordField>(dialog, "proxy.password")->setText(QStringLiteral("ppw"));
        field<PairsTable>(dialog, "transport.wsHeaders")
            ->addRow(QStringLiteral("X-Key"), QStringLiteral("k"));
        field<QDoubleSpinBox>(dialog, "retention.maxMessages")->setValue(5000);
        field<QDoubleSpinBox>(dialog, "retention.maxBytes")->setValue(64);
        field<QDoubleSpinBox>(dialog, "retention.maxAgeSeconds")->setValue(48);
        field<QCheckBox>(dialog, "secretStorage")->setChecked(true);
        // Last will
        field<QCheckBox>(dialog, "will.enabled")->setChecked(true);
        type(field<QLineEdit>(dialog, "will.topic"), QStringLiteral("plant/status"));
        pick(field<QComboBox>(dialog, "will.qos"), 1);
        field<QCheckBox>(dialog, "will.retain")->setChecked(true);
        pick(field<QComboBox>(dialog, "will.payloadEncoding"), int(PayloadEncoding::Hex));
        field<QPlainTextEdit>(dialog, "will.payload")->setPlainText(QStringLiteral("00 ff 10"));
        field<QDoubleSpinBox>(dialog, "will.properties.delayInterval")->setValue(30);
        field<QCheckBox>(dialog, "will.properties.hasMessageExpiry")->setChecked(true);
        field<QDoubleSpinBox>(dialog, "will.properties.messageExpiryInterval")->setValue(600);
        type(field<QLineEdit>(dialog, "will.properties.contentType"),
             QStringLiteral("application/octet-stream"));
        type(field<QLineEdit>(dialog, "will.properties.responseTopic"),
             QStringLiteral("plant/reply"));
        type(field<QLineEdit>(dialog, "will.properties.correlationData"), QStringLiteral("0a0b"));
        field<QCheckBox>(dialog, "will.properties.payloadFormatIndicator")->setChecked(false);
        field<PairsTable>(dialog, "will.properties.userProperties")
            ->addRow(QStringLiteral("w"), QStringLiteral("v"));

        QVERIFY2(dialog.saveButton()->isEnabled(), qPrintable(dialog.statusText()));
        const ConnectionProfile saved = dialog.profile();

        ConnectionProfile expected = saved;
        expected.name = QStringLiteral("Plant");
        QCOMPARE(saved.folder, QStringLiteral("Sites/North"));
        QCOMPARE(saved.scheme, TransportScheme::Wss);
        QCOMPARE(saved.host, QStringLiteral("broker.example.com"));
        QCOMPARE(saved.port, quint16(9443));
        QCOMPARE(saved.wsPath, QStringLiteral("/ws"));
        QCOMPARE(saved.clientId, QStringLiteral("plant-1"));
        QCOMPARE(saved.protocolVersion, ProtocolVersion::V311);
        QCOMPARE(saved.username, QStringLiteral("alice"));
        QCOMPARE(saved.password, (Secret{true, QStringLiteral("pw")}));
        QVERIFY(!saved.tls.useSystemCa);
        QCOMPARE(saved.tls.caFiles, QStringList{m_pki.caCert()});
        QCOMPARE(saved.tls.clientCertificatePath, m_pki.clientCert());
        QCOMPARE(saved.tls.clientKeyPath, m_pki.clientKeyEncrypted());
        QCOMPARE(saved.tls.keyPassphrase.value,
                 QString::fromLatin1(TestPki::clientKeyPassphrase()));
        QCOMPARE(saved.tls.pkcs12Password.value, QStringLiteral("p12"));
        QCOMPARE(saved.tls.minimumVersion, TlsMinimumVersion::Tls13);
        QCOMPARE(saved.tls.peerName, QStringLiteral("mqtt.internal"));
        QCOMPARE(saved.tls.alpn, (QStringList{QStringLiteral("mqtt"), QStringLiteral("x-test")}));
        QVERIFY(!saved.tls.verifyPeer);
        QCOMPARE(saved.keepAliveSeconds, quint16(15));
        QVERIFY(!saved.cleanStart);
        QCOMPARE(saved.connectProperties.sessionExpiryInterval, quint32(4294967295u));
        QCOMPARE(saved.connectProperties.receiveMaximum, quint16(20));
        QCOMPARE(saved.connectProperties.maximumPacketSize, quint32(65536));
        QCOMPARE(saved.connectProperties.topicAliasMaximum, quint16(8));
        QVERIFY(saved.connectProperties.requestResponseInformation);
        QVERIFY(!saved.connectProperties.requestProblemInformation);
        QCOMPARE(saved.connectProperties.userProperties,
                 (NameValueList{{QStringLiteral("a"), QStringLiteral("1")},
                                {QStringLiteral("a"), QStringLiteral("2")}}));
        QCOMPARE(saved.reconnect, (ProfileReconnectOptions{true, 250, 9000}));
        QCOMPARE(saved.offlineQueueSize, 77);
        QCOMPARE(saved.offlineMode, OfflineMode::Refuse);
        QCOMPARE(saved.proxy.type, ProxyType::Http);
        QCOMPARE(saved.proxy.host, QStringLiteral("proxy.lan"));
        QCOMPARE(saved.proxy.port, quint16(3128));
        QCOMPARE(saved.proxy.username, QStringLiteral("bob"));
        QCOMPARE(saved.proxy.password.value, QStringLiteral("ppw"));
        QCOMPARE(saved.wsHeaders, (NameValueList{{QStringLiteral("X-Key"), QStringLiteral("k")}}));
        QCOMPARE(saved.retention, (RetentionBudget{5000, 64 * 1024 * 1024, 48 * 3600}));
        QCOMPARE(saved.secretStorage, SecretStorageMode::PlainConsented);
        QVERIFY(saved.will.enabled);
        QCOMPARE(saved.will.topic, QStringLiteral("plant/status"));
        QCOMPARE(saved.will.qos, quint8(1));
        QVERIFY(saved.will.retain);
        QCOMPARE(saved.will.payloadEncoding, PayloadEncoding::Hex);
        QCOMPARE(saved.will.payload, QByteArray("\x00\xff\x10", 3));
        QCOMPARE(saved.will.properties.delayInterval, quint32(30));
        QCOMPARE(saved.will.properties.messageExpiryInterval, std::optional<quint32>(600));
        QCOMPARE(saved.will.properties.contentType, QStringLiteral("application/octet-stream"));
        QCOMPARE(saved.will.properties.responseTopic, QStringLiteral("plant/reply"));
        QCOMPARE(saved.will.properties.correlationData, QByteArray("\x0a\x0b", 2));
        QCOMPARE(saved.will.properties.userProperties,
                 (NameValueList{{QStringLiteral("w"), QStringLiteral("v")}}));

        // Through JSON (as stored) and back into a new dialog: nothing changes.
        const auto stored = ConnectionProfile::fromJson(saved.toJson(), nullptr);
        QVERIFY(stored.has_value());
        QCOMPARE(*stored, saved);
        ConnectionDialog reopened;
        reopened.setProfile(*stored);
        QCOMPARE(reopened.profile(), saved);
    }

    // 3.x says Clean Session, 5.0 Clean Start; "resume" applies to 5.0 with clean start
    // off only; both session choices survive save and reopen.
    void sessionChoicesFollowTheVersion()
    {
        ConnectionDialog dialog;
        ConnectionProfile p;
        p.name = QStringLiteral("Plant");
        dialog.setProfile(p);
        auto *clean = field<QCheckBox>(dialog, "mqtt.cleanStart");
        auto *resume = field<QCheckBox>(dialog, "mqtt.resumeSession");
        auto *store = field<QCheckBox>(dialog, "mqtt.storeBeforeAck");
        auto *version = field<QComboBox>(dialog, "mqtt.version");
        QVERIFY(clean->text().remove(QLatin1Char('&')).contains(QStringLiteral("Clean start")));
        QVERIFY(resume->isChecked());
        QVERIFY(store->isChecked());
        QVERIFY(!resume->isEnabled()); // clean start is on
        QVERIFY(!resume->toolTip().isEmpty());
        QVERIFY(!store->toolTip().isEmpty());
        clean->setChecked(false);
        QVERIFY(resume->isEnabled());

        pick(version, int(ProtocolVersion::V311));
        QVERIFY(clean->text().remove(QLatin1Char('&')).contains(QStringLiteral("Clean session")));
        QVERIFY(!resume->isEnabled());
        pick(version, int(ProtocolVersion::V31));
        QVERIFY(clean->text().remove(QLatin1Char('&')).contains(QStringLiteral("Clean session")));
        pick(version, int(ProtocolVersion::V5));
        QVERIFY(clean->text().remove(QLatin1Char('&')).contains(QStringLiteral("Clean start")));
        QVERIFY(resume->isEnabled());

        resume->setChecked(false);
        store->setChecked(false);
        const ConnectionProfile saved = dialog.profile();
        QVERIFY(!saved.cleanStart);
        QVERIFY(!saved.resumeSession);
        QVERIFY(!saved.storeBeforeAck);
        ConnectionDialog reopened;
        reopened.setProfile(saved);
        QVERIFY(!field<QCheckBox>(reopened, "mqtt.resumeSession")->isChecked());
        QVERIFY(!field<QCheckBox>(reopened, "mqtt.storeBeforeAck")->isChecked());
        QVERIFY(field<QCheckBox>(reopened, "mqtt.resumeSession")->isEnabled());

        // A 3.1.1 profile opens with the 3.x wording.
        ConnectionProfile v311 = saved;
        v311.protocolVersion = ProtocolVersion::V311;
        reopened.setProfile(v311);
        QVERIFY(field<QCheckBox>(reopened, "mqtt.cleanStart")
                    ->text()
                    .remove(QLatin1Char('&'))
                    .contains(QStringLiteral("Clean session")));
    }

    void everyFieldOfAFullProfileSurvives()
    {
        ConnectionDialog dialog;
        ConnectionProfile p = test::fullProfile();
        p.tls.pkcs12Password = {}; // no PKCS#12 file in this profile
        dialog.setProfile(p);
        QCOMPARE(dialog.profile(), p);
        ConnectionDialog again;
        again.setProfile(dialog.profile());
        QCOMPARE(again.profile(), p);
    }

    // The connection's template variables (Advanced): edited with the keyboard, checked as a
    // collection's are (the problem in the status line, the Advanced tab marked, Save off),
    // removed, saved and reopened, and their texts set again on a language change.
    void templateVariablesAreEditedAndChecked()
    {
        ConnectionDialog dialog;
        ConnectionProfile p;
        p.name = QStringLiteral("vars");
        p.templateVariables = {{QStringLiteral("device"), QStringLiteral("pump-7")}};
        dialog.setProfile(p);
        auto *vars = field<VariablesTable>(dialog, "templateVariables");
        QTableWidget *table = vars->table();
        QCOMPARE(table->horizontalHeaderItem(0)->text(), QStringLiteral("Name"));
        for (QPushButton *button : {vars->addButton(), vars->removeButton()})
            QVERIFY(!button->toolTip().isEmpty() && !button->accessibleName().isEmpty());
        QVERIFY(!table->accessibleName().isEmpty());
        QCOMPARE(dialog.profile().templateVariables, p.templateVariables);

        // Keyboard only: Tab from the table to Add, Space adds a row and edits its name.
        const int advanced = 2;
        QVERIFY(dialog.tabs()->widget(advanced)->isAncestorOf(vars));
        dialog.tabs()->setCurrentIndex(advanced);
        dialog.show();
        QApplication::setActiveWindow(&dialog);
        QVERIFY(QTest::qWaitForWindowActive(&dialog));
        table->setFocus(Qt::TabFocusReason);
        QTRY_COMPARE(QApplication::focusWidget(), table);
        QTest::keyClick(table, Qt::Key_Tab);
        QTRY_COMPARE(QApplication::focusWidget(), vars->addButton());
        QTest::keyClick(vars->addButton(), Qt::Key_Space);
        QTRY_COMPARE(table->rowCount(), 2);
        QTRY_VERIFY(QApplication::focusWidget() &&
                    table->isAncestorOf(QApplication::focusWidget()));
        QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("site"));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
        QTRY_COMPARE(table->item(1, 0)->text(), QStringLiteral("site"));
        QTRY_COMPARE(QApplication::focusWidget(), table);
        QTest::keyClick(table, Qt::Key_Right);
        QTest::keyClick(table, Qt::Key_F2);
        QTRY_VERIFY(QApplication::focusWidget() != table &&
                    table->isAncestorOf(QApplication::focusWidget()));
        QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("north"));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
        QTRY_COMPARE(table->item(1, 1)->text(), QStringLiteral("north"));
        const QList<StringPair> two{{QStringLiteral("device"), QStringLiteral("pump-7")},
                                    {QStringLiteral("site"), QStringLiteral("north")}};
        QCOMPARE(dialog.profile().templateVariables, two);
        QVERIFY(dialog.saveButton()->isEnabled());

        // Each mistake is an error of the field, shown as the dialog shows the others.
        // (Every rule: tst_profile_validator.)
        const QList<std::pair<QString, QString>> mistakes{
            {QStringLiteral("device"), QStringLiteral("The variable “device” is defined twice.")},
            {QStringLiteral("counter"),
             QStringLiteral("“counter” is a built-in variable: choose another name.")},
            {QString(), QStringLiteral("Variable 2 has a value but no name.")},
        };
        for (const auto &[name, message] : mistakes) {
            table->item(1, 0)->setText(name);
            QVERIFY2(!dialog.saveButton()->isEnabled(), qPrintable(name));
            QVERIFY2(dialog.statusText().startsWith(message), qPrintable(dialog.statusText()));
            QVERIFY(!dialog.tabs()->tabIcon(advanced).isNull());
        }
        table->item(1, 0)->setText(QStringLiteral(" site "));
        QVERIFY2(dialog.saveButton()->isEnabled(), qPrintable(dialog.statusText()));
        QVERIFY(dialog.tabs()->tabIcon(advanced).isNull());
        QCOMPARE(dialog.profile().templateVariables, two); // the name is read trimmed

        // An added row left empty is no variable; the selected row is removed.
        vars->addButton()->click();
        QCOMPARE(table->rowCount(), 3);
        QCOMPARE(dialog.profile().templateVariables, two);
        QVERIFY(dialog.saveButton()->isEnabled());
        table->selectRow(0);
        QVERIFY(vars->removeButton()->isEnabled());
        vars->removeButton()->click();
        const QList<StringPair> one{{QStringLiteral("site"), QStringLiteral("north")}};
        QCOMPARE(dialog.profile().templateVariables, one);

        // Saved (through JSON) and reopened.
        const auto stored = ConnectionProfile::fromJson(dialog.profile().toJson(), nullptr);
        QVERIFY(stored.has_value());
        ConnectionDialog reopened;
        reopened.setProfile(*stored);
        QCOMPARE(reopened.profile().templateVariables, one);

        // A language change sets the table's texts again.
        table->setHorizontalHeaderLabels({QStringLiteral("stale"), QStringLiteral("stale")});
        vars->addButton()->setText(QStringLiteral("stale"));
        Language::install(*qApp, QStringLiteral("zh_CN"));
        QTRY_VERIFY(vars->addButton()->text() != QStringLiteral("stale"));
        QTRY_VERIFY(table->horizontalHeaderItem(0)->text() != QStringLiteral("stale"));
        Language::install(*qApp, QStringLiteral("en"));
        QTRY_COMPARE(table->horizontalHeaderItem(0)->text(), QStringLiteral("Name"));
        QTRY_COMPARE(vars->addButton()->text(), QStringLiteral("A&dd variable"));
    }

    void invalidInputDisablesSave_data()
    {
        QTest::addColumn<QString>("widget");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("message");
        QTest::newRow("port range") << "transport.port"
                                    << "70000"
                                    << "The port \"70000\" is not between 1 and 65535.";
        QTest::newRow("port text") << "transport.port"
                                   << "abc"
                                   << "The port \"abc\" is not between 1 and 65535.";
        QTest::newRow("empty host") << "transport.host"
                                    << ""
                                    << "Enter the broker's host name or IP address.";
        QTest::newRow("empty name") << "name"
                                    << ""
                                    << "Enter a name for the connection.";
    }

    void invalidInputDisablesSave()
    {
        QFETCH(QString, widget);
        QFETCH(QString, text);
        QFETCH(QString, message);
        ConnectionDialog dialog;
        ConnectionProfile p;
        p.name = QStringLiteral("x");
        dialog.setProfile(p);
        QVERIFY(dialog.saveButton()->isEnabled());
        type(dialog.findChild<QLineEdit *>(widget), text);
        QVERIFY(!dialog.saveButton()->isEnabled());
        QVERIFY2(dialog.statusText().startsWith(message), qPrintable(dialog.statusText()));
        // The General tab is marked as holding the problem.
        QVERIFY(!dialog.tabs()->tabIcon(0).isNull());
    }

    void clientIdTooLongForV31()
    {
        ConnectionDialog dialog;
        ConnectionProfile p;
        p.name = QStringLiteral("x");
        dialog.setProfile(p);
        type(field<QLineEdit>(dialog, "mqtt.clientId"), QString(30, QLatin1Char('c')));
        QVERIFY(dialog.saveButton()->isEnabled()); // fine for 5.0
        pick(field<QComboBox>(dialog, "mqtt.version"), int(ProtocolVersion::V31));
        QVERIFY(!dialog.saveButton()->isEnabled());
        QCOMPARE(dialog.statusText(), QStringLiteral("MQTT 3.1 allows a client id of at most 23 "
                                                     "characters; this one has 30."));
        // The generate button fixes it.
        QTest::mouseClick(field<QToolButton>(dialog, "generateClientId"), Qt::LeftButton);
        QVERIFY(dialog.saveButton()->isEnabled());
        QVERIFY(field<QLineEdit>(dialog, "mqtt.clientId")->text().size() <= 23);
    }

    void portFollowsTheProtocol()
    {
        ConnectionDialog dialog;
        auto *port = field<QLineEdit>(dialog, "transport.port");
        auto *scheme = field<QComboBox>(dialog, "transport.scheme");
        QCOMPARE(port->text(), QStringLiteral("1883"));
        pick(scheme, int(TransportScheme::Mqtts));
        QCOMPARE(port->text(), QStringLiteral("8883"));
        pick(scheme, int(TransportScheme::Wss));
        QCOMPARE(port->text(), QStringLiteral("8084"));
        type(port, QStringLiteral("443"));
        pick(scheme, int(TransportScheme::Ws));
        QCOMPARE(port->text(), QStringLiteral("443")); // typed by the user: kept
    }

    void passwordShowHide()
    {
        ConnectionDialog dialog;
        auto *password = field<PasswordField>(dialog, "mqtt.password");
        QCOMPARE(password->lineEdit()->echoMode(), QLineEdit::Password);
        QVERIFY(!password->toggleButton()->accessibleName().isEmpty());
        QVERIFY(!password->toggleButton()->toolTip().isEmpty());
        password->toggleButton()->click();
        QCOMPARE(password->lineEdit()->echoMode(), QLineEdit::Normal);
        password->toggleButton()->click();
        QCOMPARE(password->lineEdit()->echoMode(), QLineEdit::Password);
    }

    void insecureShownWhenVerifyIsOff()
    {
        ConnectionDialog dialog;
        ConnectionProfile p;
        p.name = QStringLiteral("x");
        p.scheme = TransportScheme::Mqtts;
        dialog.setProfile(p);
        dialog.show();
        dialog.tabs()->setCurrentIndex(1);
        auto *insecure = field<QLabel>(dialog, "tls.insecure");
        QVERIFY(!insecure->isVisible());
        field<QCheckBox>(dialog, "tls.verifyPeer")->setChecked(false);
        QVERIFY(insecure->isVisible());
        QVERIFY(insecure->text().startsWith(QStringLiteral("Insecure")));
        QCOMPARE(insecure->palette().color(QPalette::WindowText),
                 Theme::errorText(dialog.palette()));
        QVERIFY(dialog.saveButton()->isEnabled()); // a warning, not an error
    }

    void tlsKeyLogIsOffByDefaultAndWarns()
    {
        ConnectionDialog dialog;
        ConnectionProfile p;
        p.name = QStringLiteral("x");
        p.scheme = TransportScheme::Mqtts;
        dialog.setProfile(p);
        dialog.show();
        dialog.tabs()->setCurrentIndex(1);
        auto *write = field<QCheckBox>(dialog, "tls.writeKeyLog");
        auto *file = field<FileField>(dialog, "tls.keyLogFile");
        auto *warning = field<QLabel>(dialog, "tls.keyLogWarning");
        QVERIFY(!write->isChecked());
        QCOMPARE(write->text().remove(QLatin1Char('&')),
                 QStringLiteral("Write TLS session keys to a key log file (for Wireshark)"));
        QVERIFY(!file->isEnabled());
        QVERIFY(!warning->isVisible());
        QVERIFY(!dialog.profile().tls.writeKeyLog);

        write->setChecked(true);
        QVERIFY(file->isEnabled());
        QVERIFY(warning->isVisible());
        QVERIFY(warning->text().contains(QStringLiteral("can decrypt the traffic")));
        QCOMPARE(warning->palette().color(QPalette::WindowText),
                 Theme::warningText(dialog.palette()));
        // On, without a file: nothing to write to.
        QVERIFY(!dialog.saveButton()->isEnabled());

        // Browse asks for a file to write, which need not exist yet.
        struct SaveAnswer : Prompts::Answerer
        {
            Prompts::Kind asked = Prompts::Kind::Information;
            Prompts::Answer answer(const Prompts::Request &request) override
            {
                asked = request.kind;
                return {true, QStringLiteral("/tmp/new-keys.log"), {}, {}};
            }
        } answerer;
        {
            const Prompts::ScopedAnswerer scope(&answerer);
            file->browseButton()->click();
        }
        QCOMPARE(answerer.asked, Prompts::Kind::SaveFile);
        QCOMPARE(file->path(), QStringLiteral("/tmp/new-keys.log"));
        QVERIFY2(dialog.saveButton()->isEnabled(), qPrintable(dialog.statusText()));
        // A warning, not an error.
        QVERIFY(dialog.statusText().contains(QStringLiteral("decrypt")));
        const ConnectionProfile saved = dialog.profile();
        QVERIFY(saved.tls.writeKeyLog);
        QCOMPARE(saved.tls.keyLogFile, QStringLiteral("/tmp/new-keys.log"));

        // Reopened, the option and its file are back.
        ConnectionDialog again;
        again.setProfile(saved);
        QVERIFY(field<QCheckBox>(again, "tls.writeKeyLog")->isChecked());
        QCOMPARE(field<FileField>(again, "tls.keyLogFile")->path(),
                 QStringLiteral("/tmp/new-keys.log"));

        // The file's label is its buddy (screen readers say it), and Tab goes on from
        // "Verify" to the option, its file and the file's browse button.
        const QList<QLabel *> labels = dialog.findChildren<QLabel *>();
        QVERIFY(std::any_of(labels.begin(), labels.end(), [&](const QLabel *label) {
            return label->buddy() == file->lineEdit() &&
                   label->text().remove(QLatin1Char('&')) == QStringLiteral("Key log file:");
        }));
        QCOMPARE(field<QCheckBox>(dialog, "tls.verifyPeer")->nextInFocusChain(), write);
        QCOMPARE(write->nextInFocusChain(), file->lineEdit());
        QCOMPARE(file->lineEdit()->nextInFocusChain(), file->browseButton());

        // Off again: the file is kept but not used, and the warning goes.
        write->setChecked(false);
        QVERIFY(!warning->isVisible());
        QVERIFY(!file->isEnabled());
        QVERIFY(!dialog.profile().tls.writeKeyLog);
    }

    void unparsableCertificateIsReported()
    {
        ConnectionDialog dialog;
        dialog.setProfile(tlsProfile());
        auto *certificate = field<FileField>(dialog, "tls.clientCertificate");
        certificate->choose(m_pki.notACertificate());
        QCOMPARE(certificate->state(), FileField::State::Error);
        QVERIFY2(certificate->reportText().contains(QStringLiteral("is not a certificate")),
                 qPrintable(certificate->reportText()));
        QVERIFY(!dialog.saveButton()->isEnabled());
        QVERIFY(dialog.statusText().contains(
            QStringLiteral("not-a-certificate.pem is not a certificate")));
    }

    void expiredCertificateIsFlagged()
    {
        ConnectionDialog dialog;
        dialog.setProfile(tlsProfile());
        auto *certificate = field<FileField>(dialog, "tls.clientCertificate");
        certificate->choose(m_pki.expiredCert());
        QCOMPARE(certificate->state(), FileField::State::Warning);
        QVERIFY2(certificate->reportText().contains(QStringLiteral("expired on 2021-01-01")),
                 qPrintable(certificate->reportText()));
        QVERIFY(certificate->reportText().contains(QStringLiteral("EXPIRED on 2021-01-01")));
        QVERIFY(certificate->reportText().contains(QStringLiteral("Issuer: CN=MQTT Desk Test CA")));
    }

    void mismatchedKeyIsWarned()
    {
        ConnectionDialog dialog;
        dialog.setProfile(tlsProfile());
        field<FileField>(dialog, "tls.clientCertificate")->choose(m_pki.clientCert());
        field<FileField>(dialog, "tls.clientKey")->choose(m_pki.unrelatedKey());
        auto *match = field<QLabel>(dialog, "tls.keyMatch");
        QVERIFY2(match->text().contains(QStringLiteral("does not belong to the certificate "
                                                       "CN=mqttdesk-client")),
                 qPrintable(match->text()));
        QVERIFY(dialog.statusText().contains(QStringLiteral("does not belong")));
        // The right key clears it.
        field<FileField>(dialog, "tls.clientKey")->choose(m_pki.clientKey());
        QCOMPARE(match->text(), QString());
    }

    void wrongPassphraseIsReported()
    {
        ConnectionDialog dialog;
        dialog.setProfile(tlsProfile());
        auto *key = field<FileField>(dialog, "tls.clientKey");
        key->choose(m_pki.clientKeyEncrypted());
        QVERIFY(key->reportText().contains(QStringLiteral("enter its passphrase")));
        field<PasswordField>(dialog, "tls.keyPassphrase")->setText(QStringLiteral("nope"));
        QVERIFY(key->reportText().contains(QStringLiteral("passphrase")));
        QCOMPARE(key->state(), FileField::State::Error);
        field<PasswordField>(dialog, "tls.keyPassphrase")
            ->setText(QString::fromLatin1(TestPki::clientKeyPassphrase()));
        QCOMPARE(key->state(), FileField::State::Ok);
    }

    void certificateCanBeDropped()
    {
        ConnectionDialog dialog;
        dialog.setProfile(tlsProfile());
        auto *certificate = field<FileField>(dialog, "tls.clientCertificate");
        QMimeData data;
        data.setUrls({QUrl::fromLocalFile(m_pki.clientCert())});
        QDragEnterEvent enter(QPoint(5, 5), Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(certificate, &enter);
        QVERIFY(enter.isAccepted());
        QDropEvent drop(QPointF(5, 5), Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(certificate, &drop);
        QCOMPARE(certificate->path(), m_pki.clientCert());
        QCOMPARE(certificate->state(), FileField::State::Ok);
        QVERIFY(certificate->reportText().contains(QStringLiteral("Subject: CN=mqttdesk-client")));
    }

    void iconButtonsHaveNames()
    {
        ConnectionDialog dialog;
        for (QToolButton *button : dialog.findChildren<QToolButton *>()) {
            if (button->parent() && button->parent()->inherits("QTabBar"))
                continue; // the tab bar's own scroll arrows
            if (button->inherits("QLineEditIconButton") ||
                button->objectName().startsWith(QLatin1String("qt_")))
                continue;
            QVERIFY2(!button->accessibleName().isEmpty(), qPrintable(button->objectName()));
            QVERIFY2(!button->toolTip().isEmpty(), qPrintable(button->objectName()));
        }
    }

    void labelsHaveBuddies()
    {
        ConnectionDialog dialog;
        int joined = 0;
        for (QLabel *label : dialog.findChildren<QLabel *>()) {
            if (label->text().contains(QLatin1Char('&'))) {
                QVERIFY2(label->buddy() != nullptr, qPrintable(label->text()));
                ++joined;
            }
        }
        QVERIFY(joined > 40);
    }

    void testConnectionSeam()
    {
        ConnectionDialog dialog;
        ConnectionProfile p;
        p.name = QStringLiteral("x");
        dialog.setProfile(p);
        // Without an engine the user is told why nothing happens.
        dialog.testButton()->click();
        QVERIFY(field<QLabel>(dialog, "testResult")
                    ->text()
                    .contains(QStringLiteral("connection engine")));
        QSignalSpy spy(&dialog, &ConnectionDialog::testConnectionRequested);
        dialog.testButton()->click();
        QCOMPARE(spy.size(), 1);
        QCOMPARE(spy.first().first().value<ConnectionProfile>().name, QStringLiteral("x"));
        dialog.showTestResult(true, QStringLiteral("Connected: session present 0"));
        QCOMPARE(field<QLabel>(dialog, "testResult")->text(),
                 QStringLiteral("Connected: session present 0"));
    }

    void tabVisitsEveryGeneralInputInOrder()
    {
        ConnectionDialog dialog;
        ConnectionProfile p;
        p.name = QStringLiteral("tabs");
        p.scheme = TransportScheme::Ws; // the WebSocket path is enabled, so it is visited too
        p.port = 80;
        dialog.setProfile(p);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowActive(&dialog));
        auto *password = field<PasswordField>(dialog, "mqtt.password");
        const QList<QWidget *> expected{field<QLineEdit>(dialog, "name"),
                                        field<QLineEdit>(dialog, "folder"),
                                        field<QComboBox>(dialog, "transport.scheme"),
                                        field<QLineEdit>(dialog, "transport.host"),
                                        field<QLineEdit>(dialog, "transport.port"),
                                        field<QCheckBox>(dialog, "transport.srvLookup"),
                                        field<QLineEdit>(dialog, "transport.wsPath"),
                                        field<QLineEdit>(dialog, "mqtt.clientId"),
                                        field<QToolButton>(dialog, "generateClientId"),
                                        field<QComboBox>(dialog, "mqtt.version"),
                                        field<QLineEdit>(dialog, "mqtt.username"),
                                        password->lineEdit(),
                                        password->toggleButton()};
        // Every enabled input of the page is in the list.
        QWidget *page = dialog.tabs()->widget(0);
        for (QWidget *w : page->findChildren<QWidget *>()) {
            const bool input = qobject_cast<QLineEdit *>(w) || qobject_cast<QComboBox *>(w) ||
                               qobject_cast<QAbstractButton *>(w);
            if (input && w->isEnabled() && w->isVisible() && (w->focusPolicy() & Qt::TabFocus) &&
                !w->objectName().startsWith(QLatin1String("qt_")) &&
                !w->inherits("QLineEditIconButton"))
                QVERIFY2(expected.contains(w), qPrintable(w->objectName()));
        }
        expected.first()->setFocus(Qt::TabFocusReason);
        QTRY_COMPARE(QApplication::focusWidget(), expected.first());
        for (qsizetype i = 1; i < expected.size(); ++i) {
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
            QTRY_VERIFY2(QApplication::focusWidget() == expected.at(i),
                         qPrintable(QStringLiteral("step %1: %2")
                                        .arg(i)
                                        .arg(QApplication::focusWidget()->objectName())));
        }
    }

    void retranslatesWhenTheLanguageChanges()
    {
        ConnectionDialog dialog;
        auto *name = field<QLineEdit>(dialog, "name");
        QLabel *label = nullptr;
        for (QLabel *l : dialog.findChildren<QLabel *>())
            if (l->buddy() == name)
                label = l;
        QVERIFY(label);
        QCOMPARE(label->text(), QStringLiteral("&Name:"));
        QCOMPARE(dialog.saveButton()->text(), QStringLiteral("&Save"));

        Language::install(*qApp, QStringLiteral("zh_CN"));
        const QString chinese = QCoreApplication::translate("mqttdesk::GeneralPage", "&Name:");
        QVERIFY(chinese != QStringLiteral("&Name:"));
        QTRY_COMPARE(label->text(), chinese);
        QVERIFY(dialog.saveButton()->text() != QStringLiteral("&Save"));
        QVERIFY(dialog.tabs()->tabText(0) != QStringLiteral("&General"));

        Language::install(*qApp, QStringLiteral("en"));
        QTRY_COMPARE(label->text(), QStringLiteral("&Name:"));
        QCOMPARE(dialog.saveButton()->text(), QStringLiteral("&Save"));
        QCOMPARE(dialog.tabs()->tabText(0), QStringLiteral("&General"));
    }

private:
    static ConnectionProfile tlsProfile()
    {
        ConnectionProfile p;
        p.name = QStringLiteral("tls");
        p.scheme = TransportScheme::Mqtts;
        p.port = 8883;
        return p;
    }

    const TestPki &m_pki = TestPki::instance();
};

QTEST_MAIN(TestConnectionDialog)
#include "tst_connection_dialog.moc"
