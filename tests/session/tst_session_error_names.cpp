#include "core/session/session_error.h"
#include "tests/support/enum_names.h"

#include <QTest>

using namespace mqttdesk;
using namespace mqttdesk::test;

// SessionError::kindName: a name for every kind, none empty, no two alike, each in its place.
class TstSessionErrorNames : public QObject
{
    Q_OBJECT

private slots:
    void kindNames();
};

void TstSessionErrorNames::kindNames()
{
    using K = SessionError::Kind;
    checkEnumNames(K::MalformedPacket, K::Cancelled, &SessionError::kindName,
                   QStringLiteral("Unknown"));
    QCOMPARE(SessionError::kindName(K::MalformedPacket), QStringLiteral("MalformedPacket"));
    QCOMPARE(SessionError::kindName(K::InvalidOptions), QStringLiteral("InvalidOptions"));
    QCOMPARE(SessionError::kindName(K::Cancelled), QStringLiteral("Cancelled"));
}

QTEST_APPLESS_MAIN(TstSessionErrorNames)
#include "tst_session_error_names.moc"
