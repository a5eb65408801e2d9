#include "ui/theme/palette_icon.h"

#include <QApplication>
#include <QFile>
#include <QHash>
#include <QIconEngine>
#include <QPainter>
#include <QPalette>
#include <QPixmap>
#include <QSvgRenderer>

namespace mqttdesk {

namespace {

class PaletteIconEngine : public QIconEngine
{
public:
    explicit PaletteIconEngine(const QByteArray &svg)
        : m_svg(svg)
    {}

    void paint(QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State state) override
    {
        const qreal scale = painter->device() ? painter->device()->devicePixelRatioF() : 1.0;
        const QPixmap pixmap = render(rect.size() * scale, mode, state);
        painter->drawPixmap(rect, pixmap);
    }

    QPixmap pixmap(const QSize &size, QIcon::Mode mode, QIcon::State state) override
    {
        return render(size, mode, state);
    }

    QIconEngine *clone() const override { return new PaletteIconEngine(m_svg); }
    QString key() const override { return QStringLiteral("mqttdesk-palette-svg"); }
    bool isNull() override { return m_svg.isEmpty(); }

private:
    static QColor ink(QIcon::Mode mode)
    {
        const QPalette palette = QApplication::palette();
        switch (mode) {
        case QIcon::Disabled:
            return palette.color(QPalette::Disabled, QPalette::WindowText);
        case QIcon::Selected:
            return palette.color(QPalette::Active, QPalette::HighlightedText);
        default:
            return palette.color(QPalette::Active, QPalette::WindowText);
        }
    }

    QPixmap render(const QSize &size, QIcon::Mode mode, QIcon::State)
    {
        if (size.isEmpty())
            return QPixmap();
        const QString colour = ink(mode).name(QColor::HexRgb);
        const QString key =
            QStringLiteral("%1x%2%3").arg(size.width()).arg(size.height()).arg(colour);
        if (const auto it = m_cache.constFind(key); it != m_cache.constEnd())
            return *it;
        QPixmap pixmap(size);
        pixmap.fill(Qt::transparent);
        QSvgRenderer renderer(PaletteIcon::recoloured(m_svg, colour));
        QPainter painter(&pixmap);
        painter.setRenderHint(QPainter::Antialiasing);
        renderer.render(&painter, QRectF(QPointF(0, 0), QSizeF(size)));
        painter.end();
        if (m_cache.size() > 32) // a few sizes and modes in each palette
            m_cache.clear();
        m_cache.insert(key, pixmap);
        return pixmap;
    }

    QByteArray m_svg;
    QHash<QString, QPixmap> m_cache;
};

} // namespace

QByteArray PaletteIcon::recoloured(const QByteArray &svg, const QString &colour)
{
    QByteArray out = svg;
    return out.replace("#000000", colour.toLatin1());
}

QIcon PaletteIcon::fromName(const QString &name)
{
    QFile file(QStringLiteral(":/icons/actions/%1.svg").arg(name));
    if (!file.open(QIODevice::ReadOnly))
        return QIcon();
    return QIcon(new PaletteIconEngine(file.readAll()));
}

} // namespace mqttdesk
