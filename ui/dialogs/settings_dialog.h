#pragma once

#include "ui/i18n/retranslator.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QFontComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTabWidget;

namespace mqttdesk {

class AppSettings;
class HistoryMaintenance;
struct StorageError;

// File > Settings: the app's preferences in one place. Every control writes its setting at
// once (AppSettings writes through), so a change shows in the open windows while the dialog
// is still up; Restore defaults resets them all. The history page shows the database's size
// and compacts it on a worker thread (HistoryMaintenance).
class SettingsDialog : public QDialog
{
    Q_OBJECT
public:
    struct Options
    {
        AppSettings *settings = nullptr;
        QString dataDir;      // shown, with Open folder
        QString databasePath; // measured and compacted; empty: no history page actions
    };

    explicit SettingsDialog(const Options &options, QWidget *parent = nullptr);
    ~SettingsDialog() override;

    QTabWidget *pages() const { return m_pages; }

signals:
    // History > Apply to every connection, confirmed: the owner of the profiles gives each
    // the budget the settings name.
    void applyRetentionToAllRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    QWidget *makeAppearancePage();
    QWidget *makeStreamPage();
    QWidget *makeConnectionsPage();
    QWidget *makeHistoryPage();
    // Shows what the settings hold (at start, after Restore defaults).
    void load();
    void connectControls();
    void updateTimestampExample();
    void updateRetentionValue();
    void showSize(qint64 bytes);
    void compacted(const StorageError &error, qint64 before, qint64 after);

    Options m_options;
    AppSettings *m_settings;
    HistoryMaintenance *m_maintenance = nullptr;
    bool m_loading = false;
    bool m_built = false; // every control exists: load() may run
    Retranslator m_texts;

    QTabWidget *m_pages;
    // Appearance
    QComboBox *m_theme;
    QComboBox *m_toolbar;
    QComboBox *m_language;
    // Stream
    QSpinBox *m_fontSize;
    QCheckBox *m_systemMono;
    QFontComboBox *m_mono;
    QComboBox *m_layout;
    QSpinBox *m_previewLines;
    QComboBox *m_zone;
    QLineEdit *m_timeFormat;
    QLabel *m_timeExample;
    // Connections (defaults for new ones)
    QCheckBox *m_reconnect;
    QSpinBox *m_reconnectMin;
    QSpinBox *m_reconnectMax;
    QComboBox *m_proxyKind;
    QLineEdit *m_proxyHost;
    QSpinBox *m_proxyPort;
    // History
    QComboBox *m_retention;
    QSpinBox *m_retentionValue;
    QCheckBox *m_confirmClear;
    QPushButton *m_applyToAll;
    QLabel *m_size;
    QPushButton *m_compact;
    QLabel *m_compactResult;
    QLineEdit *m_dataDir;
    QPushButton *m_openFolder;

    QDialogButtonBox *m_buttons;
    QPushButton *m_restore;
};

} // namespace mqttdesk
