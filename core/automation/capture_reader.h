#pragma once

#include "core/automation/capture_record.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

class QIODevice;
class QJsonObject;

namespace mqttdesk {

// Reads a capture file (CaptureWriter's, or the history's JSON Lines export): every message
// line into a CaptureRecord, in file order. Strict: a line that is not a message, a payload
// that does not decode, a header of a newer version, is an error naming the line, and
// nothing is returned (a replay of half a file would mislead).
class CaptureReader
{
    Q_DECLARE_TR_FUNCTIONS(CaptureReader)

public:
    struct Result
    {
        QList<CaptureRecord> records;
        QString source; // the header's, if any
        QString error;  // translated; empty when the file was read
        bool ok() const { return error.isEmpty(); }
    };

    // At most `maxRecords` messages (a guard against a file far bigger than memory allows).
    static Result read(QIODevice &device, qsizetype maxRecords = 10'000'000);
    static Result readFile(const QString &path, qsizetype maxRecords = 10'000'000);

private:
    // One message line; an empty string when it is fine, else why not (translated).
    static QString parseRecord(const QJsonObject &object, CaptureRecord *record);
};

} // namespace mqttdesk
