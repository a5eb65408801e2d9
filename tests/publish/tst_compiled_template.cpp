// CompiledTemplate, headless: every text field expanded with one context per message (so one
// {{uuid}} is the same in the topic and the payload), errors found per field before the first
// message, and the expanded message checked by PublishDraft as a hand-typed one would be.
#include "core/publish/compiled_template.h"

#include <QRegularExpression>
#include <QTest>

using namespace mqttdesk;

namespace {

const QHash<QString, QString> kVariables = {
    {QStringLiteral("device"), QStringLiteral("pump-7")},
    {QStringLiteral("site"), QStringLiteral("north")},
};

QRandomGenerator &random()
{
    static QRandomGenerator generator(42);
    return generator;
}

TemplateContext context(quint64 counter = 1)
{
    return TemplateContext(counter, 1765028400123LL, QStringLiteral("desk-1"), &random());
}

PublishTemplate everyField()
{
    PublishTemplate t;
    t.name = QStringLiteral("Request");
    t.topic = QStringLiteral("{{site}}/{{device}}/req/{{uuid}}");
    t.payload =
        QStringLiteral("{\"id\": \"{{uuid}}\", \"n\": {{counter}}, \"from\": \"{{client_id}}\"}");
    t.format = PayloadFormat::Json;
    t.qos = QoS::AtLeastOnce;
    t.retain = true;
    t.properties.messageExpiry = 60;
    t.properties.payloadFormatIndicator = 1;
    t.properties.contentType = QStringLiteral("application/{{device}}+json");
    t.properties.responseTopic = QStringLiteral("{{site}}/{{device}}/reply/{{uuid}}");
    t.properties.correlationData = QStringLiteral("corr-{{uuid}}-{{counter}}");
    t.properties.userProperties = {
        {QStringLiteral("{{device}}-name"), QStringLiteral("n={{counter}}")},
        {QStringLiteral("site"), QStringLiteral("{{site}}")},
    };
    return t;
}

const QRegularExpression &uuidPattern()
{
    static const QRegularExpression re(
        QStringLiteral("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"));
    return re;
}

// The UUID at the end of `text`.
QString trailingUuid(const QString &text)
{
    return text.right(36);
}

} // namespace

class TstCompiledTemplate : public QObject
{
    Q_OBJECT
private slots:
    void expandsEveryField()
    {
        const CompiledTemplate c = CompiledTemplate::compile(everyField(), kVariables);
        QVERIFY(c.isValid());
        QVERIFY(c.errors().isEmpty());
        QVERIFY(c.isDynamic());
        QCOMPARE(c.source(), everyField());
        QCOMPARE(c.protocolVersion(), ProtocolVersion::V5);

        PublishDraftError error;
        const std::optional<PublishPacket> p = c.message(context(41), &error);
        QVERIFY2(p, qPrintable(error.message()));
        QVERIFY2(p->topic.startsWith(QStringLiteral("north/pump-7/req/")), qPrintable(p->topic));
        QVERIFY(uuidPattern().match(p->topic).hasMatch());
        const QString uuid = trailingUuid(p->topic);
        QCOMPARE(
            p->payload,
            QStringLiteral("{\"id\": \"%1\", \"n\": 41, \"from\": \"desk-1\"}").arg(uuid).toUtf8());
        QCOMPARE(p->qos, QoS::AtLeastOnce);
        QVERIFY(p->retain);
        QCOMPARE(p->properties.messageExpiryInterval(), std::optional<quint32>(60));
        QCOMPARE(p->properties.payloadFormatIndicator(), std::optional<quint8>(1));
        QCOMPARE(p->properties.contentType(),
                 std::optional<QString>(QStringLiteral("application/pump-7+json")));
        QCOMPARE(p->properties.responseTopic(),
                 std::optional<QString>(QStringLiteral("north/pump-7/reply/") + uuid));
        QCOMPARE(p->properties.correlationData(),
                 std::optional<QByteArray>(QStringLiteral("corr-%1-41").arg(uuid).toUtf8()));
        const QList<StringPair> user = {{QStringLiteral("pump-7-name"), QStringLiteral("n=41")},
                                        {QStringLiteral("site"), QStringLiteral("north")}};
        QCOMPARE(p->properties.userProperties(), user);

        // The preview helpers expand the same way.
        const TemplateContext one = context(5);
        QCOMPARE(c.payload(one).section(QLatin1Char('"'), 3, 3), trailingUuid(c.topic(one)));
        QVERIFY(c.payload(one).contains(QStringLiteral("\"n\": 5")));
    }

    void uuidIsPerMessage()
    {
        const CompiledTemplate c = CompiledTemplate::compile(everyField(), kVariables);
        QSet<QString> seen;
        for (quint64 n = 1; n <= 20; ++n) {
            const std::optional<PublishPacket> p = c.message(context(n));
            QVERIFY(p);
            const QString uuid = trailingUuid(p->topic);
            QVERIFY2(QString::fromUtf8(p->payload).contains(uuid), p->payload.constData());
            QCOMPARE(p->properties.responseTopic().value_or(QString()).right(36), uuid);
            QVERIFY(p->properties.correlationData().value_or(QByteArray()).contains(uuid.toUtf8()));
            QVERIFY(QString::fromUtf8(p->payload).contains(QStringLiteral("\"n\": %1").arg(n)));
            seen.insert(uuid);
        }
        QCOMPARE(seen.size(), 20); // a new one for every message
    }

    void counterComesFromTheContext()
    {
        PublishTemplate t;
        t.topic = QStringLiteral("count/{{counter}}");
        t.payload = QStringLiteral("{{counter}}");
        const CompiledTemplate c = CompiledTemplate::compile(t, {});
        QVERIFY(c.isDynamic());
        for (quint64 n : {quint64(1), quint64(2), quint64(999), quint64(1) << 40}) {
            const auto p = c.message(context(n));
            QVERIFY(p);
            QCOMPARE(p->topic, QStringLiteral("count/") + QString::number(n));
            QCOMPARE(p->payload, QByteArray::number(n));
        }
        // The template's own counter is not used: the caller's context decides.
        t.counter = 77;
        QCOMPARE(CompiledTemplate::compile(t, {}).message(context(3))->payload, QByteArray("3"));
    }

    void staticTemplate()
    {
        PublishTemplate t;
        t.topic = QStringLiteral("plain/{{device}}");
        t.payload = QStringLiteral("{{{{ literal");
        const CompiledTemplate c = CompiledTemplate::compile(t, kVariables);
        QVERIFY(c.isValid());
        QVERIFY(!c.isDynamic());
        const auto p = c.message(context());
        QVERIFY(p);
        QCOMPARE(p->topic, QStringLiteral("plain/pump-7"));
        QCOMPARE(p->payload, QByteArray("{{ literal"));
        QVERIFY(p->properties.isEmpty());
    }

    void errorsPerField()
    {
        PublishTemplate t;
        t.topic = QStringLiteral("a/{{nope}}");
        t.payload = QStringLiteral("{{random 5}}");
        t.properties.contentType = QStringLiteral("text/{{");
        t.properties.responseTopic = QStringLiteral("r/{{}}");
        t.properties.correlationData = QStringLiteral("{{uuid x}}");
        t.properties.userProperties = {
            {QStringLiteral("fine"), QStringLiteral("{{device}}")},
            {QStringLiteral("{{who}}"), QStringLiteral("{{pick}}")},
        };
        const CompiledTemplate c = CompiledTemplate::compile(t, kVariables);
        QVERIFY(!c.isValid());
        const QList<TemplateFieldError> &e = c.errors();
        QCOMPARE(e.size(), 7);

        QCOMPARE(e.at(0).field, TemplateField::Topic);
        QCOMPARE(e.at(0).userProperty, -1);
        QCOMPARE(e.at(0).error.kind, TemplateError::Kind::UnknownVariable);
        QCOMPARE(e.at(0).error.name, QStringLiteral("nope"));
        QCOMPARE(e.at(0).error.position, 2);
        QCOMPARE(e.at(0).error.length, 8);
        QVERIFY2(e.at(0).message().startsWith(QStringLiteral("Topic: ")),
                 qPrintable(e.at(0).message()));
        QVERIFY2(e.at(0).message().contains(QStringLiteral("nope")), qPrintable(e.at(0).message()));

        QCOMPARE(e.at(1).field, TemplateField::Payload);
        QCOMPARE(e.at(1).error.kind, TemplateError::Kind::BadArgs);
        QVERIFY2(e.at(1).message().startsWith(QStringLiteral("Payload: ")),
                 qPrintable(e.at(1).message()));

        QCOMPARE(e.at(2).field, TemplateField::ContentType);
        QCOMPARE(e.at(2).error.kind, TemplateError::Kind::UnclosedTag);
        QCOMPARE(e.at(2).error.position, 5);
        QVERIFY2(e.at(2).message().startsWith(QStringLiteral("Content type: ")),
                 qPrintable(e.at(2).message()));

        QCOMPARE(e.at(3).field, TemplateField::ResponseTopic);
        QCOMPARE(e.at(3).error.kind, TemplateError::Kind::EmptyTag);
        QVERIFY2(e.at(3).message().startsWith(QStringLiteral("Response topic: ")),
                 qPrintable(e.at(3).message()));

        QCOMPARE(e.at(4).field, TemplateField::CorrelationData);
        QCOMPARE(e.at(4).error.kind, TemplateError::Kind::UnexpectedArgs);
        QVERIFY2(e.at(4).message().startsWith(QStringLiteral("Correlation data: ")),
                 qPrintable(e.at(4).message()));

        // The first user property is fine; the second has errors in its name and its value.
        QCOMPARE(e.at(5).field, TemplateField::UserPropertyName);
        QCOMPARE(e.at(5).userProperty, 1);
        QCOMPARE(e.at(5).error.name, QStringLiteral("who"));
        QVERIFY2(e.at(5).message().startsWith(QStringLiteral("User property 2: ")),
                 qPrintable(e.at(5).message()));
        QCOMPARE(e.at(6).field, TemplateField::UserPropertyValue);
        QCOMPARE(e.at(6).userProperty, 1);
        QCOMPARE(e.at(6).error.kind, TemplateError::Kind::BadArgs);
        QVERIFY2(e.at(6).message().startsWith(QStringLiteral("User property 2: ")),
                 qPrintable(e.at(6).message()));
    }

    void variablesAreFoundInScopeOnly()
    {
        PublishTemplate t;
        t.topic = QStringLiteral("x/{{device}}");
        QVERIFY(!CompiledTemplate::compile(t, {}).isValid());
        QVERIFY(CompiledTemplate::compile(t, kVariables).isValid());
    }

    void expansionBreakingJsonIsRefused()
    {
        PublishTemplate t;
        t.topic = QStringLiteral("j");
        t.format = PayloadFormat::Json;
        t.payload = QStringLiteral("{\"v\": {{pick a b}}}"); // a bare word is not JSON
        const CompiledTemplate c = CompiledTemplate::compile(t, {});
        QVERIFY(c.isValid()); // the template itself is fine
        for (int i = 0; i < 5; ++i) {
            PublishDraftError error;
            QVERIFY(!c.message(context(), &error));
            QCOMPARE(error.kind, PublishDraftError::Kind::InvalidPayload);
            QCOMPARE(error.field, PublishField::Payload);
            QVERIFY(error.payload);
            QCOMPARE(error.payload->code, PayloadErrorCode::InvalidJson);
            QVERIFY(!error.message().isEmpty());
        }
        // Quoted, the same words are JSON.
        t.payload = QStringLiteral("{\"v\": \"{{pick a b}}\"}");
        const auto p = CompiledTemplate::compile(t, {}).message(context());
        QVERIFY(p);
        QVERIFY(p->payload == "{\"v\": \"a\"}" || p->payload == "{\"v\": \"b\"}");
    }

    void topicExpandingToAWildcardIsRefused()
    {
        PublishTemplate t;
        t.topic = QStringLiteral("a/{{pick +}}");
        t.payload = QStringLiteral("x");
        PublishDraftError error;
        QVERIFY(!CompiledTemplate::compile(t, {}).message(context(), &error));
        QCOMPARE(error.kind, PublishDraftError::Kind::InvalidTopic);
        QVERIFY(error.topic);
        QCOMPARE(error.topic->code, TopicErrorCode::WildcardInName);

        // "+" or "b" at random: "+" is refused, "b" goes.
        t.topic = QStringLiteral("a/{{pick + b}}");
        const CompiledTemplate c = CompiledTemplate::compile(t, {});
        int refused = 0;
        int sent = 0;
        for (int i = 0; i < 200; ++i) {
            PublishDraftError e;
            if (const auto p = c.message(context(), &e)) {
                QCOMPARE(p->topic, QStringLiteral("a/b"));
                ++sent;
            } else {
                QCOMPARE(e.kind, PublishDraftError::Kind::InvalidTopic);
                ++refused;
            }
        }
        QVERIFY(refused > 0);
        QVERIFY(sent > 0);

        // A user variable with a wildcard: the same check.
        t.topic = QStringLiteral("a/{{device}}");
        QVERIFY(!CompiledTemplate::compile(t, {{QStringLiteral("device"), QStringLiteral("#")}})
                     .message(context(), &error));
        QCOMPARE(error.kind, PublishDraftError::Kind::InvalidTopic);
    }

    void responseTopicExpandingToAWildcardIsRefused()
    {
        PublishTemplate t;
        t.topic = QStringLiteral("req");
        t.properties.responseTopic = QStringLiteral("reply/{{pick #}}");
        CompiledTemplate c = CompiledTemplate::compile(t, {});
        PublishDraftError error;
        QVERIFY(!c.message(context(), &error));
        QCOMPARE(error.kind, PublishDraftError::Kind::InvalidResponseTopic);
        // 3.1.1 sends no response topic, so nothing is wrong there.
        c.setProtocolVersion(ProtocolVersion::V311);
        QVERIFY(c.message(context(), &error));
    }

    void v311DropsProperties()
    {
        CompiledTemplate c = CompiledTemplate::compile(everyField(), kVariables);
        c.setProtocolVersion(ProtocolVersion::V311);
        QCOMPARE(c.protocolVersion(), ProtocolVersion::V311);
        const auto p = c.message(context(9));
        QVERIFY(p);
        QVERIFY(p->properties.isEmpty());
        QVERIFY(p->topic.startsWith(QStringLiteral("north/pump-7/req/")));
        QVERIFY(p->payload.contains("\"n\": 9"));
        QCOMPARE(p->qos, QoS::AtLeastOnce);
        QVERIFY(p->retain);
        // And 5.0 keeps them.
        c.setProtocolVersion(ProtocolVersion::V5);
        QCOMPARE(c.message(context())->properties.userProperties().size(), 2);
    }

    void maximumPacketSize()
    {
        PublishTemplate t;
        t.topic = QStringLiteral("t");
        t.payload = QStringLiteral("{{counter}}");
        CompiledTemplate c = CompiledTemplate::compile(t, {});
        const qint64 size = *PublishDraft::wireSize(*c.message(context(99)), ProtocolVersion::V5);
        c.setMaximumPacketSize(quint32(size));
        QVERIFY(c.message(context(99)));
        PublishDraftError error;
        QVERIFY(!c.message(context(100), &error)); // one digit more
        QCOMPARE(error.kind, PublishDraftError::Kind::OverServerMaximum);
        QCOMPARE(error.maximum, size);
        QCOMPARE(error.size, size + 1);
    }
};

QTEST_GUILESS_MAIN(TstCompiledTemplate)
#include "tst_compiled_template.moc"
