#include "ui/stream/payload_file_saver.h"

#include "ui/widgets/prompts.h"

#include <QCoreApplication>
#include <QSaveFile>

namespace mqttdesk {

bool PayloadFileSaver::save(QWidget *parent, const QByteArray &payload, const QString &suggestion)
{
    const QString path = Prompts::saveFileName(
        parent, QCoreApplication::translate("PayloadFileSaver", "Save payload as"), suggestion,
        QCoreApplication::translate("PayloadFileSaver", "All files (*)"));
    if (path.isEmpty())
        return false;
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(payload) != payload.size() ||
        !file.commit()) {
        Prompts::warn(parent, QCoreApplication::translate("PayloadFileSaver", "Save payload as"),
                      QCoreApplication::translate("PayloadFileSaver",
                                                  "The payload could not be written to %1: %2. "
                                                  "Choose another folder or free some disk space.")
                          .arg(path, file.errorString()));
        return false;
    }
    return true;
}

} // namespace mqttdesk
