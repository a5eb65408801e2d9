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
};

void TstTransportNames::transportKindNames()
{
    using Kind = TransportOptions::Kind;
    QCOMPARE(TransportOptions::kindName(Kind::Tcp), QStringLiteral("TCP"));
    QCOMPARE(TransportOptions::kindName(Kind::Tls), QStringLiteral("TLS"));
    QCOMPARE(TransportOptions::kindName(Kind::WebSocket), QStringLiteral("WebSocket"));
    QCOMPARE(TransportOptions::kindName(Kind::SecureWebSocket), QStringLiteral("secure WebSocket"));
    QSet<QString> seen;
    for (int i = 0; i <= int(Kind::SecureWebSocket); ++i) {
        const QString name = TransportOptions::kindName(Kind(i));
        QVERIFY2(!name.isEmpty(), qPrintable(QString::number(i)));
        QVERIFY2(!seen.contains(name), qPrintable(name));
        seen.insert(name);
    }
}

QTEST_APPLESS_MAIN(TstTransportNames)
#include "tst_transport_names.moc"
