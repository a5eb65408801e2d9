// File > Settings: every control writes its setting at once and shows what the settings
// hold (also when changed elsewhere); Restore defaults; the history page measures and
// compacts a real SQLite history; every input is labelled; a language switch retranslates.
#include "core/settings/app_settings.h"
#include "core/storage/data_directory.h"
#include "core/storage/database.h"
#include "tests/support/screenshot_check.h"
#include "tests/support/scripted_prompts.h"
#include "ui/dialogs/settings_dialog.h"
#include "ui/i18n/language.h"
#include "ui/theme/theme.h"

#include <QAbstractButton>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFontComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabBar>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace mqttdesk;

namespace {

template<typename T>
T *find(QWidget *dialog, const char *name)
{
    T *widget = dialog->findChild<T *>(QString::fromLatin1(name));
    if (!widget)
        qFatal("no %s", name);
    return widget;
}

void choose(QComboBox *combo, const QVariant &data)
{
    const int index = combo->findData(data);
    QVERIFY(index >= 0);
    combo->setCurrentIndex(index);
}

} // namespace

class TestSettingsDialog : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void controlsWriteThrough();
    void showsChangesMadeElsewhere();
    void restoreDefaults();
    void reconnectBoundsStayOrdered();
    void retentionValueFollowsTheMode();
    void compactsARealHistory();
    void applyToEveryConnectionAsksFirst();
    void everyInputIsLabelled();
    void languageSwitchRetranslates();
    void screenshots_data();
    void screenshots();

private:
    struct Fixture
    {
        QTemporaryDir dir;
        AppSettings settings{dir.path()};
        std::unique_ptr<SettingsDialog> dialog;

        explicit Fixture(bool withDatabase = false)
        {
            SettingsDialog::Options options;
            options.settings = &settings;
            options.dataDir = dir.path();
            if (withDatabase)
                options.databasePath = DataDirectory::databasePath(dir.path());
            dialog = std::make_unique<SettingsDialog>(options);
        }
    };
};

void TestSettingsDialog::controlsWriteThrough()
{
    Fixture f;
    QWidget *d = f.dialog.get();
    QSignalSpy changed(&f.settings, &AppSettings::changed);

    choose(find<QComboBox>(d, "theme"), int(AppSettings::ThemeMode::Dark));
    QCOMPARE(f.settings.theme(), AppSettings::ThemeMode::Dark);
    choose(find<QComboBox>(d, "toolbarStyle"), false);
    QCOMPARE(f.settings.toolbarText(), false);
    choose(find<QComboBox>(d, "language"), QStringLiteral("zh_CN"));
    QCOMPARE(f.settings.language(), QStringLiteral("zh_CN"));
    choose(find<QComboBox>(d, "language"), QString());

    auto *size = find<QSpinBox>(d, "streamFontSize");
    QCOMPARE(size->value(), size->minimum()); // "Default"
    QCOMPARE(size->text(), size->specialValueText());
    size->setValue(14);
    QCOMPARE(f.settings.streamFontSize(), 14);
    size->setValue(size->minimum());
    QCOMPARE(f.settings.streamFontSize(), 0);

    auto *system = find<QCheckBox>(d, "systemMonospace");
    auto *mono = find<QFontComboBox>(d, "payloadFont");
    QVERIFY(system->isChecked());
    QVERIFY(!mono->isEnabled());
    system->setChecked(false);
    QVERIFY(mono->isEnabled());
    QCOMPARE(f.settings.payloadFont(), mono->currentFont().family());
    system->setChecked(true);
    QCOMPARE(f.settings.payloadFont(), QString());

    choose(find<QComboBox>(d, "streamLayout"), true);
    QCOMPARE(f.settings.compactByDefault(), true);
    find<QSpinBox>(d, "previewLines")->setValue(30);
    QCOMPARE(f.settings.previewLines(), 30);

    choose(find<QComboBox>(d, "timeZone"), true);
    QCOMPARE(f.settings.timestampsUtc(), true);
    auto *format = find<QLineEdit>(d, "timeFormat");
    format->selectAll();
    QTest::keyClicks(format, QStringLiteral("yyyy HH"));
    QCOMPARE(f.settings.timestampFormat(), QStringLiteral("yyyy HH"));
    const QString example = find<QLabel>(d, "timeExample")->text();
    QVERIFY2(example.contains(QString::number(QDateTime::currentDateTimeUtc().date().year())),
             qPrintable(example));

    auto *proxyHost = find<QLineEdit>(d, "proxyHost");
    QVERIFY(!proxyHost->isEnabled());
    choose(find<QComboBox>(d, "proxyKind"), QStringLiteral("socks5"));
    QVERIFY(proxyHost->isEnabled());
    QTest::keyClicks(proxyHost, QStringLiteral("127.0.0.1"));
    find<QSpinBox>(d, "proxyPort")->setValue(1080);
    QCOMPARE(f.settings.proxyKind(), QStringLiteral("socks5"));
    QCOMPARE(f.settings.proxyHost(), QStringLiteral("127.0.0.1"));
    QCOMPARE(f.settings.proxyPort(), quint16(1080));

    find<QCheckBox>(d, "reconnect")->setChecked(false);
    QCOMPARE(f.settings.reconnectEnabled(), false);
    QVERIFY(!find<QSpinBox>(d, "reconnectMin")->isEnabled());

    find<QCheckBox>(d, "confirmClear")->setChecked(false);
    QCOMPARE(f.settings.confirmClearHistory(), false);

    // And it all survives a restart of the settings.
    const AppSettings again(f.dir.path());
    QCOMPARE(again.theme(), AppSettings::ThemeMode::Dark);
    QCOMPARE(again.previewLines(), 30);
    QCOMPARE(again.timestampFormat(), QStringLiteral("yyyy HH"));
    QVERIFY(changed.size() >= 15);
}

void TestSettingsDialog::showsChangesMadeElsewhere()
{
    Fixture f;
    QWidget *d = f.dialog.get();
    f.settings.setTheme(AppSettings::ThemeMode::Light);
    QCOMPARE(find<QComboBox>(d, "theme")->currentData().toInt(),
             int(AppSettings::ThemeMode::Light));
    f.settings.setPreviewLines(7);
    QCOMPARE(find<QSpinBox>(d, "previewLines")->value(), 7);
    f.settings.setLanguage(QStringLiteral("zh_CN"));
    QCOMPARE(find<QComboBox>(d, "language")->currentData().toString(), QStringLiteral("zh_CN"));
}

void TestSettingsDialog::restoreDefaults()
{
    Fixture f;
    QWidget *d = f.dialog.get();
    choose(find<QComboBox>(d, "theme"), int(AppSettings::ThemeMode::Dark));
    find<QSpinBox>(d, "previewLines")->setValue(50);
    choose(find<QComboBox>(d, "retention"), int(AppSettings::RetentionMode::Days));
    find<QSpinBox>(d, "retentionValue")->setValue(9);
    f.settings.setLastConnection(3); // not a preference: kept

    find<QPushButton>(d, "restoreDefaults")->click();
    QCOMPARE(f.settings.theme(), AppSettings::ThemeMode::System);
    QCOMPARE(f.settings.previewLines(), AppSettings::kDefaultPreviewLines);
    QCOMPARE(f.settings.retentionMode(), AppSettings::RetentionMode::KeepAll);
    QCOMPARE(f.settings.retentionDays(), 30);
    QCOMPARE(f.settings.lastConnection(), qint64(3));
    QCOMPARE(find<QComboBox>(d, "theme")->currentData().toInt(),
             int(AppSettings::ThemeMode::System));
    QCOMPARE(find<QSpinBox>(d, "previewLines")->value(), AppSettings::kDefaultPreviewLines);
    QVERIFY(!find<QSpinBox>(d, "retentionValue")->isEnabled());
}

void TestSettingsDialog::reconnectBoundsStayOrdered()
{
    Fixture f;
    QWidget *d = f.dialog.get();
    auto *first = find<QSpinBox>(d, "reconnectMin");
    auto *longest = find<QSpinBox>(d, "reconnectMax");
    first->setValue(20000);
    QCOMPARE(longest->value(), 20000);
    QCOMPARE(f.settings.reconnectMaxMs(), 20000);
    longest->setValue(500);
    QCOMPARE(first->value(), 500);
    QCOMPARE(f.settings.reconnectMinMs(), 500);
}

void TestSettingsDialog::retentionValueFollowsTheMode()
{
    Fixture f;
    QWidget *d = f.dialog.get();
    auto *mode = find<QComboBox>(d, "retention");
    auto *value = find<QSpinBox>(d, "retentionValue");
    choose(mode, int(AppSettings::RetentionMode::Messages));
    QCOMPARE(value->value(), 100000);
    value->setValue(5000);
    QCOMPARE(f.settings.retentionMessages(), qint64(5000));
    choose(mode, int(AppSettings::RetentionMode::Days));
    QCOMPARE(value->value(), 30);
    value->setValue(7);
    QCOMPARE(f.settings.retentionDays(), 7);
    QCOMPARE(f.settings.retentionMessages(), qint64(5000)); // each keeps its own value
    choose(mode, int(AppSettings::RetentionMode::Messages));
    QCOMPARE(value->value(), 5000);
}

void TestSettingsDialog::compactsARealHistory()
{
    Fixture f(true);
    {
        Database db(DataDirectory::databasePath(f.dir.path()));
        QVERIFY(!db.open().isError());
    }
    QWidget *d = f.dialog.get();
    auto *size = find<QLabel>(d, "databaseSize");
    QTRY_VERIFY(!size->text().isEmpty());
    QCOMPARE(find<QLineEdit>(d, "dataDir")->text(), f.dir.path());
    auto *compact = find<QPushButton>(d, "compactNow");
    auto *result = find<QLabel>(d, "compactResult");
    compact->click();
    QVERIFY(!compact->isEnabled());
    QTRY_VERIFY_WITH_TIMEOUT(compact->isEnabled(), 30000);
    QVERIFY2(result->text().contains(QStringLiteral("→")), qPrintable(result->text()));
}

void TestSettingsDialog::applyToEveryConnectionAsksFirst()
{
    Fixture f;
    ScriptedPrompts prompts;
    QSignalSpy requested(f.dialog.get(), &SettingsDialog::applyRetentionToAllRequested);
    auto *apply = find<QPushButton>(f.dialog.get(), "applyRetentionToAll");
    prompts.acceptNext(false);
    apply->click();
    QCOMPARE(requested.size(), 0);
    prompts.acceptNext(true);
    apply->click();
    QCOMPARE(requested.size(), 1);
    QCOMPARE(prompts.count(Prompts::Kind::Question), 2);
}

void TestSettingsDialog::everyInputIsLabelled()
{
    Fixture f;
    QWidget *d = f.dialog.get();
    QList<QWidget *> buddies;
    for (QLabel *label : d->findChildren<QLabel *>())
        if (label->buddy())
            buddies << label->buddy();
    for (QWidget *input : d->findChildren<QWidget *>()) {
        const bool field = qobject_cast<QComboBox *>(input) || qobject_cast<QSpinBox *>(input) ||
                           (qobject_cast<QLineEdit *>(input) &&
                            !qobject_cast<QComboBox *>(input->parentWidget()) &&
                            !qobject_cast<QSpinBox *>(input->parentWidget()));
        if (field)
            QVERIFY2(buddies.contains(input) || !input->accessibleName().isEmpty(),
                     qPrintable(input->objectName()));
        auto *button = qobject_cast<QAbstractButton *>(input);
        if (button && !qobject_cast<QTabBar *>(button->parentWidget())) // tab scrollers: Qt's
            QVERIFY2(!button->text().isEmpty() || !button->toolTip().isEmpty(),
                     qPrintable(button->objectName()));
    }
}

void TestSettingsDialog::languageSwitchRetranslates()
{
    Fixture f;
    auto *pages = f.dialog->pages();
    const QString english = pages->tabText(0);
    QCOMPARE(english, QStringLiteral("Appearance"));
    Language::install(*qApp, QStringLiteral("zh_CN"));
    QTRY_VERIFY(pages->tabText(0) != english);
    // The combo keeps its choice through the rebuild of its items.
    QCOMPARE(find<QComboBox>(f.dialog.get(), "theme")->currentData().toInt(),
             int(AppSettings::ThemeMode::System));
    Language::install(*qApp, QStringLiteral("en"));
    QTRY_COMPARE(pages->tabText(0), english);
}

void TestSettingsDialog::screenshots_data()
{
    QTest::addColumn<QString>("language");
    QTest::newRow("en") << QStringLiteral("en");
    QTest::newRow("zh_CN") << QStringLiteral("zh_CN");
}

// Every page, each shown in full (ScreenshotCheck), saved as settings-<page>-<language>.png
// into $MQTTDESK_SCREENSHOT_DIR when set; MQTTDESK_SCREENSHOT_PALETTE=dark: the dark theme.
void TestSettingsDialog::screenshots()
{
    QFETCH(QString, language);
    const QPalette before = QApplication::palette();
    if (qEnvironmentVariable("MQTTDESK_SCREENSHOT_PALETTE") == QLatin1String("dark"))
        QApplication::setPalette(Theme::darkPalette());
    Language::install(*qApp, language);
    const auto restore = qScopeGuard([before] {
        QApplication::setPalette(before);
        Language::install(*qApp, QStringLiteral("en"));
    });
    Fixture f(true);
    {
        Database db(DataDirectory::databasePath(f.dir.path()));
        QVERIFY(!db.open().isError());
    }
    SettingsDialog *dialog = f.dialog.get();
    dialog->show();
    QVERIFY(QTest::qWaitForWindowExposed(dialog));
    QTRY_VERIFY(!find<QLabel>(dialog, "databaseSize")->text().isEmpty());
    const char *names[] = {"appearance", "stream", "connections", "history"};
    const QString out = qEnvironmentVariable("MQTTDESK_SCREENSHOT_DIR");
    for (int page = 0; page < dialog->pages()->count(); ++page) {
        dialog->pages()->setCurrentIndex(page);
        QApplication::processEvents();
        const QImage image = dialog->grab().toImage();
        const QStringList problems =
            ScreenshotCheck::problems(dialog, image,
                                      {dialog->pages(), dialog->pages()->currentWidget(),
                                       find<QPushButton>(dialog, "restoreDefaults")});
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
        if (!out.isEmpty()) {
            QVERIFY(QDir().mkpath(out));
            const QString name =
                QStringLiteral("settings-%1-%2.png").arg(QLatin1String(names[page]), language);
            QVERIFY2(image.save(ScreenshotCheck::themed(QDir(out).filePath(name))),
                     qPrintable(name));
        }
    }
}

QTEST_MAIN(TestSettingsDialog)
#include "tst_settings_dialog.moc"
