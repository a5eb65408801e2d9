#include "ui/mainwindow/keyboard_actions.h"

#include "ui/mainwindow/window_actions.h"
#include "ui/theme/palette_icon.h"

#include "ui/connections/connection_list_model.h"
#include "ui/connections/connection_sidebar.h"
#include "ui/connections/connection_workspace.h"
#include "ui/publish/publish_bar.h"
#include "ui/stream/connection_view.h"
#include "ui/stream/message_stream_view.h"

#include <QAction>
#include <QKeySequence>
#include <QLineEdit>
#include <QStackedWidget>
#include <QTabWidget>
#include <QToolButton>
#include <QTreeView>
#include <QWidget>

#include <functional>

namespace mqttdesk {

KeyboardActions::KeyboardActions(QWidget *window, ConnectionSidebar *sidebar,
                                 ConnectionListModel *model, ConnectionWorkspace *workspace)
    : QObject(window)
    , m_sidebar(sidebar)
    , m_model(model)
    , m_workspace(workspace)
{
    focusPublishTopic = WindowActions::make(window, {QKeySequence(Qt::CTRL | Qt::Key_T)},
                                            QStringLiteral("actionFocusTopic"));
    focusSearch =
        WindowActions::make(window, {QKeySequence::Find}, QStringLiteral("actionFocusSearch"));
    // Not End alone: lists and text fields keep End (the stream's list goes to its last row).
    jumpToNewest = WindowActions::make(window, {QKeySequence(Qt::CTRL | Qt::Key_End)},
                                       QStringLiteral("actionJumpToNewest"));
    compactMode = WindowActions::make(window, {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C)},
                                      QStringLiteral("actionCompactMode"));
    compactMode->setCheckable(true);
    nextConnection = WindowActions::make(window, {QKeySequence(Qt::CTRL | Qt::Key_PageDown)},
                                         QStringLiteral("actionNextConnection"));
    previousConnection = WindowActions::make(window, {QKeySequence(Qt::CTRL | Qt::Key_PageUp)},
                                             QStringLiteral("actionPreviousConnection"));
    openSettings = WindowActions::make(window, {QKeySequence(Qt::CTRL | Qt::Key_Comma)},
                                       QStringLiteral("actionSettings"),
                                       PaletteIcon::fromName(QStringLiteral("settings")));
    openSettings->setMenuRole(QAction::PreferencesRole);
    keyboardShortcuts = WindowActions::make(
        window, {QKeySequence(Qt::Key_F1), QKeySequence(Qt::CTRL | Qt::Key_Slash)},
        QStringLiteral("actionKeyboardShortcuts"));

    connect(focusPublishTopic, &QAction::triggered, this, [this] {
        if (ConnectionView *view = shownView()) {
            QLineEdit *topic = view->publishBar()->topicEdit();
            topic->setFocus(Qt::ShortcutFocusReason);
            topic->selectAll();
        }
    });
    connect(focusSearch, &QAction::triggered, this, [this] {
        if (ConnectionView *view = showStream()) {
            QLineEdit *search = view->streamView()->searchEdit();
            search->setFocus(Qt::ShortcutFocusReason);
            search->selectAll();
        }
    });
    connect(jumpToNewest, &QAction::triggered, this, [this] {
        if (ConnectionView *view = showStream())
            view->streamView()->jumpToNewest();
    });
    connect(compactMode, &QAction::triggered, this, [this](bool on) {
        if (ConnectionView *view = showStream())
            view->streamView()->setCompact(on);
    });
    connect(nextConnection, &QAction::triggered, this, [this] { selectNeighbour(1); });
    connect(previousConnection, &QAction::triggered, this, [this] { selectNeighbour(-1); });

    connect(m_workspace->stack(), &QStackedWidget::currentChanged, this, &KeyboardActions::update);
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(m_model, signal, this, &KeyboardActions::update);
    connect(m_model, &QAbstractItemModel::modelReset, this, &KeyboardActions::update);
    connect(m_model, &QAbstractItemModel::layoutChanged, this, &KeyboardActions::update);
    retranslate();
    update();
}

void KeyboardActions::retranslate()
{
    WindowActions::setText(focusPublishTopic, tr("Focus publish &topic"));
    WindowActions::setText(focusSearch, tr("Focus &search"));
    WindowActions::setText(jumpToNewest, tr("&Jump to newest message"));
    WindowActions::setText(compactMode, tr("&Compact stream"));
    WindowActions::setText(nextConnection, tr("&Next connection"));
    WindowActions::setText(previousConnection, tr("&Previous connection"));
    WindowActions::setText(keyboardShortcuts, tr("&Keyboard shortcuts…"));
    WindowActions::setText(openSettings, tr("&Settings…"));
}

ConnectionView *KeyboardActions::shownView() const
{
    return qobject_cast<ConnectionView *>(m_workspace->stack()->currentWidget());
}

ConnectionView *KeyboardActions::showStream() const
{
    ConnectionView *view = shownView();
    if (view && view->views()->currentWidget() != view->streamView())
        view->views()->setCurrentWidget(view->streamView());
    return view;
}

void KeyboardActions::update()
{
    ConnectionView *view = shownView();
    for (QAction *a : {focusPublishTopic, focusSearch, jumpToNewest, compactMode})
        a->setEnabled(view != nullptr);
    disconnect(m_compactSync);
    compactMode->setChecked(view && view->streamView()->isCompact());
    if (view)
        m_compactSync = connect(view->streamView()->compactButton(), &QToolButton::toggled,
                                compactMode, &QAction::setChecked);
    // Somewhere to go: another connection, or one when none is selected.
    const qsizetype count = profileOrder().size();
    const bool any = count > 1 || (count == 1 && m_sidebar->selectedProfileId() == 0);
    nextConnection->setEnabled(any);
    previousConnection->setEnabled(any);
}

QList<qint64> KeyboardActions::profileOrder() const
{
    QList<qint64> order;
    std::function<void(const QModelIndex &)> walk = [&](const QModelIndex &parent) {
        for (int row = 0; row < m_model->rowCount(parent); ++row) {
            const QModelIndex index = m_model->index(row, 0, parent);
            if (const qint64 id = m_model->profileIdAt(index))
                order.append(id);
            else
                walk(index);
        }
    };
    walk({});
    return order;
}

void KeyboardActions::selectNeighbour(int step)
{
    const QList<qint64> order = profileOrder();
    if (order.isEmpty())
        return;
    const qsizetype at = order.indexOf(m_sidebar->selectedProfileId());
    qsizetype next = 0;
    if (at < 0)
        next = step > 0 ? 0 : order.size() - 1;
    else
        next = (at + step + order.size()) % order.size();
    m_sidebar->select(order.at(next));
    // A connection inside a collapsed folder is shown (scrollTo expands its folder).
    m_sidebar->view()->scrollTo(m_sidebar->view()->currentIndex());
}

} // namespace mqttdesk
