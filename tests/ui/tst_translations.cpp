#include "ui/i18n/language.h"
#include "ui/i18n/standard_button_texts.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QPushButton>
#include <QRegularExpression>
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
        // Bring a copy of the .ts file up to date with the connection dialog,
        // its widgets and the profile sources, as lupdate would: anything new
        // or changed shows up as unfinished. Other areas are checked through
        // the committed file above once lupdate has been run over them
        // (command in translations/README.md).
        const QString source = qEnvironmentVariable("MQTTDESK_SOURCE_DIR");
        QTemporaryDir dir;
        const QString ts = dir.filePath(QStringLiteral("mqttdesk_zh_CN.ts"));
        QVERIFY(QFile::copy(source + QStringLiteral("/translations/mqttdesk_zh_CN.ts"), ts));
        QFile::setPermissions(ts, QFile::ReadOwner | QFile::WriteOwner);
        QProcess lupdate;
        lupdate.setWorkingDirectory(source);
        lupdate.start(QStringLiteral("/usr/lib/qt6/bin/lupdate"),
                      {QStringLiteral("-I"), source, QStringLiteral("-locations"),
                       QStringLiteral("none"), QStringLiteral("ui/dialogs"),
                       QStringLiteral("ui/widgets"), QStringLiteral("ui/i18n"),
                       QStringLiteral("core/profile"), QStringLiteral("-ts"), ts});
        QVERIFY(lupdate.waitForFinished(120000));
        QCOMPARE(lupdate.exitCode(), 0);
        checkComplete(ts);
    }

private:
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
