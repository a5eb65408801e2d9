#include "ui/stream/script_options_editor.h"

#include "core/payload/payload_decoder.h"
#include "core/script/script_decoder.h"
#include "ui/theme/theme.h"

#include <QApplication>
#include <QEvent>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QSpinBox>
#include <QThreadPool>

namespace mqttdesk {

namespace {

const QString kTimeKey = QStringLiteral("timeLimitMs");
const QString kScriptKey = QStringLiteral("script");

} // namespace

ScriptOptionsEditor::ScriptOptionsEditor(QWidget *parent)
    : QWidget(parent)
{
    const QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    m_code = new QPlainTextEdit(this);
    m_code->setObjectName(QStringLiteral("scriptCode"));
    m_code->setFont(mono);
    m_code->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_code->setTabChangesFocus(true); // the keyboard can leave the editor
    m_code->setMinimumHeight(120);
    m_timeLimit = new QSpinBox(this);
    m_timeLimit->setObjectName(QStringLiteral("scriptTimeLimit"));
    m_timeLimit->setRange(1, 10000);
    m_timeLimit->setValue(ScriptLimits::kDefaultTimeLimitMs);
    m_sampleTopic = new QLineEdit(this);
    m_sampleTopic->setObjectName(QStringLiteral("scriptSampleTopic"));
    m_sample = new QLineEdit(this);
    m_sample->setObjectName(QStringLiteral("scriptSample"));
    m_sample->setFont(mono);
    m_test = new QPushButton(this);
    m_test->setObjectName(QStringLiteral("scriptTest"));
    m_result = new QLabel(this);
    m_result->setObjectName(QStringLiteral("scriptResult"));
    m_result->setFont(mono);
    m_result->setWordWrap(true);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_result->setTextFormat(Qt::PlainText);
    m_result->hide();

    auto *codeLabel = new QLabel(this);
    codeLabel->setBuddy(m_code);
    auto *help = new QLabel(this);
    help->setWordWrap(true);
    Theme::setTextRole(help, Theme::Text::Muted);
    auto *timeLabel = new QLabel(this);
    timeLabel->setBuddy(m_timeLimit);
    auto *topicLabel = new QLabel(this);
    topicLabel->setBuddy(m_sampleTopic);
    auto *sampleLabel = new QLabel(this);
    sampleLabel->setBuddy(m_sample);
    auto *sampleRow = new QHBoxLayout;
    sampleRow->addWidget(m_sample, 1);
    sampleRow->addWidget(m_test);

    auto *form = new QFormLayout(this);
    form->setContentsMargins(0, 0, 0, 0);
    form->addRow(codeLabel, m_code);
    form->addRow(QString(), help);
    form->addRow(timeLabel, m_timeLimit);
    form->addRow(topicLabel, m_sampleTopic);
    form->addRow(sampleLabel, sampleRow);
    form->addRow(QString(), m_result);

    m_texts.add([=, this] {
        codeLabel->setText(tr("&Script:"));
        m_code->setPlaceholderText(tr("return JSON.parse(payload).temp + ' °C';"));
        help->setText(tr("The body of function (payload, topic, message): payload is the text, "
                         "message.bytes the raw bytes, message.qos and message.retain. Return "
                         "a string, or an object to show it as JSON."));
        timeLabel->setText(tr("&Time limit:"));
        m_timeLimit->setSuffix(tr(" ms"));
        m_timeLimit->setToolTip(tr("A call that runs longer is stopped and shows an error"));
        topicLabel->setText(tr("Sample t&opic:"));
        m_sampleTopic->setPlaceholderText(tr("e.g. plant/boiler/temp"));
        sampleLabel->setText(tr("Sample &payload:"));
        m_sample->setPlaceholderText(tr("e.g. {\"temp\": 21.5}"));
        m_test->setText(tr("T&est"));
        m_test->setToolTip(tr("Run the script on the sample payload"));
    });
    m_texts.retranslate();

    setTabOrder(m_code, m_timeLimit);
    setTabOrder(m_timeLimit, m_sampleTopic);
    setTabOrder(m_sampleTopic, m_sample);
    setTabOrder(m_sample, m_test);

    connect(m_code, &QPlainTextEdit::textChanged, this, [this] {
        if (!m_setting)
            emit edited();
    });
    connect(m_timeLimit, &QSpinBox::valueChanged, this, [this] {
        if (!m_setting)
            emit edited();
    });
    connect(m_test, &QPushButton::clicked, this, &ScriptOptionsEditor::test);
    connect(m_sample, &QLineEdit::returnPressed, this, &ScriptOptionsEditor::test);
}

void ScriptOptionsEditor::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        m_texts.retranslate();
    QWidget::changeEvent(event);
}

QString ScriptOptionsEditor::script() const
{
    return m_code->toPlainText();
}

QJsonObject ScriptOptionsEditor::options() const
{
    QJsonObject out = m_extra;
    out.insert(kScriptKey, script());
    out.insert(kTimeKey, m_timeLimit->value());
    return out;
}

void ScriptOptionsEditor::setOptions(const QJsonObject &options)
{
    m_setting = true;
    m_extra = options;
    m_extra.remove(kScriptKey);
    m_extra.remove(kTimeKey);
    m_code->setPlainText(ScriptDecoder::script(options));
    const std::optional<ScriptLimits> limits = ScriptDecoder::limits(options);
    m_timeLimit->setValue(limits ? limits->timeLimitMs : ScriptLimits::kDefaultTimeLimitMs);
    m_result->clear();
    m_result->hide();
    ++m_generation; // a test on its way was for other options
    m_setting = false;
}

void ScriptOptionsEditor::test()
{
    const quint64 generation = ++m_generation;
    RenderOptions render;
    render.decoderOptions = options();
    render.topic = m_sampleTopic->text();
    const QByteArray sample = m_sample->text().toUtf8();
    m_result->setText(ScriptDecoder::pendingText());
    Theme::setTextRole(m_result, Theme::Text::Muted);
    m_result->show();
    QPointer<ScriptOptionsEditor> self(this);
    // The script runs on a pool thread (its own engine there), with the rule's time limit.
    QThreadPool::globalInstance()->start([self, generation, render, sample] {
        const RenderedPayload out = ScriptDecoder().render(sample, render);
        const bool failed = out.error.has_value();
        const QString text = failed ? out.error->message() : out.text;
        QMetaObject::invokeMethod(
            qApp,
            [self, generation, text, failed] {
                if (self && generation == self->m_generation)
                    self->showResult(text, failed);
            },
            Qt::QueuedConnection);
    });
}

void ScriptOptionsEditor::showResult(const QString &text, bool failed)
{
    m_failed = failed;
    m_result->setText(failed ? text : tr("Result:\n%1").arg(text));
    Theme::setTextRole(m_result, failed ? Theme::Text::Error : Theme::Text::Normal);
    m_result->show();
    emit tested();
}

QString ScriptOptionsEditor::testResult() const
{
    return m_result->text();
}

} // namespace mqttdesk
