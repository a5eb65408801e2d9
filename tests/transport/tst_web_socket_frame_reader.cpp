#include "core/transport/web_socket_frame_reader.h"
#include "core/transport/web_socket_frame_writer.h"

#include <QTest>

using namespace mqttdesk;

using Opcode = WebSocketFrameReader::Opcode;
using Control = WebSocketFrameReader::Control;

namespace {

QByteArray bytes(std::initializer_list<int> values)
{
    QByteArray out;
    out.reserve(qsizetype(values.size()));
    for (int v : values)
        out.append(char(quint8(v)));
    return out;
}

// A payload whose bytes all differ from their neighbours, so a byte read out of place shows.
QByteArray pattern(qsizetype size)
{
    QByteArray out(size, Qt::Uninitialized);
    for (qsizetype i = 0; i < size; ++i)
        out[i] = char(quint8(i * 7 + 3));
    return out;
}

// What a reader made of a stream.
struct Read
{
    QByteArray data;
    QList<Control> controls;
    bool ok = true;
    bool failed = false;
    bool closed = false;
    QString error;
};

bool sameControls(const QList<Control> &a, const QList<Control> &b)
{
    if (a.size() != b.size())
        return false;
    for (qsizetype i = 0; i < a.size(); ++i) {
        if (a.at(i).opcode != b.at(i).opcode || a.at(i).payload != b.at(i).payload)
            return false;
    }
    return true;
}

// Feeds `chunks` in turn to one reader.
Read readChunks(const QList<QByteArrayView> &chunks)
{
    WebSocketFrameReader reader;
    Read read;
    for (QByteArrayView chunk : chunks)
        read.ok = reader.feed(chunk, read.data, read.controls);
    read.failed = reader.failed();
    read.closed = reader.closed();
    read.error = reader.error();
    return read;
}

Read readWhole(const QByteArray &stream)
{
    return readChunks({QByteArrayView(stream)});
}

// The server's (unmasked) frame for what the writer masked: the MASK bit cleared, the key
// dropped and the payload XORed with it again.
QByteArray unmaskedFrame(const QByteArray &clientFrame)
{
    const quint8 length = quint8(clientFrame.at(1)) & 0x7F;
    const qsizetype headerSize = 2 + (length == 126 ? 2 : length == 127 ? 8 : 0);
    QByteArray out = clientFrame.left(headerSize);
    out[1] = char(quint8(out.at(1)) & 0x7F);
    const QByteArray key = clientFrame.mid(headerSize, 4);
    QByteArray payload = clientFrame.mid(headerSize + 4);
    for (qsizetype i = 0; i < payload.size(); ++i)
        payload[i] = char(payload.at(i) ^ key.at(i % 4));
    return out + payload;
}

} // namespace

// WebSocketFrameWriter's masked client frames and WebSocketFrameReader's reading of server
// frames (RFC 6455 section 5), on annotated byte fixtures.
class TstWebSocketFrameReader : public QObject
{
    Q_OBJECT

private slots:
    // Writer
    void writerBinaryLengths_data();
    void writerBinaryLengths();
    void writerRfcMaskedHello();
    void writerClose();
    void writerPong();

    // Reader
    void singleBinaryFrame();
    void twoFramesInOneFeed();
    void splitAtEveryBoundary();
    void extendedLengths_data();
    void extendedLengths();
    void fragmentedWithPingInside();
    void zeroLengthFrames();
    void closeWithCodeAndReason();
    void closeWithoutPayload();
    void errors_data();
    void errors();

    // Both
    void roundTrip();
};

void TstWebSocketFrameReader::writerBinaryLengths_data()
{
    QTest::addColumn<qsizetype>("size");
    // The length field after the MASK bit: 7 bits up to 125, 126 + 16 bits up to 65535,
    // 127 + 64 bits above (RFC 6455 5.2).
    QTest::addColumn<QByteArray>("lengthBytes");
    // 0x80: MASK, then the 7-bit length
    QTest::newRow("0") << qsizetype(0) << bytes({0x80 | 0});
    QTest::newRow("5") << qsizetype(5) << bytes({0x80 | 5});
    QTest::newRow("125") << qsizetype(125) << bytes({0x80 | 125}); // the longest 7-bit length
    // MASK | 126: a 16-bit length follows, big-endian
    QTest::newRow("126") << qsizetype(126) << bytes({0x80 | 126, 0x00, 0x7E});
    QTest::newRow("65535") << qsizetype(65535) << bytes({0x80 | 126, 0xFF, 0xFF});
    // MASK | 127: a 64-bit length follows, big-endian: 0x0000000000010000
    QTest::newRow("65536") << qsizetype(65536)
                           << bytes({0x80 | 127, 0x00, 0x00, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00});
}

void TstWebSocketFrameReader::writerBinaryLengths()
{
    QFETCH(qsizetype, size);
    QFETCH(QByteArray, lengthBytes);
    const QByteArray payload = pattern(size);
    const QByteArray frame = WebSocketFrameWriter::binary(payload, 0xA1B2C3D4);

    // 0x82: FIN (0x80) | opcode 2, binary
    const QByteArray key = bytes({0xA1, 0xB2, 0xC3, 0xD4}); // the mask key, big-endian
    const QByteArray header = bytes({0x82}) + lengthBytes + key;
    QCOMPARE(frame.size(), header.size() + size);
    QCOMPARE(frame.left(header.size()).toHex(' '), header.toHex(' '));

    QByteArray unmasked = frame.mid(header.size());
    for (qsizetype i = 0; i < unmasked.size(); ++i)
        unmasked[i] = char(unmasked.at(i) ^ key.at(i % 4));
    QVERIFY(unmasked == payload);
    if (size > 0)
        QVERIFY(frame.mid(header.size()) != payload); // masked, not sent as is
}

void TstWebSocketFrameReader::writerRfcMaskedHello()
{
    // RFC 6455 5.7: "A single-frame masked text message".
    const QByteArray expected = bytes({
        0x81,                        // FIN | opcode 1, text
        0x85,                        // MASK | length 5
        0x37, 0xfa, 0x21, 0x3d,      // mask key
        0x7f, 0x9f, 0x4d, 0x51, 0x58 // "Hello" masked
    });
    QCOMPARE(WebSocketFrameWriter::frame(0x1, "Hello", 0x37fa213d).toHex(' '), expected.toHex(' '));
}

void TstWebSocketFrameReader::writerClose()
{
    // Key 0 leaves the payload as is, so the code's bytes are readable in the fixture.
    QCOMPARE(WebSocketFrameWriter::close(1000, 0).toHex(' '),
             bytes({
                       0x88,                   // FIN | opcode 8, close
                       0x82,                   // MASK | length 2
                       0x00, 0x00, 0x00, 0x00, // mask key
                       0x03, 0xE8              // status code 1000, big-endian
                   })
                 .toHex(' '));
    QCOMPARE(WebSocketFrameWriter::close(1000, 0x11223344).toHex(' '),
             bytes({
                       0x88,                    // FIN | close
                       0x82,                    // MASK | length 2
                       0x11, 0x22, 0x33, 0x44,  // mask key
                       0x03 ^ 0x11, 0xE8 ^ 0x22 // 1000 masked
                   })
                 .toHex(' '));
    // Code 0: a close frame without a body.
    QCOMPARE(WebSocketFrameWriter::close(0, 0x11223344).toHex(' '),
             bytes({
                       0x88,                  // FIN | close
                       0x80,                  // MASK | length 0
                       0x11, 0x22, 0x33, 0x44 // mask key
                   })
                 .toHex(' '));
}

void TstWebSocketFrameReader::writerPong()
{
    QCOMPARE(WebSocketFrameWriter::pong("hi", 0x01020304).toHex(' '),
             bytes({
                       0x8A,                   // FIN | opcode 0xA, pong
                       0x82,                   // MASK | length 2
                       0x01, 0x02, 0x03, 0x04, // mask key
                       'h' ^ 0x01, 'i' ^ 0x02  // "hi" masked
                   })
                 .toHex(' '));
    QCOMPARE(WebSocketFrameWriter::pong({}, 0x01020304).toHex(' '),
             bytes({0x8A, 0x80, 0x01, 0x02, 0x03, 0x04}).toHex(' ')); // empty pong
}

void TstWebSocketFrameReader::singleBinaryFrame()
{
    const QByteArray stream = bytes({
        0x82,                        // FIN | binary
        0x05,                        // not masked | length 5
        0x10, 0x00, 0x03, 0x4D, 0x51 // payload (the start of a CONNECT, as it happens)
    });
    const Read read = readWhole(stream);
    QVERIFY(read.ok);
    QVERIFY(!read.failed);
    QVERIFY(!read.closed);
    QCOMPARE(read.data.toHex(' '), bytes({0x10, 0x00, 0x03, 0x4D, 0x51}).toHex(' '));
    QVERIFY(read.controls.isEmpty());
}

void TstWebSocketFrameReader::twoFramesInOneFeed()
{
    const QByteArray stream = bytes({
        0x82, 0x02, 0xD0, 0x00,   // FIN | binary, length 2: PINGRESP
        0x82, 0x03, 'a', 'b', 'c' // FIN | binary, length 3
    });
    const Read read = readWhole(stream);
    QVERIFY(read.ok);
    QCOMPARE(read.data, bytes({0xD0, 0x00, 'a', 'b', 'c'}));
}

void TstWebSocketFrameReader::splitAtEveryBoundary()
{
    // Every kind of header and frame in one stream: 7-, 16- and 64-bit lengths, a ping and a
    // fragmented message, then a close.
    QByteArray stream = bytes({0x82, 0x03, 'a', 'b', 'c'});   // binary, 3
    stream += bytes({0x82, 0x7E, 0x00, 0x80}) + pattern(128); // binary, 16-bit length 128
    stream += bytes({0x89, 0x02, 'p', 'i'});                  // ping "pi"
    stream += bytes({0x02, 0x01, 'x'});                       // binary, FIN=0
    stream +=
        bytes({0x80, 0x7F, 0, 0, 0, 0, 0, 0, 0, 0x02, 'y', 'z'}); // continuation, FIN, 64-bit 2
    stream += bytes({0x82, 0x00});                                // empty binary
    stream += bytes({0x88, 0x02, 0x03, 0xE8});                    // close 1000

    const Read whole = readWhole(stream);
    QVERIFY(whole.ok);
    QVERIFY(whole.closed);
    QCOMPARE(whole.data, QByteArray(QByteArray("abc") + pattern(128) + "xyz"));
    QCOMPARE(whole.controls.size(), 2);
    QCOMPARE(whole.controls.at(0).opcode, Opcode::Ping);
    QCOMPARE(whole.controls.at(0).payload, QByteArray("pi"));
    QCOMPARE(whole.controls.at(1).opcode, Opcode::Close);

    const QByteArrayView view(stream);
    for (qsizetype at = 0; at <= stream.size(); ++at) {
        const Read split = readChunks({view.first(at), view.sliced(at)});
        QVERIFY2(split.data == whole.data, qPrintable(QString::number(at)));
        QVERIFY2(sameControls(split.controls, whole.controls), qPrintable(QString::number(at)));
        QVERIFY(split.ok && split.closed && !split.failed);
    }

    QList<QByteArrayView> single;
    for (qsizetype i = 0; i < stream.size(); ++i)
        single.append(view.sliced(i, 1));
    const Read bytewise = readChunks(single);
    QCOMPARE(bytewise.data, whole.data);
    QVERIFY(sameControls(bytewise.controls, whole.controls));
    QVERIFY(bytewise.ok && bytewise.closed);
}

void TstWebSocketFrameReader::extendedLengths_data()
{
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<qsizetype>("size");
    QTest::newRow("16-bit 126") << bytes({0x82, 0x7E, 0x00, 0x7E}) << qsizetype(126);
    QTest::newRow("16-bit 65535") << bytes({0x82, 0x7E, 0xFF, 0xFF}) << qsizetype(65535);
    QTest::newRow("64-bit 65536") << bytes({0x82, 0x7F, 0, 0, 0, 0, 0, 0x01, 0x00, 0x00})
                                  << qsizetype(65536);
    QTest::newRow("64-bit 70000") << bytes({0x82, 0x7F, 0, 0, 0, 0, 0, 0x01, 0x11, 0x70})
                                  << qsizetype(70000);
}

void TstWebSocketFrameReader::extendedLengths()
{
    QFETCH(QByteArray, header);
    QFETCH(qsizetype, size);
    const QByteArray payload = pattern(size);
    // The frame and one byte of the next: the length must end the frame exactly.
    const QByteArray stream = header + payload + bytes({0x82, 0x01, 0xEE});
    const Read read = readWhole(stream);
    QVERIFY(read.ok);
    QCOMPARE(read.data.size(), size + 1);
    QVERIFY(read.data.first(size) == payload);
    QCOMPARE(quint8(read.data.back()), quint8(0xEE));

    // A frame announced but not all arrived: what came is passed on already.
    WebSocketFrameReader reader;
    QByteArray data;
    QList<Control> controls;
    QVERIFY(reader.feed(QByteArrayView(stream).first(header.size() + 10), data, controls));
    QCOMPARE(data, payload.first(10));
}

void TstWebSocketFrameReader::fragmentedWithPingInside()
{
    const QByteArray stream = bytes({
        0x02, 0x03, 'a', 'b', 'c', // binary, FIN=0, length 3: the message begins
        0x89, 0x02, 'p', '1',      // FIN | ping "p1": control frames may come in between (5.4)
        0x00, 0x02, 'd', 'e',      // continuation, FIN=0
        0x80, 0x01, 'f',           // continuation, FIN: the message ends
        0x82, 0x01, 'g'            // a new binary message may begin now
    });
    const Read read = readWhole(stream);
    QVERIFY2(read.ok, qPrintable(read.error));
    QCOMPARE(read.data, QByteArray("abcdefg"));
    QCOMPARE(read.controls.size(), 1);
    QCOMPARE(read.controls.at(0).opcode, Opcode::Ping);
    QCOMPARE(read.controls.at(0).payload, QByteArray("p1"));
}

void TstWebSocketFrameReader::zeroLengthFrames()
{
    const QByteArray stream = bytes({0x82, 0x00, // FIN | binary, empty
                                     0x02, 0x00, // binary, FIN=0, empty
                                     0x00, 0x00, // continuation, FIN=0, empty
                                     0x80, 0x00, // continuation, FIN, empty
                                     0x89, 0x00, // ping, empty
                                     0x8A, 0x00, // pong, empty
                                     0x82, 0x01, 'z'});
    const Read read = readWhole(stream);
    QVERIFY2(read.ok, qPrintable(read.error));
    QCOMPARE(read.data, QByteArray("z"));
    QCOMPARE(read.controls.size(), 2);
    QCOMPARE(read.controls.at(0).opcode, Opcode::Ping);
    QVERIFY(read.controls.at(0).payload.isEmpty());
    QCOMPARE(read.controls.at(1).opcode, Opcode::Pong);
    QVERIFY(read.controls.at(1).payload.isEmpty());
}

void TstWebSocketFrameReader::closeWithCodeAndReason()
{
    const QByteArray stream = bytes({
        0x88, 0x05,      // FIN | close, length 5
        0x03, 0xE9,      // status code 1001, "going away"
        'b', 'y', 'e',   // reason
        0x82, 0x01, 'x', // after the close: not read
        0x89, 0x00       // nor this ping
    });
    WebSocketFrameReader reader;
    QByteArray data;
    QList<Control> controls;
    QVERIFY(reader.feed(stream, data, controls));
    QVERIFY(reader.closed());
    QVERIFY(!reader.failed());
    QVERIFY(data.isEmpty());
    QCOMPARE(controls.size(), 1);
    QCOMPARE(controls.at(0).opcode, Opcode::Close);
    QCOMPARE(WebSocketFrameReader::closeCode(controls.at(0).payload), quint16(1001));
    QCOMPARE(WebSocketFrameReader::closeReason(controls.at(0).payload), QStringLiteral("bye"));

    // Later bytes are not read either.
    QVERIFY(reader.feed(bytes({0x82, 0x01, 'y'}), data, controls));
    QVERIFY(data.isEmpty());
    QCOMPARE(controls.size(), 1);

    // A code without a reason; a UTF-8 reason.
    QCOMPARE(WebSocketFrameReader::closeCode(bytes({0x03, 0xE8})), quint16(1000));
    QCOMPARE(WebSocketFrameReader::closeReason(bytes({0x03, 0xE8})), QString());
    QCOMPARE(WebSocketFrameReader::closeReason(bytes({0x03, 0xE8}) + "d\xC3\xA9j\xC3\xA0"),
             QString::fromUtf8("d\xC3\xA9j\xC3\xA0"));
}

void TstWebSocketFrameReader::closeWithoutPayload()
{
    const Read read = readWhole(bytes({
        0x88, 0x00,     // FIN | close, empty
        0x82, 0x01, 'x' // not read
    }));
    QVERIFY(read.ok);
    QVERIFY(read.closed);
    QVERIFY(read.data.isEmpty());
    QCOMPARE(read.controls.size(), 1);
    QCOMPARE(read.controls.at(0).opcode, Opcode::Close);
    // 1005: "no status code was present" (RFC 6455 7.4.1).
    QCOMPARE(WebSocketFrameReader::closeCode(read.controls.at(0).payload), quint16(1005));
    QCOMPARE(WebSocketFrameReader::closeReason(read.controls.at(0).payload), QString());
}

void TstWebSocketFrameReader::errors_data()
{
    QTest::addColumn<QByteArray>("stream");
    // The data read before the bad frame.
    QTest::addColumn<QByteArray>("before");
    // A part the error text must hold (empty: any non-empty text).
    QTest::addColumn<QString>("mentions");

    // A good frame first, FIN | binary "ok", then the bad one.
    const auto okThen = [](const QByteArray &bad) -> QByteArray {
        return bytes({0x82, 0x02, 'o', 'k'}) + bad;
    };
    QTest::newRow("masked server frame")
        << okThen(bytes({0x82, 0x81, 0x01, 0x02, 0x03, 0x04, 'x' ^ 0x01})) // MASK | length 1, key
        << QByteArray("ok") << QString();
    QTest::newRow("RSV1") << okThen(bytes({0xC2, 0x01, 'x'})) // FIN | RSV1 | binary
                          << QByteArray("ok") << QString();
    QTest::newRow("RSV2") << okThen(bytes({0xA2, 0x01, 'x'})) // FIN | RSV2 | binary
                          << QByteArray("ok") << QString();
    QTest::newRow("RSV3") << okThen(bytes({0x92, 0x01, 'x'})) // FIN | RSV3 | binary
                          << QByteArray("ok") << QString();
    QTest::newRow("text frame") << okThen(bytes({0x81, 0x01, 'x'})) // FIN | text
                                << QByteArray("ok") << QStringLiteral("[MQTT-6.0.0-1]");
    QTest::newRow("opcode 0x3") << okThen(bytes({0x83, 0x00})) // FIN | reserved non-control 3
                                << QByteArray("ok") << QString();
    QTest::newRow("opcode 0xB") << okThen(bytes({0x8B, 0x00})) // FIN | reserved control 0xB
                                << QByteArray("ok") << QString();
    QTest::newRow("control length 126")
        << okThen(bytes({0x89, 0x7E, 0x00, 0x7E}) + pattern(126)) // ping, 16-bit length 126
        << QByteArray("ok") << QString();
    QTest::newRow("fragmented ping") << okThen(bytes({0x09, 0x00})) // ping with FIN=0
                                     << QByteArray("ok") << QString();
    QTest::newRow("continuation without start")
        << okThen(bytes({0x80, 0x01, 'x'})) // FIN | continuation, nothing to continue
        << QByteArray("ok") << QString();
    QTest::newRow("binary inside fragmented message")
        << bytes({0x02, 0x01, 'a',  // binary, FIN=0
                  0x82, 0x01, 'b'}) // a new binary frame instead of a continuation
        << QByteArray("a") << QString();
    QTest::newRow("64-bit length top bit")
        << okThen(bytes({0x82, 0x7F, 0x80, 0, 0, 0, 0, 0, 0, 0x01})) // length 2^63 + 1
        << QByteArray("ok") << QString();
}

void TstWebSocketFrameReader::errors()
{
    QFETCH(QByteArray, stream);
    QFETCH(QByteArray, before);
    QFETCH(QString, mentions);
    const QByteArray after = bytes({0x82, 0x01, 'n', 0x89, 0x00}); // binary "n", empty ping

    WebSocketFrameReader reader;
    QByteArray data;
    QList<Control> controls;
    const QByteArray all = stream + after;
    QVERIFY(!reader.feed(all, data, controls));
    QVERIFY(reader.failed());
    QVERIFY(!reader.closed());
    QVERIFY(!reader.error().isEmpty());
    if (!mentions.isEmpty())
        QVERIFY2(reader.error().contains(mentions), qPrintable(reader.error()));
    QCOMPARE(data, before);
    QVERIFY(controls.isEmpty());

    // Nothing more is read, and the verdict stays.
    QVERIFY(!reader.feed(after, data, controls));
    QCOMPARE(data, before);
    QVERIFY(controls.isEmpty());
    QVERIFY(reader.failed());

    // The same verdict fed byte by byte.
    WebSocketFrameReader bytewise;
    QByteArray bytewiseData;
    QList<Control> bytewiseControls;
    for (qsizetype i = 0; i < all.size(); ++i)
        bytewise.feed(QByteArrayView(all).sliced(i, 1), bytewiseData, bytewiseControls);
    QVERIFY(bytewise.failed());
    QCOMPARE(bytewise.error(), reader.error());
    QCOMPARE(bytewiseData, before);
    QVERIFY(bytewiseControls.isEmpty());
}

void TstWebSocketFrameReader::roundTrip()
{
    // What the writer sends, unmasked as a server would read it and sent back.
    const QList<qsizetype> sizes = {0, 1, 5, 125, 126, 127, 65535, 65536, 70001};
    QByteArray stream;
    QByteArray expected;
    quint32 key = 0x9E3779B9;
    for (qsizetype size : sizes) {
        const QByteArray payload = pattern(size);
        stream += unmaskedFrame(WebSocketFrameWriter::binary(payload, key));
        expected += payload;
        key = key * 1664525u + 1013904223u;
    }
    stream += unmaskedFrame(WebSocketFrameWriter::pong("pong body", key));
    stream += unmaskedFrame(WebSocketFrameWriter::frame(0x9, "ping body", key));
    stream += unmaskedFrame(WebSocketFrameWriter::close(1000, key));
    stream += unmaskedFrame(WebSocketFrameWriter::binary("late", key)); // after the close

    const Read read = readWhole(stream);
    QVERIFY2(read.ok, qPrintable(read.error));
    QVERIFY(read.closed);
    QVERIFY(read.data == expected);
    QCOMPARE(read.controls.size(), 3);
    QCOMPARE(read.controls.at(0).opcode, Opcode::Pong);
    QCOMPARE(read.controls.at(0).payload, QByteArray("pong body"));
    QCOMPARE(read.controls.at(1).opcode, Opcode::Ping);
    QCOMPARE(read.controls.at(1).payload, QByteArray("ping body"));
    QCOMPARE(read.controls.at(2).opcode, Opcode::Close);
    QCOMPARE(WebSocketFrameReader::closeCode(read.controls.at(2).payload), quint16(1000));

    // An empty close (code 0) reads as "no status".
    const Read empty = readWhole(unmaskedFrame(WebSocketFrameWriter::close(0, key)));
    QVERIFY(empty.closed);
    QCOMPARE(empty.controls.size(), 1);
    QCOMPARE(WebSocketFrameReader::closeCode(empty.controls.at(0).payload), quint16(1005));
}

QTEST_APPLESS_MAIN(TstWebSocketFrameReader)
#include "tst_web_socket_frame_reader.moc"
