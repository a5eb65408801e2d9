#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <QStringView>

#include <optional>
#include <vector>

namespace mqttdesk {

// A JSON text indexed for the inspector's tree: one small node per value, in document order,
// pointing into the text, so that keys keep the order (and the duplicates) the device sent
// and numbers keep every digit: QJsonDocument sorts keys, drops duplicates and reads numbers
// as doubles, which hides exactly what a payload inspector is for. Strings are unescaped only
// when shown. Parsing is strict RFC 8259 (what a broker's consumers will accept), iterative
// (no recursion on hostile nesting, which is capped at kMaxDepth) and linear in the text.
class JsonIndex
{
public:
    enum class Type : quint8
    {
        Null,
        False,
        True,
        Number,
        String,
        Array,
        Object,
    };
    static constexpr quint32 kNoKey = 0xffffffffu;
    struct Node
    {
        quint32 keyStart = kNoKey; // the key's opening quote (object members only)
        quint32 keyEnd = 0;        // one past its closing quote
        quint32 start = 0;         // the value's first byte
        quint32 end = 0;           // one past its last byte
        quint32 parent = 0;
        quint32 row = 0; // position among the parent's children
        quint32 childBegin = 0;
        quint32 childCount = 0;
        Type type = Type::Null;
    };
    static constexpr int kMaxDepth = 1000;

    // Parses `json`; isValid() false and error()/errorOffset() say why and where otherwise.
    static JsonIndex parse(const QByteArray &json);

    bool isValid() const { return m_error.isEmpty() && !m_nodes.empty(); }
    // "Not JSON at byte 17: expected ':' after a key." (translated)
    const QString &error() const { return m_error; }
    qsizetype errorOffset() const { return m_errorOffset; }
    const QByteArray &text() const { return m_text; }

    // Node 0 is the root value; every other node's parent comes before it.
    quint32 nodeCount() const { return quint32(m_nodes.size()); }
    const Node &node(quint32 id) const { return m_nodes[id]; }
    quint32 child(quint32 id, quint32 row) const
    {
        return m_children[m_nodes[id].childBegin + row];
    }
    bool isContainer(quint32 id) const
    {
        return m_nodes[id].type == Type::Array || m_nodes[id].type == Type::Object;
    }

    // An object member's key, unescaped; empty for array elements and the root.
    QString key(quint32 id) const;
    // An object's first member with that key; nothing when it has none (or is no object).
    std::optional<quint32> member(quint32 object, QStringView key) const;
    bool hasKey(quint32 id) const { return m_nodes[id].keyStart != kNoKey; }
    // A string value unescaped; for any other value its JSON text.
    QString valueText(quint32 id) const;
    // The value's JSON text as it was sent.
    QByteArrayView raw(quint32 id) const;
    // "$.sensors[1].value" (JsonPath).
    QString path(quint32 id) const;

    // The text of a JSON string token (with its quotes), unescaped; invalid escapes were
    // refused by parse(), a lone surrogate becomes U+FFFD.
    static QString unescape(QByteArrayView token);

private:
    class Parser;
    QByteArray m_text;
    std::vector<Node> m_nodes;
    std::vector<quint32> m_children; // each container's child ids, contiguous
    QString m_error;
    qsizetype m_errorOffset = -1;
};

} // namespace mqttdesk
