#include "tests/bench/ingest/flood_options.h"
#include "tests/bench/ingest/flood_server.h"

#include <QCoreApplication>

#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QString error;
    const std::optional<mqttdesk::FloodOptions> options =
        mqttdesk::FloodOptions::parse(app.arguments(), &error);
    if (!options) {
        if (!error.isEmpty())
            std::fprintf(stderr, "mqttdesk-flood: %s\n", qPrintable(error));
        std::fputs(qPrintable(mqttdesk::FloodOptions::usage()), error.isEmpty() ? stdout : stderr);
        return error.isEmpty() ? 0 : 1;
    }
    mqttdesk::FloodServer server(*options);
    if (!server.listen(&error)) {
        std::fprintf(stderr, "mqttdesk-flood: cannot listen: %s\n", qPrintable(error));
        return 1;
    }
    // The script waits for this line to learn the port.
    std::printf("port %u\n", unsigned(server.port()));
    std::fflush(stdout);
    QObject::connect(&server, &mqttdesk::FloodServer::finished, &app, &QCoreApplication::exit);
    return app.exec();
}
