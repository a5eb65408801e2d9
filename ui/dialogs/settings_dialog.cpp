#include "ui/dialogs/settings_dialog.h"

#include "core/settings/app_settings.h"
#include "core/storage/history_maintenance.h"
#include "core/storage/storage_error.h"
#include "ui/i18n/language.h"
#include "ui/theme/theme.h"
#include "ui/widgets/prompts.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QDesktopServices>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFontComboBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QUrl>
#include <QVBoxLayout>

#include <memory>
#include <vector>

namespace mqttdesk {

namespace {

// A form row whose label is the field's buddy, retranslated with the dialog.
QLabel *addRow(QFormLayout *form, QWidget *field)
{
    auto *label = new QLabel(form->parentWidget());
    label->setBuddy(field);
    form->addRow(label, field);
    return label;
}

void selectData(QComboBox *combo, const QVariant &data)
{
    const int index = combo->findData(data);
    combo->setCurrentIndex(index < 0 ? 0 : index);
}

// "12.4 MB": sizes as the file manager shows them, in the UI's language.
QString sizeText(qint64 bytes)
{
    return QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeTraditionalFormat);
}

} // namespace

SettingsDialog::SettingsDialog(const Options &options, QWidget *parent)
    : QDialog(parent)
    , m_options(options)
    , m_settings(options.settings)
    , m_pages(new QTabWidget(this))
{
    setObjectName(QStringLiteral("settingsDialog"));
    m_pages->setObjectName(QStringLiteral("settingsPages"));
    m_pages->addTab(makeAppearancePage(), QString());
    m_pages->addTab(makeStreamPage(), QString());
    m_pages->addTab(makeConnectionsPage(), QString());
    m_pages->addTab(makeHistoryPage(), QString());

    m_buttons =
        new QDialogButtonBox(QDialogButtonBox::Close | QDialogButtonBox::RestoreDefaults, this);
    m_restore = m_buttons->button(QDialogButtonBox::RestoreDefaults);
    m_restore->setObjectName(QStringLiteral("restoreDefaults"));
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_restore, &QPushButton::clicked, this, [this] {
        m_settings->restoreDefaults(AppSettings::preferenceKeys());
        load();
    });

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_pages);
    layout->addWidget(m_buttons);

    m_built = true;
    load();
    connectControls();
    // Another window (View > Language, a stream's compact button) may change a value.
    connect(m_settings, &AppSettings::changed, this, [this] {
        if (!m_loading)
            load();
    });

    if (!m_options.databasePath.isEmpty()) {
        m_maintenance = new HistoryMaintenance(m_options.databasePath, this);
        connect(m_maintenance, &HistoryMaintenance::measured, this, &SettingsDialog::showSize);
        connect(m_maintenance, &HistoryMaintenance::compacted, this, &SettingsDialog::compacted);
        m_maintenance->measure();
    } else {
        m_compact->setEnabled(false);
    }

    m_texts.add([this] {
        setWindowTitle(tr("Settings"));
        m_pages->setTabText(0, tr("Appearance"));
        m_pages->setTabText(1, tr("Stream"));
        m_pages->setTabText(2, tr("Connections"));
        m_pages->setTabText(3, tr("History"));
        m_restore->setText(tr("Restore defaults"));
        m_restore->setToolTip(tr("Set every setting on these pages back to its default"));
    });
    resize(560, 480);
}

SettingsDialog::~SettingsDialog() = default;

QWidget *SettingsDialog::makeAppearancePage()
{
    auto *page = new QWidget(this);
    auto *form = new QFormLayout(page);
    m_theme = new QComboBox(page);
    m_theme->setObjectName(QStringLiteral("theme"));
    m_toolbar = new QComboBox(page);
    m_toolbar->setObjectName(QStringLiteral("toolbarStyle"));
    m_language = new QComboBox(page);
    m_language->setObjectName(QStringLiteral("language"));
    QLabel *theme = addRow(form, m_theme);
    QLabel *toolbar = addRow(form, m_toolbar);
    QLabel *language = addRow(form, m_language);
    m_texts.add([=, this] {
        theme->setText(tr("&Theme:"));
        toolbar->setText(tr("T&oolbar:"));
        language->setText(tr("&Language:"));
        const QSignalBlocker quiet(m_theme);
        const QSignalBlocker quietToolbar(m_toolbar);
        const QSignalBlocker quietLanguage(m_language);
        m_theme->clear();
        m_theme->addItem(tr("Follow the system"), int(AppSettings::ThemeMode::System));
        m_theme->addItem(tr("Light"), int(AppSettings::ThemeMode::Light));
        m_theme->addItem(tr("Dark"), int(AppSettings::ThemeMode::Dark));
        m_toolbar->clear();
        m_toolbar->addItem(tr("Icons and text"), true);
        m_toolbar->addItem(tr("Icons only"), false);
        m_language->clear();
        m_language->addItem(tr("System language"), QString());
        for (const QString &locale : Language::available()) {
            // Each language in its own words, so a user can find theirs in any language.
            QString name = QLocale(locale).nativeLanguageName();
            if (!name.isEmpty())
                name[0] = name.at(0).toUpper();
            m_language->addItem(name, locale);
        }
        if (m_built)
            load();
    });
    return page;
}

QWidget *SettingsDialog::makeStreamPage()
{
    auto *page = new QWidget(this);
    auto *form = new QFormLayout(page);
    m_fontSize = new QSpinBox(page);
    m_fontSize->setObjectName(QStringLiteral("streamFontSize"));
    m_fontSize->setRange(5, 40); // 5 shows as "Default": 0 in the settings
    m_systemMono = new QCheckBox(page);
    m_systemMono->setObjectName(QStringLiteral("systemMonospace"));
    m_mono = new QFontComboBox(page);
    m_mono->setObjectName(QStringLiteral("payloadFont"));
    m_mono->setFontFilters(QFontComboBox::MonospacedFonts);
    m_layout = new QComboBox(page);
    m_layout->setObjectName(QStringLiteral("streamLayout"));
    m_previewLines = new QSpinBox(page);
    m_previewLines->setObjectName(QStringLiteral("previewLines"));
    m_previewLines->setRange(1, 200);
    m_zone = new QComboBox(page);
    m_zone->setObjectName(QStringLiteral("timeZone"));
    m_timeFormat = new QLineEdit(page);
    m_timeFormat->setObjectName(QStringLiteral("timeFormat"));
    m_timeExample = new QLabel(page);
    m_timeExample->setObjectName(QStringLiteral("timeExample"));
    Theme::setTextRole(m_timeExample, Theme::Text::Muted);

    QLabel *size = addRow(form, m_fontSize);
    QLabel *mono = addRow(form, m_mono);
    form->addRow(QString(), m_systemMono);
    QLabel *layout = addRow(form, m_layout);
    QLabel *lines = addRow(form, m_previewLines);
    QLabel *zone = addRow(form, m_zone);
    QLabel *format = addRow(form, m_timeFormat);
    form->addRow(QString(), m_timeExample);
    m_texts.add([=, this] {
        size->setText(tr("&Font size:"));
        m_fontSize->setSpecialValueText(tr("Default"));
        m_fontSize->setSuffix(tr(" pt"));
        mono->setText(tr("&Payload font:"));
        m_systemMono->setText(tr("Use the &system's monospace font"));
        layout->setText(tr("&Messages:"));
        lines->setText(tr("&Lines per bubble:"));
        m_previewLines->setToolTip(tr("How many payload lines a bubble shows before "
                                      "\"… N more lines\""));
        zone->setText(tr("&Times in:"));
        format->setText(tr("Time f&ormat:"));
        m_timeFormat->setToolTip(tr("A Qt date-time format, e.g. HH:mm:ss.zzz or "
                                    "yyyy-MM-dd HH:mm:ss"));
        const QSignalBlocker quietLayout(m_layout);
        const QSignalBlocker quietZone(m_zone);
        m_layout->clear();
        m_layout->addItem(tr("Bubbles"), false);
        m_layout->addItem(tr("Compact rows"), true);
        m_layout->setToolTip(tr("How a connection's stream starts; each stream can switch"));
        m_zone->clear();
        m_zone->addItem(tr("Local time"), false);
        m_zone->addItem(tr("UTC"), true);
        if (m_built)
            load();
    });
    return page;
}

QWidget *SettingsDialog::makeConnectionsPage()
{
    auto *page = new QWidget(this);
    auto *outer = new QVBoxLayout(page);
    auto *note = new QLabel(page);
    note->setWordWrap(true);
    Theme::setTextRole(note, Theme::Text::Muted);
    outer->addWidget(note);

    auto *reconnectBox = new QGroupBox(page);
    auto *reconnectForm = new QFormLayout(reconnectBox);
    m_reconnect = new QCheckBox(reconnectBox);
    m_reconnect->setObjectName(QStringLiteral("reconnect"));
    m_reconnectMin = new QSpinBox(reconnectBox);
    m_reconnectMin->setObjectName(QStringLiteral("reconnectMin"));
    m_reconnectMin->setRange(100, 600000);
    m_reconnectMin->setSingleStep(500);
    m_reconnectMax = new QSpinBox(reconnectBox);
    m_reconnectMax->setObjectName(QStringLiteral("reconnectMax"));
    m_reconnectMax->setRange(100, 3600000);
    m_reconnectMax->setSingleStep(1000);
    reconnectForm->addRow(m_reconnect);
    QLabel *first = addRow(reconnectForm, m_reconnectMin);
    QLabel *longest = addRow(reconnectForm, m_reconnectMax);
    outer->addWidget(reconnectBox);

    auto *proxyBox = new QGroupBox(page);
    auto *proxyForm = new QFormLayout(proxyBox);
    m_proxyKind = new QComboBox(proxyBox);
    m_proxyKind->setObjectName(QStringLiteral("proxyKind"));
    m_proxyHost = new QLineEdit(proxyBox);
    m_proxyHost->setObjectName(QStringLiteral("proxyHost"));
    m_proxyPort = new QSpinBox(proxyBox);
    m_proxyPort->setObjectName(QStringLiteral("proxyPort"));
    m_proxyPort->setRange(0, 65535);
    QLabel *kind = addRow(proxyForm, m_proxyKind);
    QLabel *host = addRow(proxyForm, m_proxyHost);
    QLabel *port = addRow(proxyForm, m_proxyPort);
    outer->addWidget(proxyBox);
    outer->addStretch(1);

    m_texts.add([=, this] {
        note->setText(tr("What a new connection starts with. Each connection can change "
                         "them in its Connection dialog."));
        reconnectBox->setTitle(tr("Reconnect"));
        m_reconnect->setText(tr("&Reconnect automatically"));
        first->setText(tr("&First retry after:"));
        longest->setText(tr("&Longest wait:"));
        m_reconnectMin->setSuffix(tr(" ms"));
        m_reconnectMax->setSuffix(tr(" ms"));
        proxyBox->setTitle(tr("Proxy"));
        kind->setText(tr("&Proxy:"));
        host->setText(tr("&Host:"));
        port->setText(tr("P&ort:"));
        m_proxyHost->setPlaceholderText(tr("proxy.example.com"));
        const QSignalBlocker quiet(m_proxyKind);
        m_proxyKind->clear();
        m_proxyKind->addItem(tr("None"), QStringLiteral("none"));
        m_proxyKind->addItem(tr("HTTP CONNECT"), QStringLiteral("http"));
        m_proxyKind->addItem(tr("SOCKS5"), QStringLiteral("socks5"));
        if (m_built)
            load();
    });
    return page;
}

QWidget *SettingsDialog::makeHistoryPage()
{
    auto *page = new QWidget(this);
    auto *outer = new QVBoxLayout(page);

    auto *keepBox = new QGroupBox(page);
    auto *keepForm = new QFormLayout(keepBox);
    m_retention = new QComboBox(keepBox);
    m_retention->setObjectName(QStringLiteral("retention"));
    m_retentionValue = new QSpinBox(keepBox);
    m_retentionValue->setObjectName(QStringLiteral("retentionValue"));
    auto *keepNote = new QLabel(keepBox);
    keepNote->setWordWrap(true);
    Theme::setTextRole(keepNote, Theme::Text::Muted);
    QLabel *keep = addRow(keepForm, m_retention);
    QLabel *value = addRow(keepForm, m_retentionValue);
    keepForm->addRow(keepNote);
    m_applyToAll = new QPushButton(keepBox);
    m_applyToAll->setObjectName(QStringLiteral("applyRetentionToAll"));
    auto *applyRow = new QHBoxLayout;
    applyRow->addStretch(1);
    applyRow->addWidget(m_applyToAll);
    keepForm->addRow(applyRow);
    connect(m_applyToAll, &QPushButton::clicked, this, [this] {
        if (Prompts::confirmDestructive(
                this, tr("Apply to every connection"),
                tr("Every connection will keep this history from now on; older messages beyond "
                   "it are deleted. Continue?"),
                tr("Apply")))
            emit applyRetentionToAllRequested();
    });
    m_confirmClear = new QCheckBox(keepBox);
    m_confirmClear->setObjectName(QStringLiteral("confirmClear"));
    keepForm->addRow(m_confirmClear);
    outer->addWidget(keepBox);

    auto *diskBox = new QGroupBox(page);
    auto *diskForm = new QFormLayout(diskBox);
    m_size = new QLabel(diskBox);
    m_size->setObjectName(QStringLiteral("databaseSize"));
    m_size->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_compact = new QPushButton(diskBox);
    m_compact->setObjectName(QStringLiteral("compactNow"));
    m_compactResult = new QLabel(diskBox);
    m_compactResult->setObjectName(QStringLiteral("compactResult"));
    m_compactResult->setWordWrap(true);
    auto *sizeRow = new QHBoxLayout;
    sizeRow->addWidget(m_size, 1);
    sizeRow->addWidget(m_compact);
    auto *sizeLabel = new QLabel(diskBox);
    diskForm->addRow(sizeLabel, sizeRow);
    diskForm->addRow(QString(), m_compactResult);
    m_dataDir = new QLineEdit(m_options.dataDir, diskBox);
    m_dataDir->setObjectName(QStringLiteral("dataDir"));
    m_dataDir->setReadOnly(true);
    m_dataDir->setCursorPosition(0);
    m_openFolder = new QPushButton(diskBox);
    m_openFolder->setObjectName(QStringLiteral("openDataFolder"));
    auto *dirRow = new QHBoxLayout;
    dirRow->addWidget(m_dataDir, 1);
    dirRow->addWidget(m_openFolder);
    auto *dirLabel = new QLabel(diskBox);
    dirLabel->setBuddy(m_dataDir);
    diskForm->addRow(dirLabel, dirRow);
    outer->addWidget(diskBox);
    outer->addStretch(1);

    connect(m_compact, &QPushButton::clicked, this, [this] {
        if (!m_maintenance)
            return;
        m_compact->setEnabled(false);
        m_compactResult->setText(tr("Compacting… New messages wait until it is done."));
        Theme::setTextRole(m_compactResult, Theme::Text::Muted);
        m_maintenance->compact();
    });
    connect(m_openFolder, &QPushButton::clicked, this,
            [this] { QDesktopServices::openUrl(QUrl::fromLocalFile(m_options.dataDir)); });

    m_texts.add([=, this] {
        keepBox->setTitle(tr("Keep"));
        keep->setText(tr("&New connections keep:"));
        value->setText(tr("&How many:"));
        keepNote->setText(tr("Older messages are deleted as new ones arrive. Each "
                             "connection can change its own in Connection dialog > Advanced."));
        m_confirmClear->setText(tr("&Ask before clearing a connection's history"));
        m_applyToAll->setText(tr("A&pply to every connection…"));
        m_applyToAll->setToolTip(tr("Give every existing connection this history limit"));
        diskBox->setTitle(tr("On disk"));
        sizeLabel->setText(tr("History size:"));
        m_compact->setText(tr("&Compact now"));
        m_compact->setToolTip(tr("Give the space of deleted messages back to the disk"));
        dirLabel->setText(tr("&Data folder:"));
        m_openFolder->setText(tr("&Open folder"));
        m_openFolder->setToolTip(tr("Show the data folder in the file manager"));
        const QSignalBlocker quiet(m_retention);
        m_retention->clear();
        m_retention->addItem(tr("Everything"), int(AppSettings::RetentionMode::KeepAll));
        m_retention->addItem(tr("The last days"), int(AppSettings::RetentionMode::Days));
        m_retention->addItem(tr("The last messages"), int(AppSettings::RetentionMode::Messages));
        if (m_built)
            load();
    });
    return page;
}

void SettingsDialog::load()
{
    if (!m_settings)
        return;
    m_loading = true;
    const QList<QWidget *> controls{m_theme,        m_toolbar,        m_language,    m_fontSize,
                                    m_systemMono,   m_mono,           m_layout,      m_previewLines,
                                    m_zone,         m_timeFormat,     m_reconnect,   m_reconnectMin,
                                    m_reconnectMax, m_proxyKind,      m_proxyHost,   m_proxyPort,
                                    m_retention,    m_retentionValue, m_confirmClear};
    std::vector<std::unique_ptr<QSignalBlocker>> quiet;
    for (QWidget *control : controls)
        quiet.push_back(std::make_unique<QSignalBlocker>(control));

    selectData(m_theme, int(m_settings->theme()));
    selectData(m_toolbar, m_settings->toolbarText());
    selectData(m_language, m_settings->language());
    m_fontSize->setValue(m_settings->streamFontSize() == 0 ? m_fontSize->minimum()
                                                           : m_settings->streamFontSize());
    const QString family = m_settings->payloadFont();
    m_systemMono->setChecked(family.isEmpty());
    m_mono->setEnabled(!family.isEmpty());
    m_mono->setCurrentFont(family.isEmpty() ? QFontDatabase::systemFont(QFontDatabase::FixedFont)
                                            : QFont(family));
    selectData(m_layout, m_settings->compactByDefault());
    m_previewLines->setValue(m_settings->previewLines());
    selectData(m_zone, m_settings->timestampsUtc());
    if (m_timeFormat->text() != m_settings->timestampFormat())
        m_timeFormat->setText(m_settings->timestampFormat());
    m_reconnect->setChecked(m_settings->reconnectEnabled());
    m_reconnectMin->setValue(m_settings->reconnectMinMs());
    m_reconnectMax->setValue(m_settings->reconnectMaxMs());
    m_reconnectMin->setEnabled(m_reconnect->isChecked());
    m_reconnectMax->setEnabled(m_reconnect->isChecked());
    selectData(m_proxyKind, m_settings->proxyKind());
    if (m_proxyHost->text().trimmed() != m_settings->proxyHost()) // not while typing a space
        m_proxyHost->setText(m_settings->proxyHost());
    m_proxyPort->setValue(m_settings->proxyPort());
    const bool proxy = m_settings->proxyKind() != QLatin1String("none");
    m_proxyHost->setEnabled(proxy);
    m_proxyPort->setEnabled(proxy);
    selectData(m_retention, int(m_settings->retentionMode()));
    updateRetentionValue();
    m_confirmClear->setChecked(m_settings->confirmClearHistory());
    updateTimestampExample();
    m_loading = false;
}

void SettingsDialog::updateRetentionValue()
{
    const auto mode = AppSettings::RetentionMode(m_retention->currentData().toInt());
    const QSignalBlocker quiet(m_retentionValue);
    m_retentionValue->setEnabled(mode != AppSettings::RetentionMode::KeepAll);
    if (mode == AppSettings::RetentionMode::Messages) {
        m_retentionValue->setRange(1, 1000000000);
        m_retentionValue->setSingleStep(10000);
        m_retentionValue->setSuffix(tr(" messages per connection"));
        m_retentionValue->setValue(int(m_settings->retentionMessages()));
    } else {
        m_retentionValue->setRange(1, 3650);
        m_retentionValue->setSingleStep(1);
        m_retentionValue->setSuffix(tr(" days"));
        m_retentionValue->setValue(m_settings->retentionDays());
    }
}

void SettingsDialog::updateTimestampExample()
{
    const QDateTime now = QDateTime::currentDateTime();
    const QString text = QLocale().toString(m_settings->timestampsUtc() ? now.toUTC() : now,
                                            m_settings->timestampFormat());
    m_timeExample->setText(tr("Now: %1").arg(text));
}

void SettingsDialog::connectControls()
{
    // Each control writes its setting at once; load() runs with the controls' signals blocked.
    const auto data = [](QComboBox *combo) { return combo->currentData(); };
    connect(m_theme, &QComboBox::currentIndexChanged, this,
            [=, this] { m_settings->setTheme(AppSettings::ThemeMode(data(m_theme).toInt())); });
    connect(m_toolbar, &QComboBox::currentIndexChanged, this,
            [=, this] { m_settings->setToolbarText(data(m_toolbar).toBool()); });
    connect(m_language, &QComboBox::currentIndexChanged, this,
            [=, this] { m_settings->setLanguage(data(m_language).toString()); });
    connect(m_fontSize, &QSpinBox::valueChanged, this, [this](int points) {
        m_settings->setStreamFontSize(points == m_fontSize->minimum() ? 0 : points);
    });
    connect(m_systemMono, &QCheckBox::toggled, this, [this](bool system) {
        m_mono->setEnabled(!system);
        m_settings->setPayloadFont(system ? QString() : m_mono->currentFont().family());
    });
    connect(m_mono, &QFontComboBox::currentFontChanged, this, [this](const QFont &font) {
        if (!m_systemMono->isChecked())
            m_settings->setPayloadFont(font.family());
    });
    connect(m_layout, &QComboBox::currentIndexChanged, this,
            [=, this] { m_settings->setCompactByDefault(data(m_layout).toBool()); });
    connect(m_previewLines, &QSpinBox::valueChanged, m_settings, &AppSettings::setPreviewLines);
    connect(m_zone, &QComboBox::currentIndexChanged, this, [=, this] {
        m_settings->setTimestampsUtc(data(m_zone).toBool());
        updateTimestampExample();
    });
    connect(m_timeFormat, &QLineEdit::textEdited, this, [this](const QString &format) {
        m_settings->setTimestampFormat(format);
        updateTimestampExample();
    });
    connect(m_reconnect, &QCheckBox::toggled, this, [this](bool on) {
        m_reconnectMin->setEnabled(on);
        m_reconnectMax->setEnabled(on);
        m_settings->setReconnectEnabled(on);
    });
    connect(m_reconnectMin, &QSpinBox::valueChanged, this, [this](int ms) {
        m_settings->setReconnectMinMs(ms);
        if (m_reconnectMax->value() < ms) // the longest wait is never shorter than the first
            m_reconnectMax->setValue(ms);
    });
    connect(m_reconnectMax, &QSpinBox::valueChanged, this, [this](int ms) {
        m_settings->setReconnectMaxMs(ms);
        if (m_reconnectMin->value() > ms)
            m_reconnectMin->setValue(ms);
    });
    connect(m_proxyKind, &QComboBox::currentIndexChanged, this, [=, this] {
        const bool proxy = data(m_proxyKind).toString() != QLatin1String("none");
        m_proxyHost->setEnabled(proxy);
        m_proxyPort->setEnabled(proxy);
        m_settings->setProxyKind(data(m_proxyKind).toString());
    });
    connect(m_proxyHost, &QLineEdit::textEdited, m_settings, &AppSettings::setProxyHost);
    connect(m_proxyPort, &QSpinBox::valueChanged, this,
            [this](int port) { m_settings->setProxyPort(quint16(port)); });
    connect(m_retention, &QComboBox::currentIndexChanged, this, [=, this] {
        m_settings->setRetentionMode(AppSettings::RetentionMode(data(m_retention).toInt()));
        updateRetentionValue();
    });
    connect(m_retentionValue, &QSpinBox::valueChanged, this, [this](int value) {
        if (m_settings->retentionMode() == AppSettings::RetentionMode::Messages)
            m_settings->setRetentionMessages(value);
        else
            m_settings->setRetentionDays(value);
    });
    connect(m_confirmClear, &QCheckBox::toggled, m_settings, &AppSettings::setConfirmClearHistory);
}

void SettingsDialog::showSize(qint64 bytes)
{
    m_size->setText(sizeText(bytes));
}

void SettingsDialog::compacted(const StorageError &error, qint64 before, qint64 after)
{
    m_compact->setEnabled(true);
    if (error.isError()) {
        m_compactResult->setText(tr("Could not compact the database: %1").arg(error.message));
        Theme::setTextRole(m_compactResult, Theme::Text::Error);
        return;
    }
    m_compactResult->setText(
        tr("Compacted: %1 → %2 (%3 freed).")
            .arg(sizeText(before), sizeText(after), sizeText(qMax<qint64>(0, before - after))));
    Theme::setTextRole(m_compactResult, Theme::Text::Success);
}

void SettingsDialog::changeEvent(QEvent *event)
{
    m_texts.handle(event);
    QDialog::changeEvent(event);
}

} // namespace mqttdesk
