#include "core/version.h"
#include "ui/mainwindow/main_window.h"

#include <QApplication>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("mqttdesk"));
    QApplication::setOrganizationName(QStringLiteral("mqttdesk"));
    QApplication::setApplicationVersion(mqttdesk::versionString());
    mqttdesk::MainWindow window;
    window.show();
    return app.exec();
}
