#include "app/cli/cli_exit_code.h"
#include "app/cli/cli_flag_table.h"
#include "app/cli/cli_parser.h"
#include "app/cli/command_runner.h"
#include "core/payload/decoder_registry.h"
#include "core/protobuf/protobuf_decoder.h"
#include "core/script/script_decoder.h"
#include "core/sparkplug/sparkplug_decoder.h"
#include "core/version.h"

#include <QCoreApplication>

#include <csignal>
#include <cstdio>
#include <malloc.h>

int main(int argc, char *argv[])
{
    // A closed pipe is reported by write(2) and handled; it must not kill the process.
    std::signal(SIGPIPE, SIG_IGN);
#ifdef M_MMAP_THRESHOLD
    // A flood makes the receive path allocate and free large blocks (action lists,
    // batches) thousands of times a second; with glibc's default they are mmap'd and
    // unmapped each time and every page faults in anew. Keep them on the heap.
    mallopt(M_MMAP_THRESHOLD, 32 * 1024 * 1024); // glibc's maximum
    mallopt(M_TRIM_THRESHOLD, 128 * 1024 * 1024);
#endif
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("mqttdesk-cli"));
    QCoreApplication::setApplicationVersion(mqttdesk::versionString());
    mqttdesk::ProtobufDecoder::registerIn(mqttdesk::DecoderRegistry::instance());
    mqttdesk::SparkplugDecoder::registerIn(mqttdesk::DecoderRegistry::instance());
    mqttdesk::ScriptDecoder::registerIn(mqttdesk::DecoderRegistry::instance());

    mqttdesk::CliError error;
    const std::optional<mqttdesk::CliOptions> options =
        mqttdesk::CliParser::parse(app.arguments(), &error);
    if (!options) {
        error.print();
        return mqttdesk::ExitUsage;
    }
    if (options->version) {
        std::printf("mqttdesk-cli %s\n", qPrintable(mqttdesk::versionString()));
        return 0;
    }
    if (options->help) {
        std::fputs(qPrintable(mqttdesk::CliFlagTable::help(options->command)), stdout);
        return 0;
    }
    return mqttdesk::CommandRunner::run(app, *options);
}
