// PayloadFileSaver: asks for a file through the prompt seam and writes the payload's bytes
// exactly (binary, empty, large, over an existing file); a cancelled chooser writes nothing;
// a path that cannot be written is reported through the seam, naming the path.
#include "tests/support/scripted_prompts.h"
#include "ui/stream/payload_file_saver.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>
#include <QWidget>

using namespace mqttdesk;

namespace {

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray("<unreadable>");
}

QByteArray everyByte()
{
    QByteArray bytes;
    for (int i = 0; i < 256; ++i)
        bytes.append(char(i));
    return bytes;
}

} // namespace

class TestPayloadFileSaver : public QObject
{
    Q_OBJECT
private slots:
    void savesBytesExactly_data();
    void savesBytesExactly();
    void asksWithTheSuggestion();
    void replacesAnExistingFile();
    void cancelledWritesNothing();
    void unwritablePathIsReported_data();
    void unwritablePathIsReported();

private:
    QTemporaryDir m_dir;
};

void TestPayloadFileSaver::savesBytesExactly_data()
{
    QTest::addColumn<QByteArray>("payload");
    QTest::newRow("every byte value") << everyByte();
    QTest::newRow("nul and CR LF") << QByteArray("a\0b\r\nc\n\0", 9);
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("utf-8 text") << QStringLiteral("温度 21.5 °C").toUtf8();
    QByteArray large(3 * 1024 * 1024 + 17, '\0');
    for (qsizetype i = 0; i < large.size(); ++i)
        large[i] = char((i * 131) % 251);
    QTest::newRow("3 MiB") << large;
}

void TestPayloadFileSaver::savesBytesExactly()
{
    QFETCH(QByteArray, payload);
    ScriptedPrompts prompts;
    const QString path =
        m_dir.filePath(QString::fromLatin1(QTest::currentDataTag()) + QStringLiteral(".bin"));
    prompts.nextFile(path);
    QVERIFY(PayloadFileSaver::save(nullptr, payload));
    QCOMPARE(QFileInfo(path).size(), payload.size());
    QCOMPARE(readAll(path), payload);
    QCOMPARE(prompts.count(Prompts::Kind::SaveFile), 1);
    QCOMPARE(prompts.count(Prompts::Kind::Warning), 0);
}

void TestPayloadFileSaver::asksWithTheSuggestion()
{
    ScriptedPrompts prompts;
    QWidget parent;
    prompts.nextFile(m_dir.filePath(QStringLiteral("suggested.json")));
    QVERIFY(PayloadFileSaver::save(&parent, "{}", QStringLiteral("sensor.json")));
    const Prompts::Request asked = prompts.last(Prompts::Kind::SaveFile);
    QCOMPARE(asked.parent, &parent);
    QCOMPARE(asked.value, QStringLiteral("sensor.json"));
    QCOMPARE(asked.title, QStringLiteral("Save payload as"));
    QVERIFY(!asked.filter.isEmpty());
}

void TestPayloadFileSaver::replacesAnExistingFile()
{
    ScriptedPrompts prompts;
    const QString path = m_dir.filePath(QStringLiteral("existing.bin"));
    {
        QFile old(path);
        QVERIFY(old.open(QIODevice::WriteOnly));
        old.write(QByteArray(1000, 'x'));
    }
    prompts.nextFile(path);
    QVERIFY(PayloadFileSaver::save(nullptr, "short"));
    QCOMPARE(readAll(path), QByteArray("short")); // replaced, not overwritten in place
}

void TestPayloadFileSaver::cancelledWritesNothing()
{
    ScriptedPrompts prompts; // no answer queued: the chooser is cancelled
    const int before = int(QDir(m_dir.path()).entryList(QDir::Files).size());
    QVERIFY(!PayloadFileSaver::save(nullptr, "data"));
    QCOMPARE(prompts.count(Prompts::Kind::SaveFile), 1);
    QCOMPARE(prompts.count(Prompts::Kind::Warning), 0); // cancelling is no error
    QCOMPARE(int(QDir(m_dir.path()).entryList(QDir::Files).size()), before);
}

void TestPayloadFileSaver::unwritablePathIsReported_data()
{
    QTest::addColumn<QString>("path");
    QTest::newRow("missing folder") << m_dir.filePath(QStringLiteral("no/such/folder/payload.bin"));
    QVERIFY(QDir(m_dir.path()).mkpath(QStringLiteral("a-folder")));
    QTest::newRow("a folder, not a file") << m_dir.filePath(QStringLiteral("a-folder"));
}

void TestPayloadFileSaver::unwritablePathIsReported()
{
    QFETCH(QString, path);
    ScriptedPrompts prompts;
    QWidget parent;
    prompts.nextFile(path);
    QVERIFY(!PayloadFileSaver::save(&parent, "data"));
    QCOMPARE(prompts.count(Prompts::Kind::Warning), 1);
    const Prompts::Request warning = prompts.last(Prompts::Kind::Warning);
    QCOMPARE(warning.parent, &parent);
    QCOMPARE(warning.title, QStringLiteral("Save payload as"));
    QVERIFY2(warning.text.contains(path), qPrintable(warning.text));
    QVERIFY(!QFileInfo(path).isFile());
}

QTEST_MAIN(TestPayloadFileSaver)
#include "tst_payload_file_saver.moc"
