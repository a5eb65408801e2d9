#include "ui/connections/connection_header.h"

#include "ui/connections/connection_status_delegate.h"
#include "ui/theme/theme.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>

namespace mqttdesk {

ConnectionHeader::ConnectionHeader(QWidget *parent)
    : QWidget(parent)
    , m_dot(new QLabel(this))
    , m_name(new QLabel(this))
    , m_statusLabel(new QLabel(this))
    , m_counters(new QLabel(this))
    , m_notStored(new QLabel(this))
    , m_connect(new QPushButton(this))
    , m_edit(new QToolButton(this))
    , m_recording(new QToolButton(this))
{
    m_dot->setFixedSize(12, 12);
    QFont big = m_name->font();
    big.setPointSizeF(big.pointSizeF() * 1.25);
    big.setBold(true);
    m_name->setFont(big);
    m_name->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_name->setMinimumWidth(80);
    m_name->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    // A long error (a TLS or protocol explanation) wraps onto more lines instead of
    // being cut mid-word; the header grows with it. The tooltip holds it too.
    m_statusLabel->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Minimum);
    m_statusLabel->setWordWrap(true);
    m_statusLabel->setObjectName(QStringLiteral("statusLine"));
    m_statusLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_counters->setObjectName(QStringLiteral("counters"));
    m_counters->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_notStored->setObjectName(QStringLiteral("notStored"));
    Theme::setTextRole(m_notStored, Theme::Text::Error);
    m_counters->setVisible(false);
    m_notStored->setVisible(false);
    // Red while recording, whatever the theme: the colour of a recorder's REC lamp.
    m_recording->setObjectName(QStringLiteral("recordingButton"));
    m_recording->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_recording->setAutoRaise(true);
    Theme::setTextRole(m_recording, Theme::Text::Error);
    m_recording->setVisible(false);

    m_edit->setIcon(style()->standardIcon(QStyle::SP_FileDialogDetailedView));
    m_texts.add([this] {
        m_edit->setToolTip(tr("Edit connection"));
        m_edit->setAccessibleName(tr("Edit connection"));
    });
    m_edit->setAutoRaise(true);
    m_connect->setObjectName(QStringLiteral("connectButton"));
    m_edit->setObjectName(QStringLiteral("editButton"));

    auto *text = new QVBoxLayout;
    text->setSpacing(0);
    text->addWidget(m_name);
    text->addWidget(m_statusLabel);
    auto *row = new QHBoxLayout(this);
    row->setContentsMargins(12, 8, 12, 8);
    row->addWidget(m_dot, 0, Qt::AlignVCenter);
    row->addLayout(text, 1);
    auto *counters = new QVBoxLayout;
    counters->setSpacing(0);
    counters->addWidget(m_counters, 0, Qt::AlignRight);
    counters->addWidget(m_notStored, 0, Qt::AlignRight);
    row->addLayout(counters);
    row->addWidget(m_recording);
    row->addWidget(m_edit);
    row->addWidget(m_connect);
    setTabOrder(m_connect, m_edit);
    setTabOrder(m_edit, m_recording);
    connect(m_recording, &QToolButton::clicked, this, [this] {
        if (m_profileId != 0)
            emit stopRecordingRequested(m_profileId);
    });

    connect(m_connect, &QPushButton::clicked, this, [this] {
        if (m_profileId == 0)
            return;
        if (m_status == ConnectionListModel::Status::Connected ||
            m_status == ConnectionListModel::Status::Connecting)
            emit disconnectRequested(m_profileId);
        else
            emit connectRequested(m_profileId);
    });
    connect(m_edit, &QToolButton::clicked, this, [this] {
        if (m_profileId != 0)
            emit editRequested(m_profileId);
    });
    show(0, {}, {}, ConnectionListModel::Status::Disconnected);
}

void ConnectionHeader::show(qint64 profileId, const QString &name, const QString &hostPort,
                            ConnectionListModel::Status status, const QString &error,
                            const QString &statusText)
{
    m_profileId = profileId;
    m_status = status;
    const bool any = profileId != 0;
    m_connect->setEnabled(any);
    m_edit->setEnabled(any);
    m_dot->setVisible(any);
    if (!any) {
        m_name->setText(tr("No connection selected"));
        m_name->setToolTip(QString());
        m_statusLabel->setText(tr("Choose a connection on the left, or create one with New."));
        m_statusLabel->setToolTip(QString()); // not the last connection's error
        m_connect->setText(tr("Connect"));
        return;
    }
    const QColor color = ConnectionStatusDelegate::statusColor(int(status), m_dot->palette());
    m_dot->setStyleSheet(QStringLiteral("background:%1;border-radius:6px;").arg(color.name()));
    m_name->setText(name);
    m_name->setToolTip(name);
    QString word = statusText.isEmpty() ? ConnectionListModel::statusText(status) : statusText;
    if (status == ConnectionListModel::Status::Error && !error.isEmpty())
        word = ConnectionListModel::failedText(error);
    else if (status == ConnectionListModel::Status::Connecting && !error.isEmpty())
        word = tr("%1 · %2").arg(word, error); // reconnecting: why the last attempt failed
    const QString line = tr("%1 · %2").arg(hostPort, word);
    m_statusLabel->setText(line);
    m_statusLabel->setToolTip(line);
    // Connecting includes the wait between reconnect attempts: the button cancels either.
    if (status == ConnectionListModel::Status::Connected) {
        m_connect->setText(tr("Disconnect"));
        m_connect->setAccessibleName(tr("Disconnect from %1").arg(name));
    } else if (status == ConnectionListModel::Status::Connecting) {
        m_connect->setText(tr("Cancel"));
        m_connect->setAccessibleName(tr("Stop connecting to %1").arg(name));
    } else {
        m_connect->setText(tr("Connect"));
        m_connect->setAccessibleName(tr("Connect to %1").arg(name));
    }
}

void ConnectionHeader::setCounters(const Counters &c)
{
    const QLocale locale;
    const QString shown = c.shown < 0 ? QStringLiteral("…") : locale.toString(c.shown);
    m_counters->setText(tr("Received %1 · Stored %2 · Shown %3")
                            .arg(locale.toString(c.received), locale.toString(c.stored), shown));
    m_counters->setToolTip(
        tr("Received: messages this connection received since it was opened. Stored: messages "
           "in its history. Shown: stored messages that match the stream's filter."));
    m_counters->setVisible(true);
    const bool failing = !c.storageProblem.isEmpty();
    m_notStored->setVisible(c.notStored > 0 || failing);
    if (c.notStored > 0 || failing) {
        // Storing stopped before anything was refused: say so at once, with the reason.
        m_notStored->setText(c.notStored > 0
                                 ? tr("Not stored: %1").arg(locale.toString(c.notStored))
                                 : tr("Not storing"));
        QString tip = tr("Messages that arrived but could not be written to the history (its "
                         "queue was full or the disk failed). The broker sends QoS 1 and 2 "
                         "messages again; QoS 0 messages are lost.");
        if (failing)
            tip += QLatin1Char('\n') +
                   tr("The history cannot be written: %1 Messages wait in memory up to the "
                      "writer's queue (any beyond it are counted here), and storing resumes by "
                      "itself once this is fixed.")
                       .arg(c.storageProblem);
        m_notStored->setToolTip(tip);
        m_notStored->setAccessibleDescription(tip);
    }
    m_recording->setVisible(c.recorded >= 0);
    if (c.recorded >= 0) {
        m_recording->setText(tr("● Recording %1").arg(locale.toString(c.recorded)));
        const QString tip =
            tr("Recording this connection's messages to %1. Click to stop.").arg(c.recordingFile);
        m_recording->setToolTip(tip);
        m_recording->setAccessibleName(tr("Stop recording"));
        m_recording->setAccessibleDescription(tip);
    }
}

void ConnectionHeader::clearCounters()
{
    m_counters->setVisible(false);
    m_notStored->setVisible(false);
    // Red while recording, whatever the theme: the colour of a recorder's REC lamp.
    m_recording->setObjectName(QStringLiteral("recordingButton"));
    m_recording->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_recording->setAutoRaise(true);
    Theme::setTextRole(m_recording, Theme::Text::Error);
    m_recording->setVisible(false);
}

QString ConnectionHeader::countersText() const
{
    return m_counters->isHidden() ? QString() : m_counters->text();
}

QString ConnectionHeader::notStoredText() const
{
    return m_notStored->isHidden() ? QString() : m_notStored->text();
}

QString ConnectionHeader::notStoredToolTip() const
{
    return m_notStored->isHidden() ? QString() : m_notStored->toolTip();
}

QString ConnectionHeader::statusText() const
{
    return m_statusLabel->text();
}

void ConnectionHeader::changeEvent(QEvent *event)
{
    // The status line and counters are set again by their owner (MainWindow::changeEvent).
    m_texts.handle(event);
    QWidget::changeEvent(event);
}

} // namespace mqttdesk
