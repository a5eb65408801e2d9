#pragma once

#include <QString>
#include <QStringList>
#include <QtGlobal>

#include <optional>

namespace mqttdesk {

// Command line of mqttdesk-flood.
struct FloodOptions
{
    quint16 port = 0; // 0 = any free port, printed on stdout
    qint64 count = 1000000;
    qsizetype payloadSize = 16;
    QString topic = QStringLiteral("bench/flood");
    int clients = 1; // serve this many clients one after another, then exit

    // The options, or nothing with `error` set (unknown flag, bad number).
    static std::optional<FloodOptions> parse(const QStringList &arguments, QString *error);
    static QString usage();
};

} // namespace mqttdesk
