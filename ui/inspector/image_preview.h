#pragma once

#include "core/inspector/image_sniffer.h"
#include "ui/i18n/retranslator.h"
#include "ui/widgets/worker_job.h"

#include <QImage>
#include <QPointer>
#include <QWidget>

class QLabel;
class QScrollArea;

namespace mqttdesk {

// A payload that is a picture (ImageSniffer: PNG, JPEG, GIF, WebP, BMP), decoded with
// QImageReader on a worker thread and shown fitted to the view, never larger than its own
// size. A picture that does not decode (cut short in transit, say) shows the reader's reason;
// its bytes stay in the Hex tab.
class ImagePreview : public QWidget
{
    Q_OBJECT
public:
    explicit ImagePreview(QWidget *parent = nullptr);
    ~ImagePreview() override;

    // Decodes `bytes` as `kind` off the GUI thread; loaded() tells the outcome.
    void setPayload(const QByteArray &bytes, ImageSniffer::Kind kind);
    bool isLoaded() const { return m_loaded; }
    const QImage &image() const { return m_image; }
    // Why the picture could not be shown (empty when it is).
    const QString &error() const { return m_error; }
    // "PNG · 640 × 480" once decoded.
    QString summary() const;

    // Reads a picture the way the preview does (also for the stream's thumbnails, on their
    // worker): at most `maxSize` when given, kept in proportion. `error` gets the reason
    // when the result is null.
    static QImage read(const QByteArray &bytes, ImageSniffer::Kind kind, QString *error,
                       const QSize &maxSize = {});

signals:
    void loaded(bool ok);

protected:
    void changeEvent(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void showImage();

    QScrollArea *m_area = nullptr;
    QLabel *m_picture = nullptr;
    QLabel *m_message = nullptr;
    QImage m_image;
    ImageSniffer::Kind m_kind = ImageSniffer::Kind::Png;
    QString m_error;
    bool m_loaded = false;
    quint64 m_generation = 0;
    WorkerJob m_worker;
    Retranslator m_texts;
};

} // namespace mqttdesk
