#include "tests/fixture/test_pki.h"
#include "ui/dialogs/connection_dialog.h"
#include "ui/theme/theme.h"
#include "ui/widgets/file_field.h"

#include <QApplication>
#include <QDir>
#include <QImage>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

using namespace mqttdesk;

// Renders every tab of the connection dialog in English and Chinese. The
// images go to $MQTTDESK_SCREENSHOT_DIR (e.g. docs/screenshots) when set, else
// to a temporary directory; either way each must be a real, non-blank picture.
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

        ConnectionDialog dialog;
        dialog.setProfile(sampleProfile());
        dialog.resize(680, 660);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        const char *names[] = {"general", "tls", "advanced", "will"};
        for (int tab = 0; tab < dialog.tabs()->count(); ++tab) {
            dialog.tabs()->setCurrentIndex(tab);
            save(dialog,
                 QStringLiteral("connection-%1-%2.png").arg(QLatin1String(names[tab]), language));
        }

        // The TLS tab reporting problems: an expired certificate, a key that
        // does not belong to it, and verification turned off.
        dialog.tabs()->setCurrentIndex(1);
        dialog.findChild<FileField *>(QStringLiteral("tls.clientCertificate"))
            ->choose(m_pki.expiredCert());
        dialog.findChild<FileField *>(QStringLiteral("tls.clientKey"))
            ->choose(m_pki.unrelatedKey());
        save(dialog, QStringLiteral("connection-tls-problems-%1.png").arg(language));
        QCoreApplication::removeTranslator(&translator);
    }

private:
    void save(QWidget &widget, const QString &name)
    {
        QApplication::processEvents();
        const QImage image = widget.grab().toImage();
        QVERIFY(!image.isNull());
        // Not blank: a rendered form has many distinct colours.
        QSet<QRgb> colours;
        for (int y = 0; y < image.height(); y += 7)
            for (int x = 0; x < image.width(); x += 7)
                colours.insert(image.pixel(x, y));
        QVERIFY2(colours.size() > 8, qPrintable(name));
        QVERIFY(image.save(QDir(m_out).filePath(name)));
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
