#include "ui/topictree/retained_snapshot_dialog.h"

#include "core/protocol/topic.h"
#include "core/retained/retained_diff.h"
#include "core/retained/retained_snapshot_taker.h"
#include "core/workspace/profile_records.h"
#include "ui/topictree/retained_diff_panel.h"
#include "ui/widgets/prompts.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QRegularExpression>
#include <QSplitter>
#include <QThreadPool>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <memory>
#include <variant>

namespace mqttdesk {

namespace {

// Runs `work` on the thread pool and `then` with its result on the GUI thread, unless the
// receiver is gone by then. The pointer is only looked at on the GUI thread.
template<typename Receiver, typename Work, typename Then>
void runInPool(Receiver *receiver, Work work, Then then)
{
    QThreadPool::globalInstance()->start(
        [guard = QPointer<Receiver>(receiver), work = std::move(work), then = std::move(then)] {
            auto result = std::make_shared<decltype(work())>(work());
            QMetaObject::invokeMethod(
                QCoreApplication::instance(),
                [guard, then, result] {
                    if (guard)
                        then(guard.data(), *result);
                },
                Qt::QueuedConnection);
        });
}

QString sideKey(const QString &kind, qint64 value)
{
    return kind + QLatin1Char(':') + QString::number(value);
}

} // namespace

RetainedSnapshotDialog::RetainedSnapshotDialog(ProfileRecords *records, qint64 profileId,
                                               const QString &filter, QWidget *parent)
    : QDialog(parent)
    , m_records(records)
    , m_profileId(profileId)
{
    // Taking a snapshot.
    m_takeBox = new QGroupBox(this);
    m_filterLabel = new QLabel(m_takeBox);
    m_filter = new QLineEdit(filter.isEmpty() ? QStringLiteral("#") : filter, m_takeBox);
    m_filterLabel->setBuddy(m_filter);
    m_nameLabel = new QLabel(m_takeBox);
    m_name = new QLineEdit(m_takeBox);
    m_nameLabel->setBuddy(m_name);
    m_take = new QPushButton(m_takeBox);
    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *takeRow = new QHBoxLayout(m_takeBox);
    takeRow->addWidget(m_filterLabel);
    takeRow->addWidget(m_filter, 2);
    takeRow->addWidget(m_nameLabel);
    takeRow->addWidget(m_name, 2);
    takeRow->addWidget(m_take);

    // The stored snapshots.
    m_storedBox = new QGroupBox(this);
    m_list = new QTreeWidget(m_storedBox);
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setAllColumnsShowFocus(true);
    m_list->setColumnCount(5);
    m_list->setTextElideMode(Qt::ElideMiddle);
    m_list->header()->setStretchLastSection(true);
    m_list->setColumnWidth(0, 200);
    m_list->setColumnWidth(1, 150);
    m_list->setColumnWidth(2, 70);
    m_list->setColumnWidth(3, 160);
    m_rename = new QPushButton(m_storedBox);
    m_remove = new QPushButton(m_storedBox);
    m_export = new QPushButton(m_storedBox);
    m_import = new QPushButton(m_storedBox);
    auto *listButtons = new QVBoxLayout;
    for (QPushButton *b : {m_rename, m_remove, m_export, m_import}) {
        b->setAutoDefault(false);
        listButtons->addWidget(b);
    }
    listButtons->addStretch(1);
    auto *storedRow = new QHBoxLayout(m_storedBox);
    storedRow->addWidget(m_list, 1);
    storedRow->addLayout(listButtons);

    // Comparing.
    m_compareBox = new QGroupBox(this);
    m_sideALabel = new QLabel(m_compareBox);
    m_sideA = new QComboBox(m_compareBox);
    m_sideALabel->setBuddy(m_sideA);
    m_sideBLabel = new QLabel(m_compareBox);
    m_sideB = new QComboBox(m_compareBox);
    m_sideBLabel->setBuddy(m_sideB);
    for (QComboBox *box : {m_sideA, m_sideB}) {
        box->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        box->setMinimumContentsLength(24);
    }
    m_compare = new QPushButton(m_compareBox);
    m_compare->setAutoDefault(false);
    m_diff = new RetainedDiffPanel(m_compareBox);
    auto *sides = new QHBoxLayout;
    sides->addWidget(m_sideALabel);
    sides->addWidget(m_sideA, 1);
    sides->addWidget(m_sideBLabel);
    sides->addWidget(m_sideB, 1);
    sides->addWidget(m_compare);
    auto *compareLayout = new QVBoxLayout(m_compareBox);
    compareLayout->addLayout(sides);
    compareLayout->addWidget(m_diff, 1);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &RetainedSnapshotDialog::reject);

    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_storedBox);
    split->addWidget(m_compareBox);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 3);
    split->setChildrenCollapsible(false);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_takeBox);
    layout->addWidget(m_status);
    layout->addWidget(split, 1);
    layout->addWidget(m_buttons);
    resize(980, 700);

    setTabOrder(m_filter, m_name);
    setTabOrder(m_name, m_take);
    setTabOrder(m_take, m_list);
    setTabOrder(m_list, m_rename);
    setTabOrder(m_rename, m_remove);
    setTabOrder(m_remove, m_export);
    setTabOrder(m_export, m_import);
    setTabOrder(m_import, m_sideA);
    setTabOrder(m_sideA, m_sideB);
    setTabOrder(m_sideB, m_compare);
    setTabOrder(m_compare, m_diff);

    connect(m_take, &QPushButton::clicked, this, &RetainedSnapshotDialog::takeSnapshot);
    connect(m_name, &QLineEdit::returnPressed, this, &RetainedSnapshotDialog::takeSnapshot);
    connect(m_compare, &QPushButton::clicked, this, &RetainedSnapshotDialog::compare);
    // Until the user picks a side, it follows the defaults (A: the newest snapshot).
    connect(m_sideA, &QComboBox::activated, this, [this] { m_chosen[0] = true; });
    connect(m_sideB, &QComboBox::activated, this, [this] { m_chosen[1] = true; });
    connect(m_rename, &QPushButton::clicked, this, &RetainedSnapshotDialog::askRename);
    connect(m_remove, &QPushButton::clicked, this, &RetainedSnapshotDialog::askRemove);
    connect(m_export, &QPushButton::clicked, this, &RetainedSnapshotDialog::askExport);
    connect(m_import, &QPushButton::clicked, this, &RetainedSnapshotDialog::askImport);
    connect(m_list, &QTreeWidget::currentItemChanged, this, &RetainedSnapshotDialog::updateButtons);
    connect(m_filter, &QLineEdit::textChanged, this, &RetainedSnapshotDialog::updateButtons);

    m_texts.add([this] { updateTexts(); });
    reload();
}

RetainedSnapshotDialog::~RetainedSnapshotDialog() = default;

void RetainedSnapshotDialog::updateTexts()
{
    setWindowTitle(tr("Retained snapshots"));
    m_takeBox->setTitle(tr("Take a snapshot of what the broker retains"));
    m_filterLabel->setText(tr("&Filter:"));
    m_filter->setToolTip(tr("The retained messages under this filter are recorded, e.g. "
                            "plant/# or #"));
    m_nameLabel->setText(tr("&Name:"));
    m_name->setPlaceholderText(tr("e.g. before the deployment"));
    m_take->setText(tr("&Take snapshot"));
    m_take->setToolTip(tr("Subscribe over a connection of its own, collect the retained "
                          "messages until the broker is quiet, and store them"));
    m_status->setAccessibleName(tr("Status"));
    m_storedBox->setTitle(tr("Stored snapshots"));
    m_list->setHeaderLabels({tr("Name"), tr("Filter"), tr("Topics"), tr("Taken"), tr("Broker")});
    m_list->setAccessibleName(tr("Stored snapshots"));
    m_rename->setText(tr("&Rename…"));
    m_remove->setText(tr("&Delete…"));
    m_export->setText(tr("E&xport…"));
    m_export->setToolTip(tr("Save the snapshot as a JSON file (mqttdesk-cli retained diff "
                            "reads it)"));
    m_import->setText(tr("&Import…"));
    m_import->setToolTip(tr("Store a snapshot file, e.g. one taken with mqttdesk-cli "
                            "retained snapshot"));
    m_compareBox->setTitle(tr("Compare"));
    m_sideALabel->setText(tr("&A (before):"));
    m_sideBLabel->setText(tr("&B (after):"));
    m_sideA->setToolTip(tr("A stored snapshot, or a broker as it is now"));
    m_sideB->setToolTip(m_sideA->toolTip());
    m_compare->setText(tr("&Compare"));
    m_buttons->button(QDialogButtonBox::Close)->setText(isBusy() ? tr("Stop") : tr("Close"));
    fillList();
    fillSides();
    updateButtons();
}

void RetainedSnapshotDialog::changeEvent(QEvent *event)
{
    m_texts.handle(event);
    QDialog::changeEvent(event);
}

void RetainedSnapshotDialog::setLiveSources(const QList<RetainedLiveSource> &sources)
{
    m_sources = sources;
    // This connection first: it is what "now" means without further choice.
    std::stable_partition(m_sources.begin(), m_sources.end(), [this](const RetainedLiveSource &s) {
        return s.profileId == m_profileId;
    });
    fillSides();
    updateButtons();
}

QString RetainedSnapshotDialog::statusText() const
{
    return m_statusText;
}

bool RetainedSnapshotDialog::isBusy() const
{
    return (m_taker && m_taker->isRunning()) || m_comparing;
}

void RetainedSnapshotDialog::setStatus(const QString &text, bool error)
{
    m_statusText = text;
    m_status->setText(text);
    if (error)
        emit failed(text);
}

void RetainedSnapshotDialog::updateBusy()
{
    m_buttons->button(QDialogButtonBox::Close)->setText(isBusy() ? tr("Stop") : tr("Close"));
    updateButtons();
}

void RetainedSnapshotDialog::updateButtons()
{
    const bool busy = isBusy();
    const bool self = !m_sources.isEmpty() && m_sources.first().profileId == m_profileId;
    m_take->setEnabled(!busy && self && !Topic::validateFilter(m_filter->text()));
    const bool selected = currentRow() >= 0;
    m_rename->setEnabled(selected && m_records);
    m_remove->setEnabled(selected && m_records);
    m_export->setEnabled(selected && m_records);
    m_import->setEnabled(bool(m_records));
    m_compare->setEnabled(!busy && m_sideA->count() > 0 && m_sideB->count() > 0);
}

int RetainedSnapshotDialog::currentRow() const
{
    QTreeWidgetItem *item = m_list->currentItem();
    return item ? m_list->indexOfTopLevelItem(item) : -1;
}

QString RetainedSnapshotDialog::liveLabel(const RetainedLiveSource &source) const
{
    return source.profileId == m_profileId ? tr("This broker now (%1)").arg(source.name)
                                           : tr("%1 now").arg(source.name);
}

QString RetainedSnapshotDialog::storedLabel(const StoredRetainedSnapshot &snapshot) const
{
    const QString when = QLocale().toString(
        QDateTime::fromMSecsSinceEpoch(snapshot.takenAtMs).toLocalTime(), QLocale::ShortFormat);
    return tr("%1 (%2, %3 topics)")
        .arg(snapshot.name, when, QLocale().toString(snapshot.topicCount));
}

void RetainedSnapshotDialog::fillList()
{
    const int row = currentRow();
    const QSignalBlocker blocker(m_list);
    m_list->clear();
    for (const StoredRetainedSnapshot &s : std::as_const(m_snapshots)) {
        auto *item = new QTreeWidgetItem(m_list);
        item->setText(0, s.name);
        item->setText(1, s.filter);
        item->setText(2, QLocale().toString(s.topicCount));
        item->setTextAlignment(2, Qt::AlignRight | Qt::AlignVCenter);
        item->setText(3,
                      QLocale().toString(QDateTime::fromMSecsSinceEpoch(s.takenAtMs).toLocalTime(),
                                         QLocale::ShortFormat));
        item->setText(4, s.broker);
        item->setToolTip(0, s.name);
        item->setToolTip(1, s.filter);
    }
    if (m_list->topLevelItemCount() > 0)
        m_list->setCurrentItem(
            m_list->topLevelItem(qBound(0, row, m_list->topLevelItemCount() - 1)));
}

void RetainedSnapshotDialog::fillSides()
{
    for (QComboBox *box : {m_sideA, m_sideB}) {
        const QString kept = box->currentData().toString();
        const QSignalBlocker blocker(box);
        box->clear();
        for (int i = 0; i < m_sources.size(); ++i)
            box->addItem(liveLabel(m_sources.at(i)), sideKey(QStringLiteral("live"), i));
        for (const StoredRetainedSnapshot &s : std::as_const(m_snapshots))
            box->addItem(storedLabel(s), sideKey(QStringLiteral("stored"), s.id));
        const bool chosen = m_chosen[box == m_sideA ? 0 : 1];
        int index = chosen ? box->findData(kept) : -1;
        if (index < 0) {
            // A: the newest snapshot (what was); B: this broker now (what is).
            if (box == m_sideA && !m_snapshots.isEmpty())
                index = box->findData(sideKey(QStringLiteral("stored"), m_snapshots.first().id));
            else
                index = 0;
        }
        box->setCurrentIndex(index);
    }
}

RetainedSnapshotDialog::Side RetainedSnapshotDialog::sideOf(const QComboBox *box) const
{
    Side side;
    const QStringList key = box->currentData().toString().split(QLatin1Char(':'));
    if (key.size() != 2)
        return side;
    if (key.first() == QLatin1String("live"))
        side.source = key.last().toInt();
    else
        side.snapshotId = key.last().toLongLong();
    side.label = box->currentText();
    return side;
}

void RetainedSnapshotDialog::reload()
{
    if (!m_records) {
        fillList();
        fillSides();
        updateButtons();
        return;
    }
    m_records->loadSnapshots([guard = QPointer(this)](const QList<StoredRetainedSnapshot> &list,
                                                      const StorageError &error) {
        if (!guard)
            return;
        if (error.isError())
            guard->setStatus(tr("Cannot read the stored snapshots: %1").arg(error.message), true);
        else
            guard->m_snapshots = list;
        guard->fillList();
        guard->fillSides();
        guard->updateButtons();
        emit guard->snapshotsLoaded();
    });
}

void RetainedSnapshotDialog::takeSnapshot()
{
    if (isBusy() || m_sources.isEmpty() || m_sources.first().profileId != m_profileId)
        return;
    const QString filter = m_filter->text();
    if (const auto invalid = Topic::validateFilter(filter)) {
        setStatus(tr("The filter is not valid: %1").arg(invalid->message()), true);
        return;
    }
    QString name = m_name->text().trimmed();
    if (name.isEmpty())
        name = tr("Snapshot of %1")
                   .arg(QLocale().toString(QDateTime::currentDateTime(), QLocale::ShortFormat));
    if (!m_taker) {
        m_taker = new RetainedSnapshotTaker(this);
        connect(m_taker, &RetainedSnapshotTaker::progress, this, [this](int topics) {
            setStatus(tr("Collecting retained messages: %1 topics so far…")
                          .arg(QLocale().toString(topics)));
        });
        connect(m_taker, &RetainedSnapshotTaker::failed, this, [this](const QString &error) {
            setStatus(tr("The snapshot failed: %1").arg(error), true);
            updateBusy();
        });
        connect(
            m_taker, &RetainedSnapshotTaker::finished, this,
            [this](const RetainedSnapshot &snapshot) {
                updateBusy();
                const QString count = QLocale().toString(snapshot.topics.size());
                if (!m_records) {
                    setStatus(tr("Snapshot taken: %1 topics (not stored: this connection "
                                 "has no storage).")
                                  .arg(count));
                    return;
                }
                setStatus(tr("Storing %1 topics…").arg(count));
                m_records->saveSnapshot(snapshot, [guard = QPointer(this), name = snapshot.name,
                                                   count](qint64 id, const StorageError &error) {
                    if (!guard)
                        return;
                    if (error.isError()) {
                        guard->setStatus(
                            tr("The snapshot could not be stored: %1").arg(error.message), true);
                        return;
                    }
                    guard->setStatus(tr("Snapshot “%1” stored: %2 topics.").arg(name, count));
                    guard->m_name->clear();
                    guard->reload();
                    emit guard->snapshotTaken(id);
                });
            });
    }
    RetainedSnapshotTaker::Options options;
    options.filter = filter;
    options.name = name;
    setStatus(tr("Connecting to take a snapshot of %1…").arg(filter));
    m_taker->start(m_sources.first().settings, options);
    updateBusy();
}

void RetainedSnapshotDialog::compare()
{
    if (isBusy())
        return;
    m_sides[0] = sideOf(m_sideA);
    m_sides[1] = sideOf(m_sideB);
    for (const Side &side : m_sides)
        if (side.snapshotId == 0 && (side.source < 0 || side.source >= m_sources.size()))
            return;
    // A live side is asked for what a stored side holds (the same filter), or else for the
    // filter above.
    const auto storedFilter = [this]() -> std::optional<QString> {
        for (const Side &side : m_sides)
            for (const StoredRetainedSnapshot &s : std::as_const(m_snapshots))
                if (side.snapshotId != 0 && s.id == side.snapshotId)
                    return s.filter;
        return std::nullopt;
    };
    const QString filter = storedFilter().value_or(m_filter->text());
    if (const auto invalid = Topic::validateFilter(filter)) {
        setStatus(tr("The filter is not valid: %1").arg(invalid->message()), true);
        return;
    }
    ++m_generation;
    m_comparing = true;
    m_waiting = 2;
    m_sideResults[0].reset();
    m_sideResults[1].reset();
    m_diff->clear();
    setStatus(tr("Comparing under %1…").arg(filter));
    updateBusy();
    fetch(0, m_sides[0], filter);
    fetch(1, m_sides[1], filter);
}

void RetainedSnapshotDialog::fetch(int slot, const Side &side, const QString &filter)
{
    const int generation = m_generation;
    if (side.snapshotId != 0) {
        if (!m_records) {
            sideReady(slot, generation, std::nullopt, tr("no storage"));
            return;
        }
        m_records->loadSnapshot(
            side.snapshotId,
            [guard = QPointer(this), slot,
             generation](const std::optional<RetainedSnapshot> &snapshot, const QString &error) {
                if (guard)
                    guard->sideReady(slot, generation, snapshot, error);
            });
        return;
    }
    delete m_sideTakers[slot];
    auto *taker = new RetainedSnapshotTaker(this);
    m_sideTakers[slot] = taker;
    connect(taker, &RetainedSnapshotTaker::finished, this,
            [this, slot, generation](const RetainedSnapshot &snapshot) {
                sideReady(slot, generation, snapshot, QString());
            });
    connect(taker, &RetainedSnapshotTaker::failed, this,
            [this, slot, generation](const QString &error) {
                sideReady(slot, generation, std::nullopt, error);
            });
    RetainedSnapshotTaker::Options options;
    options.filter = filter;
    options.name = side.label;
    taker->start(m_sources.at(side.source).settings, options);
}

void RetainedSnapshotDialog::sideReady(int slot, int generation,
                                       const std::optional<RetainedSnapshot> &snapshot,
                                       const QString &error)
{
    if (generation != m_generation || !m_comparing)
        return;
    if (!snapshot) {
        for (RetainedSnapshotTaker *taker : m_sideTakers)
            if (taker)
                taker->cancel();
        ++m_generation;
        m_comparing = false;
        updateBusy();
        setStatus(tr("%1: %2").arg(m_sides[slot].label, error), true);
        return;
    }
    m_sideResults[slot] = snapshot;
    if (--m_waiting > 0)
        return;
    const RetainedSnapshot a = *m_sideResults[0];
    const RetainedSnapshot b = *m_sideResults[1];
    const QString aName = m_sides[0].label;
    const QString bName = m_sides[1].label;
    // A comparison of many thousand values (and their JSON keys) runs off the GUI thread.
    runInPool(
        this, [a, b] { return RetainedDiff::compare(a, b); },
        [generation, aName, bName](RetainedSnapshotDialog *self, const RetainedDiff &diff) {
            if (generation != self->m_generation)
                return;
            self->m_comparing = false;
            self->updateBusy();
            self->m_diff->setDiff(diff, aName, bName);
            self->setStatus(
                diff.isEqual()
                    ? tr("Compared: no differences.")
                    : tr("Compared: %1 differences.").arg(QLocale().toString(diff.changes.size())));
            emit self->compared();
        });
}

void RetainedSnapshotDialog::reject()
{
    if (!isBusy()) {
        QDialog::reject();
        return;
    }
    // Close while working stops the work; a second Close closes.
    if (m_taker)
        m_taker->cancel();
    for (RetainedSnapshotTaker *taker : m_sideTakers)
        if (taker)
            taker->cancel();
    ++m_generation;
    m_comparing = false;
    updateBusy();
    setStatus(tr("Stopped."));
}

void RetainedSnapshotDialog::renameSnapshot(int row, const QString &name)
{
    if (!m_records || row < 0 || row >= m_snapshots.size() || name.trimmed().isEmpty())
        return;
    m_records->renameSnapshot(
        m_snapshots.at(row).id, name.trimmed(),
        [guard = QPointer(this)](const StorageError &error) {
            if (!guard)
                return;
            if (error.isError())
                guard->setStatus(tr("Cannot rename the snapshot: %1").arg(error.message), true);
            guard->reload();
        });
}

void RetainedSnapshotDialog::removeSnapshot(int row)
{
    if (!m_records || row < 0 || row >= m_snapshots.size())
        return;
    const StoredRetainedSnapshot &s = m_snapshots.at(row);
    if (!Prompts::confirmDestructive(this, tr("Delete snapshot"),
                                     tr("Delete the snapshot “%1” (%2 topics)? This cannot be "
                                        "undone.")
                                         .arg(s.name, QLocale().toString(s.topicCount)),
                                     tr("Delete")))
        return;
    m_records->removeSnapshot(s.id, [guard = QPointer(this)](const StorageError &error) {
        if (!guard)
            return;
        if (error.isError())
            guard->setStatus(tr("Cannot delete the snapshot: %1").arg(error.message), true);
        guard->reload();
    });
}

void RetainedSnapshotDialog::exportSnapshot(int row, const QString &path)
{
    if (!m_records || row < 0 || row >= m_snapshots.size() || path.isEmpty())
        return;
    m_records->loadSnapshot(
        m_snapshots.at(row).id,
        [guard = QPointer(this), path](const std::optional<RetainedSnapshot> &snapshot,
                                       const QString &error) {
            if (!guard)
                return;
            if (!snapshot) {
                guard->setStatus(tr("Cannot export the snapshot: %1").arg(error), true);
                return;
            }
            runInPool(
                guard.data(), [snapshot, path] { return snapshot->writeFile(path); },
                [path](RetainedSnapshotDialog *self, const std::optional<QString> &failure) {
                    if (failure)
                        self->setStatus(tr("Cannot export the snapshot: %1").arg(*failure), true);
                    else
                        self->setStatus(tr("Exported to %1.").arg(path));
                });
        });
}

void RetainedSnapshotDialog::importSnapshot(const QString &path)
{
    if (!m_records || path.isEmpty())
        return;
    using Read = std::variant<RetainedSnapshot, RetainedSnapshotError>;
    runInPool(
        this, [path] { return Read(RetainedSnapshot::readFile(path)); },
        [](RetainedSnapshotDialog *self, const Read &read) {
            if (const auto *error = std::get_if<RetainedSnapshotError>(&read)) {
                self->setStatus(tr("Cannot import the snapshot: %1").arg(error->toString()), true);
                return;
            }
            const RetainedSnapshot &snapshot = std::get<RetainedSnapshot>(read);
            if (!self->m_records)
                return;
            self->m_records->saveSnapshot(snapshot, [guard = QPointer(self), name = snapshot.name,
                                                     count = int(snapshot.topics.size())](
                                                        qint64 id, const StorageError &error) {
                if (!guard)
                    return;
                if (error.isError()) {
                    guard->setStatus(tr("The snapshot could not be stored: %1").arg(error.message),
                                     true);
                    return;
                }
                guard->setStatus(
                    tr("Imported “%1”: %2 topics.").arg(name, QLocale().toString(count)));
                guard->reload();
                emit guard->snapshotTaken(id);
            });
        });
}

void RetainedSnapshotDialog::askRename()
{
    const int row = currentRow();
    if (row < 0)
        return;
    const auto name =
        Prompts::text(this, tr("Rename snapshot"), tr("Name:"), m_snapshots.at(row).name);
    if (name)
        renameSnapshot(row, *name);
}

void RetainedSnapshotDialog::askRemove()
{
    removeSnapshot(currentRow());
}

void RetainedSnapshotDialog::askExport()
{
    const int row = currentRow();
    if (row < 0)
        return;
    QString suggestion = m_snapshots.at(row).name;
    suggestion.replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9._-]+")), QStringLiteral("-"));
    const QString path =
        Prompts::saveFileName(this, tr("Export snapshot"), suggestion + QStringLiteral(".json"),
                              tr("Retained snapshots (*.json)"));
    exportSnapshot(row, path);
}

void RetainedSnapshotDialog::askImport()
{
    const QString path = Prompts::openFileName(this, tr("Import snapshot"), QString(),
                                               tr("Retained snapshots (*.json);;All files (*)"));
    importSnapshot(path);
}

} // namespace mqttdesk
