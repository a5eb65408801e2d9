#include "core/protocol/utf8_length.h"

#include <QString>
#include <QTest>

using namespace mqttdesk;

class TstUtf8Length : public QObject
{
    Q_OBJECT

private slots:
    void byteCount_data();
    void byteCount();
    void indexAtByte();
};

void TstUtf8Length::byteCount_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qsizetype>("bytes");
    QTest::newRow("empty") << QString() << qsizetype(0);
    QTest::newRow("ascii") << QStringLiteral("abc") << qsizetype(3);
    QTest::newRow("two bytes") << QStringLiteral("caf\u00e9") << qsizetype(5);
    QTest::newRow("three bytes") << QStringLiteral("\u6e29\u5ea6") << qsizetype(6);
    QTest::newRow("surrogate pair") << QString::fromUtf8("x\xf0\x9f\x8c\xa1y") << qsizetype(6);
    // A lone surrogate counts as a replacement character would.
    QTest::newRow("lone high surrogate")
        << QString(QChar(0xd83c)) + QStringLiteral("a") << qsizetype(4);
    QTest::newRow("lone low surrogate") << QStringLiteral("a") + QChar(0xdf21) << qsizetype(4);
    QTest::newRow("high surrogate last") << QStringLiteral("a") + QChar(0xd83c) << qsizetype(4);
}

void TstUtf8Length::byteCount()
{
    QFETCH(QString, text);
    QFETCH(qsizetype, bytes);
    QCOMPARE(utf8ByteCount(text), bytes);
    if (QStringView(text).isValidUtf16()) // else toUtf8() writes '?', one byte, for each
        QCOMPARE(utf8ByteCount(text), text.toUtf8().size());
}

void TstUtf8Length::indexAtByte()
{
    // "a" (byte 0), U+00E9 (bytes 1-2), U+1F321 (bytes 3-6, UTF-16 1-2), "b" (byte 7).
    const QString text = QString::fromUtf8("a\xc3\xa9\xf0\x9f\x8c\xa1"
                                           "b");
    QCOMPARE(utf16IndexAtUtf8Byte(text, -1), qsizetype(0));
    QCOMPARE(utf16IndexAtUtf8Byte(text, 0), qsizetype(0));
    QCOMPARE(utf16IndexAtUtf8Byte(text, 1), qsizetype(1));
    QCOMPARE(utf16IndexAtUtf8Byte(text, 2), qsizetype(2)); // inside U+00E9: the next one
    QCOMPARE(utf16IndexAtUtf8Byte(text, 3), qsizetype(2));
    QCOMPARE(utf16IndexAtUtf8Byte(text, 4), qsizetype(4)); // never between the halves
    QCOMPARE(utf16IndexAtUtf8Byte(text, 7), qsizetype(4));
    QCOMPARE(utf16IndexAtUtf8Byte(text, 8), text.size());
    QCOMPARE(utf16IndexAtUtf8Byte(text, 100), text.size());
}

QTEST_APPLESS_MAIN(TstUtf8Length)
#include "tst_utf8_length.moc"
