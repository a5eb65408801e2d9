#include "ui/stream/payload_viewer_dialog.h"

#include "core/inspector/image_sniffer.h"
#include "core/payload/decoder_registry.h"
#include "core/payload/hex_dump.h"
#include "ui/charts/chart_this.h"
#include "ui/inspector/hex_view.h"
#include "ui/inspector/image_preview.h"
#include "ui/inspector/json_tree_view.h"
#include "ui/stream/payload_file_saver.h"
#include "ui/widgets/decoder_combo.h"
#include "ui/widgets/prompts.h"

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
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QTabWidget>
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
    , m_topic(topic)
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
    top->addWidget(formatLabel);
    top->addWidget(m_formatBox);
    top->addStretch();
    layout->addLayout(top);

    m_tabs = new QTabWidget(this);
    m_editor = new QPlainTextEdit(this);
    m_editor->setReadOnly(true);
    m_editor->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_editor->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_editor->installEventFilter(this);
    m_editor->viewport()->installEventFilter(this);
    m_tabs->addTab(m_editor, QString());
    m_tree = new JsonTreeView(this);
    m_tabs->addTab(m_tree, QString());
    m_tabs->setTabEnabled(int(Tab::Tree), false);
    m_hex = new HexView(this);
    m_hex->setData(m_payload);
    m_tabs->addTab(m_hex, QString());
    // A picture by its magic bytes or its content type opens on the picture.
    if (const auto kind = ImageSniffer::kindOf(m_payload, m_hint.contentType)) {
        m_image = new ImagePreview(this);
        m_image->setPayload(m_payload, *kind);
        m_tabs->addTab(m_image, QString());
        m_tabs->setCurrentWidget(m_image);
    }
    layout->addWidget(m_tabs, 1);

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("status"));
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->setWordWrap(true);
    layout->addWidget(m_status);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    // One button, its menu the ways to copy: the dialog stays narrow enough for a hex dump
    // of 8 bytes a line.
    auto *copy = buttons->addButton(QString(), QDialogButtonBox::ActionRole);
    auto *copyMenu = new QMenu(copy);
    QAction *asText = copyMenu->addAction(QString());
    QAction *asHex = copyMenu->addAction(QString());
    QAction *asBase64 = copyMenu->addAction(QString());
    QAction *asCArray = copyMenu->addAction(QString());
    copy->setMenu(copyMenu);
    auto *save = buttons->addButton(QString(), QDialogButtonBox::ActionRole);
    m_texts.add([=, this] {
        setWindowTitle(tr("Payload of %1").arg(topic));
        formatLabel->setText(tr("&Format:"));
        m_editor->setAccessibleName(tr("Payload"));
        m_tabs->setTabText(int(Tab::Text), tr("&Text"));
        m_tabs->setTabText(int(Tab::Tree), tr("T&ree"));
        m_tabs->setTabToolTip(int(Tab::Tree), tr("Shown when the payload is, or decodes to, JSON"));
        m_tabs->setTabText(int(Tab::Hex), tr("&Hex"));
        if (m_image)
            m_tabs->setTabText(int(Tab::Image), tr("&Picture"));
        copy->setText(tr("&Copy"));
        asText->setText(tr("&Text as shown"));
        asHex->setText(tr("&Hex"));
        asBase64->setText(tr("&Base64"));
        asCArray->setText(tr("&C array"));
        m_tabs->setAccessibleName(tr("Views of the payload"));
        save->setText(tr("&Save payload as…"));
        updateStatus();
    });
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(asText, &QAction::triggered, this, &PayloadViewerDialog::copyAll);
    connect(asHex, &QAction::triggered, this, [this] { copyAs(PayloadCopyText::Format::Hex); });
    connect(asBase64, &QAction::triggered, this,
            [this] { copyAs(PayloadCopyText::Format::Base64); });
    connect(asCArray, &QAction::triggered, this,
            [this] { copyAs(PayloadCopyText::Format::CArray); });
    connect(save, &QPushButton::clicked, this, &PayloadViewerDialog::saveAs);
    connect(m_formatBox, &QComboBox::currentIndexChanged, this,
            [this] { setDecoder(DecoderCombo::currentId(m_formatBox)); });
    connect(m_editor->verticalScrollBar(), &QScrollBar::valueChanged, this,
            &PayloadViewerDialog::onScrolled);
    connect(m_tree, &JsonTreeView::loaded, this,
            [this](bool ok) { m_tabs->setTabEnabled(int(Tab::Tree), ok); });
    connect(m_tree, &JsonTreeView::chartRequested, this,
            [this](const QString &path) { emit chartRequested(chartSpec(path)); });
    setTabOrder(m_formatBox, m_tabs);
    setTabOrder(m_tabs, m_editor);
    startRendering();
}

PayloadViewerDialog::~PayloadViewerDialog()
{
    ++m_generation;
    m_worker.wait();
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
    options.topic = m_topic; // scripts read it
    options.decoderOptions = m_decoderOptions.value(decoder);
    options.maxChars = ChunkChars;
    options.hexBytesPerLine = m_hexBytesPerLine;
    const RenderedPayload preview = registry.render(m_payload, decoder, options);
    m_shownDecoder = preview.decoder;
    m_shownBytesPerLine = m_hexBytesPerLine;
    m_editor->setPlainText(preview.text);
    m_shown = preview.text.size();
    scrollToTopByte();
    m_shownName.clear();
    m_renderError.clear();
    m_tabs->setTabEnabled(int(Tab::Tree), false);
    // Hundreds of megabytes of dump text would be several times the payload in memory: the
    // Hex tab shows such bytes a screen at a time, and the text stays the preview.
    m_hexTabOnly = preview.decoder == u"hex" && m_payload.size() > kWholeHexTextLimit;
    if (m_hexTabOnly) {
        m_full = preview;
        m_shownName = registry.name(preview.decoder);
        if (preview.error)
            m_renderError = preview.error->message();
        if (m_tabs->currentIndex() == int(Tab::Text))
            m_tabs->setCurrentIndex(int(Tab::Hex));
    }
    if (m_detected.isEmpty()) {
        // What Auto would pick and whether the bytes are text: once per dialog.
        const PayloadDecoder *picked = registry.detect(m_payload, m_hint);
        m_detected = picked ? picked->name() : registry.name(u"hex");
        if (const auto kind = ImageSniffer::kindOf(m_payload, m_hint.contentType))
            m_detected = tr("a %1 picture").arg(ImageSniffer::name(*kind));
        m_utf8 = QByteArrayView(m_payload).isValidUtf8();
    }
    updateStatus();
    if (m_hexTabOnly) {
        emit rendered();
        return;
    }

    // The full rendering runs off the GUI thread; only its first chunk replaces the preview.
    const QByteArray bytes = m_payload;
    options.maxChars = -1;
    m_worker.run(
        this,
        [bytes, decoder, options] {
            return DecoderRegistry::instance().render(bytes, decoder, options);
        },
        [this, generation](const RenderedPayload &full) { onRendered(generation, full); });
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
    m_shownName = DecoderRegistry::instance().name(payload.decoder);
    m_renderError = payload.error ? payload.error->message() : QString();
    updateStatus();
    updateTreeTab(payload);
    emit rendered();
}

void PayloadViewerDialog::setChartable(bool chartable)
{
    m_tree->setChartable(chartable);
}

ChartSeriesSpec PayloadViewerDialog::chartSpec(const QString &path) const
{
    ChartSeriesSpec spec;
    spec.topicFilter = m_topic;
    ExtractorSpec &e = spec.extractor;
    e.path = path;
    // The tree shows the payload itself (JSON, or text that is JSON), or a decoder's JSON
    // rendering of it: the chart must read the same way.
    if (m_shownDecoder.isEmpty() || m_shownDecoder == u"json" || m_shownDecoder == u"text") {
        e.kind = ExtractorSpec::Kind::JsonPath;
        return spec;
    }
    e.kind = ExtractorSpec::Kind::Decoded;
    if (m_shownDecoder == m_ruleDecoder) {
        // As the stream shows it: the chart follows the rules when they change.
        e.decoder = QString(ExtractorSpec::kRulesDecoder);
    } else {
        e.decoder = m_shownDecoder;
        e.decoderOptions = m_decoderOptions.value(m_shownDecoder);
    }
    if (m_shownDecoder == u"sparkplug") {
        // This message's context (SparkplugContextResolver) is not the series': a chart reads
        // every message on its own. A metric is charted by its name: its place may change.
        e.decoderOptions.remove(QStringLiteral("before"));
        e.decoderOptions.remove(QStringLiteral("topic"));
        if (const JsonTreeModel::Document &document = m_tree->model()->document()) {
            e.metric = ChartThis::sparkplugMetric(*document, path);
            if (!e.metric.isEmpty())
                e.path.clear();
        }
    }
    return spec;
}

void PayloadViewerDialog::updateTreeTab(const RenderedPayload &payload)
{
    // JSON, or what a decoder (CBOR, Protobuf, Sparkplug, ...) made into JSON, also as a tree.
    const QStringView text = QStringView(payload.text).trimmed();
    if (text.startsWith(u'{') || text.startsWith(u'['))
        m_tree->setJson(payload.text.toUtf8());
}

void PayloadViewerDialog::updateStatus()
{
    QStringList parts;
    const QString size =
        QLocale().formattedDataSize(m_payload.size(), 2, QLocale::DataSizeTraditionalFormat);
    // "223 bytes", or "1.5 MB (1,572,864 bytes)".
    if (m_payload.size() >= 1024)
        parts << tr("%1 (%2 bytes)").arg(size, QLocale().toString(m_payload.size()));
    else
        parts << size;
    parts << (m_utf8 ? tr("valid UTF-8") : tr("binary (not UTF-8)"));
    if (m_hint.utf8Declared)
        parts << (*m_hint.utf8Declared ? tr("declared UTF-8") : tr("declared binary"));
    if (!m_hint.contentType.isEmpty())
        parts << tr("content type %1").arg(m_hint.contentType);
    if (!m_detected.isEmpty())
        parts << tr("looks like %1").arg(m_detected);
    if (m_shownName.isEmpty())
        parts << tr("rendering…");
    else
        parts << tr("shown as %1").arg(m_shownName);
    if (m_hexTabOnly)
        parts << tr("too large to dump as text: every byte is in the Hex tab");
    if (!m_renderError.isEmpty())
        parts << m_renderError;
    m_status->setText(parts.join(QStringLiteral(" · ")));
}

QString PayloadViewerDialog::statusText() const
{
    return m_status->text();
}

QWidget *PayloadViewerDialog::page(Tab tab) const
{
    switch (tab) {
    case Tab::Text:
        return m_editor;
    case Tab::Tree:
        return m_tree;
    case Tab::Hex:
        return m_hex;
    case Tab::Image:
        return m_image;
    }
    return nullptr;
}

bool PayloadViewerDialog::isTabEnabled(Tab tab) const
{
    QWidget *widget = page(tab);
    return widget && m_tabs->isTabEnabled(m_tabs->indexOf(widget));
}

void PayloadViewerDialog::showTab(Tab tab)
{
    if (QWidget *widget = page(tab))
        m_tabs->setCurrentWidget(widget);
}

bool PayloadViewerDialog::copyAs(PayloadCopyText::Format format)
{
    const std::optional<QString> text = PayloadCopyText::make(m_payload, format);
    if (!text) {
        Prompts::warn(this, tr("Copy as"),
                      tr("The payload is %1, too large to copy as text (at most %2). Use "
                         "\"Save payload as…\" instead.")
                          .arg(QLocale().formattedDataSize(m_payload.size()),
                               QLocale().formattedDataSize(PayloadCopyText::kMaxBytes)));
        return false;
    }
    QApplication::clipboard()->setText(*text);
    return true;
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
