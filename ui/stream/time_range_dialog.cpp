#include "ui/stream/time_range_dialog.h"

#include "ui/theme/theme.h"

#include <QCheckBox>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace mqttdesk {

namespace {

QDateTimeEdit *makeEdit(QWidget *parent)
{
    auto *edit = new QDateTimeEdit(parent);
    edit->setCalendarPopup(true);
    edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    return edit;
}

} // namespace

TimeRangeDialog::TimeRangeDialog(const std::optional<QDateTime> &from,
                                 const std::optional<QDateTime> &to, QWidget *parent)
    : QDialog(parent)
    , m_fromCheck(new QCheckBox(this))
    , m_fromEdit(makeEdit(this))
    , m_toCheck(new QCheckBox(this))
    , m_toEdit(makeEdit(this))
    , m_problem(new QLabel(this))
{
    setObjectName(QStringLiteral("timeRangeDialog"));
    m_fromEdit->setObjectName(QStringLiteral("timeRange.from"));
    m_toEdit->setObjectName(QStringLiteral("timeRange.to"));
    Theme::setTextRole(m_problem, Theme::Text::Error);
    m_problem->setVisible(false);

    auto *grid = new QGridLayout;
    grid->addWidget(m_fromCheck, 0, 0);
    grid->addWidget(m_fromEdit, 0, 1);
    grid->addWidget(m_toCheck, 1, 0);
    grid->addWidget(m_toEdit, 1, 1);
    grid->setColumnStretch(1, 1);

    auto *presets = new QHBoxLayout;
    auto *presetLabel = new QLabel(this);
    presets->addWidget(presetLabel);
    const QList<std::pair<const char *, qint64>> choices{{QT_TR_NOOP("15 minutes"), 15 * 60},
                                                         {QT_TR_NOOP("hour"), 3600},
                                                         {QT_TR_NOOP("24 hours"), 24 * 3600}};
    QList<QWidget *> order{m_fromCheck, m_fromEdit, m_toCheck, m_toEdit};
    for (const auto &[text, seconds] : choices) {
        auto *button = new QPushButton(this);
        button->setAutoDefault(false);
        m_texts.add([button, text = text] {
            button->setText(tr(text));
            button->setAccessibleName(tr("Last %1").arg(tr(text)));
        });
        connect(button, &QPushButton::clicked, this, [this, s = seconds] { setLast(s); });
        presets->addWidget(button);
        order << button;
    }
    presets->addStretch(1);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_apply = buttons->button(QDialogButtonBox::Ok);
    m_texts.add([=, this] {
        setWindowTitle(tr("Time range"));
        m_fromCheck->setText(tr("&From:"));
        m_toCheck->setText(tr("&To:"));
        m_fromEdit->setAccessibleName(tr("Start of the time range"));
        m_toEdit->setAccessibleName(tr("End of the time range"));
        m_fromCheck->setToolTip(tr("Unticked: from the oldest stored message"));
        m_toCheck->setToolTip(tr("Unticked: up to the newest message, live ones included"));
        presetLabel->setText(tr("Last:"));
        m_apply->setText(tr("&Apply"));
    });
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    order << buttons;

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(grid);
    layout->addLayout(presets);
    layout->addWidget(m_problem);
    layout->addWidget(buttons);
    for (int i = 1; i < order.size(); ++i)
        setTabOrder(order.at(i - 1), order.at(i));

    const QDateTime now = QDateTime::currentDateTime();
    setFrom(from);
    if (!from)
        m_fromEdit->setDateTime(now.addSecs(-3600));
    setTo(to);
    if (!to)
        m_toEdit->setDateTime(now);
    connect(m_fromCheck, &QCheckBox::toggled, m_fromEdit, &QWidget::setEnabled);
    connect(m_toCheck, &QCheckBox::toggled, m_toEdit, &QWidget::setEnabled);
    for (QCheckBox *check : {m_fromCheck, m_toCheck})
        connect(check, &QCheckBox::toggled, this, &TimeRangeDialog::validate);
    for (QDateTimeEdit *edit : {m_fromEdit, m_toEdit})
        connect(edit, &QDateTimeEdit::dateTimeChanged, this, &TimeRangeDialog::validate);
    validate();
    resize(qMax(sizeHint().width(), 420), sizeHint().height());
}

void TimeRangeDialog::changeEvent(QEvent *event)
{
    if (m_texts.handle(event))
        validate();
    QDialog::changeEvent(event);
}

std::optional<QDateTime> TimeRangeDialog::from() const
{
    if (!m_fromCheck->isChecked())
        return std::nullopt;
    return m_fromEdit->dateTime();
}

std::optional<QDateTime> TimeRangeDialog::to() const
{
    if (!m_toCheck->isChecked())
        return std::nullopt;
    return m_toEdit->dateTime();
}

void TimeRangeDialog::setFrom(const std::optional<QDateTime> &from)
{
    m_fromCheck->setChecked(from.has_value());
    m_fromEdit->setEnabled(from.has_value());
    if (from)
        m_fromEdit->setDateTime(from->toLocalTime());
}

void TimeRangeDialog::setTo(const std::optional<QDateTime> &to)
{
    m_toCheck->setChecked(to.has_value());
    m_toEdit->setEnabled(to.has_value());
    if (to)
        m_toEdit->setDateTime(to->toLocalTime());
}

void TimeRangeDialog::setLast(qint64 seconds)
{
    setFrom(QDateTime::currentDateTime().addSecs(-seconds));
    setTo(std::nullopt);
}

QString TimeRangeDialog::problem() const
{
    const auto start = from();
    const auto end = to();
    if (start && end && *start > *end)
        return tr("The start is after the end: no message can match.");
    return {};
}

void TimeRangeDialog::validate()
{
    const QString text = problem();
    m_problem->setText(text);
    m_problem->setVisible(!text.isEmpty());
    m_apply->setEnabled(text.isEmpty());
}

} // namespace mqttdesk
