#include "ui/connections/connection_header.h"

#include "ui/connections/connection_status_delegate.h"

#include <QHBoxLayout>
#include <QLabel>
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
    , m_connect(new QPushButton(this))
    , m_edit(new QToolButton(this))
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

    m_edit->setIcon(style()->standardIcon(QStyle::SP_FileDialogDetailedView));
    m_edit->setToolTip(tr("Edit connection"));
    m_edit->setAccessibleName(tr("Edit connection"));
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
    row->addWidget(m_edit);
    row->addWidget(m_connect);
    setTabOrder(m_connect, m_edit);

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
                            ConnectionListModel::Status status, const QString &error)
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
    QString line = tr("%1 · %2").arg(hostPort, ConnectionListModel::statusText(status));
    if (status == ConnectionListModel::Status::Error && !error.isEmpty())
        line = tr("%1 · %2").arg(hostPort, error);
    m_statusLabel->setText(line);
    m_statusLabel->setToolTip(line);
    const bool open = status == ConnectionListModel::Status::Connected ||
                      status == ConnectionListModel::Status::Connecting;
    m_connect->setText(open ? tr("Disconnect") : tr("Connect"));
    m_connect->setAccessibleName(open ? tr("Disconnect from %1").arg(name)
                                      : tr("Connect to %1").arg(name));
}

QString ConnectionHeader::statusText() const
{
    return m_statusLabel->text();
}

} // namespace mqttdesk
