#pragma once

#include "core/payload/payload_decoder.h"

#include <QJsonObject>
#include <QString>

#include <optional>

namespace mqttdesk {

// A payload of packed numbers (a sensor's samples, a register dump) shown as a JSON array:
// int8…int64, uint8…uint64, float32 or float64, little or big endian, after an optional
// header of `skip` bytes. Chosen by a decoding rule or by hand, never detected: any bytes
// are some array of uint8. Options: {"type": "int16", "endian": "little", "skip": 0}.
class NumericArrayDecoder : public PayloadDecoder
{
public:
    enum class Type : quint8
    {
        Int8,
        Int16,
        Int32,
        Int64,
        UInt8,
        UInt16,
        UInt32,
        UInt64,
        Float32,
        Float64,
    };

    struct Layout
    {
        Type type = Type::UInt8;
        bool bigEndian = false;
        qsizetype skip = 0;

        QJsonObject toJson() const;
        // Nothing, with `why` set (translated), for an unknown type, endianness or a
        // negative skip. Missing keys take the defaults.
        static std::optional<Layout> fromJson(const QJsonObject &options, QString *why = nullptr);
        // The CLI's short form: TYPE[le|be][:SKIP], e.g. "int16le", "float32be:4", "uint8".
        // Without le/be, little endian.
        static std::optional<Layout> fromSpec(QStringView spec, QString *why = nullptr);
    };

    static int sizeOf(Type type);
    static QString typeKey(Type type);
    static std::optional<Type> typeFromKey(QStringView key);

    QString id() const override;
    QString name() const override;
    int detect(QByteArrayView bytes, const PayloadHint &hint) const override;
    RenderedPayload render(QByteArrayView bytes, const RenderOptions &options) const override;
    QJsonObject defaultOptions() const override;

    // The values as doubles (for charts); nothing when the bytes do not hold whole values.
    static std::optional<QList<double>> values(QByteArrayView bytes, const Layout &layout);
};

} // namespace mqttdesk
