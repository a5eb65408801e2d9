#include "tests/fixture/test_pki.h"
#include "tests/support/screenshot_check.h"
#include "ui/dialogs/connection_dialog.h"
#include "ui/theme/theme.h"
#include "ui/widgets/file_field.h"

#include <QApplication>
#include <QDir>
#include <QImage>
#include <QPushButton>
#include <QScopeGuard>
#include <QScrollArea>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

using namespace mqttdesk;

// Renders every tab of the connection dialog in English and Chinese. The
// images go to $MQTTDESK_SCREENSHOT_DIR (e.g. docs/screenshots) when set, else
// to a temporary directory; either way each must be a real picture of the whole dialog with
// its tabs, page and buttons shown in full (ScreenshotCheck).
class TestScreenshots : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_pki.ok(), qPrintable(m_pki.errorString()));
        // MQTTDESK_SCREENSHOT_PALETTE=dark: the same pictures on a dark palette (theme check).
        if (qEnvironmentVariable("MQTTDESK_SCREENSHOT_PALETTE") == QLatin1String("dark"))
            QApplication::setPalette(Theme::darkPalette());
        m_out = qEnvironmentVariable("MQTTDESK_SCREENSHOT_DIR");
        if (m_out.isEmpty())
            m_out = m_tmp.path();
        QVERIFY(QDir().mkpath(m_out));
    }

    void connectionDialog_data()
    {
        QTest::addColumn<QString>("language");
        QTest::newRow("en") << QStringLiteral("en");
        QTest::newRow("zh_CN") << QStringLiteral("zh_CN");
    }

    void connectionDialog()
    {
        QFETCH(QString, language);
        QTranslator translator;
        QVERIFY(translator.load(QStringLiteral(":/i18n/mqttdesk_%1.qm").arg(language)));
        QCoreApplication::installTranslator(&translator);
        // Also when a check fails: the next row must not start in this language.
        const auto uninstall =
            qScopeGuard([&translator] { QCoreApplication::removeTranslator(&translator); });

        ConnectionDialog dialog;
        dialog.setProfile(sampleProfile());
        dialog.resize(680, 700); // the dialog's own default size
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        const char *names[] = {"general", "tls", "advanced", "will"};
        for (int tab = 0; tab < dialog.tabs()->count(); ++tab) {
            dialog.tabs()->setCurrentIndex(tab);
            const QString name =
                QStringLiteral("connection-%1-%2.png").arg(QLatin1String(names[tab]), language);
            const QImage image = grab(dialog);
            const QStringList problems =
                ScreenshotCheck::problems(&dialog, image,
                                          {dialog.tabs(), dialog.tabs()->currentWidget(),
                                           dialog.saveButton(), dialog.testButton()});
            QVERIFY2(problems.isEmpty(),
                     qPrintable(name + QLatin1Char('\n') + problems.join(QLatin1Char('\n'))));
            QVERIFY2(image.save(ScreenshotCheck::themed(QDir(m_out).filePath(name))),
                     qPrintable(name));
        }

        // The TLS tab reporting problems: an expired certificate, a key that
        // does not belong to it, and verification turned off.
        dialog.tabs()->setCurrentIndex(1);
        auto *certificate = dialog.findChild<FileField *>(QStringLiteral("tls.clientCertificate"));
        auto *key = dialog.findChild<FileField *>(QStringLiteral("tls.clientKey"));
        QVERIFY(certificate && key);
        certificate->choose(m_pki.expiredCert());
        key->choose(m_pki.unrelatedKey());
        QVERIFY(certificate->state() != FileField::State::Ok);
        QVERIFY(!certificate->reportText().isEmpty());
        const QString name = QStringLiteral("connection-tls-problems-%1.png").arg(language);
        const QImage image = grab(dialog);
        // The reports are shown in full, not cut off.
        const QStringList problems = ScreenshotCheck::problems(
            &dialog, image, {dialog.tabs()->currentWidget(), certificate, key});
        QVERIFY2(problems.isEmpty(),
                 qPrintable(name + QLatin1Char('\n') + problems.join(QLatin1Char('\n'))));
        QVERIFY2(image.save(ScreenshotCheck::themed(QDir(m_out).filePath(name))), qPrintable(name));
    }

    // The Advanced page at 1280x800, scrolled to its fallback brokers (a table of three,
    // tried at random) and the server reference choice.
    void connectionDialogFailover()
    {
        ConnectionDialog dialog;
        ConnectionProfile p = sampleProfile();
        p.fallbackBrokers = {{QStringLiteral("broker-2.example.com"), 8883, TransportScheme::Mqtts},
                             {QStringLiteral("10.20.0.7"), 8883, TransportScheme::Mqtts},
                             {QStringLiteral("edge.example.com"), 8084, TransportScheme::Wss}};
        p.fallbackOrder = FallbackOrder::Random;
        dialog.setProfile(p);
        dialog.resize(1280, 800);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        dialog.tabs()->setCurrentIndex(2);
        auto *table = dialog.findChild<QWidget *>(QStringLiteral("transport.fallbacks"));
        auto *policy = dialog.findChild<QWidget *>(QStringLiteral("mqtt.serverReference"));
        auto *scroll = dialog.tabs()->currentWidget()->findChild<QScrollArea *>();
        QVERIFY(table && policy && scroll);
        QApplication::processEvents();
        scroll->ensureWidgetVisible(policy, 0, 40);
        scroll->ensureWidgetVisible(table->parentWidget(), 0, 0);
        const QString name = QStringLiteral("connection-advanced-failover-en.png");
        const QImage image = grab(dialog);
        const QStringList problems = ScreenshotCheck::problems(
            &dialog, image, {dialog.tabs(), dialog.tabs()->currentWidget(), dialog.saveButton()});
        // The scrolled content is larger than the page by design: the table and the choice
        // under it must be inside the part shown.
        for (QWidget *shown : {table, policy}) {
            const QRect rect(shown->mapTo(scroll->viewport(), QPoint(0, 0)), shown->size());
            QVERIFY2(scroll->viewport()->rect().contains(rect), qPrintable(shown->objectName()));
        }
        QVERIFY2(problems.isEmpty(),
                 qPrintable(name + QLatin1Char('\n') + problems.join(QLatin1Char('\n'))));
        QVERIFY2(image.save(ScreenshotCheck::themed(QDir(m_out).filePath(name))), qPrintable(name));
    }

private:
    static QImage grab(QWidget &widget)
    {
        QApplication::processEvents(); // layouts settle after a tab switch
        return widget.grab().toImage();
    }

    ConnectionProfile sampleProfile() const
    {
        ConnectionProfile p;
        p.name = QStringLiteral("Factory floor");
        p.folder = QStringLiteral("Plants/Berlin");
        p.scheme = TransportScheme::Mqtts;
        p.host = QStringLiteral("broker.example.com");
        p.port = 8883;
        p.clientId = QStringLiteral("mqttdesk-3f9a61c2");
        p.username = QStringLiteral("alice");
        p.password = Secret{true, QStringLiteral("secret")};
        p.tls.caFiles = {m_pki.caCert()};
        p.tls.clientCertificatePath = m_pki.clientCert();
        p.tls.clientKeyPath = m_pki.clientKey();
        p.tls.alpn = {QStringLiteral("mqtt")};
        p.connectProperties.sessionExpiryInterval = 3600;
        p.connectProperties.userProperties = {
            {QStringLiteral("region"), QStringLiteral("eu-central")}};
        p.will.enabled = true;
        p.will.topic = QStringLiteral("plants/berlin/desk/status");
        p.will.payload = QByteArray("{\"online\": false}");
        p.will.payloadEncoding = PayloadEncoding::Json;
        p.will.qos = 1;
        p.will.retain = true;
        p.will.properties.contentType = QStringLiteral("application/json");
        return p;
    }

    const TestPki &m_pki = TestPki::instance();
    QTemporaryDir m_tmp;
    QString m_out;
};

QTEST_MAIN(TestScreenshots)
#include "tst_screenshots.moc"
