#pragma once

#include "core/retained/retained_snapshot.h"
#include "core/retained/retained_source.h"
#include "core/storage/retained_snapshot_store.h"
#include "ui/i18n/retranslator.h"

#include <QDialog>
#include <QList>
#include <QPointer>

#include <optional>

class QComboBox;
class QDialogButtonBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTreeWidget;

namespace mqttdesk {

class ProfileRecords;
class RetainedDiff;
class RetainedDiffPanel;
class RetainedSnapshotTaker;

// "Retained snapshots" of the Topics view: records what the broker retains under a filter
// (RetainedSnapshotTaker, over a connection of its own) into the profile's storage, named
// and time-stamped; lists, renames, deletes, exports and imports the stored ones; and
// compares any two of: a stored snapshot, this broker now, another open connection's broker
// now (staging against production). The result (RetainedDiffPanel) lists the topics added,
// removed and changed, with both values, and exports as JSON or CSV. Storage is read and
// written on the profile's records worker; comparisons run on the thread pool.
class RetainedSnapshotDialog : public QDialog
{
    Q_OBJECT
public:
    // `records` may be null (no storage: only live comparisons). `filter` starts the filter
    // field (e.g. the Topics node's subtree).
    RetainedSnapshotDialog(ProfileRecords *records, qint64 profileId, const QString &filter,
                           QWidget *parent = nullptr);
    ~RetainedSnapshotDialog() override;

    // The brokers that can be compared live; the one of `profileId` is this connection.
    void setLiveSources(const QList<RetainedLiveSource> &sources);

    QLineEdit *filterField() const { return m_filter; }
    QLineEdit *nameField() const { return m_name; }
    QPushButton *takeButton() const { return m_take; }
    QTreeWidget *snapshotList() const { return m_list; }
    QComboBox *sideA() const { return m_sideA; }
    QComboBox *sideB() const { return m_sideB; }
    QPushButton *compareButton() const { return m_compare; }
    RetainedDiffPanel *diffPanel() const { return m_diff; }
    // The last progress or outcome line ("Snapshot taken: 50 topics.", an error, ...).
    QString statusText() const;
    // Stored snapshots as listed (newest first).
    const QList<StoredRetainedSnapshot> &snapshots() const { return m_snapshots; }
    bool isBusy() const;

    // The actions of the buttons, for tests and the keyboard. Rows are of snapshotList().
    void takeSnapshot();
    void renameSnapshot(int row, const QString &name);
    void removeSnapshot(int row); // after a confirmation
    void exportSnapshot(int row, const QString &path);
    void importSnapshot(const QString &path);
    // Compares what sideA() and sideB() select.
    void compare();
    void reload();

signals:
    void snapshotsLoaded();
    void snapshotTaken(qint64 id);
    void compared();
    // Any failure: also shown in statusText().
    void failed(const QString &error);

public Q_SLOTS:
    void reject() override;

protected:
    void changeEvent(QEvent *event) override;

private:
    // One side of a comparison: a stored snapshot (id) or a live broker (index into
    // m_sources).
    struct Side
    {
        qint64 snapshotId = 0;
        int source = -1;
        QString label;
    };
    Side sideOf(const QComboBox *box) const;
    void fillSides();
    void fillList();
    void setStatus(const QString &text, bool error = false);
    // The Close/Stop text and the buttons after isBusy() changed.
    void updateBusy();
    void fetch(int slot, const Side &side, const QString &filter);
    void sideReady(int slot, int generation, const std::optional<RetainedSnapshot> &snapshot,
                   const QString &error);
    void updateTexts();
    void updateButtons();
    int currentRow() const;
    void askRename();
    void askRemove();
    void askExport();
    void askImport();
    QString liveLabel(const RetainedLiveSource &source) const;
    QString storedLabel(const StoredRetainedSnapshot &snapshot) const;

    QPointer<ProfileRecords> m_records;
    qint64 m_profileId = 0;
    QList<RetainedLiveSource> m_sources;
    QList<StoredRetainedSnapshot> m_snapshots;

    QGroupBox *m_takeBox = nullptr;
    QLabel *m_filterLabel = nullptr;
    QLineEdit *m_filter = nullptr;
    QLabel *m_nameLabel = nullptr;
    QLineEdit *m_name = nullptr;
    QPushButton *m_take = nullptr;
    QLabel *m_status = nullptr;
    QGroupBox *m_storedBox = nullptr;
    QTreeWidget *m_list = nullptr;
    QPushButton *m_rename = nullptr;
    QPushButton *m_remove = nullptr;
    QPushButton *m_export = nullptr;
    QPushButton *m_import = nullptr;
    QGroupBox *m_compareBox = nullptr;
    QLabel *m_sideALabel = nullptr;
    QComboBox *m_sideA = nullptr;
    QLabel *m_sideBLabel = nullptr;
    QComboBox *m_sideB = nullptr;
    QPushButton *m_compare = nullptr;
    RetainedDiffPanel *m_diff = nullptr;
    QDialogButtonBox *m_buttons = nullptr;

    RetainedSnapshotTaker *m_taker = nullptr;    // "Take snapshot"
    RetainedSnapshotTaker *m_sideTakers[2] = {}; // live sides of a comparison
    std::optional<RetainedSnapshot> m_sideResults[2];
    Side m_sides[2];
    int m_waiting = 0;     // sides of the comparison not back yet
    int m_generation = 0;  // drops answers of a comparison that was replaced or stopped
    bool m_chosen[2] = {}; // the user picked side A / B (else the defaults apply)
    bool m_comparing = false;
    bool m_diffing = false;
    QString m_statusText;
    Retranslator m_texts;
};

} // namespace mqttdesk
