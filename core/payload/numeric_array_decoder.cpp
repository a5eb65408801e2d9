#include "core/payload/numeric_array_decoder.h"

#include "core/payload/json_text_writer.h"

#include <QCoreApplication>
#include <QJsonValue>
#include <QtEndian>

#include <array>
#include <cstring>

namespace mqttdesk {

namespace {

struct TypeInfo
{
    NumericArrayDecoder::Type type;
    const char *key;
    int size;
};

constexpr std::array<TypeInfo, 10> kTypes{{
    {NumericArrayDecoder::Type::Int8, "int8", 1},
    {NumericArrayDecoder::Type::Int16, "int16", 2},
    {NumericArrayDecoder::Type::Int32, "int32", 4},
    {NumericArrayDecoder::Type::Int64, "int64", 8},
    {NumericArrayDecoder::Type::UInt8, "uint8", 1},
    {NumericArrayDecoder::Type::UInt16, "uint16", 2},
    {NumericArrayDecoder::Type::UInt32, "uint32", 4},
    {NumericArrayDecoder::Type::UInt64, "uint64", 8},
    {NumericArrayDecoder::Type::Float32, "float32", 4},
    {NumericArrayDecoder::Type::Float64, "float64", 8},
}};

const QString kType = QStringLiteral("type");
const QString kEndian = QStringLiteral("endian");
const QString kSkip = QStringLiteral("skip");

// The raw bits of one value, in host order.
quint64 loadBits(const char *at, int size, bool bigEndian)
{
    switch (size) {
    case 1:
        return quint8(*at);
    case 2:
        return bigEndian ? qFromBigEndian<quint16>(at) : qFromLittleEndian<quint16>(at);
    case 4:
        return bigEndian ? qFromBigEndian<quint32>(at) : qFromLittleEndian<quint32>(at);
    default:
        return bigEndian ? qFromBigEndian<quint64>(at) : qFromLittleEndian<quint64>(at);
    }
}

template<typename Visit>
void forEachValue(QByteArrayView data, const NumericArrayDecoder::Layout &layout, Visit &&visit)
{
    using T = NumericArrayDecoder::Type;
    const int size = NumericArrayDecoder::sizeOf(layout.type);
    for (qsizetype at = 0; at + size <= data.size(); at += size) {
        const quint64 bits = loadBits(data.data() + at, size, layout.bigEndian);
        bool more = true;
        switch (layout.type) {
        case T::Int8:
            more = visit(qint64(qint8(bits)));
            break;
        case T::Int16:
            more = visit(qint64(qint16(bits)));
            break;
        case T::Int32:
            more = visit(qint64(qint32(bits)));
            break;
        case T::Int64:
            more = visit(qint64(bits));
            break;
        case T::UInt8:
        case T::UInt16:
        case T::UInt32:
        case T::UInt64:
            more = visit(bits);
            break;
        case T::Float32: {
            float f;
            const quint32 b32 = quint32(bits);
            std::memcpy(&f, &b32, sizeof f);
            more = visit(f);
            break;
        }
        case T::Float64: {
            double d;
            std::memcpy(&d, &bits, sizeof d);
            more = visit(d);
            break;
        }
        }
        if (!more)
            return;
    }
}

} // namespace

int NumericArrayDecoder::sizeOf(Type type)
{
    for (const TypeInfo &info : kTypes) {
        if (info.type == type)
            return info.size;
    }
    return 1;
}

QString NumericArrayDecoder::typeKey(Type type)
{
    for (const TypeInfo &info : kTypes) {
        if (info.type == type)
            return QLatin1String(info.key);
    }
    return QString();
}

std::optional<NumericArrayDecoder::Type> NumericArrayDecoder::typeFromKey(QStringView key)
{
    for (const TypeInfo &info : kTypes) {
        if (key == QLatin1String(info.key))
            return info.type;
    }
    return std::nullopt;
}

QJsonObject NumericArrayDecoder::Layout::toJson() const
{
    return {{kType, typeKey(type)},
            {kEndian, bigEndian ? QStringLiteral("big") : QStringLiteral("little")},
            {kSkip, double(skip)}};
}

std::optional<NumericArrayDecoder::Layout>
NumericArrayDecoder::Layout::fromJson(const QJsonObject &options, QString *why)
{
    Layout layout;
    const QString type = options.value(kType).toString(typeKey(layout.type));
    const std::optional<Type> parsed = typeFromKey(type);
    if (!parsed) {
        if (why)
            *why = QCoreApplication::translate(
                       "NumericArrayDecoder",
                       "'%1' is not a number type: use int8, int16, int32, int64, uint8, uint16, "
                       "uint32, uint64, float32 or float64.")
                       .arg(type);
        return std::nullopt;
    }
    layout.type = *parsed;
    const QString endian = options.value(kEndian).toString(QStringLiteral("little"));
    if (endian != u"little" && endian != u"big") {
        if (why)
            *why = QCoreApplication::translate("NumericArrayDecoder",
                                               "'%1' is not a byte order: use little or big.")
                       .arg(endian);
        return std::nullopt;
    }
    layout.bigEndian = endian == u"big";
    const QJsonValue skip = options.value(kSkip);
    if (!skip.isUndefined() && (!skip.isDouble() || skip.toDouble() < 0 ||
                                skip.toDouble() != double(qint64(skip.toDouble())))) {
        if (why)
            *why = QCoreApplication::translate(
                "NumericArrayDecoder",
                "The header to skip must be a whole number of bytes, 0 or more.");
        return std::nullopt;
    }
    layout.skip = qsizetype(skip.toDouble(0));
    return layout;
}

std::optional<NumericArrayDecoder::Layout> NumericArrayDecoder::Layout::fromSpec(QStringView spec,
                                                                                 QString *why)
{
    QJsonObject options;
    QStringView type = spec;
    const qsizetype colon = spec.indexOf(u':');
    if (colon >= 0) {
        bool ok = false;
        const qlonglong skip = spec.sliced(colon + 1).toLongLong(&ok);
        if (!ok || skip < 0) {
            if (why)
                *why = QCoreApplication::translate(
                    "NumericArrayDecoder",
                    "The header to skip must be a whole number of bytes, 0 or more.");
            return std::nullopt;
        }
        options.insert(kSkip, double(skip));
        type = spec.first(colon);
    }
    if (type.endsWith(u"le") || type.endsWith(u"be")) {
        options.insert(kEndian,
                       type.endsWith(u"be") ? QStringLiteral("big") : QStringLiteral("little"));
        type.chop(2);
    }
    options.insert(kType, type.toString());
    return fromJson(options, why);
}

QString NumericArrayDecoder::id() const
{
    return QStringLiteral("numeric");
}

QString NumericArrayDecoder::name() const
{
    return QCoreApplication::translate("PayloadFormat", "Numeric array");
}

int NumericArrayDecoder::detect(QByteArrayView, const PayloadHint &) const
{
    return kNoMatch;
}

QJsonObject NumericArrayDecoder::defaultOptions() const
{
    return Layout().toJson();
}

RenderedPayload NumericArrayDecoder::render(QByteArrayView bytes,
                                            const RenderOptions &options) const
{
    QString why;
    const std::optional<Layout> layout = Layout::fromJson(options.decoderOptions, &why);
    if (!layout) {
        PayloadError error;
        error.code = PayloadErrorCode::BadDecoderOptions;
        error.detail = why;
        return fallback(bytes, options, error);
    }
    if (layout->skip > bytes.size()) {
        PayloadError error;
        error.code = PayloadErrorCode::HeaderBeyondPayload;
        error.offset = bytes.size();
        error.detail = QString::number(layout->skip);
        return fallback(bytes, options, error);
    }
    const QByteArrayView data = bytes.sliced(layout->skip);
    const int size = sizeOf(layout->type);
    if (data.size() % size != 0) {
        PayloadError error;
        error.code = PayloadErrorCode::PartialNumber;
        error.offset = bytes.size() - data.size() % size;
        error.detail = typeKey(layout->type);
        return fallback(bytes, options, error);
    }

    if (bytes.isEmpty()) // an empty payload shows as empty, as with every decoder
        return fromDecodedJson(bytes, options, DecodedJson{});

    JsonTextWriter writer(options.maxChars, true);
    writer.beginArray();
    forEachValue(data, *layout, [&writer](auto value) {
        using V = decltype(value);
        if constexpr (std::is_floating_point_v<V>)
            writer.number(value);
        else if constexpr (std::is_same_v<V, quint64>)
            writer.unsignedInteger(value);
        else
            writer.integer(value);
        return !writer.isFull();
    });
    writer.endArray();
    return fromDecodedJson(bytes, options, DecodedJson{writer.text(), writer.isFull(), {}, {}});
}

std::optional<QList<double>> NumericArrayDecoder::values(QByteArrayView bytes, const Layout &layout)
{
    if (layout.skip > bytes.size())
        return std::nullopt;
    const QByteArrayView data = bytes.sliced(layout.skip);
    if (data.size() % sizeOf(layout.type) != 0)
        return std::nullopt;
    QList<double> out;
    out.reserve(data.size() / sizeOf(layout.type));
    forEachValue(data, layout, [&out](auto value) {
        out.append(double(value));
        return true;
    });
    return out;
}

} // namespace mqttdesk
