#include "ui/workbench/timed_publish_dialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace mqttdesk {

namespace {

using OnDisconnect = PublishJobOptions::OnDisconnect;

} // namespace

TimedPublishDialog::TimedPublishDialog(QWidget *parent)
    : QDialog(parent)
    , m_interval(new QSpinBox(this))
    , m_count(new QSpinBox(this))
    , m_jitter(new QSpinBox(this))
    , m_onDisconnect(new QComboBox(this))
    , m_summary(new QLabel(this))
{
    setObjectName(QStringLiteral("timedPublishDialog"));
    m_interval->setObjectName(QStringLiteral("timedPublish.interval"));
    m_count->setObjectName(QStringLiteral("timedPublish.count"));
    m_jitter->setObjectName(QStringLiteral("timedPublish.jitter"));
    m_onDisconnect->setObjectName(QStringLiteral("timedPublish.onDisconnect"));
    m_summary->setObjectName(QStringLiteral("timedPublish.summary"));

    // 0 is the special value of each: as fast as possible, until stopped, no jitter.
    m_interval->setRange(0, kMaxIntervalMs);
    m_interval->setGroupSeparatorShown(true);
    m_interval->setAccelerated(true);
    m_count->setRange(0, kMaxCount);
    m_count->setGroupSeparatorShown(true);
    m_count->setAccelerated(true);
    m_jitter->setRange(0, kMaxIntervalMs);
    m_jitter->setGroupSeparatorShown(true);
    m_onDisconnect->addItem(QString(), int(OnDisconnect::Stop));
    m_onDisconnect->addItem(QString(), int(OnDisconnect::Pause));
    m_summary->setWordWrap(true);

    auto *form = new QFormLayout;
    QList<QLabel *> labels;
    for (QWidget *field :
         std::initializer_list<QWidget *>{m_interval, m_count, m_jitter, m_onDisconnect}) {
        auto *label = new QLabel(this);
        label->setBuddy(field);
        form->addRow(label, field);
        labels.append(label);
    }

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_start = buttons->button(QDialogButtonBox::Ok);
    m_start->setObjectName(QStringLiteral("timedPublish.start"));
    m_start->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    m_texts.add([this, labels] {
        setWindowTitle(tr("Send repeatedly"));
        labels.at(0)->setText(tr("&Interval:"));
        labels.at(1)->setText(tr("&Messages:"));
        labels.at(2)->setText(tr("&Jitter:"));
        labels.at(3)->setText(tr("On &disconnect:"));
        m_interval->setSuffix(tr(" ms"));
        m_interval->setSpecialValueText(tr("As fast as flow control allows"));
        m_interval->setToolTip(tr("The time between two messages, down to 1 ms. At 0 the next "
                                  "message goes as soon as the connection takes it: QoS 1 and "
                                  "2 wait for the broker's acknowledgements."));
        m_count->setSpecialValueText(tr("Until stopped"));
        m_count->setToolTip(tr("How many messages to send; 0 sends until the job is stopped. "
                               "Variables expand for each message, so {{counter}} counts."));
        m_jitter->setSuffix(tr(" ms"));
        m_jitter->setSpecialValueText(tr("None"));
        m_jitter->setToolTip(tr("Each interval moves by up to this much earlier or later, at "
                                "random. Only with an interval."));
        m_onDisconnect->setItemText(0, tr("Stop the job"));
        m_onDisconnect->setItemText(1, tr("Pause, and resume when reconnected"));
        m_onDisconnect->setToolTip(tr("What the job does when the connection closes"));
        // A combo box would be read as its current text alone: every field says its name.
        m_interval->setAccessibleName(tr("Interval"));
        m_count->setAccessibleName(tr("Messages"));
        m_jitter->setAccessibleName(tr("Jitter"));
        m_onDisconnect->setAccessibleName(tr("On disconnect"));
        m_summary->setAccessibleName(tr("Summary"));
        m_start->setText(tr("&Start"));
        m_start->setToolTip(tr("Starts sending; the job shows in the list of timed sends"));
        updateFields();
    });

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_summary);
    layout->addStretch(1);
    layout->addWidget(buttons);
    const QList<QWidget *> order{m_interval, m_count, m_jitter, m_onDisconnect, buttons};
    for (qsizetype i = 1; i < order.size(); ++i)
        setTabOrder(order.at(i - 1), order.at(i));
    m_interval->setFocus();

    for (QSpinBox *spin : {m_interval, m_count, m_jitter})
        connect(spin, &QSpinBox::valueChanged, this, &TimedPublishDialog::updateFields);
    connect(m_onDisconnect, &QComboBox::currentIndexChanged, this,
            &TimedPublishDialog::updateFields);
    setOptions(PublishJobOptions());
    resize(qMax(sizeHint().width(), 420), sizeHint().height());
}

void TimedPublishDialog::changeEvent(QEvent *event)
{
    m_texts.handle(event);
    QDialog::changeEvent(event);
}

void TimedPublishDialog::setOptions(const PublishJobOptions &options)
{
    m_options = options;
    m_interval->setValue(qBound(0, options.intervalMs, kMaxIntervalMs));
    m_count->setValue(int(qBound(qint64(0), options.count, qint64(kMaxCount))));
    m_jitter->setValue(qBound(0, options.jitterMs, kMaxIntervalMs));
    m_onDisconnect->setCurrentIndex(m_onDisconnect->findData(int(options.onDisconnect)));
    updateFields();
}

PublishJobOptions TimedPublishDialog::options() const
{
    PublishJobOptions options = m_options;
    options.intervalMs = m_interval->value();
    options.count = m_count->value();
    options.jitterMs = m_jitter->value();
    options.onDisconnect = OnDisconnect(m_onDisconnect->currentData().toInt());
    return options;
}

QString TimedPublishDialog::summary(const PublishJobOptions &options)
{
    const QLocale locale;
    const int count = int(qMin<qint64>(options.count, kMaxCount));
    QString text;
    if (options.intervalMs <= 0) {
        text = options.count > 0
                   ? tr("Sends %Ln message(s) as fast as flow control allows.", "", count)
                   : tr("Sends until stopped, as fast as flow control allows.");
    } else {
        const QString every = locale.toString(options.intervalMs);
        text = options.count > 0
                   ? tr("Sends %Ln message(s), one every %1 ms.", "", count).arg(every)
                   : tr("Sends a message every %1 ms until stopped.").arg(every);
        if (options.jitterMs > 0)
            text +=
                QLatin1Char(' ') +
                tr("Each interval varies by up to %1 ms.").arg(locale.toString(options.jitterMs));
    }
    text += QLatin1Char(' ');
    text += options.onDisconnect == OnDisconnect::Pause
                ? tr("A disconnect pauses it until the connection is back.")
                : tr("A disconnect stops it.");
    return text;
}

void TimedPublishDialog::updateFields()
{
    // Jitter moves the time between messages: there is none at full speed.
    m_jitter->setEnabled(m_interval->value() > 0);
    m_summary->setText(summary(options()));
}

} // namespace mqttdesk
