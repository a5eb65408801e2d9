#include "core/protobuf/proto_schema.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

#include <google/protobuf/compiler/importer.h>
#include <google/protobuf/descriptor.h>
#include <google/protobuf/dynamic_message.h>
#include <google/protobuf/stubs/logging.h>

#include <algorithm>
#include <mutex>

namespace mqttdesk {

namespace pb = google::protobuf;

namespace {

// libprotobuf logs parse problems (invalid UTF-8 in a string field, ...) to stderr; the
// decoder reports them on the message instead, and the CLI's stderr stays the user's.
void silenceLibraryLog()
{
    static std::once_flag once;
    std::call_once(once, [] { pb::SetLogHandler(nullptr); });
}

class ErrorList : public pb::compiler::MultiFileErrorCollector
{
public:
    void AddError(const std::string &filename, int line, int column,
                  const std::string &message) override
    {
        const QString file = QString::fromStdString(filename);
        const QString text = QString::fromStdString(message);
        // Lines and columns are zero-based; -1 when the problem is the file itself.
        if (line < 0)
            errors.append(QStringLiteral("%1: %2").arg(file, text));
        else
            errors.append(
                QStringLiteral("%1:%2:%3: %4").arg(file).arg(line + 1).arg(column + 1).arg(text));
    }
    void AddWarning(const std::string &, int, int, const std::string &) override {}

    QStringList errors;
};

void collectTypes(const pb::Descriptor *type, QStringList *out)
{
    out->append(QString::fromStdString(type->full_name()));
    for (int i = 0; i < type->nested_type_count(); ++i) {
        const pb::Descriptor *nested = type->nested_type(i);
        if (!nested->options().map_entry())
            collectTypes(nested, out);
    }
}

} // namespace

struct ProtoSchema::Parts
{
    pb::compiler::DiskSourceTree tree;
    ErrorList errors;
    pb::compiler::Importer importer{&tree, &errors};
    QList<const pb::FileDescriptor *> files;
    // GetPrototype() is thread-safe (dynamic_message.h).
    mutable pb::DynamicMessageFactory factory{importer.pool()};
};

ProtoSchema::ProtoSchema()
    : m_parts(std::make_unique<Parts>())
{}

ProtoSchema::~ProtoSchema() = default;

std::shared_ptr<const ProtoSchema> ProtoSchema::load(const QStringList &files,
                                                     const QStringList &importPaths, QString *why)
{
    silenceLibraryLog();
    if (files.isEmpty()) {
        if (why)
            *why = QCoreApplication::translate("ProtoSchema", "choose one or more .proto files.");
        return nullptr;
    }
    std::shared_ptr<ProtoSchema> schema(new ProtoSchema);
    Parts &parts = *schema->m_parts;
    for (const QString &path : importPaths)
        parts.tree.MapPath("", QDir::cleanPath(QFileInfo(path).absoluteFilePath()).toStdString());
    // A file's own folder comes last, so that the import paths the user gave decide first.
    QStringList folders;
    for (const QString &file : files) {
        const QString folder = QFileInfo(file).absolutePath();
        if (!folders.contains(folder))
            folders.append(folder);
    }
    for (const QString &folder : std::as_const(folders))
        parts.tree.MapPath("", QDir::cleanPath(folder).toStdString());

    for (const QString &file : files) {
        const QFileInfo info(file);
        if (!info.isFile() || !info.isReadable()) {
            if (why)
                *why = QCoreApplication::translate("ProtoSchema",
                                                   "%1: the file does not exist or cannot be read.")
                           .arg(file);
            return nullptr;
        }
        schema->m_newestFileTime = std::max(schema->m_newestFileTime, info.lastModified());
        std::string virtualName;
        std::string shadowing;
        const auto found = parts.tree.DiskFileToVirtualFile(
            QDir::cleanPath(info.absoluteFilePath()).toStdString(), &virtualName, &shadowing);
        if (found != pb::compiler::DiskSourceTree::SUCCESS) {
            if (why)
                *why = QCoreApplication::translate(
                           "ProtoSchema",
                           "%1: the file is hidden by %2 in an import path; import paths and "
                           "files must not name two files the same way.")
                           .arg(file, QString::fromStdString(shadowing));
            return nullptr;
        }
        const pb::FileDescriptor *descriptor = parts.importer.Import(virtualName);
        if (!descriptor || !parts.errors.errors.isEmpty()) {
            if (why)
                *why = parts.errors.errors.isEmpty()
                           ? QCoreApplication::translate(
                                 "ProtoSchema", "%1: the file could not be read as .proto.")
                                 .arg(file)
                           : parts.errors.errors.join(QLatin1Char('\n'));
            return nullptr;
        }
        parts.files.append(descriptor);
    }
    return schema;
}

const pb::Descriptor *ProtoSchema::message(const QString &fullName) const
{
    return m_parts->importer.pool()->FindMessageTypeByName(fullName.toStdString());
}

const pb::Message *ProtoSchema::prototype(const pb::Descriptor *type) const
{
    return m_parts->factory.GetPrototype(type);
}

QStringList ProtoSchema::messageTypes() const
{
    QStringList out;
    for (const pb::FileDescriptor *file : m_parts->files) {
        for (int i = 0; i < file->message_type_count(); ++i)
            collectTypes(file->message_type(i), &out);
    }
    out.sort();
    out.removeDuplicates();
    return out;
}

} // namespace mqttdesk
