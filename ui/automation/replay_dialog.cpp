#include "ui/automation/replay_dialog.h"

#include "core/automation/capture_reader.h"
#include "core/automation/replay_job.h"
#include "core/connection/connection.h"
#include "ui/theme/theme.h"
#include "ui/widgets/file_field.h"
#include "ui/widgets/worker_job.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QToolButton>
#include <QVBoxLayout>

namespace mqttdesk {

namespace {

// The reader's answer crosses to the GUI thread in one piece.
struct Loaded
{
    CaptureReader::Result result;
    QString path;
};

} // namespace

ReplayDialog::ReplayDialog(Connection *connection, const QString &connectionName, QWidget *parent)
    : QDialog(parent)
    , m_connection(connection)
    , m_connectionName(connectionName)
    , m_reader(std::make_unique<WorkerJob>())
{
    setObjectName(QStringLiteral("replayDialog"));
    m_file = new FileField(this);
    m_file->setObjectName(QStringLiteral("captureFile"));
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("captureSummary"));
    m_summary->setWordWrap(true);
    Theme::setTextRole(m_summary, Theme::Text::Muted);
    m_speed = new QDoubleSpinBox(this);
    m_speed->setObjectName(QStringLiteral("speed"));
    m_speed->setRange(0.01, 1000);
    m_speed->setDecimals(2);
    m_speed->setValue(1.0);
    m_fastest = new QCheckBox(this);
    m_fastest->setObjectName(QStringLiteral("fastest"));
    m_rewrite = new QLineEdit(this);
    m_rewrite->setObjectName(QStringLiteral("rewrite"));
    m_qos = new QComboBox(this);
    m_qos->setObjectName(QStringLiteral("qos"));
    m_loops = new QSpinBox(this);
    m_loops->setObjectName(QStringLiteral("loops"));
    m_loops->setRange(1, 1000000);
    m_keepRetain = new QCheckBox(this);
    m_keepRetain->setObjectName(QStringLiteral("keepRetain"));
    m_keepRetain->setChecked(true);
    m_keepProperties = new QCheckBox(this);
    m_keepProperties->setObjectName(QStringLiteral("keepProperties"));
    m_keepProperties->setChecked(true);
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("progress"));
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("status"));
    m_status->setWordWrap(true);

    auto *form = new QFormLayout;
    auto *fileLabel = new QLabel(this);
    fileLabel->setBuddy(m_file->lineEdit());
    form->addRow(fileLabel, m_file);
    form->addRow(QString(), m_summary);
    auto *speedRow = new QHBoxLayout;
    speedRow->addWidget(m_speed);
    speedRow->addWidget(m_fastest);
    speedRow->addStretch(1);
    auto *speedLabel = new QLabel(this);
    speedLabel->setBuddy(m_speed);
    form->addRow(speedLabel, speedRow);
    auto *rewriteLabel = new QLabel(this);
    rewriteLabel->setBuddy(m_rewrite);
    form->addRow(rewriteLabel, m_rewrite);
    auto *qosLabel = new QLabel(this);
    qosLabel->setBuddy(m_qos);
    form->addRow(qosLabel, m_qos);
    auto *loopsLabel = new QLabel(this);
    loopsLabel->setBuddy(m_loops);
    form->addRow(loopsLabel, m_loops);
    form->addRow(QString(), m_keepRetain);
    form->addRow(QString(), m_keepProperties);

    m_start = new QPushButton(this);
    m_start->setObjectName(QStringLiteral("startReplay"));
    m_start->setDefault(true);
    m_pause = new QPushButton(this);
    m_pause->setObjectName(QStringLiteral("pauseReplay"));
    m_stop = new QPushButton(this);
    m_stop->setObjectName(QStringLiteral("stopReplay"));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_close = buttons->button(QDialogButtonBox::Close);
    buttons->addButton(m_start, QDialogButtonBox::ActionRole);
    buttons->addButton(m_pause, QDialogButtonBox::ActionRole);
    buttons->addButton(m_stop, QDialogButtonBox::ActionRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_progress);
    layout->addWidget(m_status);
    layout->addStretch(1);
    layout->addWidget(buttons);

    connect(m_file, &FileField::pathChosen, this, &ReplayDialog::openCapture);
    // Start follows the connection: offered once it is up, withdrawn when it goes.
    if (m_connection)
        connect(m_connection, &Connection::stateChanged, this, &ReplayDialog::updateButtons);
    connect(m_fastest, &QCheckBox::toggled, m_speed, &QWidget::setDisabled);
    connect(m_start, &QPushButton::clicked, this, &ReplayDialog::startReplay);
    connect(m_pause, &QPushButton::clicked, this, [this] {
        if (!m_job)
            return;
        if (m_job->state() == ReplayJob::State::Paused)
            m_job->resume();
        else
            m_job->pause();
    });
    connect(m_stop, &QPushButton::clicked, this, [this] {
        if (m_job)
            m_job->stop();
    });
    QWidget::setTabOrder(m_file->lineEdit(), m_file->browseButton());
    QWidget::setTabOrder(m_file->browseButton(), m_speed);
    QWidget::setTabOrder(m_speed, m_fastest);
    QWidget::setTabOrder(m_fastest, m_rewrite);
    QWidget::setTabOrder(m_rewrite, m_qos);
    QWidget::setTabOrder(m_qos, m_loops);
    QWidget::setTabOrder(m_loops, m_keepRetain);
    QWidget::setTabOrder(m_keepRetain, m_keepProperties);
    QWidget::setTabOrder(m_keepProperties, m_start);

    m_texts.add([=, this] {
        setWindowTitle(tr("Replay capture — %1").arg(m_connectionName));
        fileLabel->setText(tr("&Capture file:"));
        m_file->setDialogTitle(tr("Open a capture"));
        m_file->setNameFilter(tr("Captures and history exports (*.jsonl *.json);;All files (*)"));
        m_file->setPlaceholderText(tr("mqttdesk-cli record -o FILE, or a history export"));
        speedLabel->setText(tr("&Speed:"));
        m_speed->setSuffix(tr(" ×"));
        m_speed->setToolTip(tr("1: the original timing; 2: twice as fast"));
        m_fastest->setText(tr("As &fast as possible"));
        rewriteLabel->setText(tr("&Rewrite topics:"));
        m_rewrite->setPlaceholderText(
            tr("OLD=NEW, e.g. prod/=test/ (several: separated by spaces)"));
        qosLabel->setText(tr("&QoS:"));
        const int qos = m_qos->currentIndex();
        m_qos->clear();
        m_qos->addItems(
            {tr("As recorded"), QStringLiteral("0"), QStringLiteral("1"), QStringLiteral("2")});
        m_qos->setCurrentIndex(qos < 0 ? 0 : qos);
        loopsLabel->setText(tr("&Loops:"));
        m_keepRetain->setText(tr("Keep the &retain flags"));
        m_keepProperties->setText(tr("Keep the MQTT 5 &properties"));
        m_start->setText(tr("&Start"));
        m_stop->setText(tr("S&top"));
        updateButtons();
        showProgress();
    });
    updateButtons();
    resize(560, 420);
}

ReplayDialog::~ReplayDialog()
{
    if (m_job)
        m_job->stop();
}

void ReplayDialog::openCapture(const QString &path)
{
    m_file->setPath(path);
    m_records.clear();
    m_summary->setText(tr("Reading…"));
    updateButtons();
    m_reader->run(
        this,
        [path] {
            return Loaded{CaptureReader::readFile(path), path};
        },
        [this](const Loaded &answer) {
            if (answer.path != m_file->path())
                return; // another file was chosen meanwhile
            if (!answer.result.ok()) {
                m_file->setReport(FileField::State::Error, answer.result.error);
                m_summary->clear();
            } else {
                m_records = answer.result.records;
                m_file->setReport(FileField::State::Ok, QString());
                const QList<CaptureRecord> &r = m_records;
                const double seconds =
                    r.size() > 1 ? double(r.last().timeUs - r.first().timeUs) / 1e6 : 0.0;
                m_summary->setText(
                    tr("%1 messages over %2 s%3")
                        .arg(QLocale().toString(r.size()))
                        .arg(QLocale().toString(seconds, 'f', 1))
                        .arg(answer.result.source.isEmpty()
                                 ? QString()
                                 : tr(", recorded from %1").arg(answer.result.source)));
            }
            updateButtons();
            emit loaded();
        });
}

void ReplayDialog::startReplay()
{
    if (m_records.isEmpty() || !m_connection)
        return;
    ReplayOptions options;
    options.speed = m_fastest->isChecked() ? 0.0 : m_speed->value();
    options.loops = m_loops->value();
    options.keepRetain = m_keepRetain->isChecked();
    options.keepProperties = m_keepProperties->isChecked();
    if (m_qos->currentIndex() > 0)
        options.qos = quint8(m_qos->currentIndex() - 1);
    for (const QString &text : m_rewrite->text().split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        TopicRewrite::Rule rule;
        QString why;
        if (!TopicRewrite::parse(text, &rule, &why)) {
            m_status->setText(why);
            Theme::setTextRole(m_status, Theme::Text::Error);
            return;
        }
        options.rewrite.add(rule);
    }
    if (m_job)
        m_job->stop();
    m_job = std::make_unique<ReplayJob>(m_connection, m_records, options);
    connect(m_job.get(), &ReplayJob::progress, this, &ReplayDialog::showProgress);
    connect(m_job.get(), &ReplayJob::stateChanged, this, [this] {
        showProgress();
        updateButtons();
    });
    m_job->start();
    showProgress();
    updateButtons();
}

void ReplayDialog::showProgress()
{
    if (!m_job) {
        m_progress->setRange(0, 1);
        m_progress->setValue(0);
        m_status->clear();
        return;
    }
    const ReplayStats &s = m_job->stats();
    m_progress->setRange(0, int(qMin<qint64>(s.total, INT_MAX)));
    m_progress->setValue(int(qMin<qint64>(s.sent, INT_MAX)));
    QString text = tr("%1 of %2 sent, %3 acknowledged, %4 failed.")
                       .arg(QLocale().toString(s.sent), QLocale().toString(s.total),
                            QLocale().toString(s.acknowledged), QLocale().toString(s.failed));
    switch (m_job->state()) {
    case ReplayJob::State::Paused:
        text = tr("Paused: %1").arg(text);
        break;
    case ReplayJob::State::Finished:
        text = tr("Done: %1").arg(text);
        break;
    case ReplayJob::State::Stopped:
        text = tr("Stopped: %1").arg(text);
        break;
    default:
        break;
    }
    if (!s.lastError.isEmpty())
        text += QLatin1Char(' ') + s.lastError;
    m_status->setText(text);
    Theme::setTextRole(m_status, s.lastError.isEmpty() ? Theme::Text::Normal : Theme::Text::Error);
}

void ReplayDialog::updateButtons()
{
    const auto state = m_job ? m_job->state() : ReplayJob::State::Idle;
    const bool running = state == ReplayJob::State::Running || state == ReplayJob::State::Paused;
    m_start->setEnabled(!running && !m_records.isEmpty() && m_connection &&
                        m_connection->state() == SessionState::Connected);
    m_start->setToolTip(m_connection && m_connection->state() != SessionState::Connected
                            ? tr("Connect first")
                            : QString());
    m_pause->setEnabled(running);
    m_pause->setText(state == ReplayJob::State::Paused ? tr("&Resume") : tr("&Pause"));
    m_stop->setEnabled(running);
}

void ReplayDialog::changeEvent(QEvent *event)
{
    m_texts.handle(event);
    QDialog::changeEvent(event);
}

} // namespace mqttdesk
