#include "core/profile/connection_profile.h"
#include "core/profile/profile_validator.h"
#include "core/protocol/decode_error.h"
#include "core/session/session_error.h"
#include "core/transport/ssl_error_translator.h"
#include "ui/i18n/language.h"
#include "ui/i18n/standard_button_texts.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QPushButton>
#include <QRegularExpression>
#include <QSslError>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>
#include <QXmlStreamReader>

class TestTranslations : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void bothLanguagesAreEmbedded()
    {
        const QStringList available = mqttdesk::Language::available();
        QVERIFY2(available.contains(QStringLiteral("en")), qPrintable(available.join(u',')));
        QVERIFY2(available.contains(QStringLiteral("zh_CN")), qPrintable(available.join(u',')));
    }

    void chineseTranslatesTheDialog()
    {
        QTranslator translator;
        QVERIFY(translator.load(QStringLiteral(":/i18n/mqttdesk_zh_CN.qm")));
        const QString save = translator.translate("mqttdesk::ConnectionDialog", "&Save");
        QVERIFY(!save.isEmpty());
        QVERIFY(save != QStringLiteral("&Save"));
    }

    void chineseCoversQtStandardButtons()
    {
        // Debian's Qt ships no qtbase_zh_CN.qm: our catalogue carries the button texts.
        QTranslator translator;
        QVERIFY(translator.load(QStringLiteral(":/i18n/mqttdesk_zh_CN.qm")));
        for (const auto &entry : mqttdesk::StandardButtonTexts::all()) {
            const QString text = translator.translate(entry.context, entry.sourceText);
            QVERIFY2(!text.isEmpty(), entry.sourceText);
        }
        QCoreApplication::installTranslator(&translator);
        QDialogButtonBox box(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
        QCOMPARE(box.button(QDialogButtonBox::Cancel)->text(), QStringLiteral("取消"));
        QCoreApplication::removeTranslator(&translator);
    }

    void committedChineseIsComplete()
    {
        // translations/mqttdesk_zh_CN.ts covers ui/ and core/ (lupdate over both).
        const QString source = qEnvironmentVariable("MQTTDESK_SOURCE_DIR");
        QVERIFY(!source.isEmpty());
        checkComplete(source + QStringLiteral("/translations/mqttdesk_zh_CN.ts"));
    }

    void chineseIsUpToDateWithOurSources()
    {
        // Bring a copy of the .ts file up to date with every source lupdate reads
        // (translations/README.md), as lupdate would: anything new or changed shows up
        // as unfinished.
        const QString source = qEnvironmentVariable("MQTTDESK_SOURCE_DIR");
        QTemporaryDir dir;
        const QString ts = dir.filePath(QStringLiteral("mqttdesk_zh_CN.ts"));
        QVERIFY(QFile::copy(source + QStringLiteral("/translations/mqttdesk_zh_CN.ts"), ts));
        QFile::setPermissions(ts, QFile::ReadOwner | QFile::WriteOwner);
        QProcess lupdate;
        lupdate.setWorkingDirectory(source);
        lupdate.start(QStringLiteral("/usr/lib/qt6/bin/lupdate"),
                      {QStringLiteral("-I"), source, QStringLiteral("-locations"),
                       QStringLiteral("none"), QStringLiteral("-no-obsolete"), QStringLiteral("ui"),
                       QStringLiteral("core"), QStringLiteral("app/gui"), QStringLiteral("-ts"),
                       ts});
        QVERIFY(lupdate.waitForFinished(120000));
        QCOMPARE(lupdate.exitCode(), 0);
        checkComplete(ts);
        // A tr() that lupdate files under no class (a free function's, in a namespace)
        // gets a context the code never asks for: translated, and never shown.
        const QStringList contexts = contextNames(ts);
        QVERIFY2(!contexts.contains(QStringLiteral("mqttdesk")) && !contexts.contains(QString()),
                 qPrintable(contexts.join(QStringLiteral(", "))));
    }

    void chineseReachesCoreMessages()
    {
        // Texts that core builds with an explicit context, as the user meets them.
        QTranslator translator;
        QVERIFY(translator.load(QStringLiteral(":/i18n/mqttdesk_zh_CN.qm")));
        QCoreApplication::installTranslator(&translator);
        mqttdesk::DecodeError decodeError;
        decodeError.kind = mqttdesk::DecodeError::Kind::InvalidUtf8;
        decodeError.rule = QStringLiteral("MQTT-1.5.4-1");
        const mqttdesk::ProfileProblems problems =
            mqttdesk::ProfileValidator::validate(mqttdesk::ConnectionProfile{});
        QVERIFY(!problems.isEmpty());
        const QStringList texts = {
            problems.first().message,
            mqttdesk::ProfileValidator::checkPortText(QStringLiteral("port"), QStringLiteral("x"))
                ->message,
            mqttdesk::SessionError::protocolViolation(QStringLiteral("MQTT-3.3.1-4"),
                                                      QStringLiteral("QoS 3"),
                                                      mqttdesk::ReasonCode::MalformedPacket)
                .message,
            decodeError.message(),
        };
        QCoreApplication::removeTranslator(&translator);
        static const QRegularExpression han(QStringLiteral("\\p{Han}"));
        for (const QString &text : texts)
            QVERIFY2(text.contains(han), qPrintable(text));
    }

    void wrongHostNamesTheSniFieldInBothLanguages()
    {
        // The wrong-host error tells the user which field to change: it must quote the TLS
        // tab's label as that language shows it.
        const auto check = [] {
            const QString label =
                QCoreApplication::translate("mqttdesk::TlsPage", "Server &name (SNI):");
            const QString message =
                mqttdesk::SslErrorTranslator::fromVerification(
                    {QSslError(QSslError::HostNameMismatch)}, {}, QStringLiteral("localhost"))
                    .message;
            const QString field = fieldName(label);
            QVERIFY2(field.contains(QStringLiteral("(SNI)")), qPrintable(field));
            QVERIFY2(message.contains(field), qPrintable(message + QStringLiteral(" / ") + field));
        };
        check();
        QTranslator translator;
        QVERIFY(translator.load(QStringLiteral(":/i18n/mqttdesk_zh_CN.qm")));
        QCoreApplication::installTranslator(&translator);
        check();
        QCoreApplication::removeTranslator(&translator);
    }

private:
    // A form label as a field name: "Server &name (SNI):" -> "Server name (SNI)", and the
    // Chinese "服务器名称 (SNI)(&N)：" -> "服务器名称 (SNI)".
    static QString fieldName(QString label)
    {
        static const QRegularExpression accelerator(QStringLiteral("\\(&\\w\\)"));
        label.remove(accelerator);
        label.remove(QLatin1Char('&'));
        while (label.endsWith(QLatin1Char(':')) || label.endsWith(QChar(0xFF1A)))
            label.chop(1);
        return label.trimmed();
    }

    static QStringList contextNames(const QString &path)
    {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return {QStringLiteral("<unreadable>")};
        QXmlStreamReader xml(&file);
        QStringList names;
        while (!xml.atEnd()) {
            xml.readNext();
            if (xml.isStartElement() && xml.name() == QLatin1String("name"))
                names << xml.readElementText();
        }
        return names;
    }

    static void checkComplete(const QString &path)
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QXmlStreamReader xml(&file);
        int messages = 0;
        QStringList untranslated;
        QString sourceText;
        while (!xml.atEnd()) {
            xml.readNext();
            if (!xml.isStartElement())
                continue;
            if (xml.name() == QLatin1String("source")) {
                sourceText = xml.readElementText();
                ++messages;
            } else if (xml.name() == QLatin1String("translation")) {
                const QString type = xml.attributes().value(QLatin1String("type")).toString();
                const QString text = xml.readElementText(QXmlStreamReader::IncludeChildElements);
                // "vanished"/"obsolete" entries are gone from the sources.
                if (type == QLatin1String("vanished") || type == QLatin1String("obsolete"))
                    continue;
                if (type == QLatin1String("unfinished") || text.trimmed().isEmpty())
                    untranslated << sourceText;
            }
        }
        QVERIFY(!xml.hasError());
        QVERIFY(messages > 100);
        QVERIFY2(untranslated.isEmpty(),
                 qPrintable(QStringLiteral("%1 untranslated: %2")
                                .arg(untranslated.size())
                                .arg(untranslated.mid(0, 10).join(QStringLiteral(" | ")))));
    }
};

QTEST_MAIN(TestTranslations)
#include "tst_translations.moc"
