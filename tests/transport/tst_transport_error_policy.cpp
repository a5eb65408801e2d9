#include "core/transport/transport_error.h"

#include <QSet>
#include <QTest>

using namespace mqttdesk;

Q_DECLARE_METATYPE(mqttdesk::TransportError::Kind)

// Which transport errors stop automatic reconnection (TransportError::isPermanent): one row
// per kind, and a check that no kind is left without a row.
class TstTransportErrorPolicy : public QObject
{
    Q_OBJECT

private slots:
    void classification_data();
    void classification();
    void everyKindHasARow();
    void webSocketUpgradeByStatus_data();
    void webSocketUpgradeByStatus();
};

namespace {

using K = TransportError::Kind;

struct Row
{
    K kind;
    bool permanent;
};

// The expected classification; WebSocketUpgradeRefused is here with a 401.
const Row kRows[] = {
    {K::None, false},
    // Reaching the server: the network or the broker may come back.
    {K::HostNotFound, false},
    {K::ConnectionRefused, false},
    {K::Timeout, false},
    {K::RemoteClosed, false},
    {K::NetworkError, false},
    {K::ProxyError, false},
    {K::ProxyAuthenticationFailed, true},
    // Verifying the server: fails the same way every time.
    {K::TlsCertificateExpired, true},
    {K::TlsCertificateNotYetValid, true},
    {K::TlsHostNameMismatch, true},
    {K::TlsUnknownCa, true},
    {K::TlsSelfSigned, true},
    {K::TlsCertificateInvalid, true},
    {K::TlsHandshakeFailed, true},
    // Our own credentials and files.
    {K::TlsClientCertificateRejected, true},
    {K::TlsKeyMismatch, true},
    {K::FileUnreadable, true},
    {K::InvalidCertificate, true},
    {K::InvalidKey, true},
    {K::PassphraseRequired, true},
    {K::WrongPassphrase, true},
    // WebSocket.
    {K::WebSocketUpgradeRefused, true},
    {K::WebSocketProtocolError, false},
    {K::InvalidOptions, true},
};

} // namespace

void TstTransportErrorPolicy::classification_data()
{
    QTest::addColumn<TransportError::Kind>("kind");
    QTest::addColumn<bool>("permanent");
    for (const Row &row : kRows)
        QTest::newRow(qPrintable(TransportError::kindName(row.kind))) << row.kind << row.permanent;
}

void TstTransportErrorPolicy::classification()
{
    QFETCH(TransportError::Kind, kind);
    QFETCH(bool, permanent);
    const int status = kind == K::WebSocketUpgradeRefused ? 401 : 0;
    QCOMPARE(TransportError::isPermanent(kind, status), permanent);
    // The member reads the error's own kind and status.
    TransportError error = TransportError::make(kind, QStringLiteral("message"));
    error.httpStatus = status;
    QCOMPARE(error.isPermanent(), permanent);
}

void TstTransportErrorPolicy::everyKindHasARow()
{
    QSet<int> covered;
    for (const Row &row : kRows)
        covered.insert(int(row.kind));
    for (int k = int(K::None); k <= int(K::InvalidOptions); ++k)
        QVERIFY2(covered.contains(k), qPrintable(TransportError::kindName(K(k))));
    QCOMPARE(covered.size(), int(K::InvalidOptions) - int(K::None) + 1);
}

void TstTransportErrorPolicy::webSocketUpgradeByStatus_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<bool>("permanent");
    QTest::newRow("400 bad request") << 400 << true;
    QTest::newRow("401 unauthorized") << 401 << true;
    QTest::newRow("403 forbidden") << 403 << true;
    QTest::newRow("404 wrong path") << 404 << true;
    QTest::newRow("408 request timeout") << 408 << false;
    QTest::newRow("426 upgrade required") << 426 << true;
    QTest::newRow("429 too many requests") << 429 << false;
    QTest::newRow("500 internal error") << 500 << false;
    QTest::newRow("502 bad gateway") << 502 << false;
    QTest::newRow("503 unavailable") << 503 << false;
    QTest::newRow("504 gateway timeout") << 504 << false;
}

void TstTransportErrorPolicy::webSocketUpgradeByStatus()
{
    QFETCH(int, status);
    QFETCH(bool, permanent);
    QCOMPARE(TransportError::isPermanent(K::WebSocketUpgradeRefused, status), permanent);
}

QTEST_APPLESS_MAIN(TstTransportErrorPolicy)
#include "tst_transport_error_policy.moc"
