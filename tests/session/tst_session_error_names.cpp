#include "core/session/session_error.h"

#include <QSet>
#include <QTest>

using namespace mqttdesk;

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
    QSet<QString> seen;
    for (int i = int(K::MalformedPacket); i <= int(K::Cancelled); ++i) {
        const QString name = SessionError::kindName(K(i));
        QVERIFY2(!name.isEmpty(), qPrintable(QStringLiteral("no name for %1").arg(i)));
        QVERIFY2(!seen.contains(name), qPrintable(QStringLiteral("%1 twice").arg(name)));
        seen.insert(name);
    }
    QCOMPARE(SessionError::kindName(K::MalformedPacket), QStringLiteral("MalformedPacket"));
    QCOMPARE(SessionError::kindName(K::InvalidOptions), QStringLiteral("InvalidOptions"));
    QCOMPARE(SessionError::kindName(K::Cancelled), QStringLiteral("Cancelled"));
    QCOMPARE(SessionError::kindName(K(int(K::Cancelled) + 1)), QStringLiteral("Unknown"));
}

QTEST_APPLESS_MAIN(TstSessionErrorNames)
#include "tst_session_error_names.moc"
