#include "core/settings/desktop_color_scheme.h"

#include <QDBusArgument>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QDBusVariant>
#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace mqttdesk {

namespace {

const QString kPortalService = QStringLiteral("org.freedesktop.portal.Desktop");
const QString kPortalPath = QStringLiteral("/org/freedesktop/portal/desktop");
const QString kPortalInterface = QStringLiteral("org.freedesktop.portal.Settings");
const QString kAppearance = QStringLiteral("org.freedesktop.appearance");
const QString kColorScheme = QStringLiteral("color-scheme");

QString defaultConfigHome()
{
    const QString xdg = qEnvironmentVariable("XDG_CONFIG_HOME");
    return xdg.isEmpty() ? QDir::homePath() + QStringLiteral("/.config") : xdg;
}

// The value of `key` in [group] of an INI text; "" when absent. (QSettings would mangle
// KDE's group names with colons and is not needed for two keys.)
QString iniValue(const QByteArray &ini, const QString &group, const QString &key)
{
    QString current;
    for (const QByteArray &raw : ini.split('\n')) {
        const QString line = QString::fromUtf8(raw).trimmed();
        if (line.startsWith(QLatin1Char('[')) && line.endsWith(QLatin1Char(']'))) {
            current = line.mid(1, line.size() - 2);
            continue;
        }
        if (current != group)
            continue;
        const qsizetype eq = line.indexOf(QLatin1Char('='));
        if (eq > 0 && line.left(eq).trimmed() == key)
            return line.mid(eq + 1).trimmed();
    }
    return QString();
}

bool nameSaysDark(const QString &name)
{
    return name.contains(QLatin1String("dark"), Qt::CaseInsensitive);
}

} // namespace

DesktopColorScheme::DesktopColorScheme(QObject *parent)
    : DesktopColorScheme(QDBusConnection::sessionBus(), defaultConfigHome(), parent)
{}

DesktopColorScheme::DesktopColorScheme(const QDBusConnection &bus, const QString &configHome,
                                       QObject *parent)
    : QObject(parent)
    , m_bus(bus)
    , m_configHome(configHome)
{
    // The files answer at once; the portal, when it answers, overrides them.
    readFiles();
    watchFiles();
    connect(&m_watcher, &QFileSystemWatcher::fileChanged, this, [this] {
        watchFiles(); // a file replaced by a rename is no longer watched
        readFiles();
    });
    connect(&m_watcher, &QFileSystemWatcher::directoryChanged, this, [this] {
        watchFiles();
        readFiles();
    });
    askPortal();
}

DesktopColorScheme::~DesktopColorScheme() = default;

DesktopColorScheme::Scheme DesktopColorScheme::fromPortalValue(const QVariant &value)
{
    // Settings.Read answers a variant in a variant (older portals wrap it twice).
    QVariant v = value;
    for (int depth = 0; depth < 4; ++depth) {
        if (v.canConvert<QDBusVariant>() && v.userType() == qMetaTypeId<QDBusVariant>())
            v = v.value<QDBusVariant>().variant();
        else if (v.userType() == qMetaTypeId<QDBusArgument>()) {
            QDBusVariant inner;
            v.value<QDBusArgument>() >> inner;
            v = inner.variant();
        } else
            break;
    }
    bool ok = false;
    const uint scheme = v.toUInt(&ok);
    if (!ok)
        return Scheme::Unknown;
    return scheme == 1 ? Scheme::Dark : scheme == 2 ? Scheme::Light : Scheme::Unknown;
}

DesktopColorScheme::Scheme DesktopColorScheme::fromKdeGlobals(const QByteArray &ini)
{
    // The window background the colour scheme gives, "r,g,b": the surest sign.
    const QStringList rgb =
        iniValue(ini, QStringLiteral("Colors:Window"), QStringLiteral("BackgroundNormal"))
            .split(QLatin1Char(','));
    if (rgb.size() >= 3) {
        bool r = false;
        bool g = false;
        bool b = false;
        const int red = rgb[0].trimmed().toInt(&r);
        const int green = rgb[1].trimmed().toInt(&g);
        const int blue = rgb[2].trimmed().toInt(&b);
        if (r && g && b) {
            // HSL lightness, as QColor::lightness() has it.
            const int lightness = (qMax(red, qMax(green, blue)) + qMin(red, qMin(green, blue))) / 2;
            return lightness < 128 ? Scheme::Dark : Scheme::Light;
        }
    }
    const QString name = iniValue(ini, QStringLiteral("General"), QStringLiteral("ColorScheme"));
    if (name.isEmpty())
        return Scheme::Unknown;
    return nameSaysDark(name) ? Scheme::Dark : Scheme::Light;
}

DesktopColorScheme::Scheme DesktopColorScheme::fromGtkSettings(const QByteArray &ini)
{
    const QString group = QStringLiteral("Settings");
    const QString prefer =
        iniValue(ini, group, QStringLiteral("gtk-application-prefer-dark-theme")).toLower();
    if (prefer == QLatin1String("1") || prefer == QLatin1String("true"))
        return Scheme::Dark;
    const QString theme = iniValue(ini, group, QStringLiteral("gtk-theme-name"));
    if (!theme.isEmpty())
        return nameSaysDark(theme) ? Scheme::Dark : Scheme::Light;
    if (prefer == QLatin1String("0") || prefer == QLatin1String("false"))
        return Scheme::Light;
    return Scheme::Unknown;
}

void DesktopColorScheme::askPortal()
{
    if (!m_bus.isConnected())
        return;
    m_bus.connect(kPortalService, kPortalPath, kPortalInterface, QStringLiteral("SettingChanged"),
                  this, SLOT(portalSettingChanged(QString, QString, QDBusVariant)));
    QDBusMessage call = QDBusMessage::createMethodCall(kPortalService, kPortalPath,
                                                       kPortalInterface, QStringLiteral("Read"));
    call << kAppearance << kColorScheme;
    auto *watcher = new QDBusPendingCallWatcher(m_bus.asyncCall(call, 2000), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this](QDBusPendingCallWatcher *w) {
        w->deleteLater();
        const QDBusPendingReply<QVariant> reply = *w;
        if (reply.isError())
            return; // no portal, or one without the key: the files stay in charge
        m_portalAnswers = true;
        set(fromPortalValue(reply.value()), QStringLiteral("portal"));
    });
}

void DesktopColorScheme::portalSettingChanged(const QString &group, const QString &key,
                                              const QDBusVariant &value)
{
    if (group != kAppearance || key != kColorScheme)
        return;
    m_portalAnswers = true;
    set(fromPortalValue(QVariant::fromValue(value)), QStringLiteral("portal"));
}

void DesktopColorScheme::readFiles()
{
    if (m_portalAnswers)
        return;
    const auto read = [this](const QString &relative) {
        QFile file(m_configHome + QLatin1Char('/') + relative);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    };
    // KDE first: Plasma also writes a GTK settings.ini to match, but its own file is the
    // one the user's choice lands in.
    if (const Scheme kde = fromKdeGlobals(read(QStringLiteral("kdeglobals")));
        kde != Scheme::Unknown) {
        set(kde, QStringLiteral("kde"));
        return;
    }
    for (const QString &gtk :
         {QStringLiteral("gtk-4.0/settings.ini"), QStringLiteral("gtk-3.0/settings.ini")}) {
        if (const Scheme scheme = fromGtkSettings(read(gtk)); scheme != Scheme::Unknown) {
            set(scheme, QStringLiteral("gtk"));
            return;
        }
    }
    set(Scheme::Unknown, QString());
}

void DesktopColorScheme::watchFiles()
{
    // The folders too: a file that does not exist yet, or is replaced, shows up there.
    QStringList paths;
    for (const QString &relative :
         {QStringLiteral("kdeglobals"), QStringLiteral("gtk-4.0/settings.ini"),
          QStringLiteral("gtk-3.0/settings.ini")}) {
        const QFileInfo file(m_configHome + QLatin1Char('/') + relative);
        if (file.exists())
            paths << file.filePath();
        if (file.dir().exists())
            paths << file.dir().path();
    }
    const QStringList watched = m_watcher.files() + m_watcher.directories();
    QStringList fresh;
    for (const QString &path : paths)
        if (!watched.contains(path) && !fresh.contains(path))
            fresh << path;
    if (!fresh.isEmpty())
        m_watcher.addPaths(fresh);
}

void DesktopColorScheme::set(Scheme scheme, const QString &source)
{
    m_source = source;
    if (scheme == m_scheme)
        return;
    m_scheme = scheme;
    emit changed(scheme);
}

} // namespace mqttdesk
