#pragma once

#include "core/inspector/payload_copy_text.h"
#include "core/payload/payload_format.h"
#include "core/payload/payload_renderer.h"
#include "ui/charts/chart_series_dialog.h"
#include "ui/i18n/retranslator.h"
#include "ui/widgets/worker_job.h"

#include <QDialog>
#include <QHash>
#include <QJsonObject>

class QComboBox;
class QLabel;
class QPlainTextEdit;
class QTabWidget;

namespace mqttdesk {

class HexView;
class ImagePreview;
class JsonTreeView;

// "Show all", the payload inspector: the whole payload of one message as text (the chosen
// decoder's rendering), as a JSON tree when that rendering is JSON, as a hex view and, for a
// picture, as the picture; a status line says the size, the encoding, the detected format
// and any decoder error. Copy as text, hex, Base64 or a C array; save the raw bytes.
//
// Opening never waits for the whole rendering: a bounded preview is shown at once, the full
// text is rendered on a worker thread, and the editor receives it in chunks as the user
// scrolls towards the end, so a 10 MB payload opens as fast as a small one and the document
// only grows as far as read. A hex dump shows 16, 8 or 4 bytes a line, whatever keeps its
// ASCII column in sight at the editor's width; it is laid out again (the same way, off the
// GUI thread) when a resize changes that count, keeping the same bytes at the top. A binary
// payload above kWholeHexTextLimit is not dumped as text at all: the Hex tab pages through
// its bytes.
class PayloadViewerDialog : public QDialog
{
    Q_OBJECT
public:
    static constexpr qsizetype ChunkChars = 128 * 1024;
    static constexpr qsizetype kWholeHexTextLimit = 4 * 1024 * 1024;
    enum class Tab
    {
        Text,
        Tree,
        Hex,
        Image,
    };

    PayloadViewerDialog(const QString &topic, const QByteArray &payload, PayloadFormat format,
                        const PayloadHint &hint = {}, QWidget *parent = nullptr);
    // Shown with any registered decoder, by id (DecoderRegistry).
    PayloadViewerDialog(const QString &topic, const QByteArray &payload, const QString &decoder,
                        const PayloadHint &hint = {}, QWidget *parent = nullptr);
    ~PayloadViewerDialog() override;

    // Characters shown in the editor so far / of the full rendering (-1 while rendering).
    qsizetype shownChars() const;
    qsizetype totalChars() const { return m_full ? m_full->text.size() : -1; }
    bool isRendered() const { return m_full.has_value(); }
    // Appends the next chunk; false when everything is shown (or still rendering).
    bool showMore();
    // Auto for a decoder the enum has no value for.
    PayloadFormat format() const;
    void setFormat(PayloadFormat format);
    const QString &decoder() const { return m_decoder; }
    void setDecoder(const QString &decoder);
    // The settings `decoder` renders with whenever it is the chosen one (a decoding rule's
    // .proto files and type, a number type); renders again when it is shown.
    void setDecoderOptions(const QString &decoder, const QJsonObject &options);
    QPlainTextEdit *editor() const { return m_editor; }
    // Bytes per line of a hex dump at the editor's current width (HexDump::bytesPerLineFor).
    int hexBytesPerLine() const { return m_hexBytesPerLine; }
    QTabWidget *tabs() const { return m_tabs; }
    // The tab's page (null for Image when the payload is not a picture).
    QWidget *page(Tab tab) const;
    bool isTabEnabled(Tab tab) const;
    void showTab(Tab tab);
    JsonTreeView *jsonTree() const { return m_tree; }
    HexView *hexView() const { return m_hex; }
    ImagePreview *imagePreview() const { return m_image; }
    QString statusText() const;
    // The payload in the clipboard as hex, Base64 or a C array; false (with a warning) when it
    // is too large for that.
    bool copyAs(PayloadCopyText::Format format);
    // Offers "Chart this" on the JSON tree's numbers (chartRequested()); off unless whoever
    // opens the dialog forwards the request to the connection's charts.
    void setChartable(bool chartable);
    // The message is shown by a decoding rule with `decoder`: a field of that decoder's
    // rendering is charted as the rules show it (ExtractorSpec::kRulesDecoder).
    void setRuleDecoder(const QString &decoder) { m_ruleDecoder = decoder; }
    // The series "Chart this" asks for on the tree's value at `path`: the topic, read by that
    // JSON path from the payload, or from what the shown decoder (CBOR, Protobuf…) renders;
    // a Sparkplug B metric's value by the metric's name.
    ChartSeriesSpec chartSpec(const QString &path) const;

signals:
    void rendered();
    void chartRequested(const mqttdesk::ChartSeriesSpec &spec);

protected:
    void changeEvent(QEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void startRendering();
    void updateHexBytesPerLine();
    // The shown text is a hex dump of another count per line than the width holds now
    // (and m_topByte says which bytes were at the top).
    bool isLaidOutForAnotherWidth();
    // Scrolls to the line holding m_topByte (after a hex dump was laid out again).
    void scrollToTopByte();
    void onRendered(quint64 generation, const RenderedPayload &payload);
    void onScrolled(int value);
    void saveAs();
    void copyAll();
    void updateTreeTab(const RenderedPayload &payload);
    void updateStatus();

    QString m_topic;
    QByteArray m_payload;
    PayloadHint m_hint;
    QString m_decoder;                            // a DecoderRegistry id
    QString m_ruleDecoder;                        // the decoding rule's, when one shows the message
    QHash<QString, QJsonObject> m_decoderOptions; // by decoder id
    QString m_shownDecoder; // the decoder of the shown text: "hex" also as a fallback
    int m_hexBytesPerLine = HexDump::kBytesPerLine;   // what the width holds
    int m_shownBytesPerLine = HexDump::kBytesPerLine; // what the shown dump was made with
    qint64 m_topByte = -1; // the byte to keep at the top while a dump is laid out again
    std::optional<RenderedPayload> m_full;
    qsizetype m_shown = 0;
    quint64 m_generation = 0;
    WorkerJob m_worker;        // the full rendering
    bool m_utf8 = false;       // the bytes are valid UTF-8
    QString m_detected;        // the decoder Auto picks for the bytes (its name)
    QString m_shownName;       // the shown decoder's name, once rendered
    QString m_renderError;     // the shown decoder's complaint
    bool m_hexTabOnly = false; // too large to dump as text: the Hex tab shows it
    QComboBox *m_formatBox = nullptr;
    QLabel *m_status = nullptr;
    QTabWidget *m_tabs = nullptr;
    QPlainTextEdit *m_editor = nullptr;
    JsonTreeView *m_tree = nullptr;
    HexView *m_hex = nullptr;
    ImagePreview *m_image = nullptr;
    Retranslator m_texts;
};

} // namespace mqttdesk
