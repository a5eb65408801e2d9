#pragma once

#include "core/payload/json_highlighter.h"

#include <QColor>
#include <QList>
#include <QPalette>

#include <initializer_list>

class QWidget;

namespace mqttdesk {

// The app's colours as semantic roles. Widgets ask for what a colour means (an error, a
// connected dot, a received bubble); each role is derived from the palette it is given, so
// that a dark palette needs no change in the widgets. Every role keeps its contrast whatever
// the palette: text roles reach 4.5:1 (WCAG AA) against the palette's Window and Base,
// markers (dots, badges, borders) 3:1. This is the only place in ui/ that spells a colour
// (tst_theme checks that).
class Theme
{
public:
    // Colours for a label's text, applied with setTextRole().
    enum class Text
    {
        Normal, // the palette's own text colour
        Error,
        Warning,
        Success,
        Muted, // secondary notes
    };

    static constexpr double kTextContrast = 4.5;
    static constexpr double kMarkerContrast = 3.0;

    // Dark palettes are told apart by their Base colour: white text reads better on it.
    static bool isDark(const QPalette &palette);

    // Text that reads on the palette's Window and Base.
    static QColor errorText(const QPalette &palette);
    static QColor warningText(const QPalette &palette);
    static QColor successText(const QPalette &palette);
    static QColor mutedText(const QPalette &palette);
    static QColor text(Text role, const QPalette &palette);

    // Gives a label (or any widget with text) the colour of a role as its palette's text
    // colour, and keeps it right when the palette changes (light to dark).
    static void setTextRole(QWidget *widget, Text role);

    // Connection status dots (sidebar, header).
    static QColor statusConnected(const QPalette &palette);
    static QColor statusConnecting(const QPalette &palette);
    static QColor statusDisconnected(const QPalette &palette);
    static QColor statusError(const QPalette &palette);

    // Badge icons (error, warning, ok): the disc, and the mark drawn on it.
    static QColor errorBadge(const QPalette &palette);
    static QColor warningBadge(const QPalette &palette);
    static QColor successBadge(const QPalette &palette);
    static QColor badgeMark(const QColor &badge, const QPalette &palette);

    // Message bubbles. A received message is tinted with its subscription's colour (user
    // data; invalid when no subscription matched), a published one with the highlight.
    static QColor bubbleIncoming(const QColor &subscriptionColour, const QPalette &palette);
    static QColor bubbleOutgoing(const QPalette &palette);
    // The outline and the edge stripe.
    static QColor bubbleIncomingBorder(const QColor &subscriptionColour, const QPalette &palette);
    static QColor bubbleOutgoingBorder(const QPalette &palette);
    // Any text colour made readable on a bubble's fill.
    static QColor onBubble(const QColor &textColour, const QColor &bubble);
    // Highlighted JSON in a payload preview, readable on its background.
    static QColor jsonText(JsonTokenKind kind, const QPalette &palette, const QColor &background);

    // Diff rows (ui/inspector): a line or value only the right has, only the left has, or
    // on both but changed; and the stronger mark of a byte that differs. Base tinted with
    // the badge hues, never so far that the palette's Text drops below kTextContrast on it.
    static QColor diffAdded(const QPalette &palette);
    static QColor diffRemoved(const QPalette &palette);
    static QColor diffChanged(const QPalette &palette);
    static QColor diffByte(const QPalette &palette);

    // The colours new subscriptions get in turn (user data once assigned: editable).
    static QList<QColor> subscriptionPalette();

    // The dark theme's palette, and the light one (Fusion's) for when the platform's
    // palette is dark but the user chose light.
    static QPalette darkPalette();
    static QPalette lightPalette();

    // WCAG 2 relative luminance and contrast ratio (1 to 21).
    static double luminance(const QColor &colour);
    static double contrast(const QColor &a, const QColor &b);
    // colour with its hue kept and its lightness moved away from the backgrounds until it
    // reaches minContrast against each of them (or as far as it can).
    static QColor readable(const QColor &colour, std::initializer_list<QColor> backgrounds,
                           double minContrast);
    // a with share of b mixed in.
    static QColor mix(const QColor &a, const QColor &b, double share);
};

} // namespace mqttdesk
