// Expansions per second of a template with three variables ({{device}} is a user variable,
// {{counter}} and {{random 0 100}} change per message; {{now_ms}} too), against the same text
// filled by QString::arg in the same run. Prints the median of 5 rounds and the ratio.
#include "core/publish/compiled_template.h"
#include "core/publish/template_text.h"

#include <QDateTime>
#include <QElapsedTimer>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace mqttdesk;

namespace {

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

template<typename F>
double perSecond(qint64 count, F &&step)
{
    QElapsedTimer t;
    t.start();
    qint64 sink = 0;
    for (qint64 i = 0; i < count; ++i)
        sink += step(i);
    const double s = double(t.nsecsElapsed()) / 1e9;
    if (sink == 42) // keeps the loop from being optimised away
        std::printf(" ");
    return double(count) / s;
}

} // namespace

int main(int argc, char **argv)
{
    const qint64 count = argc > 1 ? QByteArray(argv[1]).toLongLong() : 1000000;
    const QHash<QString, QString> vars = {{QStringLiteral("device"), QStringLiteral("pump-7")}};
    const QString text =
        QStringLiteral("{\"device\":\"{{device}}\",\"n\":{{counter}},\"v\":{{random 0 100}},"
                       "\"t\":{{now_ms}}}");
    const TemplateText compiled = TemplateText::compile(text, vars);
    if (!compiled.isValid())
        return 1;
    QRandomGenerator random(1);
    const qint64 now = QDateTime::currentMSecsSinceEpoch();

    PublishTemplate source;
    source.topic = QStringLiteral("plant/{{device}}/telemetry");
    source.payload = text;
    source.format = PayloadFormat::Json;
    CompiledTemplate message = CompiledTemplate::compile(source, vars);

    std::vector<double> ours, reference, full;
    QString out;
    for (int round = 0; round < 5; ++round) {
        ours.push_back(perSecond(count, [&](qint64 i) {
            out.clear();
            compiled.expandInto(TemplateContext(quint64(i), now + i, QString(), &random), out);
            return qint64(out.size());
        }));
        reference.push_back(perSecond(count, [&](qint64 i) {
            out = QStringLiteral("{\"device\":\"%1\",\"n\":%2,\"v\":%3,\"t\":%4}")
                      .arg(vars.value(QStringLiteral("device")))
                      .arg(i)
                      .arg(random.bounded(101))
                      .arg(now + i);
            return qint64(out.size());
        }));
        full.push_back(perSecond(count / 4, [&](qint64 i) {
            const auto p =
                message.message(TemplateContext(quint64(i), now + i, QString(), &random));
            return p ? qint64(p->payload.size()) : 0;
        }));
    }
    std::printf("template.expand (3 variables, %lld per round): %.0f/s\n", count, median(ours));
    std::printf("reference QString::arg, same text:           %.0f/s (ours / reference: %.2f)\n",
                median(reference), median(ours) / median(reference));
    std::printf("template.message (topic + JSON payload expanded and checked): %.0f/s\n",
                median(full));
    std::printf("sample: %s\n", qPrintable(compiled.expand(TemplateContext(1, now, {}, &random))));
    return 0;
}
