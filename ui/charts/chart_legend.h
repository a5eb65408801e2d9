#pragma once

#include <QColor>
#include <QList>
#include <QScrollArea>
#include <QString>

class QCheckBox;
class QHBoxLayout;

namespace mqttdesk {

// The chart's legend: one checkable entry per line, its colour as a swatch, in a strip that
// scrolls sideways when the lines do not fit. Ticking an entry shows its line, unticking
// hides it; the entries are ordinary check boxes, so Tab and Space reach every one and a
// screen reader reads each name and state.
class ChartLegend : public QScrollArea
{
    Q_OBJECT
public:
    struct Entry
    {
        QString name;
        QColor colour;
        bool visible = true;
        QString detail; // the tooltip: what the line plots
        friend bool operator==(const Entry &, const Entry &) = default;
    };

    explicit ChartLegend(QWidget *parent = nullptr);

    // Keeps the existing check boxes where it can (focus stays where it was).
    void setEntries(const QList<Entry> &entries);
    int count() const { return int(m_boxes.size()); }
    QCheckBox *entry(int index) const { return m_boxes.value(index); }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

signals:
    void visibilityToggled(int index, bool visible);

protected:
    void changeEvent(QEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void applyEntry(int index);

    QWidget *m_strip;
    QHBoxLayout *m_layout;
    QList<QCheckBox *> m_boxes;
    QList<Entry> m_entries;
};

} // namespace mqttdesk
