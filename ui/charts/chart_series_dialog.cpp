#include "ui/charts/chart_series_dialog.h"

#include "core/payload/numeric_array_decoder.h"
#include "core/protocol/topic.h"
#include "ui/theme/theme.h"
#include "ui/widgets/decoder_combo.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QJsonValue>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include <cmath>

namespace mqttdesk {

namespace {

const QString kName = QStringLiteral("name");
const QString kTopicFilter = QStringLiteral("topicFilter");
const QString kExtractor = QStringLiteral("extractor");
const QString kPerTopic = QStringLiteral("perTopic");

using Kind = ExtractorSpec::Kind;

QString formatNumber(double value)
{
    return QString::number(value, 'g', QLocale::FloatingPointShortest);
}

} // namespace

// ---- ChartSeriesSpec --------------------------------------------------------------------

QJsonObject ChartSeriesSpec::toJson() const
{
    QJsonObject json{{kTopicFilter, topicFilter}, {kExtractor, extractor.toJson()}};
    if (!name.isEmpty())
        json.insert(kName, name);
    if (perTopic)
        json.insert(kPerTopic, true);
    return json;
}

std::optional<ChartSeriesSpec> ChartSeriesSpec::fromJson(const QJsonObject &json, QString *why)
{
    auto fail = [why](const QString &text) -> std::optional<ChartSeriesSpec> {
        if (why)
            *why = text;
        return std::nullopt;
    };
    if ((json.contains(kName) && !json.value(kName).isString()) ||
        !json.value(kTopicFilter).isString())
        return fail(ChartSeriesDialog::tr("A series needs a topic filter and a name as text."));
    if (json.contains(kPerTopic) && !json.value(kPerTopic).isBool())
        return fail(ChartSeriesDialog::tr("'%1' must be true or false.").arg(kPerTopic));
    if (!json.value(kExtractor).isObject())
        return fail(ChartSeriesDialog::tr("A series needs an extractor object."));
    ChartSeriesSpec spec;
    spec.name = json.value(kName).toString();
    spec.topicFilter = json.value(kTopicFilter).toString();
    spec.perTopic = json.value(kPerTopic).toBool(false);
    if (const auto error = Topic::validateFilter(spec.topicFilter))
        return fail(error->message());
    const auto extractor = ExtractorSpec::fromJson(json.value(kExtractor).toObject(), why);
    if (!extractor)
        return std::nullopt;
    spec.extractor = *extractor;
    return spec;
}

QString ChartSeriesSpec::displayName() const
{
    if (!name.isEmpty())
        return name;
    switch (extractor.kind) {
    case Kind::Text:
        return topicFilter;
    case Kind::Decoded:
        if (!extractor.metric.isEmpty())
            return QStringLiteral("%1 %2").arg(topicFilter, extractor.metric);
        [[fallthrough]];
    case Kind::JsonPath:
        return QStringLiteral("%1 %2").arg(topicFilter, extractor.path);
    case Kind::NumericArray:
        return QStringLiteral("%1 [%2]").arg(topicFilter).arg(extractor.index);
    }
    return topicFilter;
}

// ---- ChartSeriesDialog ------------------------------------------------------------------

ChartSeriesDialog::ChartSeriesDialog(QWidget *parent)
    : QDialog(parent)
    , m_form(new QFormLayout)
    , m_name(new QLineEdit(this))
    , m_filter(new QLineEdit(this))
    , m_kind(new QComboBox(this))
    , m_decoder(new QComboBox(this))
    , m_path(new QLineEdit(this))
    , m_metric(new QLineEdit(this))
    , m_index(new QSpinBox(this))
    , m_layout(new QLineEdit(this))
    , m_scale(new QLineEdit(this))
    , m_offset(new QLineEdit(this))
    , m_unit(new QLineEdit(this))
    , m_perTopic(new QCheckBox(this))
    , m_problem(new QLabel(this))
{
    setObjectName(QStringLiteral("chartSeriesDialog"));
    m_name->setObjectName(QStringLiteral("series.name"));
    m_filter->setObjectName(QStringLiteral("series.filter"));
    m_kind->setObjectName(QStringLiteral("series.kind"));
    m_decoder->setObjectName(QStringLiteral("series.decoder"));
    m_path->setObjectName(QStringLiteral("series.path"));
    m_metric->setObjectName(QStringLiteral("series.metric"));
    m_index->setObjectName(QStringLiteral("series.index"));
    m_layout->setObjectName(QStringLiteral("series.layout"));
    m_scale->setObjectName(QStringLiteral("series.scale"));
    m_offset->setObjectName(QStringLiteral("series.offset"));
    m_unit->setObjectName(QStringLiteral("series.unit"));
    m_perTopic->setObjectName(QStringLiteral("series.perTopic"));
    m_problem->setObjectName(QStringLiteral("series.problem"));
    Theme::setTextRole(m_problem, Theme::Text::Error);
    m_problem->setWordWrap(true);
    m_problem->setVisible(false);

    for (int i = 0; i < 4; ++i)
        m_kind->addItem(QString(), i);
    DecoderCombo::fill(m_decoder);
    // First and chosen: what the connection's decoding rules make of each topic, as the
    // stream shows it.
    m_decoder->insertItem(0, QString(), QString(ExtractorSpec::kRulesDecoder));
    m_decoder->setCurrentIndex(0);
    m_index->setRange(0, 1 << 24);
    m_scale->setText(QStringLiteral("1"));
    m_offset->setText(QStringLiteral("0"));
    m_layout->setText(QStringLiteral("float32le"));

    // Each row's label is the buddy of its field (Alt+letter reaches it, screen readers
    // read it); the rows of other kinds are hidden.
    struct Row
    {
        QWidget *field;
        QLabel *label;
    };
    QList<Row> rows;
    for (QWidget *field :
         std::initializer_list<QWidget *>{m_name, m_filter, m_kind, m_decoder, m_path, m_metric,
                                          m_index, m_layout, m_scale, m_offset, m_unit}) {
        auto *label = new QLabel(this);
        label->setBuddy(field);
        m_form->addRow(label, field);
        rows.append({field, label});
    }
    m_form->addRow(QString(), m_perTopic);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    m_texts.add([this, rows] {
        setWindowTitle(tr("Chart series"));
        const char *labels[] = {
            QT_TR_NOOP("&Name:"),    QT_TR_NOOP("&Topic filter:"), QT_TR_NOOP("&Value:"),
            QT_TR_NOOP("&Decoder:"), QT_TR_NOOP("&Path:"),         QT_TR_NOOP("&Metric:"),
            QT_TR_NOOP("&Element:"), QT_TR_NOOP("&Layout:"),       QT_TR_NOOP("&Scale:"),
            QT_TR_NOOP("O&ffset:"),  QT_TR_NOOP("&Unit:")};
        for (qsizetype i = 0; i < rows.size(); ++i)
            rows.at(i).label->setText(tr(labels[i]));
        m_kind->setItemText(0, tr("Number from text"));
        m_kind->setItemText(1, tr("JSON path"));
        m_kind->setItemText(2, tr("Numeric array element"));
        m_kind->setItemText(3, tr("Decoded field"));
        DecoderCombo::retranslate(m_decoder);
        m_decoder->setItemText(0, tr("As the decoding rules show it"));
        m_metric->setPlaceholderText(tr("Sparkplug B metric name or alias (optional)"));
        m_metric->setToolTip(tr("Reads this Sparkplug B metric's value instead of a path: its "
                                "name, or its alias number for data messages that send only "
                                "the alias"));
        m_name->setPlaceholderText(tr("Named after the filter and path"));
        m_filter->setPlaceholderText(tr("sensors/+/temperature"));
        m_path->setPlaceholderText(tr("$.value"));
        m_unit->setPlaceholderText(tr("°C"));
        m_perTopic->setText(tr("One &line per topic"));
        m_name->setToolTip(tr("Shown in the legend and the exported CSV"));
        m_filter->setToolTip(tr("The messages to chart; + and # match any topic level"));
        m_kind->setToolTip(tr("How a number is read from each message"));
        m_decoder->setToolTip(tr("The decoder whose rendering the path reads; the decoding "
                                 "rules use each topic's rule, as the stream does"));
        m_path->setToolTip(
            tr("A JSON path: $.value, $.sensors[0].temp, $..t (the first t at any depth)"));
        m_index->setToolTip(tr("Which number of the array, from 0"));
        m_layout->setToolTip(tr("Number type, byte order and header bytes to skip, e.g. int16be:4 "
                                "or float32le"));
        m_scale->setToolTip(tr("Each value is multiplied by this, then the offset is added"));
        m_offset->setToolTip(tr("Added to each value after scaling"));
        m_unit->setToolTip(tr("Series with another unit get an axis on the right"));
        m_perTopic->setToolTip(tr("Unticked: every topic the filter matches goes into one line"));
        m_problem->setAccessibleName(tr("Problem"));
    });

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(m_form);
    layout->addWidget(m_problem);
    layout->addStretch(1);
    layout->addWidget(buttons);
    const QList<QWidget *> order{m_name,   m_filter,   m_kind,   m_decoder, m_path,
                                 m_metric, m_index,    m_layout, m_scale,   m_offset,
                                 m_unit,   m_perTopic, buttons};
    for (qsizetype i = 1; i < order.size(); ++i)
        setTabOrder(order.at(i - 1), order.at(i));

    connect(m_kind, &QComboBox::currentIndexChanged, this, &ChartSeriesDialog::onKindChanged);
    for (QLineEdit *edit :
         {m_name, m_filter, m_path, m_metric, m_layout, m_scale, m_offset, m_unit})
        connect(edit, &QLineEdit::textChanged, this, &ChartSeriesDialog::validate);
    connect(m_decoder, &QComboBox::currentIndexChanged, this, &ChartSeriesDialog::validate);
    connect(m_index, &QSpinBox::valueChanged, this, &ChartSeriesDialog::validate);
    m_kind->setCurrentIndex(int(Kind::JsonPath));
    onKindChanged();
    resize(qMax(sizeHint().width(), 460), sizeHint().height());
}

void ChartSeriesDialog::changeEvent(QEvent *event)
{
    if (m_texts.handle(event))
        validate();
    QDialog::changeEvent(event);
}

void ChartSeriesDialog::onKindChanged()
{
    const auto kind = Kind(m_kind->currentData().toInt());
    m_form->setRowVisible(m_decoder, kind == Kind::Decoded);
    m_form->setRowVisible(m_path, kind == Kind::JsonPath || kind == Kind::Decoded);
    m_form->setRowVisible(m_metric, kind == Kind::Decoded);
    m_form->setRowVisible(m_index, kind == Kind::NumericArray);
    m_form->setRowVisible(m_layout, kind == Kind::NumericArray);
    validate();
}

void ChartSeriesDialog::setSpec(const ChartSeriesSpec &spec)
{
    m_name->setText(spec.name);
    m_filter->setText(spec.topicFilter);
    m_kind->setCurrentIndex(m_kind->findData(int(spec.extractor.kind)));
    // A decoder this build does not have stays chosen (and is reported by validate()).
    if (!spec.extractor.decoder.isEmpty() &&
        !DecoderCombo::select(m_decoder, spec.extractor.decoder)) {
        m_decoder->addItem(spec.extractor.decoder, spec.extractor.decoder);
        m_decoder->setCurrentIndex(m_decoder->count() - 1);
    }
    m_path->setText(spec.extractor.path);
    m_metric->setText(spec.extractor.metric);
    // The dialog has no fields for a decoder's settings (a Protobuf schema and type): they
    // stay with the decoder they were given for.
    m_decodedOptions =
        spec.extractor.kind == Kind::Decoded ? spec.extractor.decoderOptions : QJsonObject();
    m_decodedOptionsFor = spec.extractor.decoder;
    m_index->setValue(spec.extractor.index);
    if (spec.extractor.kind == Kind::NumericArray)
        m_layout->setText(layoutSpec(spec.extractor.decoderOptions));
    m_scale->setText(formatNumber(spec.extractor.scale));
    m_offset->setText(formatNumber(spec.extractor.offset));
    m_unit->setText(spec.extractor.unit);
    m_perTopic->setChecked(spec.perTopic);
    onKindChanged();
}

ChartSeriesSpec ChartSeriesDialog::spec() const
{
    ChartSeriesSpec spec;
    spec.name = m_name->text().trimmed();
    spec.topicFilter = m_filter->text();
    spec.perTopic = m_perTopic->isChecked();
    ExtractorSpec &e = spec.extractor;
    e.kind = Kind(m_kind->currentData().toInt());
    switch (e.kind) {
    case Kind::Text:
        break;
    case Kind::Decoded:
        e.decoder = DecoderCombo::currentId(m_decoder);
        if (e.decoder == m_decodedOptionsFor)
            e.decoderOptions = m_decodedOptions;
        e.metric = m_metric->text().trimmed();
        if (!e.metric.isEmpty())
            break; // the metric's value, no path
        [[fallthrough]];
    case Kind::JsonPath:
        e.path = m_path->text().trimmed();
        break;
    case Kind::NumericArray:
        e.index = m_index->value();
        if (const auto layout = NumericArrayDecoder::Layout::fromSpec(m_layout->text().trimmed()))
            e.decoderOptions = layout->toJson();
        break;
    }
    e.scale = number(m_scale).value_or(std::nan(""));
    e.offset = number(m_offset).value_or(std::nan(""));
    e.unit = m_unit->text().trimmed();
    return spec;
}

std::optional<double> ChartSeriesDialog::number(const QLineEdit *edit)
{
    const QString text = edit->text().trimmed();
    bool ok = false;
    double value = QLocale::c().toDouble(text, &ok);
    if (!ok)
        value = QLocale().toDouble(text, &ok);
    if (!ok || !std::isfinite(value))
        return std::nullopt;
    return value;
}

QString ChartSeriesDialog::problem() const
{
    if (const auto error = Topic::validateFilter(m_filter->text()))
        return tr("Topic filter: %1").arg(error->message());
    if (!number(m_scale))
        return tr("The scale must be a number, e.g. 0.1.");
    if (!number(m_offset))
        return tr("The offset must be a number, e.g. -273.15.");
    const auto kind = Kind(m_kind->currentData().toInt());
    QString why;
    if (kind == Kind::NumericArray &&
        !NumericArrayDecoder::Layout::fromSpec(m_layout->text().trimmed(), &why))
        return tr("Layout: %1").arg(why);
    const bool byMetric = kind == Kind::Decoded && !m_metric->text().trimmed().isEmpty();
    if ((kind == Kind::JsonPath || kind == Kind::Decoded) && !byMetric) {
        if (m_path->text().trimmed().isEmpty())
            return kind == Kind::Decoded
                       ? tr("Enter a JSON path, e.g. $.value, or a Sparkplug B metric.")
                       : tr("Enter a JSON path, e.g. $.value.");
        if (!JsonPathQuery::parse(m_path->text(), &why))
            return tr("Path: %1").arg(why);
    }
    if (!ValueExtractor::make(spec().extractor, &why))
        return why;
    return {};
}

void ChartSeriesDialog::validate()
{
    const QString text = problem();
    m_problem->setText(text);
    m_problem->setVisible(!text.isEmpty());
    m_ok->setEnabled(text.isEmpty());
}

QString ChartSeriesDialog::layoutSpec(const QJsonObject &layoutJson)
{
    const auto layout = NumericArrayDecoder::Layout::fromJson(layoutJson);
    if (!layout)
        return QString();
    QString spec = NumericArrayDecoder::typeKey(layout->type);
    spec += layout->bigEndian ? QStringLiteral("be") : QStringLiteral("le");
    if (layout->skip > 0)
        spec += QStringLiteral(":%1").arg(layout->skip);
    return spec;
}

} // namespace mqttdesk
