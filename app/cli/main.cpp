#include "core/version.h"

#include <QCommandLineParser>
#include <QCoreApplication>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("mqttdesk-cli"));
    QCoreApplication::setApplicationVersion(mqttdesk::versionString());
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("cli", "MQTT Desk command-line client"));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.process(app);
    return 0;
}
