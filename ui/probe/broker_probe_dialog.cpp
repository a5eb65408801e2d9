#include "ui/probe/broker_probe_dialog.h"

#include "core/probe/broker_probe.h"
#include "core/probe/probe_report.h"
#include "ui/theme/theme.h"
#include "ui/widgets/prompts.h"

#include <QDir>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSaveFile>
#include <QSpinBox>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace mqttdesk {

namespace {

enum Column
{
    CheckColumn,
    ResultColumn,
    ReasonColumn,
    DetailColumn,
};

Theme::Text roleOf(ProbeOutcome outcome)
{
    switch (outcome) {
    case ProbeOutcome::Supported:
        return Theme::Text::Success;
    case ProbeOutcome::NotSupported:
        return Theme::Text::Warning;
    case ProbeOutcome::AnnouncedButBroken:
        return Theme::Text::Error;
    case ProbeOutcome::Skipped:
        break;
    }
    return Theme::Text::Muted;
}

} // namespace

BrokerProbeDialog::BrokerProbeDialog(const ConnectionSettings &settings,
                                     const QString &connectionName, QWidget *parent)
    : QDialog(parent)
    , m_settings(settings)
    , m_name(connectionName)
    , m_intro(new QLabel(this))
    , m_maxPayloadLabel(new QLabel(this))
    , m_maxPayload(new QSpinBox(this))
    , m_pingsLabel(new QLabel(this))
    , m_pings(new QSpinBox(this))
    , m_checks(new QTreeWidget(this))
    , m_announcementsLabel(new QLabel(this))
    , m_announcements(new QTreeWidget(this))
    , m_status(new QLabel(this))
    , m_start(new QPushButton(this))
    , m_exportMarkdown(new QPushButton(this))
    , m_exportJson(new QPushButton(this))
    , m_close(new QPushButton(this))
{
    setObjectName(QStringLiteral("brokerProbeDialog"));
    m_intro->setWordWrap(true);
    m_maxPayload->setRange(1, 256 * 1024); // KiB
    m_maxPayload->setValue(1024);
    m_maxPayload->setObjectName(QStringLiteral("maxPayload"));
    m_maxPayloadLabel->setBuddy(m_maxPayload);
    m_pings->setRange(0, 1000);
    m_pings->setValue(100);
    m_pings->setObjectName(QStringLiteral("pings"));
    m_pingsLabel->setBuddy(m_pings);

    m_checks->setObjectName(QStringLiteral("probeChecks"));
    m_checks->setColumnCount(4);
    m_checks->setRootIsDecorated(false);
    m_checks->setUniformRowHeights(true);
    m_checks->setWordWrap(false);
    m_checks->header()->setStretchLastSection(true);
    m_announcements->setObjectName(QStringLiteral("probeAnnouncements"));
    m_announcements->setColumnCount(3);
    m_announcements->setRootIsDecorated(false);
    m_announcements->header()->setStretchLastSection(true);
    m_announcementsLabel->setBuddy(m_announcements);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *options = new QHBoxLayout;
    options->addWidget(m_maxPayloadLabel);
    options->addWidget(m_maxPayload);
    options->addSpacing(16);
    options->addWidget(m_pingsLabel);
    options->addWidget(m_pings);
    options->addStretch(1);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_start);
    buttons->addStretch(1);
    buttons->addWidget(m_exportMarkdown);
    buttons->addWidget(m_exportJson);
    buttons->addWidget(m_close);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_intro);
    layout->addLayout(options);
    layout->addWidget(m_checks, 3);
    layout->addWidget(m_announcementsLabel);
    layout->addWidget(m_announcements, 2);
    layout->addWidget(m_status);
    layout->addLayout(buttons);
    setTabOrder(m_maxPayload, m_pings);
    setTabOrder(m_pings, m_start);
    setTabOrder(m_start, m_checks);
    setTabOrder(m_checks, m_announcements);
    setTabOrder(m_announcements, m_exportMarkdown);
    setTabOrder(m_exportMarkdown, m_exportJson);
    setTabOrder(m_exportJson, m_close);

    connect(m_start, &QPushButton::clicked, this, [this] {
        if (isRunning())
            m_probe->cancel();
        else
            start();
    });
    connect(m_exportMarkdown, &QPushButton::clicked, this, [this] { exportReport(false); });
    connect(m_exportJson, &QPushButton::clicked, this, [this] { exportReport(true); });
    connect(m_close, &QPushButton::clicked, this, &QDialog::reject);
    m_start->setDefault(true);

    m_texts.add([this] { retranslate(); });
    resetLines();
    updateButtons();
    resize(900, 640);
}

BrokerProbeDialog::~BrokerProbeDialog() = default;

bool BrokerProbeDialog::isRunning() const
{
    return m_probe && m_probe->isRunning();
}

QString BrokerProbeDialog::statusText() const
{
    return m_status->text();
}

void BrokerProbeDialog::start()
{
    if (isRunning())
        return;
    ProbeOptions options;
    options.maxPayloadBytes = qint64(m_maxPayload->value()) * 1024;
    options.pings = m_pings->value();
    m_probe = std::make_unique<BrokerProbe>(m_settings, options);
    connect(m_probe.get(), &BrokerProbe::checkStarted, this, [this](ProbeCheck check) {
        const int row = int(ProbeCheckResult::allChecks().indexOf(check));
        if (QTreeWidgetItem *item = m_checks->topLevelItem(row)) {
            item->setText(ResultColumn, tr("Running…"));
            m_checks->scrollToItem(item);
        }
        m_status->setText(tr("Testing: %1").arg(ProbeCheckResult::title(check)));
    });
    connect(m_probe.get(), &BrokerProbe::checkFinished, this, &BrokerProbeDialog::showResult);
    connect(m_probe.get(), &BrokerProbe::announcementsReceived, this,
            &BrokerProbeDialog::showAnnouncements);
    connect(m_probe.get(), &BrokerProbe::finished, this, &BrokerProbeDialog::onFinished);
    resetLines();
    m_announcements->clear();
    m_probe->start();
    updateButtons();
}

void BrokerProbeDialog::resetLines()
{
    m_checks->clear();
    for (ProbeCheck check : ProbeCheckResult::allChecks()) {
        auto *item = new QTreeWidgetItem(m_checks);
        item->setText(CheckColumn, ProbeCheckResult::title(check));
        item->setText(ResultColumn, QStringLiteral("–"));
    }
    m_checks->resizeColumnToContents(CheckColumn);
}

void BrokerProbeDialog::showResult(const ProbeCheckResult &result)
{
    const int row = int(ProbeCheckResult::allChecks().indexOf(result.check));
    QTreeWidgetItem *item = m_checks->topLevelItem(row);
    if (!item)
        return;
    item->setText(CheckColumn, ProbeCheckResult::title(result.check));
    item->setText(ResultColumn, ProbeCheckResult::outcomeText(result.outcome));
    item->setForeground(ResultColumn, Theme::text(roleOf(result.outcome), palette()));
    item->setText(ReasonColumn, result.reasonText());
    item->setText(DetailColumn, result.detail);
    item->setToolTip(DetailColumn, result.detail);
    item->setData(ResultColumn, Qt::UserRole, int(result.outcome));
    for (int column : {CheckColumn, ResultColumn, ReasonColumn})
        m_checks->resizeColumnToContents(column);
}

void BrokerProbeDialog::showAnnouncements(const QList<ProbeAnnouncement> &announcements)
{
    m_announcements->clear();
    for (const ProbeAnnouncement &a : announcements) {
        auto *item = new QTreeWidgetItem(m_announcements);
        item->setText(0, a.name);
        item->setText(1, a.valueText);
        item->setText(2, a.note);
        item->setToolTip(2, a.note);
        if (!a.present)
            item->setForeground(1, Theme::mutedText(palette()));
    }
    m_announcements->resizeColumnToContents(0);
    m_announcements->resizeColumnToContents(1);
}

void BrokerProbeDialog::onFinished(const ProbeReport &report)
{
    // Lines the probe never started (a cancel) keep their dash; all others are filled.
    for (const ProbeCheckResult &result : report.checks)
        showResult(result);
    const QLocale locale;
    QStringList parts;
    if (report.cancelled)
        parts << tr("Cancelled.");
    else if (!report.connected())
        parts << tr("The broker could not be reached with any protocol version.");
    else
        parts << tr("Finished.");
    if (report.maxPayload)
        parts << tr("Largest payload that passed: %1 bytes.")
                     .arg(locale.toString(*report.maxPayload));
    if (report.latency && report.latency->samples > 0)
        parts << tr("Ping: p50 %1 ms, p99 %2 ms over %3.")
                     .arg(locale.toString(double(report.latency->p50Us) / 1000.0, 'f', 2),
                          locale.toString(double(report.latency->p99Us) / 1000.0, 'f', 2))
                     .arg(report.latency->samples);
    if (!report.retainedNotCleared.isEmpty())
        parts << tr("Retained messages left behind (clear them by hand): %1.")
                     .arg(report.retainedNotCleared.join(QStringLiteral(", ")));
    m_status->setText(parts.join(QLatin1Char(' ')));
    updateButtons();
    emit finished();
}

void BrokerProbeDialog::exportReport(bool json)
{
    if (!m_probe)
        return;
    QString name = m_name;
    name.replace(QLatin1Char('/'), QLatin1Char('-'));
    const QString suggestion = QDir(QDir::homePath())
                                   .filePath(name + (json ? QStringLiteral(" broker test.json")
                                                          : QStringLiteral(" broker test.md")));
    const QString path = Prompts::saveFileName(
        this, json ? tr("Export report as JSON") : tr("Export report as Markdown"), suggestion,
        json ? tr("JSON files (*.json);;All files (*)")
             : tr("Markdown files (*.md);;All files (*)"));
    if (path.isEmpty())
        return;
    const ProbeReport &report = m_probe->report();
    QSaveFile file(path);
    const QByteArray bytes = json ? report.toJson() : report.toMarkdown().toUtf8();
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        Prompts::warn(this, tr("Export report"),
                      tr("Cannot write %1: %2.").arg(path, file.errorString()));
        return;
    }
    m_status->setText(tr("Report saved to %1.").arg(path));
}

void BrokerProbeDialog::updateButtons()
{
    const bool running = isRunning();
    const bool done = m_probe && m_probe->isFinished();
    m_start->setText(running ? tr("&Cancel test") : (done ? tr("&Run again") : tr("&Start test")));
    m_maxPayload->setEnabled(!running);
    m_pings->setEnabled(!running);
    m_exportMarkdown->setEnabled(done);
    m_exportJson->setEnabled(done);
}

void BrokerProbeDialog::reject()
{
    // The probe clears its retained messages before it ends: let it, then close.
    if (isRunning())
        m_probe->cancel();
    QDialog::reject();
}

void BrokerProbeDialog::retranslate()
{
    setWindowTitle(tr("Test broker — %1").arg(m_name));
    m_intro->setText(
        tr("Tries what the broker of %1 (%2:%3) supports, with connections of its own: client ids "
           "starting with \"mdprobe-\", topics under \"mqttdesk/probe/\". The retained messages "
           "it sets are cleared at the end. The connection itself is not used.")
            .arg(m_name, m_settings.transport.host)
            .arg(m_settings.transport.port));
    m_maxPayloadLabel->setText(tr("Largest &payload to try (KiB):"));
    m_maxPayload->setToolTip(tr("The upper bound of the search for the largest payload that "
                                "passes; the broker's announced Maximum Packet Size lowers it"));
    m_pingsLabel->setText(tr("P&ings:"));
    m_pings->setToolTip(tr("PINGREQ round trips for the latency line (0: skip it)"));
    m_checks->setHeaderLabels({tr("Check"), tr("Result"), tr("Reason code"), tr("Detail")});
    m_checks->setAccessibleName(tr("Capability checks"));
    m_announcementsLabel->setText(tr("What the MQTT 5.0 CONNACK &announced:"));
    m_announcements->setHeaderLabels({tr("Property"), tr("Value"), tr("Note")});
    m_announcements->setAccessibleName(tr("CONNACK announcements"));
    m_exportMarkdown->setText(tr("Export &Markdown…"));
    m_exportJson->setText(tr("Export &JSON…"));
    m_close->setText(tr("Close"));
    if (m_status->text().isEmpty() || !m_probe)
        m_status->setText(tr("Press Start to begin. The test takes a few seconds."));
    updateButtons();
    // The lines' texts come from the probe's types, translated when they were made.
    if (m_probe)
        for (const ProbeCheckResult &result : m_probe->report().checks)
            showResult(result);
    else
        resetLines();
}

void BrokerProbeDialog::changeEvent(QEvent *event)
{
    m_texts.handle(event);
    QDialog::changeEvent(event);
}

} // namespace mqttdesk
