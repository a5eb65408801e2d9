#pragma once

#include "core/inspector/json_tree_model.h"
#include "ui/i18n/retranslator.h"
#include "ui/widgets/worker_job.h"

#include <QPointer>
#include <QWidget>

class QLabel;
class QLineEdit;
class QMenu;
class QToolButton;
class QTreeView;

namespace mqttdesk {

// The inspector's JSON tree: a payload (or a decoder's JSON rendering) as keys, types and
// values to expand and collapse, with copy value / copy path and a search through keys and
// values. Parsing and searching run on a worker thread; the tree only makes the rows it
// shows, so a payload of many megabytes opens without a stall.
class JsonTreeView : public QWidget
{
    Q_OBJECT
public:
    static constexpr int kMaxHits = 10000;

    explicit JsonTreeView(QWidget *parent = nullptr);
    ~JsonTreeView() override;

    // Parses `json` off the GUI thread; loaded() tells when the tree shows it.
    void setJson(const QByteArray &json);
    bool isLoaded() const { return m_loaded; }
    // Why the text is not JSON (empty when it is).
    const QString &parseError() const { return m_parseError; }

    JsonTreeModel *model() const { return m_model; }
    QTreeView *tree() const { return m_tree; }
    QLineEdit *searchField() const { return m_search; }
    // The search's hits and which one is current (-1: none).
    qsizetype hitCount() const { return m_hits.size(); }
    int currentHit() const { return m_currentHit; }

    void copyValue();
    void copyPath();

    // Offers "Chart this" on values a chart reads as numbers (chartRequested()); off unless
    // whoever shows the tree can chart.
    void setChartable(bool chartable) { m_chartable = chartable; }
    bool isChartable() const { return m_chartable; }
    // A number, a string holding one, true or false: what a chart's JSON path reads.
    bool canChart(const QModelIndex &index) const;
    // The context menu for a row (tests drive it); deleted when closed.
    QMenu *contextMenuFor(const QModelIndex &index);
    void findNext();
    void findPrevious();

signals:
    void loaded(bool ok);
    void searched();
    // "Chart this" on a value: its path, as Copy path gives it.
    void chartRequested(const QString &path);

protected:
    void changeEvent(QEvent *event) override;

private:
    void startSearch();
    void goToHit(int hit);
    void updateHitLabel();
    void showContextMenu(const QPoint &pos);

    JsonTreeModel *m_model = nullptr;
    QTreeView *m_tree = nullptr;
    QLineEdit *m_search = nullptr;
    QToolButton *m_previous = nullptr;
    QToolButton *m_next = nullptr;
    QLabel *m_hitLabel = nullptr;
    QLabel *m_error = nullptr;
    QToolButton *m_copyValue = nullptr;
    QToolButton *m_copyPath = nullptr;
    QList<quint32> m_hits; // JsonIndex nodes
    int m_currentHit = -1;
    bool m_loaded = false;
    bool m_hitsCut = false;
    bool m_chartable = false;
    QString m_parseError;
    quint64 m_parseGeneration = 0;
    quint64 m_searchGeneration = 0;
    WorkerJob m_parser;
    WorkerJob m_searcher;
    Retranslator m_texts;
};

} // namespace mqttdesk
