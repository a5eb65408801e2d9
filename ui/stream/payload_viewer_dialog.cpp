#include "ui/stream/payload_viewer_dialog.h"

#include "core/payload/decoder_registry.h"
#include "core/payload/hex_dump.h"
#include "ui/stream/payload_file_saver.h"
#include "ui/widgets/decoder_combo.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFontDatabase>
#include <QFontMetrics>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QThread>
#include <QVBoxLayout>

namespace mqttdesk {

PayloadViewerDialog::PayloadViewerDialog(const QString &topic, const QByteArray &payload,
                                         PayloadFormat format, const PayloadHint &hint,
                                         QWidget *parent)
    : PayloadViewerDialog(topic, payload, payloadFormatKey(format), hint, parent)
{}

PayloadViewerDialog::PayloadViewerDialog(const QString &topic, const QByteArray &payload,
                                         const QString &decoder, const PayloadHint &hint,
                                         QWidget *parent)
    : QDialog(parent)
    , m_payload(payload)
    , m_hint(hint)
    , m_decoder(decoder)
{

    resize(900, 640);
    auto *layout = new QVBoxLayout(this);
    auto *top = new QHBoxLayout;
    auto *formatLabel = new QLabel(this);
    m_formatBox = new QComboBox(this);
    DecoderCombo::fill(m_formatBox);
    DecoderCombo::select(m_formatBox, m_decoder);
    formatLabel->setBuddy(m_formatBox);
    m_status = new QLabel(this);
    top->addWidget(formatLabel);
    top->addWidget(m_formatBox);
    top->addStretch();
    top->addWidget(m_status);
    layout->addLayout(top);

    m_editor = new QPlainTextEdit(this);
    m_editor->setReadOnly(true);
    m_editor->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_editor->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_editor->installEventFilter(this);
    m_editor->viewport()->installEventFilter(this);
    layout->addWidget(m_editor, 1);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto *copy = buttons->addButton(QString(), QDialogButtonBox::ActionRole);
    auto *save = buttons->addButton(QString(), QDialogButtonBox::ActionRole);
    m_texts.add([=, this] {
        setWindowTitle(tr("Payload of %1").arg(topic));
        formatLabel->setText(tr("&Format:"));
        m_editor->setAccessibleName(tr("Payload"));
        copy->setText(tr("&Copy"));
        save->setText(tr("&Save payload as…"));
    });
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(copy, &QPushButton::clicked, this, &PayloadViewerDialog::copyAll);
    connect(save, &QPushButton::clicked, this, &PayloadViewerDialog::saveAs);
    connect(m_formatBox, &QComboBox::currentIndexChanged, this,
            [this] { setDecoder(DecoderCombo::currentId(m_formatBox)); });
    connect(m_editor->verticalScrollBar(), &QScrollBar::valueChanged, this,
            &PayloadViewerDialog::onScrolled);
    setTabOrder(m_formatBox, m_editor);
    startRendering();
}

PayloadViewerDialog::~PayloadViewerDialog()
{
    ++m_generation;
    if (m_worker)
        m_worker->wait();
}

void PayloadViewerDialog::changeEvent(QEvent *event)
{
    if (m_texts.handle(event))
        DecoderCombo::retranslate(m_formatBox);
    QDialog::changeEvent(event);
}

qsizetype PayloadViewerDialog::shownChars() const
{
    return m_shown;
}

PayloadFormat PayloadViewerDialog::format() const
{
    return payloadFormatFromKey(m_decoder).value_or(PayloadFormat::Auto);
}

void PayloadViewerDialog::setFormat(PayloadFormat format)
{
    setDecoder(payloadFormatKey(format));
}

void PayloadViewerDialog::setDecoder(const QString &decoder)
{
    if (decoder == m_decoder && m_full)
        return;
    m_decoder = decoder;
    m_topByte = -1;
    startRendering();
}

bool PayloadViewerDialog::eventFilter(QObject *watched, QEvent *event)
{
    // Its width in characters changes with the viewport's size and with the font.
    if ((watched == m_editor->viewport() && event->type() == QEvent::Resize) ||
        (watched == m_editor && event->type() == QEvent::FontChange))
        updateHexBytesPerLine();
    return QDialog::eventFilter(watched, event);
}

void PayloadViewerDialog::updateHexBytesPerLine()
{
    // The editor is monospace: every character is as wide as a digit.
    const QFontMetricsF metrics(m_editor->font());
    const qreal room =
        m_editor->viewport()->width() - 2 * m_editor->document()->documentMargin() - 1;
    const int columns = int(room / metrics.horizontalAdvance(QLatin1Char('0')));
    const int perLine = HexDump::bytesPerLineFor(columns);
    if (perLine == m_hexBytesPerLine)
        return;
    m_hexBytesPerLine = perLine;
    // While the full rendering runs, it is laid out again once it lands (onRendered):
    // starting over now would wait for it on this thread.
    if (isLaidOutForAnotherWidth() && m_full)
        startRendering();
}

bool PayloadViewerDialog::isLaidOutForAnotherWidth()
{
    // Text, JSON, ... do not depend on the width; they get the new count when next shown.
    if (m_shownDecoder != u"hex" || m_shownBytesPerLine == m_hexBytesPerLine)
        return false;
    // In NoWrap mode the scroll bar counts lines: this many lines are above.
    if (m_topByte < 0)
        m_topByte = qint64(m_editor->verticalScrollBar()->value()) * m_shownBytesPerLine;
    return true;
}

void PayloadViewerDialog::scrollToTopByte()
{
    if (m_topByte <= 0)
        return;
    const int line = int(m_topByte / m_hexBytesPerLine);
    QScrollBar *bar = m_editor->verticalScrollBar();
    // Lines past the shown chunks are appended first (only once the full text is there).
    while (bar->maximum() < line && showMore()) {
    }
    bar->setValue(line);
}

void PayloadViewerDialog::setDecoderOptions(const QString &decoder, const QJsonObject &options)
{
    m_decoderOptions.insert(decoder, options);
    if (decoder == m_decoder)
        startRendering();
}

void PayloadViewerDialog::startRendering()
{
    const quint64 generation = ++m_generation;
    m_full.reset();
    const DecoderRegistry &registry = DecoderRegistry::instance();
    QString decoder = m_decoder;
    // The preview is bounded by a prefix of the bytes: this is what opening costs.
    if (!registry.decoder(decoder) || decoder == DecoderRegistry::AutoId) {
        const PayloadDecoder *picked = registry.detect(m_payload, m_hint);
        decoder = picked ? picked->id() : QString();
    }
    RenderOptions options;
    options.hint = m_hint;
    options.decoderOptions = m_decoderOptions.value(decoder);
    options.maxChars = ChunkChars;
    options.hexBytesPerLine = m_hexBytesPerLine;
    const RenderedPayload preview = registry.render(m_payload, decoder, options);
    m_shownDecoder = preview.decoder;
    m_shownBytesPerLine = m_hexBytesPerLine;
    m_editor->setPlainText(preview.text);
    m_shown = preview.text.size();
    scrollToTopByte();
    m_status->setText(tr("%1 · rendering…").arg(QLocale().formattedDataSize(m_payload.size())));

    // The full rendering runs off the GUI thread; only its first chunk replaces the preview.
    const QByteArray bytes = m_payload;
    options.maxChars = -1;
    QPointer<PayloadViewerDialog> self(this);
    QThread *worker = QThread::create([self, bytes, decoder, options, generation] {
        RenderedPayload full = DecoderRegistry::instance().render(bytes, decoder, options);
        if (!self)
            return;
        QMetaObject::invokeMethod(
            self.data(),
            [self, generation, full = std::move(full)] {
                if (self)
                    self->onRendered(generation, full);
            },
            Qt::QueuedConnection);
    });
    connect(worker, &QThread::finished, worker, &QObject::deleteLater);
    if (m_worker)
        m_worker->wait();
    m_worker = worker;
    worker->start(QThread::LowPriority);
}

void PayloadViewerDialog::onRendered(quint64 generation, const RenderedPayload &payload)
{
    if (generation != m_generation)
        return;
    m_full = payload;
    m_shownDecoder = payload.decoder;
    // The width changed while it was rendered.
    if (isLaidOutForAnotherWidth()) {
        startRendering();
        return;
    }
    const int scroll = m_editor->verticalScrollBar()->value();
    const QString first = payload.text.left(ChunkChars);
    if (first != m_editor->toPlainText().left(ChunkChars) || m_shown != first.size()) {
        m_editor->setPlainText(first);
        m_editor->verticalScrollBar()->setValue(scroll);
    }
    m_shown = first.size();
    scrollToTopByte();
    m_topByte = -1;
    QString status = tr("%1 · %2").arg(QLocale().formattedDataSize(m_payload.size()),
                                       DecoderRegistry::instance().name(payload.decoder));
    if (payload.error)
        status += QStringLiteral(" · ") + payload.error->message();
    m_status->setText(status);
    emit rendered();
}

bool PayloadViewerDialog::showMore()
{
    if (!m_full || m_shown >= m_full->text.size())
        return false;
    QString chunk = m_full->text.mid(m_shown, ChunkChars);
    m_shown += chunk.size();
    // appendPlainText adds a line break; the chunk continues the last line instead.
    QTextCursor cursor(m_editor->document());
    cursor.movePosition(QTextCursor::End);
    cursor.insertText(chunk);
    return true;
}

void PayloadViewerDialog::onScrolled(int value)
{
    const QScrollBar *bar = m_editor->verticalScrollBar();
    if (value >= bar->maximum() - 2 * bar->pageStep())
        showMore();
}

void PayloadViewerDialog::copyAll()
{
    if (m_full)
        QApplication::clipboard()->setText(m_full->text);
    else
        QApplication::clipboard()->setText(m_editor->toPlainText());
}

void PayloadViewerDialog::saveAs()
{
    PayloadFileSaver::save(this, m_payload);
}

} // namespace mqttdesk
