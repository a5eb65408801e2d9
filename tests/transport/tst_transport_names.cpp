#include "core/transport/transport_error.h"
#include "core/transport/transport_options.h"

#include <QSet>
#include <QTest>

using namespace mqttdesk;

// The names the transport layer gives its enumerators: one for each, none empty, no two alike.
class TstTransportNames : public QObject
{
    Q_OBJECT

private slots:
    void transportKindNames();
    void transportErrorKindNames();
};

namespace {

// Walks every enumerator from `first` to `last`.
template<typename Enum, typename NameOf>
void checkNames(Enum first, Enum last, NameOf nameOf)
{
    QSet<QString> seen;
    for (int i = int(first); i <= int(last); ++i) {
        const QString name = nameOf(Enum(i));
        QVERIFY2(!name.isEmpty(), qPrintable(QStringLiteral("no name for %1").arg(i)));
        QVERIFY2(!seen.contains(name), qPrintable(QStringLiteral("%1 twice").arg(name)));
        seen.insert(name);
    }
}

} // namespace

void TstTransportNames::transportKindNames()
{
    using Kind = TransportOptions::Kind;
    QCOMPARE(TransportOptions::kindName(Kind::Tcp), QStringLiteral("TCP"));
    QCOMPARE(TransportOptions::kindName(Kind::Tls), QStringLiteral("TLS"));
    QCOMPARE(TransportOptions::kindName(Kind::WebSocket), QStringLiteral("WebSocket"));
    QCOMPARE(TransportOptions::kindName(Kind::SecureWebSocket), QStringLiteral("secure WebSocket"));
    checkNames(Kind::Tcp, Kind::SecureWebSocket, &TransportOptions::kindName);
}

void TstTransportNames::transportErrorKindNames()
{
    using K = TransportError::Kind;
    checkNames(K::None, K::InvalidOptions, &TransportError::kindName);
    QCOMPARE(TransportError::kindName(K::None), QStringLiteral("None"));
    QCOMPARE(TransportError::kindName(K::TlsUnknownCa), QStringLiteral("TlsUnknownCa"));
    QCOMPARE(TransportError::kindName(K::InvalidOptions), QStringLiteral("InvalidOptions"));
    QCOMPARE(TransportError::kindName(K(int(K::InvalidOptions) + 1)), QStringLiteral("Unknown"));
}

QTEST_APPLESS_MAIN(TstTransportNames)
#include "tst_transport_names.moc"
