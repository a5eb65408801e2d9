#pragma once

#include "core/publishjob/publish_job_list_model.h"
#include "ui/i18n/retranslator.h"

#include <QPointer>
#include <QWidget>

class QLabel;
class QPushButton;
class QStackedWidget;
class QTableView;

namespace mqttdesk {

// The timed sends of a connection: a table of its PublishJobListModel (state, counts, rate,
// last error) with Stop (the selected jobs), Stop all and Clear ended, each enabled only when
// it has something to do. Without rows it shows a note on how to start one instead.
class PublishJobsView : public QWidget
{
    Q_OBJECT
public:
    explicit PublishJobsView(QWidget *parent = nullptr);
    ~PublishJobsView() override;

    // Not taken: the model stays its owner's (nullptr: none).
    void setModel(PublishJobListModel *model);
    PublishJobListModel *model() const { return m_model; }

    QTableView *table() const { return m_table; }
    QPushButton *stopButton() const { return m_stop; }
    QPushButton *stopAllButton() const { return m_stopAll; }
    QPushButton *clearEndedButton() const { return m_clearEnded; }
    QLabel *emptyLabel() const { return m_empty; }

    // The rows selected in the table, in order.
    QList<int> selectedRows() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void stopSelected();
    void updateState();

    QPointer<PublishJobListModel> m_model;
    QStackedWidget *m_stack;
    QTableView *m_table;
    QLabel *m_empty;
    QPushButton *m_stop;
    QPushButton *m_stopAll;
    QPushButton *m_clearEnded;
    QList<QMetaObject::Connection> m_modelConnections;
    Retranslator m_texts;
};

} // namespace mqttdesk
