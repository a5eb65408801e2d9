#include "core/transport/transport_error.h"
#include "core/transport/transport_options.h"
#include "tests/support/enum_names.h"

#include <QTest>

using namespace mqttdesk;
using namespace mqttdesk::test;

// The names the transport layer gives its enumerators: one for each, none empty, no two alike.
class TstTransportNames : public QObject
{
    Q_OBJECT

private slots:
    void transportKindNames();
    void transportErrorKindNames();
};

void TstTransportNames::transportKindNames()
{
    using Kind = TransportOptions::Kind;
    QCOMPARE(TransportOptions::kindName(Kind::Tcp), QStringLiteral("TCP"));
    QCOMPARE(TransportOptions::kindName(Kind::Tls), QStringLiteral("TLS"));
    QCOMPARE(TransportOptions::kindName(Kind::WebSocket), QStringLiteral("WebSocket"));
    QCOMPARE(TransportOptions::kindName(Kind::SecureWebSocket), QStringLiteral("secure WebSocket"));
    checkEnumNames(Kind::Tcp, Kind::SecureWebSocket, &TransportOptions::kindName);
}

void TstTransportNames::transportErrorKindNames()
{
    using K = TransportError::Kind;
    checkEnumNames(K::None, K::InvalidOptions, &TransportError::kindName,
                   QStringLiteral("Unknown"));
    QCOMPARE(TransportError::kindName(K::None), QStringLiteral("None"));
    QCOMPARE(TransportError::kindName(K::TlsUnknownCa), QStringLiteral("TlsUnknownCa"));
    QCOMPARE(TransportError::kindName(K::InvalidOptions), QStringLiteral("InvalidOptions"));
}

QTEST_APPLESS_MAIN(TstTransportNames)
#include "tst_transport_names.moc"
