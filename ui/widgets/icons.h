#pragma once

#include <QIcon>

namespace mqttdesk {

// The few icons of the dialogs: the desktop theme's icon when there is one,
// otherwise a simple drawn one, so that icon-only buttons never show blank
// (e.g. on the offscreen platform or a desktop without an icon theme).
class Icons
{
public:
    static QIcon add();
    static QIcon remove();
    static QIcon openFile();
    static QIcon generate();
    static QIcon showSecret();
    static QIcon hideSecret();
    static QIcon error();
    static QIcon warning();
    static QIcon ok();
};

} // namespace mqttdesk
