#include "core/publish/template_text.h"

#include "core/profile/template_variable_names.h"

#include <cmath>
#include <limits>

namespace mqttdesk {

namespace {

const QLatin1StringView kOpen("{{");
const QLatin1StringView kClose("}}");
const QLatin1StringView kEscape("{{{{");

// The largest number of decimals {{random_float}} writes: beyond it a double has no digits.
constexpr int kMaximumDecimals = 15;

struct Token
{
    QStringView text;
    bool quoted = false;
};

// Splits a tag's inside at blanks; "a b" is one token. False on an unclosed quote.
bool tokenize(QStringView tag, QList<Token> *tokens)
{
    qsizetype i = 0;
    const qsizetype n = tag.size();
    while (i < n) {
        while (i < n && tag.at(i).isSpace())
            ++i;
        if (i >= n)
            break;
        if (tag.at(i) == QLatin1Char('"')) {
            const qsizetype end = tag.indexOf(QLatin1Char('"'), i + 1);
            if (end < 0)
                return false;
            tokens->append({tag.sliced(i + 1, end - i - 1), true});
            i = end + 1;
            continue;
        }
        const qsizetype start = i;
        while (i < n && !tag.at(i).isSpace())
            ++i;
        tokens->append({tag.sliced(start, i - start), false});
    }
    return true;
}

} // namespace

const QStringList &TemplateText::builtInNames()
{
    return TemplateVariableNames::builtIns();
}

TemplateText TemplateText::compile(const QString &text, const QHash<QString, QString> &variables)
{
    TemplateText t;
    const QStringView view(text);
    qsizetype literalStart = 0;
    qsizetype i = view.indexOf(kOpen);
    while (i >= 0) {
        t.addLiteral(view.sliced(literalStart, i - literalStart));
        t.m_hasVariables = true;
        if (view.sliced(i).startsWith(kEscape)) {
            t.addLiteral(u"{{");
            literalStart = i + kEscape.size();
            i = view.indexOf(kOpen, literalStart);
            continue;
        }
        const qsizetype close = view.indexOf(kClose, i + kOpen.size());
        if (close < 0) {
            TemplateError e;
            e.kind = TemplateError::Kind::UnclosedTag;
            e.position = i;
            e.length = view.size() - i;
            t.m_errors.append(e);
            literalStart = view.size();
            break;
        }
        const qsizetype length = close + kClose.size() - i;
        t.compileTag(view.sliced(i + kOpen.size(), close - i - kOpen.size()), i, length, variables);
        literalStart = close + kClose.size();
        i = view.indexOf(kOpen, literalStart);
    }
    t.addLiteral(view.sliced(literalStart));
    if (!t.m_errors.isEmpty()) {
        t.m_parts.clear();
        t.m_literalSize = 0;
    }
    return t;
}

void TemplateText::addLiteral(QStringView text)
{
    if (text.isEmpty())
        return;
    m_literalSize += text.size();
    if (!m_parts.empty() && m_parts.back().kind == Part::Kind::Literal) {
        m_parts.back().text += text;
        return;
    }
    Part p;
    p.text = text.toString();
    m_parts.push_back(std::move(p));
}

bool TemplateText::compileTag(QStringView tag, qsizetype position, qsizetype length,
                              const QHash<QString, QString> &variables)
{
    const auto fail = [&](TemplateError::Kind kind, QString name) {
        TemplateError e;
        e.kind = kind;
        e.position = position;
        e.length = length;
        e.name = std::move(name);
        m_errors.append(e);
        return false;
    };
    QList<Token> tokens;
    if (!tokenize(tag, &tokens)) {
        const QStringView trimmed = tag.trimmed();
        return fail(TemplateError::Kind::UnclosedQuote,
                    trimmed.left(trimmed.indexOf(QLatin1Char(' '))).toString());
    }
    if (tokens.isEmpty())
        return fail(TemplateError::Kind::EmptyTag, {});
    const QString name = tokens.first().text.toString();
    if (tokens.first().quoted)
        return fail(TemplateError::Kind::UnknownVariable, name);
    if (!m_names.contains(name))
        m_names.append(name);
    const QList<Token> args = tokens.sliced(1);

    Part p;
    static const QHash<QString, Part::Kind> plain = {
        {QStringLiteral("uuid"), Part::Kind::Uuid},
        {QStringLiteral("now"), Part::Kind::Now},
        {QStringLiteral("now_ms"), Part::Kind::NowMs},
        {QStringLiteral("counter"), Part::Kind::Counter},
        {QStringLiteral("client_id"), Part::Kind::ClientId},
    };
    if (const auto it = plain.constFind(name); it != plain.cend()) {
        if (!args.isEmpty())
            return fail(TemplateError::Kind::UnexpectedArgs, name);
        p.kind = *it;
    } else if (name == QLatin1String("random")) {
        bool okLow = false;
        bool okHigh = false;
        if (args.size() == 2) {
            p.low = args.at(0).text.toLongLong(&okLow);
            p.high = args.at(1).text.toLongLong(&okHigh);
        }
        if (!okLow || !okHigh || p.low > p.high)
            return fail(TemplateError::Kind::BadArgs, name);
        p.kind = Part::Kind::Random;
    } else if (name == QLatin1String("random_float")) {
        bool okLow = false;
        bool okHigh = false;
        bool okDecimals = true;
        if (args.size() == 2 || args.size() == 3) {
            p.lowF = args.at(0).text.toDouble(&okLow);
            p.highF = args.at(1).text.toDouble(&okHigh);
            if (args.size() == 3)
                p.decimals = args.at(2).text.toInt(&okDecimals);
        }
        if (!okLow || !okHigh || !okDecimals || !std::isfinite(p.lowF) || !std::isfinite(p.highF) ||
            p.lowF >= p.highF || p.decimals < 0 || p.decimals > kMaximumDecimals)
            return fail(TemplateError::Kind::BadArgs, name);
        p.kind = Part::Kind::RandomFloat;
    } else if (name == QLatin1String("pick")) {
        if (args.isEmpty())
            return fail(TemplateError::Kind::BadArgs, name);
        for (const Token &a : args)
            p.choices.append(a.text.toString());
        p.kind = Part::Kind::Pick;
    } else if (const auto v = variables.constFind(name); v != variables.cend()) {
        if (!args.isEmpty())
            return fail(TemplateError::Kind::UnexpectedArgs, name);
        addLiteral(*v);
        return true;
    } else {
        return fail(TemplateError::Kind::UnknownVariable, name);
    }
    m_dynamic = true;
    m_parts.push_back(std::move(p));
    return true;
}

void TemplateText::expandInto(const TemplateContext &context, QString &out) const
{
    out.reserve(out.size() + m_literalSize + 16 * qsizetype(m_parts.size()));
    for (const Part &p : m_parts) {
        switch (p.kind) {
        case Part::Kind::Literal:
            out += p.text;
            break;
        case Part::Kind::Uuid:
            out += context.uuid();
            break;
        case Part::Kind::Now:
            out += context.nowIso();
            break;
        case Part::Kind::NowMs:
            out += QString::number(context.nowMs());
            break;
        case Part::Kind::Counter:
            out += QString::number(context.counter());
            break;
        case Part::Kind::ClientId:
            out += context.clientId();
            break;
        case Part::Kind::Random: {
            // The span as unsigned: low..high may cover the whole of qint64.
            const quint64 span = quint64(p.high) - quint64(p.low) + 1;
            const quint64 r =
                span == 0 ? context.random().generate64() : context.random().generate64() % span;
            out += QString::number(qint64(quint64(p.low) + r));
            break;
        }
        case Part::Kind::RandomFloat: {
            const double v = p.lowF + context.random().generateDouble() * (p.highF - p.lowF);
            out += QString::number(v, 'f', p.decimals);
            break;
        }
        case Part::Kind::Pick:
            out += p.choices.at(qsizetype(context.random().bounded(quint32(p.choices.size()))));
            break;
        }
    }
}

QString TemplateText::expand(const TemplateContext &context) const
{
    QString out;
    expandInto(context, out);
    return out;
}

} // namespace mqttdesk
