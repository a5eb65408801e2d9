#include "ui/topictree/retained_clear_dialog.h"

#include "core/connection/connection.h"
#include "core/retained/retained_clearer.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

namespace mqttdesk {

RetainedClearDialog::RetainedClearDialog(Connection *connection, const QStringList &topics,
                                         QWidget *parent)
    : QDialog(parent)
    , m_connection(connection)
    , m_topics(topics)
{
    m_question = new QLabel(this);
    m_question->setWordWrap(true);
    m_list = new QListWidget(this);
    m_list->addItems(topics);
    m_list->setUniformItemSizes(true);
    m_list->setTextElideMode(Qt::ElideMiddle);
    m_qosLabel = new QLabel(this);
    m_qos = new QComboBox(this);
    m_qos->addItems({QStringLiteral("0"), QStringLiteral("1"), QStringLiteral("2")});
    m_qos->setCurrentIndex(1);
    m_qosLabel->setBuddy(m_qos);
    m_progress = new QProgressBar(this);
    m_progress->setRange(0, int(topics.size()));
    m_progress->setValue(0);
    m_progress->setVisible(false);
    m_result = new QLabel(this);
    m_result->setWordWrap(true);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_buttons = new QDialogButtonBox(this);
    m_clear = m_buttons->addButton(QString(), QDialogButtonBox::AcceptRole);
    m_close = m_buttons->addButton(QDialogButtonBox::Cancel);
    // Destructive: Enter must not clear by accident.
    m_clear->setAutoDefault(false);
    m_close->setDefault(true);

    auto *form = new QFormLayout;
    form->addRow(m_qosLabel, m_qos);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_question);
    layout->addWidget(m_list, 1);
    layout->addLayout(form);
    layout->addWidget(m_progress);
    layout->addWidget(m_result);
    layout->addWidget(m_buttons);
    resize(560, 420);

    setTabOrder(m_list, m_qos);
    setTabOrder(m_qos, m_clear);
    setTabOrder(m_clear, m_close);

    m_texts.add([this] { updateTexts(); });
    connect(m_clear, &QPushButton::clicked, this, &RetainedClearDialog::startClearing);
    connect(m_close, &QPushButton::clicked, this, &RetainedClearDialog::reject);
}

RetainedClearDialog::~RetainedClearDialog() = default;

void RetainedClearDialog::updateTexts()
{
    setWindowTitle(tr("Clear retained messages"));
    m_question->setText(
        tr("Clear the retained message of %n topic(s)? An empty retained message is published "
           "to each; the broker then keeps none for it. This cannot be undone.",
           nullptr, int(m_topics.size())));
    m_list->setAccessibleName(tr("Topics to clear"));
    m_qosLabel->setText(tr("&QoS:"));
    m_qos->setToolTip(tr("The QoS of the empty messages; 1 or 2 confirms each one"));
    m_clear->setText(tr("&Clear %n topic(s)", nullptr, int(m_topics.size())));
    m_progress->setAccessibleName(tr("Progress"));
    if (m_cleared >= 0) {
        QString text = tr("Cleared %1 of %2.")
                           .arg(QLocale().toString(m_cleared), QLocale().toString(m_topics.size()));
        if (m_canceled)
            text += QLatin1Char(' ') + tr("Stopped: the other topics were not cleared.");
        if (!m_failures.isEmpty())
            text += QLatin1Char('\n') + tr("Failed:") + QLatin1Char('\n') +
                    m_failures.join(QLatin1Char('\n'));
        m_result->setText(text);
        m_close->setText(tr("Close"));
    } else {
        m_close->setText(isRunning() ? tr("Stop") : tr("Cancel"));
    }
}

bool RetainedClearDialog::isRunning() const
{
    return m_clearer && m_cleared < 0;
}

QString RetainedClearDialog::resultText() const
{
    return m_cleared >= 0 ? m_result->text() : QString();
}

void RetainedClearDialog::startClearing()
{
    if (m_clearer || !m_connection)
        return;
    m_clear->setEnabled(false);
    m_qos->setEnabled(false);
    m_progress->setVisible(true);
    m_clearer = new RetainedClearer(m_connection, this);
    connect(m_clearer, &RetainedClearer::progress, this, [this](int done, int total) {
        m_progress->setMaximum(total);
        m_progress->setValue(done);
    });
    connect(m_clearer, &RetainedClearer::finished, this,
            [this](const RetainedClearer::Result &result) {
                m_cleared = result.cleared;
                m_canceled = result.canceled;
                m_failures.clear();
                for (const auto &failure : result.failures)
                    m_failures << tr("%1: %2").arg(failure.topic, failure.reason);
                emit topicsCleared(result.clearedTopics);
                m_progress->setValue(m_progress->maximum());
                updateTexts();
                emit clearingDone(m_cleared, int(m_topics.size()));
            });
    updateTexts();
    m_clearer->start(m_topics, quint8(m_qos->currentIndex()));
}

void RetainedClearDialog::reject()
{
    if (isRunning()) {
        // Stops what is not sent yet; what was sent is reported as it completes.
        m_clearer->cancel();
        return;
    }
    QDialog::reject();
}

void RetainedClearDialog::changeEvent(QEvent *event)
{
    m_texts.handle(event);
    QDialog::changeEvent(event);
}

} // namespace mqttdesk
