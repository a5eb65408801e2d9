#pragma once

#include <QByteArray>
#include <QString>

class QWidget;

namespace mqttdesk {

// "Save payload as…": asks for a file (through Prompts) and writes the raw bytes.
class PayloadFileSaver
{
public:
    // true when written; false when cancelled or failed (the failure is shown).
    static bool save(QWidget *parent, const QByteArray &payload, const QString &suggestion = {});
};

} // namespace mqttdesk
