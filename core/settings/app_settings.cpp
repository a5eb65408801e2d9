#include "core/settings/app_settings.h"

#include <QFile>

namespace mqttdesk {

AppSettings::AppSettings(const QString &dataDir, QObject *parent)
    : QObject(parent)
    , m_store(filePath(dataDir), QSettings::IniFormat)
{
    migrateLanguage();
}

AppSettings::~AppSettings() = default;

QString AppSettings::filePath(const QString &dataDir)
{
    return dataDir + QStringLiteral("/mqttdesk-window.ini");
}

QString AppSettings::storageKey(Key key)
{
    switch (key) {
    case Key::Language:
        return QStringLiteral("ui/language");
    case Key::LogPackets:
        return QStringLiteral("log/packets");
    case Key::WindowGeometry:
        return QStringLiteral("window/geometry");
    case Key::WindowState:
        return QStringLiteral("window/state");
    case Key::SplitterState:
        return QStringLiteral("window/splitter");
    case Key::CollapsedFolders:
        return QStringLiteral("window/collapsedFolders");
    case Key::LastConnection:
        return QStringLiteral("window/lastConnection");
    case Key::LocalBrokerOffered:
        return QStringLiteral("firstStart/localBrokerOffered");
    case Key::PreviewLines:
        return QStringLiteral("stream/previewLines");
    case Key::CompactStreams:
        return QStringLiteral("stream/compactProfiles");
    case Key::TopicsViews:
        return QStringLiteral("stream/topicsProfiles");
    }
    return QString();
}

void AppSettings::migrateLanguage()
{
    const QString key = storageKey(Key::Language);
    if (m_store.contains(key))
        return;
    // Where Language kept it before: QSettings() of the organization and application name.
    const QSettings legacy;
    const QVariant old = legacy.value(key);
    if (!old.isValid())
        return;
    m_store.setValue(key, old.toString());
    syncPrivately();
}

void AppSettings::syncPrivately()
{
    m_store.sync();
    // The user's alone (0600), like the rest of the data directory. QSettings rewrites the
    // file through QSaveFile, which keeps the mode it finds; older files are tightened.
    if (!m_private)
        m_private = QFile::setPermissions(m_store.fileName(), QFile::ReadOwner | QFile::WriteOwner);
}

QVariant AppSettings::value(Key key) const
{
    return m_store.value(storageKey(key));
}

bool AppSettings::contains(Key key) const
{
    return m_store.contains(storageKey(key));
}

bool AppSettings::isWritable() const
{
    return m_store.status() == QSettings::NoError && m_store.isWritable();
}

template<typename T>
void AppSettings::store(Key key, const T &current, const T &next)
{
    if (current == next && contains(key))
        return;
    m_store.setValue(storageKey(key), QVariant::fromValue(next));
    syncPrivately();
    if (current != next)
        emit changed(key);
}

QString AppSettings::language() const
{
    return value(Key::Language).toString();
}

void AppSettings::setLanguage(const QString &locale)
{
    store(Key::Language, language(), locale);
}

bool AppSettings::logPackets() const
{
    return value(Key::LogPackets).toBool();
}

void AppSettings::setLogPackets(bool on)
{
    store(Key::LogPackets, logPackets(), on);
}

QByteArray AppSettings::windowGeometry() const
{
    return value(Key::WindowGeometry).toByteArray();
}

void AppSettings::setWindowGeometry(const QByteArray &geometry)
{
    store(Key::WindowGeometry, windowGeometry(), geometry);
}

QByteArray AppSettings::windowState() const
{
    return value(Key::WindowState).toByteArray();
}

void AppSettings::setWindowState(const QByteArray &state)
{
    store(Key::WindowState, windowState(), state);
}

QByteArray AppSettings::splitterState() const
{
    return value(Key::SplitterState).toByteArray();
}

void AppSettings::setSplitterState(const QByteArray &state)
{
    store(Key::SplitterState, splitterState(), state);
}

QStringList AppSettings::collapsedFolders() const
{
    return value(Key::CollapsedFolders).toStringList();
}

void AppSettings::setCollapsedFolders(const QStringList &folders)
{
    store(Key::CollapsedFolders, collapsedFolders(), folders);
}

qint64 AppSettings::lastConnection() const
{
    return value(Key::LastConnection).toLongLong();
}

void AppSettings::setLastConnection(qint64 profileId)
{
    store(Key::LastConnection, lastConnection(), profileId);
}

bool AppSettings::localBrokerOffered() const
{
    return value(Key::LocalBrokerOffered).toBool();
}

void AppSettings::setLocalBrokerOffered(bool offered)
{
    store(Key::LocalBrokerOffered, localBrokerOffered(), offered);
}

int AppSettings::previewLines() const
{
    bool ok = false;
    const int lines = value(Key::PreviewLines).toInt(&ok);
    return ok ? qBound(1, lines, 200) : kDefaultPreviewLines;
}

void AppSettings::setPreviewLines(int lines)
{
    store(Key::PreviewLines, previewLines(), qBound(1, lines, 200));
}

bool AppSettings::compactStream(qint64 profileId) const
{
    return listHas(Key::CompactStreams, profileId);
}

void AppSettings::setCompactStream(qint64 profileId, bool compact)
{
    setListHas(Key::CompactStreams, profileId, compact);
}

bool AppSettings::topicsView(qint64 profileId) const
{
    return listHas(Key::TopicsViews, profileId);
}

void AppSettings::setTopicsView(qint64 profileId, bool shown)
{
    setListHas(Key::TopicsViews, profileId, shown);
}

bool AppSettings::listHas(Key key, qint64 profileId) const
{
    return value(key).toStringList().contains(QString::number(profileId));
}

void AppSettings::setListHas(Key key, qint64 profileId, bool has)
{
    const QStringList current = value(key).toStringList();
    QStringList next = current;
    const QString id = QString::number(profileId);
    next.removeAll(id);
    if (has)
        next.append(id);
    store(key, current, next);
}

} // namespace mqttdesk
