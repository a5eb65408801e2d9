#pragma once

#include "ui/i18n/retranslator.h"

#include <QFrame>
#include <QJsonObject>

class QLabel;
class QToolButton;

namespace mqttdesk {

class ChartsView;
class SeriesLoader;

// One panel of the Charts page: a header (the panel's title, its series' names or "Chart N"
// while it has none, and a button that removes the panel) over a ChartsView, which it owns.
// The page says which panel is current ("Chart this" adds there): its title is bold.
class ChartPanelFrame : public QFrame
{
    Q_OBJECT
public:
    ChartPanelFrame(SeriesLoader *loader, qint64 profileId, QWidget *parent = nullptr);

    ChartsView *view() const { return m_view; }
    QLabel *titleLabel() const { return m_title; }
    QToolButton *removeButton() const { return m_remove; }

    // The panel's place on the page, from 1: "Chart N" when it has no series.
    void setNumber(int number);
    int number() const { return m_number; }
    void setCurrent(bool current);
    bool isCurrent() const { return m_current; }
    // Its series' names, or "Chart N".
    QString title() const;

    // ChartsView::restore(), with the title following (restoring is not a change).
    void restore(const QJsonObject &json);

signals:
    void removeRequested();
    // A click on the panel's header or frame (the chart's own widgets take focus).
    void activated();

protected:
    void changeEvent(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;

private:
    void updateTitle();

    ChartsView *m_view = nullptr;
    QLabel *m_title = nullptr;
    QToolButton *m_remove = nullptr;
    int m_number = 1;
    bool m_current = false;
    Retranslator m_texts;
};

} // namespace mqttdesk
