#pragma once

#include <QImage>
#include <QList>
#include <QSet>
#include <QStringList>
#include <QWidget>

namespace mqttdesk {

// What is wrong with a picture of `window` (grabbed with QWidget::grab): it must be the
// window's size, not blank, and every key widget must be shown, lie inside its parent and
// the window (nothing clipped), have at least the height it needs, and be drawn (its part of
// the picture is not one flat colour). Returns the problems, empty when there are none, so
// the calling test slot asserts on the result:
//
//   const QImage image = window->grab().toImage();
//   const QStringList problems = ScreenshotCheck::problems(window, image, {a, b});
//   QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
class ScreenshotCheck
{
public:
    // The file a picture is saved to: with "-dark" before ".png" when
    // MQTTDESK_SCREENSHOT_PALETTE=dark renders the dark theme, so that scripts/screenshots
    // keeps both themes side by side.
    static QString themed(const QString &path)
    {
        if (qEnvironmentVariable("MQTTDESK_SCREENSHOT_PALETTE") != QLatin1String("dark") ||
            !path.endsWith(QLatin1String(".png")) || path.endsWith(QLatin1String("-dark.png")))
            return path;
        return path.chopped(4) + QStringLiteral("-dark.png");
    }

    static QStringList problems(const QWidget *window, const QImage &image,
                                const QList<const QWidget *> &keys, int minColours = 8)
    {
        QStringList out;
        if (image.isNull())
            return {QStringLiteral("the picture is empty")};
        const QSize expected = window->size() * window->devicePixelRatio();
        if (image.size() != expected)
            out << QStringLiteral("picture is %1x%2, the window %3x%4")
                       .arg(image.width())
                       .arg(image.height())
                       .arg(expected.width())
                       .arg(expected.height());
        const int colours = distinctColours(image, QRect(QPoint(), image.size()));
        if (colours <= minColours)
            out << QStringLiteral("only %1 distinct colours: blank?").arg(colours);
        for (const QWidget *key : keys)
            out << keyProblems(window, image, key);
        return out;
    }

private:
    static QString nameOf(const QWidget *w)
    {
        const QString name = w->objectName().isEmpty() ? w->accessibleName() : w->objectName();
        return QStringLiteral("%1 \"%2\"").arg(QLatin1String(w->metaObject()->className()), name);
    }

    static int distinctColours(const QImage &image, const QRect &area)
    {
        QSet<QRgb> colours;
        // Every 7th pixel (as fine for a whole window as for a small button).
        const int step = qBound(1, qMin(area.width(), area.height()) / 24, 7);
        for (int y = area.top(); y <= area.bottom(); y += step)
            for (int x = area.left(); x <= area.right(); x += step)
                colours.insert(image.pixel(x, y));
        return int(colours.size());
    }

    static QStringList keyProblems(const QWidget *window, const QImage &image, const QWidget *key)
    {
        if (!key)
            return {QStringLiteral("a key widget is missing")};
        const QString name = nameOf(key);
        if (!key->isVisible())
            return {name + QStringLiteral(" is not visible")};
        if (key != window && !window->isAncestorOf(key))
            return {name + QStringLiteral(" is not in the window")};
        QStringList out;
        // Not clipped: inside its parent at every level up to the window.
        for (const QWidget *w = key; w && w != window; w = w->parentWidget()) {
            const QWidget *parent = w->parentWidget();
            if (parent && !parent->rect().contains(w->geometry()))
                out << QStringLiteral("%1 (%2,%3 %4x%5) sticks out of %6 (%7x%8)")
                           .arg(nameOf(w))
                           .arg(w->x())
                           .arg(w->y())
                           .arg(w->width())
                           .arg(w->height())
                           .arg(nameOf(parent))
                           .arg(parent->width())
                           .arg(parent->height());
        }
        const QRect inWindow(key->mapTo(window, QPoint(0, 0)), key->size());
        if (!window->rect().contains(inWindow))
            out << name + QStringLiteral(" lies outside the window");
        // Not squeezed below what it needs (wrapped labels: the height of their text).
        const int needed = key->hasHeightForWidth() ? key->heightForWidth(key->width())
                                                    : key->minimumSizeHint().height();
        if (key->height() < needed)
            out << QStringLiteral("%1 is %2 px high, needs %3")
                       .arg(name)
                       .arg(key->height())
                       .arg(needed);
        // Drawn: its part of the picture is not one flat colour.
        const qreal dpr = window->devicePixelRatio();
        const QRect area =
            QRect((inWindow.topLeft() * dpr), inWindow.size() * dpr).intersected(image.rect());
        if (area.isEmpty() || distinctColours(image, area) < 2)
            out << name + QStringLiteral(" is blank in the picture");
        return out;
    }
};

} // namespace mqttdesk
