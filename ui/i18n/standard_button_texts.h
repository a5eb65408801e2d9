#pragma once

#include <QList>

namespace mqttdesk {

// Qt's standard dialog buttons (OK, Cancel, Yes, ...) take their text from the
// "QPlatformTheme" context. Debian's Qt 6.4 ships no qtbase_zh_CN.qm, so without these
// entries in our own catalogue every message box would show English buttons in Chinese.
// Listing them here lets lupdate carry them into translations/ like any other string.
class StandardButtonTexts
{
public:
    struct Entry
    {
        const char *context;
        const char *sourceText;
    };
    static QList<Entry> all();
};

} // namespace mqttdesk
