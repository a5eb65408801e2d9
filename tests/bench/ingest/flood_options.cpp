#include "tests/bench/ingest/flood_options.h"

namespace mqttdesk {

namespace {

bool parseNumber(const QString &text, qint64 min, qint64 max, qint64 *out)
{
    bool ok = false;
    const qint64 v = text.toLongLong(&ok);
    if (!ok || v < min || v > max)
        return false;
    *out = v;
    return true;
}

} // namespace

QString FloodOptions::usage()
{
    return QStringLiteral(
        "Usage: mqttdesk-flood [--port P] [--count N] [--payload-size BYTES] [--topic T]\n"
        "                      [--clients K]\n"
        "Listens on 127.0.0.1, prints \"port P\" once listening, answers CONNECT (3.1, 3.1.1,\n"
        "5.0) and SUBSCRIBE, then writes N QoS 0 PUBLISH packets to each of K clients in\n"
        "turn and waits for the client to close.\n");
}

std::optional<FloodOptions> FloodOptions::parse(const QStringList &arguments, QString *error)
{
    FloodOptions o;
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString &flag = arguments.at(i);
        if (flag == QLatin1String("--help")) {
            *error = QString();
            return std::nullopt;
        }
        if (i + 1 >= arguments.size()) {
            *error = QStringLiteral("unknown flag or missing value: ") + flag;
            return std::nullopt;
        }
        const QString &value = arguments.at(++i);
        qint64 n = 0;
        bool ok = true;
        if (flag == QLatin1String("--port")) {
            ok = parseNumber(value, 0, 65535, &n);
            o.port = quint16(n);
        } else if (flag == QLatin1String("--count")) {
            ok = parseNumber(value, 1, Q_INT64_C(1) << 40, &n);
            o.count = n;
        } else if (flag == QLatin1String("--payload-size")) {
            ok = parseNumber(value, 0, 16 * 1024 * 1024, &n);
            o.payloadSize = qsizetype(n);
        } else if (flag == QLatin1String("--clients")) {
            ok = parseNumber(value, 1, 1000, &n);
            o.clients = int(n);
        } else if (flag == QLatin1String("--topic")) {
            ok = !value.isEmpty() && !value.contains(QLatin1Char('+')) &&
                 !value.contains(QLatin1Char('#'));
            o.topic = value;
        } else {
            *error = QStringLiteral("unknown flag: ") + flag;
            return std::nullopt;
        }
        if (!ok) {
            *error = QStringLiteral("bad value for ") + flag + QStringLiteral(": ") + value;
            return std::nullopt;
        }
    }
    return o;
}

} // namespace mqttdesk
