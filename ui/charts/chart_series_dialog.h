#pragma once

#include "core/series/value_extractor.h"
#include "ui/i18n/retranslator.h"

#include <QDialog>
#include <QJsonObject>
#include <QString>

#include <optional>

class QCheckBox;
class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace mqttdesk {

// One series of a chart as the user defines it: which messages (a topic filter, wildcards
// allowed) and how a number is read from each (an ExtractorSpec). perTopic: one line per
// matching topic instead of one merged line. (To move to core/series with the chart panel.)
struct ChartSeriesSpec
{
    QString name; // empty: named after the filter and the path
    QString topicFilter;
    ExtractorSpec extractor;
    bool perTopic = false;

    // {"name": ..., "topicFilter": ..., "extractor": {...}, "perTopic": true}
    QJsonObject toJson() const;
    // Nothing, with `why` set (translated), when a field has the wrong type, the filter is
    // not a valid MQTT filter or the extractor is not valid (ExtractorSpec::fromJson).
    static std::optional<ChartSeriesSpec> fromJson(const QJsonObject &json, QString *why = nullptr);
    // The name shown: `name`, else the filter and what is read from it.
    QString displayName() const;
    friend bool operator==(const ChartSeriesSpec &, const ChartSeriesSpec &) = default;
};

// Adds or edits one chart series: its name, topic filter, what to read (the payload as a
// number, a JSON path, an element of a numeric array, or a field of a decoded payload), the
// scale, offset and unit, and whether each topic gets a line of its own. Every field is
// checked as it is typed; the problem is shown under the fields and OK stays disabled until
// the series can be read.
class ChartSeriesDialog : public QDialog
{
    Q_OBJECT
public:
    explicit ChartSeriesDialog(QWidget *parent = nullptr);

    void setSpec(const ChartSeriesSpec &spec);
    // What the fields say (valid or not: see problem()).
    ChartSeriesSpec spec() const;
    // Why the series cannot be used; empty when it can.
    QString problem() const;

    QPushButton *okButton() const { return m_ok; }
    QLineEdit *nameEdit() const { return m_name; }
    QLineEdit *filterEdit() const { return m_filter; }
    QComboBox *kindCombo() const { return m_kind; }
    QComboBox *decoderCombo() const { return m_decoder; }
    QLineEdit *pathEdit() const { return m_path; }
    QLineEdit *metricEdit() const { return m_metric; }
    QSpinBox *indexSpin() const { return m_index; }
    QLineEdit *layoutEdit() const { return m_layout; }
    QLineEdit *scaleEdit() const { return m_scale; }
    QLineEdit *offsetEdit() const { return m_offset; }
    QLineEdit *unitEdit() const { return m_unit; }
    QCheckBox *perTopicCheck() const { return m_perTopic; }
    QLabel *problemLabel() const { return m_problem; }

    // "int16be:4" for a layout, the reverse of NumericArrayDecoder::Layout::fromSpec().
    static QString layoutSpec(const QJsonObject &layoutJson);

protected:
    void changeEvent(QEvent *event) override;

private:
    void onKindChanged();
    void validate();
    // The number in an edit (the C locale or the user's); nothing when it is not one.
    static std::optional<double> number(const QLineEdit *edit);

    QFormLayout *m_form;
    QLineEdit *m_name;
    QLineEdit *m_filter;
    QComboBox *m_kind;
    QComboBox *m_decoder;
    QLineEdit *m_path;
    QLineEdit *m_metric;
    QSpinBox *m_index;
    QLineEdit *m_layout;
    QLineEdit *m_scale;
    QLineEdit *m_offset;
    QLineEdit *m_unit;
    QCheckBox *m_perTopic;
    QLabel *m_problem;
    QPushButton *m_ok = nullptr;
    QJsonObject m_decodedOptions; // setSpec()'s decoder options, while m_decodedOptionsFor
    QString m_decodedOptionsFor;  // is chosen
    Retranslator m_texts;
};

} // namespace mqttdesk
