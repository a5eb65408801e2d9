#include "ui/theme/theme.h"

#include <QApplication>
#include <QEvent>
#include <QPointer>
#include <QWidget>

#include <QStyle>
#include <QStyleFactory>

#include <cmath>
#include <memory>

namespace mqttdesk {

namespace {

// A role's base colour on light and on dark palettes; readable() then nudges it for
// palettes in between.
struct Pair
{
    QRgb light;
    QRgb dark;
};

constexpr Pair kError{0xc01c28, 0xff7b72};
constexpr Pair kWarning{0x955800, 0xe3b341};
constexpr Pair kSuccess{0x197330, 0x56d364};

// Received bubbles on dark bases need a stronger tint to show at all.
constexpr double kTintLight = 0.14;
constexpr double kTintDark = 0.28;

// Diff rows: tinted enough to tell added, removed and changed apart at a glance; a differing
// byte stands out within its (changed) row.
constexpr double kDiffTintLight = 0.18;
constexpr double kDiffTintDark = 0.30;
constexpr double kDiffByteLight = 0.42;
constexpr double kDiffByteDark = 0.55;

QColor pick(const Pair &pair, const QPalette &palette)
{
    return QColor::fromRgb(Theme::isDark(palette) ? pair.dark : pair.light);
}

QColor readableText(const Pair &pair, const QPalette &palette)
{
    return Theme::readable(pick(pair, palette),
                           {palette.color(QPalette::Window), palette.color(QPalette::Base)},
                           Theme::kTextContrast);
}

// Base with up to `share` of accent mixed in: less where the palette's Text would no longer
// reach text contrast on it.
QColor diffTint(const QPalette &palette, const QColor &accent, double light, double dark)
{
    const QColor base = palette.color(QPalette::Base);
    const QColor text = palette.color(QPalette::Text);
    for (double share = Theme::isDark(palette) ? dark : light; share > 0.0; share -= 0.02) {
        const QColor tinted = QColor::fromRgb(Theme::mix(base, accent, share).rgb());
        if (Theme::contrast(tinted, text) >= Theme::kTextContrast)
            return tinted;
    }
    return base;
}

double channel(double c)
{
    return c <= 0.03928 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

const char *const kTextRoleProperty = "mqttdeskTextRole";

// Sets the role's colour as the widget's own text colour; every other role of its palette
// stays inherited, so palette changes still reach it (a style sheet would cut it off from
// them).
void applyTextRole(QWidget *widget)
{
    const auto role = Theme::Text(widget->property(kTextRoleProperty).toInt());
    if (role == Theme::Text::Normal) {
        if (widget->testAttribute(Qt::WA_SetPalette))
            widget->setPalette(QPalette()); // inherit everything again
        return;
    }
    // From the surroundings: the widget's own text colour is the one set here.
    const QPalette around =
        widget->parentWidget() ? widget->parentWidget()->palette() : QApplication::palette(widget);
    const QColor colour = Theme::text(role, around);
    const QPalette current = widget->palette();
    if (widget->testAttribute(Qt::WA_SetPalette) && current.color(QPalette::WindowText) == colour &&
        current.color(QPalette::Text) == colour)
        return; // unchanged: setting it again would only report another palette change
    QPalette own;
    own.setColor(QPalette::WindowText, colour);
    own.setColor(QPalette::Text, colour);
    widget->setPalette(own);
}

// Re-applies a widget's text role after the palette around it changed (e.g. the app went
// dark).
class TextRoleFollower : public QObject
{
public:
    using QObject::QObject;

    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::PaletteChange && watched->isWidgetType())
            applyTextRole(static_cast<QWidget *>(watched));
        return QObject::eventFilter(watched, event);
    }
};

TextRoleFollower *follower()
{
    static QPointer<TextRoleFollower> instance;
    if (!instance)
        instance = new TextRoleFollower(QCoreApplication::instance());
    return instance;
}

} // namespace

bool Theme::isDark(const QPalette &palette)
{
    const QColor base = palette.color(QPalette::Base);
    return contrast(base, Qt::white) > contrast(base, Qt::black);
}

QColor Theme::errorText(const QPalette &palette)
{
    return readableText(kError, palette);
}

QColor Theme::warningText(const QPalette &palette)
{
    return readableText(kWarning, palette);
}

QColor Theme::successText(const QPalette &palette)
{
    return readableText(kSuccess, palette);
}

QColor Theme::mutedText(const QPalette &palette)
{
    // Between text and background, so it reads as secondary but still reads.
    const QColor window = palette.color(QPalette::Window);
    return readable(mix(palette.color(QPalette::WindowText), window, 0.4),
                    {window, palette.color(QPalette::Base)}, kTextContrast);
}

QColor Theme::text(Text role, const QPalette &palette)
{
    switch (role) {
    case Text::Error:
        return errorText(palette);
    case Text::Warning:
        return warningText(palette);
    case Text::Success:
        return successText(palette);
    case Text::Muted:
        return mutedText(palette);
    case Text::Normal:
        break;
    }
    return palette.color(QPalette::WindowText);
}

void Theme::setTextRole(QWidget *widget, Text role)
{
    widget->setProperty(kTextRoleProperty, int(role));
    widget->installEventFilter(follower()); // installing twice keeps one
    applyTextRole(widget);
}

QColor Theme::statusConnected(const QPalette &palette)
{
    return successText(palette);
}

QColor Theme::statusConnecting(const QPalette &palette)
{
    return warningText(palette);
}

QColor Theme::statusDisconnected(const QPalette &palette)
{
    const QColor base = palette.color(QPalette::Base);
    return readable(mix(palette.color(QPalette::Text), base, 0.45),
                    {palette.color(QPalette::Window), base}, kMarkerContrast);
}

QColor Theme::statusError(const QPalette &palette)
{
    return errorText(palette);
}

QColor Theme::errorBadge(const QPalette &palette)
{
    return errorText(palette);
}

QColor Theme::warningBadge(const QPalette &palette)
{
    return warningText(palette);
}

QColor Theme::successBadge(const QPalette &palette)
{
    return successText(palette);
}

QColor Theme::badgeMark(const QColor &badge, const QPalette &palette)
{
    const QColor base = palette.color(QPalette::Base);
    const QColor text = palette.color(QPalette::Text);
    return contrast(base, badge) >= contrast(text, badge) ? base : text;
}

QColor Theme::bubbleIncoming(const QColor &subscriptionColour, const QPalette &palette)
{
    const QColor base = palette.color(QPalette::Base);
    const QColor tint = subscriptionColour.isValid()
                            ? subscriptionColour
                            : mix(base, palette.color(QPalette::Text), 0.5);
    return mix(base, tint, isDark(palette) ? kTintDark : kTintLight);
}

QColor Theme::bubbleOutgoing(const QPalette &palette)
{
    return mix(palette.color(QPalette::Base), palette.color(QPalette::Highlight),
               isDark(palette) ? kTintDark : kTintLight);
}

QColor Theme::bubbleIncomingBorder(const QColor &subscriptionColour, const QPalette &palette)
{
    const QColor base = palette.color(QPalette::Base);
    const QColor accent = subscriptionColour.isValid()
                              ? subscriptionColour
                              : mix(base, palette.color(QPalette::Text), 0.5);
    return readable(accent, {base}, kMarkerContrast);
}

QColor Theme::bubbleOutgoingBorder(const QPalette &palette)
{
    return readable(palette.color(QPalette::Highlight), {palette.color(QPalette::Base)},
                    kMarkerContrast);
}

QColor Theme::onBubble(const QColor &textColour, const QColor &bubble)
{
    return readable(textColour, {bubble}, kTextContrast);
}

QColor Theme::jsonText(JsonTokenKind kind, const QPalette &palette, const QColor &background)
{
    Pair pair{0x555555, 0xaaaaaa};
    switch (kind) {
    case JsonTokenKind::Key:
        pair = {0x0b5294, 0x9cdcfe};
        break;
    case JsonTokenKind::String:
        pair = {0x1a7f37, 0xce9178};
        break;
    case JsonTokenKind::Number:
        pair = {0xb35c00, 0xb5cea8};
        break;
    case JsonTokenKind::Bool:
    case JsonTokenKind::Null:
        pair = {0x7c3ab0, 0xc586c0};
        break;
    case JsonTokenKind::Punctuation:
        break;
    }
    return readable(pick(pair, palette), {background}, kTextContrast);
}

QColor Theme::diffAdded(const QPalette &palette)
{
    return diffTint(palette, successBadge(palette), kDiffTintLight, kDiffTintDark);
}

QColor Theme::diffRemoved(const QPalette &palette)
{
    return diffTint(palette, errorBadge(palette), kDiffTintLight, kDiffTintDark);
}

QColor Theme::diffChanged(const QPalette &palette)
{
    return diffTint(palette, warningBadge(palette), kDiffTintLight, kDiffTintDark);
}

QColor Theme::diffByte(const QPalette &palette)
{
    return diffTint(palette, warningBadge(palette), kDiffByteLight, kDiffByteDark);
}

QList<QColor> Theme::subscriptionPalette()
{
    // Distinct hues that read on light and dark bases alike.
    static const QList<QColor> colours = {QColor(0x1f, 0x77, 0xb4), QColor(0x2c, 0xa0, 0x2c),
                                          QColor(0xd6, 0x27, 0x28), QColor(0x94, 0x67, 0xbd),
                                          QColor(0xff, 0x7f, 0x0e), QColor(0x17, 0xbe, 0xcf),
                                          QColor(0xe3, 0x77, 0xc2), QColor(0x8c, 0x56, 0x4b),
                                          QColor(0xbc, 0xbd, 0x22), QColor(0x7f, 0x7f, 0x7f)};
    return colours;
}

QPalette Theme::darkPalette()
{
    const QColor window(0x2d, 0x2d, 0x2d);
    const QColor base(0x1e, 0x1e, 0x1e);
    const QColor text(0xe6, 0xe6, 0xe6);
    const QColor disabledText(0x80, 0x80, 0x80);
    QPalette p;
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, QColor(0x26, 0x26, 0x26));
    p.setColor(QPalette::ToolTipBase, QColor(0x3a, 0x3a, 0x3a));
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, QColor(0x9a, 0x9a, 0x9a));
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, QColor(0x3a, 0x3a, 0x3a));
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, QColor(0xff, 0x7b, 0x72));
    p.setColor(QPalette::Light, QColor(0x55, 0x55, 0x55));
    p.setColor(QPalette::Midlight, QColor(0x47, 0x47, 0x47));
    p.setColor(QPalette::Mid, QColor(0x30, 0x30, 0x30));
    p.setColor(QPalette::Dark, QColor(0x20, 0x20, 0x20));
    p.setColor(QPalette::Shadow, QColor(0x0a, 0x0a, 0x0a));
    p.setColor(QPalette::Highlight, QColor(0x3d, 0x6b, 0xc4));
    p.setColor(QPalette::HighlightedText, QColor(0xff, 0xff, 0xff));
    p.setColor(QPalette::Link, QColor(0x8a, 0xb4, 0xf8));
    p.setColor(QPalette::LinkVisited, QColor(0xc5, 0x8a, 0xf9));
    for (QPalette::ColorRole role :
         {QPalette::WindowText, QPalette::Text, QPalette::ButtonText, QPalette::PlaceholderText})
        p.setColor(QPalette::Disabled, role, disabledText);
    p.setColor(QPalette::Disabled, QPalette::Highlight, QColor(0x4a, 0x4a, 0x4a));
    return p;
}

QPalette Theme::lightPalette()
{
    // Fusion's: the light palette Qt itself draws with when no desktop theme gives one.
    const std::unique_ptr<QStyle> fusion(QStyleFactory::create(QStringLiteral("Fusion")));
    return fusion ? fusion->standardPalette() : QPalette(QColor(0xef, 0xef, 0xef));
}

double Theme::luminance(const QColor &colour)
{
    const QColor c = colour.toRgb();
    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF());
}

double Theme::contrast(const QColor &a, const QColor &b)
{
    const double la = luminance(a);
    const double lb = luminance(b);
    return (qMax(la, lb) + 0.05) / (qMin(la, lb) + 0.05);
}

QColor Theme::readable(const QColor &colour, std::initializer_list<QColor> backgrounds,
                       double minContrast)
{
    auto worst = [&backgrounds](const QColor &c) {
        double least = 21.0;
        for (const QColor &b : backgrounds)
            least = qMin(least, contrast(c, b));
        return least;
    };
    // Whole 8-bit channels: what a style sheet (QColor::name()) and the test see.
    const QColor start = QColor::fromRgb(colour.rgb());
    if (worst(start) >= minContrast)
        return start;
    // Towards white when white stands out more against the backgrounds, else towards black.
    const bool lighten = worst(Qt::white) >= worst(Qt::black);
    const QColor hsl = start.toHsl();
    const float hue = hsl.hslHueF();
    const float saturation = hsl.hslSaturationF();
    for (float lightness = hsl.lightnessF();;) {
        lightness = lighten ? qMin(1.0f, lightness + 0.01f) : qMax(0.0f, lightness - 0.01f);
        const QColor candidate =
            QColor::fromRgb(QColor::fromHslF(hue, saturation, lightness).rgb());
        if (worst(candidate) >= minContrast || lightness <= 0.0f || lightness >= 1.0f)
            return candidate;
    }
}

QColor Theme::mix(const QColor &a, const QColor &b, double share)
{
    const QColor x = a.toRgb();
    const QColor y = b.toRgb();
    auto blend = [share](float p, float q) { return float(p * (1 - share) + q * share); };
    return QColor::fromRgbF(blend(x.redF(), y.redF()), blend(x.greenF(), y.greenF()),
                            blend(x.blueF(), y.blueF()));
}

} // namespace mqttdesk
