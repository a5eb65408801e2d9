#include "ui/dialogs/keyboard_shortcuts_dialog.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QEvent>
#include <QHeaderView>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QSet>
#include <QToolBar>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace mqttdesk {

namespace {

QString keysText(const QList<QKeySequence> &keys)
{
    QStringList texts;
    for (const QKeySequence &k : keys)
        if (!k.isEmpty())
            texts << k.toString(QKeySequence::NativeText);
    return texts.join(QStringLiteral(", "));
}

QString plain(const QString &text)
{
    // A Chinese text carries its mnemonic as "(&N)": that goes whole.
    static const QRegularExpression mnemonic(QStringLiteral("\\(&[^)]\\)"));
    return QString(text)
        .remove(mnemonic)
        .remove(QLatin1Char('&'))
        .remove(QStringLiteral("…"))
        .trimmed();
}

// The actions of `menu` and its submenus that have a shortcut, in menu order.
void collect(const QMenu *menu, QList<QAction *> &out, QSet<const QAction *> &seen)
{
    for (QAction *a : menu->actions()) {
        if (a->isSeparator() || seen.contains(a))
            continue;
        seen.insert(a);
        if (a->menu())
            collect(a->menu(), out, seen);
        else if (!a->shortcut().isEmpty())
            out.append(a);
    }
}

struct FixedEntry
{
    QString text;
    QList<QKeySequence> keys;
};

struct FixedGroup
{
    QString title;
    QList<FixedEntry> entries;
};

// Keys single widgets handle themselves, not through the window's actions.
QList<FixedGroup> widgetShortcuts()
{
    using K = QKeySequence;
    const K ctrlReturn(Qt::CTRL | Qt::Key_Return);
    const K ctrlEnter(Qt::CTRL | Qt::Key_Enter);
    return {
        {KeyboardShortcutsDialog::tr("Publish bar"),
         {{KeyboardShortcutsDialog::tr("Send the message"), {ctrlReturn, ctrlEnter}}}},
        {KeyboardShortcutsDialog::tr("Stream"),
         {{KeyboardShortcutsDialog::tr("Open the selected message's payload"),
           {K(Qt::Key_Return), K(Qt::Key_Enter)}},
          {KeyboardShortcutsDialog::tr("Expand or collapse the selected message"),
           {K(Qt::Key_Space)}},
          {KeyboardShortcutsDialog::tr("Copy the selected message's payload"), {K(K::Copy)}},
          {KeyboardShortcutsDialog::tr("Go to the last loaded message"), {K(Qt::Key_End)}}}},
        {KeyboardShortcutsDialog::tr("Publish tab"),
         {{KeyboardShortcutsDialog::tr("Send the template's next message"),
           {ctrlReturn, ctrlEnter}},
          {KeyboardShortcutsDialog::tr("Send the selected template (in the library)"),
           {K(Qt::Key_Return), K(Qt::Key_Enter)}},
          {KeyboardShortcutsDialog::tr("Delete the selected template (in the library)"),
           {K(K::Delete)}}}},
        {KeyboardShortcutsDialog::tr("Payload viewer"),
         {{KeyboardShortcutsDialog::tr("Search the JSON tree"), {K(K::Find)}},
          {KeyboardShortcutsDialog::tr("Next / previous match"),
           {K(K::FindNext), K(K::FindPrevious)}},
          {KeyboardShortcutsDialog::tr("Copy the selected value"), {K(K::Copy)}},
          {KeyboardShortcutsDialog::tr("Copy the selected value's path"),
           {K(Qt::CTRL | Qt::SHIFT | Qt::Key_C)}}}},
        {KeyboardShortcutsDialog::tr("Compare payloads"),
         {{KeyboardShortcutsDialog::tr("Next / previous difference"),
           {K(Qt::Key_F7), K(Qt::SHIFT | Qt::Key_F7)}}}},
    };
}

} // namespace

KeyboardShortcutsDialog::KeyboardShortcutsDialog(QWidget *window, QWidget *parent)
    : QDialog(parent)
    , m_window(window)
    , m_filter(new QLineEdit(this))
    , m_tree(new QTreeWidget(this))
{
    setObjectName(QStringLiteral("keyboardShortcutsDialog"));
    m_filter->setObjectName(QStringLiteral("shortcutFilter"));
    m_filter->setClearButtonEnabled(true);
    auto *filterLabel = new QLabel(this);
    filterLabel->setBuddy(m_filter);

    m_tree->setObjectName(QStringLiteral("shortcutTree"));
    m_tree->setColumnCount(2);
    m_tree->setRootIsDecorated(false);
    m_tree->setItemsExpandable(false);
    m_tree->setUniformRowHeights(true);
    m_tree->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_tree->setSelectionMode(QAbstractItemView::SingleSelection);
    m_tree->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_tree->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_tree->header()->setStretchLastSection(false);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_close = buttons->button(QDialogButtonBox::Close);
    // Enter in the filter field does not close the dialog.
    m_close->setAutoDefault(false);
    m_close->setDefault(false);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_filter, &QLineEdit::textChanged, this, &KeyboardShortcutsDialog::applyFilter);

    auto *filterRow = new QHBoxLayout;
    filterRow->addWidget(filterLabel);
    filterRow->addWidget(m_filter, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(filterRow);
    layout->addWidget(m_tree, 1);
    layout->addWidget(buttons);
    setTabOrder(m_filter, m_tree);
    setTabOrder(m_tree, m_close);

    m_texts.add([=, this] {
        setWindowTitle(tr("Keyboard shortcuts"));
        filterLabel->setText(tr("&Filter:"));
        m_filter->setPlaceholderText(tr("action or key, e.g. Ctrl+F"));
        m_filter->setAccessibleName(tr("Filter shortcuts"));
        m_tree->setHeaderLabels({tr("Action"), tr("Shortcut")});
        m_tree->setAccessibleName(tr("Keyboard shortcuts"));
        m_close->setAccessibleName(tr("Close"));
    });
    rebuild();
    resize(560, 620);
    m_filter->setFocus();
}

QString KeyboardShortcutsDialog::actionText(const QAction *action)
{
    const QString text = plain(action->text());
    if (action->shortcutContext() != Qt::WidgetWithChildrenShortcut &&
        action->shortcutContext() != Qt::WidgetShortcut)
        return text;
    // A key that works only in one part of the window (Delete and F2 on connections: the
    // sidebar) says where; elsewhere the key belongs to the focused widget.
    for (const QObject *object : action->associatedObjects()) {
        const auto *widget = qobject_cast<const QWidget *>(object);
        if (!widget || qobject_cast<const QMenu *>(widget) ||
            qobject_cast<const QToolBar *>(widget))
            continue;
        const QString where = widget->accessibleName();
        if (!where.isEmpty())
            return tr("%1 (in %2)").arg(text, where);
    }
    return text;
}

void KeyboardShortcutsDialog::rebuild()
{
    m_tree->clear();
    auto addGroup = [this](const QString &title) {
        auto *group = new QTreeWidgetItem(m_tree, {title});
        group->setFirstColumnSpanned(true);
        group->setFlags(Qt::ItemIsEnabled);
        QFont bold = group->font(0);
        bold.setBold(true);
        group->setFont(0, bold);
        return group;
    };
    auto addRow = [](QTreeWidgetItem *group, const QString &text, const QString &keys) {
        auto *row = new QTreeWidgetItem(group, {text, keys});
        row->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
        // Read as one: "New connection, Ctrl+N".
        row->setData(0, Qt::AccessibleTextRole, QStringLiteral("%1, %2").arg(text, keys));
    };

    QSet<const QAction *> seen;
    if (m_window) {
        // The window's menus, in menu bar order.
        if (const auto *bar = m_window->findChild<QMenuBar *>()) {
            for (QAction *top : bar->actions()) {
                if (!top->menu())
                    continue;
                QList<QAction *> actions;
                collect(top->menu(), actions, seen);
                if (actions.isEmpty())
                    continue;
                QTreeWidgetItem *group = addGroup(plain(top->text()));
                for (QAction *a : std::as_const(actions))
                    addRow(group, actionText(a), keysText(a->shortcuts()));
            }
        }
        // Window actions in no menu.
        QList<QAction *> others;
        for (QAction *a : m_window->actions())
            if (!seen.contains(a) && !a->shortcut().isEmpty() && !a->text().isEmpty())
                others.append(a);
        if (!others.isEmpty()) {
            QTreeWidgetItem *group = addGroup(tr("Window"));
            for (QAction *a : std::as_const(others))
                addRow(group, actionText(a), keysText(a->shortcuts()));
        }
    }
    for (const FixedGroup &fixed : widgetShortcuts()) {
        QTreeWidgetItem *group = addGroup(fixed.title);
        for (const FixedEntry &entry : fixed.entries)
            addRow(group, entry.text, keysText(entry.keys));
    }
    m_tree->expandAll();
    applyFilter();
}

void KeyboardShortcutsDialog::applyFilter()
{
    const QStringList words = m_filter->text().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    auto matches = [&words](const QString &text) {
        for (const QString &w : words)
            if (!text.contains(w, Qt::CaseInsensitive))
                return false;
        return true;
    };
    for (int g = 0; g < m_tree->topLevelItemCount(); ++g) {
        QTreeWidgetItem *group = m_tree->topLevelItem(g);
        int shown = 0;
        for (int r = 0; r < group->childCount(); ++r) {
            QTreeWidgetItem *row = group->child(r);
            const bool match = matches(
                QStringList{group->text(0), row->text(0), row->text(1)}.join(QLatin1Char(' ')));
            row->setHidden(!match);
            shown += match ? 1 : 0;
        }
        group->setHidden(shown == 0);
    }
}

QStringList KeyboardShortcutsDialog::visibleRows() const
{
    QStringList rows;
    for (int g = 0; g < m_tree->topLevelItemCount(); ++g) {
        const QTreeWidgetItem *group = m_tree->topLevelItem(g);
        if (group->isHidden())
            continue;
        for (int r = 0; r < group->childCount(); ++r) {
            const QTreeWidgetItem *row = group->child(r);
            if (!row->isHidden())
                rows << QStringList{group->text(0), row->text(0), row->text(1)}.join(
                    QLatin1Char('\t'));
        }
    }
    return rows;
}

void KeyboardShortcutsDialog::changeEvent(QEvent *event)
{
    if (m_texts.handle(event)) {
        // After the window has retranslated its actions (it gets the same event).
        QMetaObject::invokeMethod(this, &KeyboardShortcutsDialog::rebuild, Qt::QueuedConnection);
    }
    QDialog::changeEvent(event);
}

} // namespace mqttdesk
