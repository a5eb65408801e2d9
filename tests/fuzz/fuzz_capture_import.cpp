// libFuzzer target over the capture file reader (CaptureReader: CaptureWriter's files and the
// history's JSON Lines export), read from memory through a QBuffer as from a file.
//
// Input: the whole capture file. A read either has an error (with no records) or records that
// are all well-formed (a topic, QoS 0..2); every record is visited, and the records written
// again by CaptureWriter (header and lines) read back the same: the writer is lossless for
// what the reader accepts.

#include "core/automation/capture_reader.h"
#include "core/automation/capture_writer.h"

#include <QBuffer>
#include <QByteArray>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

using namespace mqttdesk;

namespace {

constexpr qsizetype kMaxRecords = 1000;

CaptureReader::Result readBytes(const QByteArray &bytes)
{
    QByteArray copy = bytes;
    QBuffer buffer(&copy);
    if (!buffer.open(QIODevice::ReadOnly))
        std::abort();
    return CaptureReader::read(buffer, kMaxRecords);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size > 256 * 1024)
        return 0;
    const QByteArray file(reinterpret_cast<const char *>(data), qsizetype(size));
    const CaptureReader::Result result = readBytes(file);
    if (!result.ok()) {
        if (!result.records.isEmpty())
            std::abort(); // nothing from a file with an error
        return 0;
    }
    if (result.records.size() > kMaxRecords)
        std::abort();
    qsizetype bytes = 0;
    for (const CaptureRecord &record : result.records) {
        if (record.topic.isEmpty() || record.qos > 2)
            std::abort();
        bytes += record.payload.size() + record.properties.size();
    }
    (void)bytes;

    QByteArray written;
    QBuffer out(&written);
    if (!out.open(QIODevice::WriteOnly))
        std::abort();
    CaptureWriter writer(out);
    if (!writer.writeHeader(result.source))
        std::abort();
    for (const CaptureRecord &record : result.records) {
        if (!writer.write(record))
            std::abort();
    }
    out.close();
    const CaptureReader::Result again = readBytes(written);
    if (!again.ok() || again.records != result.records || again.source != result.source) {
        std::fprintf(stderr, "fuzz_capture_import: written again, the file reads otherwise: %s\n",
                     qPrintable(again.error));
        std::abort();
    }
    return 0;
}
