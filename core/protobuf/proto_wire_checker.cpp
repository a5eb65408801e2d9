#include "core/protobuf/proto_wire_checker.h"

#include "core/payload/utf8_scan.h"

#include <QCoreApplication>

#include <google/protobuf/descriptor.h>

namespace mqttdesk {

namespace pb = google::protobuf;

namespace {

enum WireType : int
{
    Varint = 0,
    Fixed64 = 1,
    LengthDelimited = 2,
    StartGroup = 3,
    EndGroup = 4,
    Fixed32 = 5,
};

bool isPackable(const pb::FieldDescriptor *field)
{
    return field && field->is_repeated() && field->type() != pb::FieldDescriptor::TYPE_STRING &&
           field->type() != pb::FieldDescriptor::TYPE_BYTES &&
           field->type() != pb::FieldDescriptor::TYPE_MESSAGE &&
           field->type() != pb::FieldDescriptor::TYPE_GROUP;
}

bool validatesUtf8(const pb::FieldDescriptor *field)
{
    return field && field->type() == pb::FieldDescriptor::TYPE_STRING &&
           field->file()->syntax() == pb::FileDescriptor::SYNTAX_PROTO3;
}

class Walker
{
public:
    explicit Walker(QByteArrayView bytes)
        : m_data(reinterpret_cast<const quint8 *>(bytes.data()))
    {}

    std::optional<ProtoWireChecker::Problem> problem;

    // Reads the message in [pos, end). With `group` > 0 it ends at that group's end tag.
    bool message(qsizetype pos, qsizetype end, const pb::Descriptor *type, int depth, int group = 0,
                 qsizetype *groupEnd = nullptr)
    {
        if (depth > ProtoWireChecker::kMaxDepth)
            return fail(pos, QCoreApplication::translate("ProtoWireChecker",
                                                         "messages nested more than 100 deep"));
        while (pos < end) {
            const qsizetype tagAt = pos;
            quint32 tag = 0;
            if (!smallVarint(
                    pos, end, 127, &tag,
                    QT_TRANSLATE_NOOP("ProtoWireChecker", "truncated varint (a field's tag)"),
                    QT_TRANSLATE_NOOP("ProtoWireChecker", "a field's tag longer than 5 bytes")))
                return false;
            const quint32 number = tag >> 3;
            const int wire = int(tag & 7);
            if (number == 0)
                return fail(tagAt,
                            QCoreApplication::translate("ProtoWireChecker", "field number 0"));
            const pb::FieldDescriptor *field =
                type ? type->FindFieldByNumber(int(number)) : nullptr;
            switch (wire) {
            case Varint: {
                quint64 value = 0;
                if (!varint(pos, end, &value,
                            QT_TRANSLATE_NOOP("ProtoWireChecker", "truncated varint")))
                    return false;
                break;
            }
            case Fixed64:
                if (end - pos < 8)
                    return fail(
                        pos, QCoreApplication::translate("ProtoWireChecker",
                                                         "truncated 64-bit field (%1 of 8 bytes)")
                                 .arg(end - pos));
                pos += 8;
                break;
            case Fixed32:
                if (end - pos < 4)
                    return fail(
                        pos, QCoreApplication::translate("ProtoWireChecker",
                                                         "truncated 32-bit field (%1 of 4 bytes)")
                                 .arg(end - pos));
                pos += 4;
                break;
            case LengthDelimited: {
                quint32 length = 0;
                if (!smallVarint(
                        pos, end, 7, &length,
                        QT_TRANSLATE_NOOP("ProtoWireChecker", "truncated varint (a length)"),
                        QT_TRANSLATE_NOOP("ProtoWireChecker", "a length beyond 2 GiB")))
                    return false;
                if (length > quint64(end - pos))
                    return fail(pos, QCoreApplication::translate(
                                         "ProtoWireChecker",
                                         "field %1 says %2 bytes follow, but only %3 do")
                                         .arg(number)
                                         .arg(length)
                                         .arg(end - pos));
                const qsizetype inner = pos + qsizetype(length);
                if (field && field->type() == pb::FieldDescriptor::TYPE_MESSAGE) {
                    if (!message(pos, inner, field->message_type(), depth + 1))
                        return false;
                } else if (isPackable(field)) {
                    if (!packed(pos, inner, field))
                        return false;
                } else if (validatesUtf8(field)) {
                    const QByteArrayView text(reinterpret_cast<const char *>(m_data + pos),
                                              inner - pos);
                    const Utf8Scan scan = Utf8Scan::scan(text);
                    if (!scan.isValid())
                        return fail(
                            pos + scan.invalidAt(),
                            QCoreApplication::translate("ProtoWireChecker",
                                                        "the string field '%1' is not valid UTF-8")
                                .arg(QString::fromStdString(field->name())));
                }
                pos = inner;
                break;
            }
            case StartGroup: {
                const pb::Descriptor *inner =
                    field && field->type() == pb::FieldDescriptor::TYPE_GROUP
                        ? field->message_type()
                        : nullptr;
                qsizetype after = 0;
                if (!message(pos, end, inner, depth + 1, int(number), &after))
                    return false;
                pos = after;
                break;
            }
            case EndGroup:
                if (group == 0 || int(number) != group)
                    return fail(tagAt, QCoreApplication::translate(
                                           "ProtoWireChecker",
                                           "an end-group tag for field %1 that no group opened")
                                           .arg(number));
                *groupEnd = pos;
                return true;
            default:
                return fail(tagAt, QCoreApplication::translate("ProtoWireChecker",
                                                               "invalid wire type %1 (field %2)")
                                       .arg(wire)
                                       .arg(number));
            }
        }
        if (group != 0)
            return fail(end, QCoreApplication::translate("ProtoWireChecker",
                                                         "the group of field %1 has no end")
                                 .arg(group));
        return true;
    }

private:
    bool fail(qsizetype at, const QString &reason)
    {
        problem = ProtoWireChecker::Problem{at, reason};
        return false;
    }

    static QString translated(const char *sourceText)
    {
        return QCoreApplication::translate("ProtoWireChecker", sourceText);
    }

    // `truncated` and `tooLong` are untranslated (QT_TRANSLATE_NOOP): they are translated
    // only when they are the answer, not for every field of every message.
    bool varint(qsizetype &pos, qsizetype end, quint64 *value, const char *truncated)
    {
        const qsizetype start = pos;
        quint64 out = 0;
        for (int shift = 0; shift < 70; shift += 7) {
            if (pos >= end)
                return fail(start, translated(truncated));
            if (pos - start == 10)
                return fail(start, QCoreApplication::translate("ProtoWireChecker",
                                                               "a varint longer than 10 bytes"));
            const quint8 b = m_data[pos++];
            if (shift < 64)
                out |= quint64(b & 0x7f) << shift;
            if (!(b & 0x80)) {
                *value = out;
                return true;
            }
        }
        return fail(start, QCoreApplication::translate("ProtoWireChecker",
                                                       "a varint longer than 10 bytes"));
    }

    // A tag or a length as libprotobuf reads them: at most 5 bytes, the fifth below
    // at most `lastByteLimit` (tags: any, keeping their low 32 bits; lengths: below 8, so
    // below 2 GiB).
    bool smallVarint(qsizetype &pos, qsizetype end, quint8 lastByteLimit, quint32 *value,
                     const char *truncated, const char *tooLong)
    {
        const qsizetype start = pos;
        quint32 out = 0;
        for (int i = 0; i < 5; ++i) {
            if (pos >= end)
                return fail(start, translated(truncated));
            const quint8 b = m_data[pos++];
            if (i == 4 && b > lastByteLimit)
                return fail(start, translated(tooLong));
            out |= quint32(b & 0x7f) << (7 * i);
            if (!(b & 0x80)) {
                *value = out;
                return true;
            }
        }
        return fail(start, translated(tooLong));
    }

    bool packed(qsizetype pos, qsizetype end, const pb::FieldDescriptor *field)
    {
        int size = 0;
        switch (field->type()) {
        case pb::FieldDescriptor::TYPE_DOUBLE:
        case pb::FieldDescriptor::TYPE_FIXED64:
        case pb::FieldDescriptor::TYPE_SFIXED64:
            size = 8;
            break;
        case pb::FieldDescriptor::TYPE_FLOAT:
        case pb::FieldDescriptor::TYPE_FIXED32:
        case pb::FieldDescriptor::TYPE_SFIXED32:
            size = 4;
            break;
        default:
            break;
        }
        if (size == 0) {
            while (pos < end) {
                quint64 value = 0;
                if (!varint(pos, end, &value,
                            QT_TRANSLATE_NOOP("ProtoWireChecker",
                                              "truncated varint (in a packed list)")))
                    return false;
            }
            return true;
        }
        const qsizetype left = (end - pos) % size;
        if (left != 0)
            return fail(end - left, QCoreApplication::translate(
                                        "ProtoWireChecker",
                                        "a packed list of %1-byte values with %2 bytes left over")
                                        .arg(size)
                                        .arg(left));
        return true;
    }

    const quint8 *m_data;
};

} // namespace

std::optional<ProtoWireChecker::Problem> ProtoWireChecker::check(QByteArrayView bytes,
                                                                 const pb::Descriptor *type)
{
    Walker walker(bytes);
    if (walker.message(0, bytes.size(), type, 0))
        return std::nullopt;
    return walker.problem;
}

} // namespace mqttdesk
