#include "ui/inspector/image_preview.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QEvent>
#include <QImageReader>
#include <QLabel>
#include <QPixmap>
#include <QScrollArea>
#include <QVBoxLayout>

namespace mqttdesk {

ImagePreview::ImagePreview(QWidget *parent)
    : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_message = new QLabel(this);
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_message);
    m_area = new QScrollArea(this);
    m_area->setAlignment(Qt::AlignCenter);
    m_area->setWidgetResizable(false);
    m_picture = new QLabel;
    m_picture->setAlignment(Qt::AlignCenter);
    m_area->setWidget(m_picture);
    layout->addWidget(m_area, 1);
    m_texts.add([this] {
        m_area->setAccessibleName(tr("Picture"));
        if (!m_loaded)
            m_message->setText(tr("Decoding the picture…"));
        else if (!m_error.isEmpty())
            m_message->setText(m_error);
        else
            m_message->setText(summary());
    });
}

ImagePreview::~ImagePreview()
{
    ++m_generation;
    m_worker.wait();
}

void ImagePreview::changeEvent(QEvent *event)
{
    m_texts.handle(event);
    QWidget::changeEvent(event);
}

QImage ImagePreview::read(const QByteArray &bytes, ImageSniffer::Kind kind, QString *error,
                          const QSize &maxSize)
{
    QByteArray data = bytes; // QBuffer wants a non-const array; shared, not copied
    QBuffer buffer(&data);
    buffer.open(QIODevice::ReadOnly);
    QImageReader reader(&buffer, ImageSniffer::readerFormat(kind));
    if (maxSize.isValid()) {
        const QSize size = reader.size();
        if (size.isValid() && (size.width() > maxSize.width() || size.height() > maxSize.height()))
            reader.setScaledSize(size.scaled(maxSize, Qt::KeepAspectRatio));
    }
    QImage image = reader.read();
    if (image.isNull() && error) {
        if (!QImageReader::supportedImageFormats().contains(ImageSniffer::readerFormat(kind)))
            *error = tr("This system cannot show %1 pictures (no image format plugin). The "
                        "bytes are in the Hex tab.")
                         .arg(ImageSniffer::name(kind));
        else
            *error = tr("Not a complete %1 picture: %2. The bytes are in the Hex tab.")
                         .arg(ImageSniffer::name(kind), reader.errorString());
    }
    return image;
}

void ImagePreview::setPayload(const QByteArray &bytes, ImageSniffer::Kind kind)
{
    const quint64 generation = ++m_generation;
    m_kind = kind;
    m_loaded = false;
    m_error.clear();
    m_image = QImage();
    m_picture->clear();
    m_texts.retranslate();
    m_worker.run(
        this,
        [bytes, kind] {
            std::pair<QImage, QString> read;
            read.first = ImagePreview::read(bytes, kind, &read.second);
            return read;
        },
        [this, generation](const std::pair<QImage, QString> &read) {
            if (generation != m_generation)
                return;
            m_image = read.first;
            m_error = read.second;
            m_loaded = true;
            showImage();
            m_texts.retranslate();
            emit loaded(!m_image.isNull());
        });
}

QString ImagePreview::summary() const
{
    if (m_image.isNull())
        return {};
    return tr("%1 · %2 × %3 pixels")
        .arg(ImageSniffer::name(m_kind))
        .arg(m_image.width())
        .arg(m_image.height());
}

void ImagePreview::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    showImage();
}

void ImagePreview::showImage()
{
    if (m_image.isNull()) {
        m_picture->clear();
        m_picture->resize(0, 0);
        return;
    }
    // Fitted to the view, never blown up past its own pixels.
    const QSize room = m_area->viewport()->size() - QSize(8, 8);
    QSize size = m_image.size();
    if (size.width() > room.width() || size.height() > room.height())
        size = size.scaled(room.expandedTo(QSize(16, 16)), Qt::KeepAspectRatio);
    const qreal ratio = devicePixelRatioF();
    QPixmap pixmap = QPixmap::fromImage(
        m_image.scaled(size * ratio, Qt::KeepAspectRatio, Qt::SmoothTransformation));
    pixmap.setDevicePixelRatio(ratio);
    m_picture->setPixmap(pixmap);
    m_picture->resize(size);
}

} // namespace mqttdesk
