#pragma once

#include <QIcon>
#include <QString>

namespace mqttdesk {

// An icon drawn from one of our SVG files (:/icons/actions/<name>.svg) in the colour of the
// application's palette at the time it is painted: the window text colour, dimmed when
// disabled, the highlighted text colour when selected. So one file serves the light and the
// dark theme, and icons change with the palette without being set again.
//
// The SVGs draw in #000000, which is what gets replaced.
class PaletteIcon
{
public:
    static QIcon fromName(const QString &name);
    // The SVG text with its ink replaced by `colour` (#rrggbb), for tests.
    static QByteArray recoloured(const QByteArray &svg, const QString &colour);
};

} // namespace mqttdesk
