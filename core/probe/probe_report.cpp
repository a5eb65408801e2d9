#include "core/probe/probe_report.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QStringList>

#include <algorithm>

namespace mqttdesk {

namespace {

QJsonValue orNull(const std::optional<qint64> &value)
{
    return value ? QJsonValue(*value) : QJsonValue(QJsonValue::Null);
}

QJsonValue milliseconds(qint64 us)
{
    return double(us) / 1000.0;
}

// A Markdown table cell: one line, pipes escaped.
QString cell(QString text)
{
    text.replace(QLatin1Char('\n'), QLatin1Char(' '));
    text.replace(QLatin1Char('|'), QLatin1String("\\|"));
    return text;
}

QString markdownRow(const QStringList &cells)
{
    QString row = QStringLiteral("|");
    for (const QString &c : cells)
        row += QLatin1Char(' ') + cell(c) + QStringLiteral(" |");
    return row + QLatin1Char('\n');
}

// Rows of columns padded to the widest cell; the last column is not padded.
QString alignedRows(const QList<QStringList> &rows)
{
    QList<qsizetype> widths;
    for (const QStringList &row : rows) {
        for (qsizetype i = 0; i < row.size(); ++i) {
            if (widths.size() <= i)
                widths.append(0);
            widths[i] = std::max(widths.at(i), row.at(i).size());
        }
    }
    QString out;
    for (const QStringList &row : rows) {
        QString line;
        for (qsizetype i = 0; i < row.size(); ++i) {
            const bool last = i + 1 == row.size();
            line += last ? row.at(i) : row.at(i).leftJustified(widths.at(i) + 2);
        }
        while (line.endsWith(QLatin1Char(' ')))
            line.chop(1);
        out += QStringLiteral("  ") + line + QLatin1Char('\n');
    }
    return out;
}

} // namespace

bool ProbeReport::connected() const
{
    return version.has_value();
}

std::optional<ReasonCode> ProbeReport::refusal() const
{
    if (connected())
        return std::nullopt;
    for (ProbeCheck check :
         {ProbeCheck::ConnectV31, ProbeCheck::ConnectV311, ProbeCheck::ConnectV5}) {
        const ProbeCheckResult *r = result(check);
        if (r && r->reasonCode && !isSuccess(*r->reasonCode))
            return r->reasonCode;
    }
    return std::nullopt;
}

const ProbeCheckResult *ProbeReport::result(ProbeCheck check) const
{
    for (const ProbeCheckResult &r : checks) {
        if (r.check == check)
            return &r;
    }
    return nullptr;
}

void ProbeReport::setResult(const ProbeCheckResult &result)
{
    for (ProbeCheckResult &r : checks) {
        if (r.check == result.check) {
            r = result;
            return;
        }
    }
    checks.append(result);
    std::stable_sort(
        checks.begin(), checks.end(),
        [](const ProbeCheckResult &a, const ProbeCheckResult &b) { return a.check < b.check; });
}

QString ProbeReport::millisecondsText(qint64 us)
{
    return tr("%1 ms").arg(double(us) / 1000.0, 0, 'f', us < 10000 ? 3 : 1);
}

QJsonObject ProbeReport::toJsonObject() const
{
    QJsonObject o;
    o.insert(QStringLiteral("broker"), broker);
    o.insert(QStringLiteral("topic_prefix"), topicPrefix);
    o.insert(QStringLiteral("started"), started.toString(Qt::ISODateWithMs));
    o.insert(QStringLiteral("finished"), finished.toString(Qt::ISODateWithMs));
    o.insert(QStringLiteral("duration_ms"),
             started.isValid() && finished.isValid() ? started.msecsTo(finished) : 0);
    o.insert(QStringLiteral("protocol_version"),
             version ? QJsonValue(protocolVersionName(*version)) : QJsonValue(QJsonValue::Null));
    o.insert(QStringLiteral("connected"), connected());
    o.insert(QStringLiteral("cancelled"), cancelled);
    o.insert(QStringLiteral("retained_not_cleared"),
             QJsonArray::fromStringList(retainedNotCleared));

    QJsonArray lines;
    for (const ProbeCheckResult &r : checks) {
        QJsonObject line;
        line.insert(QStringLiteral("check"), ProbeCheckResult::key(r.check));
        line.insert(QStringLiteral("title"), ProbeCheckResult::title(r.check));
        line.insert(QStringLiteral("outcome"), ProbeCheckResult::outcomeKey(r.outcome));
        line.insert(QStringLiteral("outcome_text"), ProbeCheckResult::outcomeText(r.outcome));
        line.insert(QStringLiteral("reason_code"),
                    r.reasonCode ? QJsonValue(int(*r.reasonCode)) : QJsonValue(QJsonValue::Null));
        line.insert(QStringLiteral("reason"),
                    r.reasonCode ? QJsonValue(r.reasonText()) : QJsonValue(QJsonValue::Null));
        line.insert(QStringLiteral("detail"), r.detail);
        line.insert(QStringLiteral("elapsed_ms"), r.elapsedMs);
        lines.append(line);
    }
    o.insert(QStringLiteral("checks"), lines);

    QJsonObject announced;
    for (const ProbeAnnouncement &a : announcements) {
        QJsonObject entry;
        entry.insert(QStringLiteral("present"), a.present);
        entry.insert(QStringLiteral("value"), a.value);
        entry.insert(QStringLiteral("note"), a.note);
        announced.insert(a.key, entry);
    }
    o.insert(QStringLiteral("announced"),
             announcements.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(announced));

    QJsonObject payload;
    payload.insert(QStringLiteral("bytes"), orNull(maxPayload));
    payload.insert(QStringLiteral("limit"), maxPayloadLimit);
    payload.insert(QStringLiteral("announced_maximum_packet_size"),
                   announcedMaximumPacketSize ? QJsonValue(qint64(*announcedMaximumPacketSize))
                                              : QJsonValue(QJsonValue::Null));
    o.insert(QStringLiteral("max_payload"), payload);

    if (latency) {
        QJsonObject l;
        l.insert(QStringLiteral("method"), QStringLiteral("pingreq"));
        l.insert(QStringLiteral("samples"), latency->samples);
        l.insert(QStringLiteral("min_ms"), milliseconds(latency->minUs));
        l.insert(QStringLiteral("p50_ms"), milliseconds(latency->p50Us));
        l.insert(QStringLiteral("p99_ms"), milliseconds(latency->p99Us));
        l.insert(QStringLiteral("max_ms"), milliseconds(latency->maxUs));
        o.insert(QStringLiteral("latency"), l);
    } else {
        o.insert(QStringLiteral("latency"), QJsonValue(QJsonValue::Null));
    }
    return o;
}

QByteArray ProbeReport::toJson() const
{
    return QJsonDocument(toJsonObject()).toJson(QJsonDocument::Indented);
}

QString ProbeReport::toMarkdown() const
{
    QString out = QStringLiteral("# ") + tr("Broker capability test: %1").arg(broker) +
                  QStringLiteral("\n\n");
    out += tr("Started %1, took %2 s. Probe topics under `%3/`.")
               .arg(started.toString(Qt::ISODate))
               .arg(double(started.msecsTo(finished)) / 1000.0, 0, 'f', 1)
               .arg(topicPrefix);
    out += QLatin1Char(' ');
    out += version ? tr("The checks used MQTT %1.").arg(protocolVersionName(*version))
                   : tr("No protocol version was accepted.");
    if (cancelled)
        out += QLatin1Char(' ') + tr("Cancelled before the end.");
    if (!retainedNotCleared.isEmpty())
        out += QLatin1Char(' ') + tr("Retained messages that could not be cleared: %1.")
                                      .arg(retainedNotCleared.join(QStringLiteral(", ")));
    out += QStringLiteral("\n\n## ") + tr("Checks") + QStringLiteral("\n\n");
    out += markdownRow({tr("Check"), tr("Result"), tr("Reason code"), tr("Detail")});
    out += QStringLiteral("|---|---|---|---|\n");
    for (const ProbeCheckResult &r : checks)
        out += markdownRow(
            {ProbeCheckResult::title(r.check),
             QStringLiteral("**") + ProbeCheckResult::outcomeText(r.outcome) + QStringLiteral("**"),
             r.reasonText(), r.detail});
    if (!announcements.isEmpty()) {
        out +=
            QStringLiteral("\n## ") + tr("Announced in the 5.0 CONNACK") + QStringLiteral("\n\n");
        out += markdownRow({tr("Property"), tr("In CONNACK"), tr("Value"), tr("Note")});
        out += QStringLiteral("|---|---|---|---|\n");
        for (const ProbeAnnouncement &a : announcements)
            out += markdownRow({a.name, a.present ? tr("yes") : tr("absent"), a.valueText, a.note});
    }
    out += QStringLiteral("\n## ") + tr("Measurements") + QStringLiteral("\n\n");
    out += QStringLiteral("- ") +
           (maxPayload ? tr("Largest payload that passed: %1 bytes (searched up to %2 bytes).")
                             .arg(*maxPayload)
                             .arg(maxPayloadLimit)
                       : tr("Largest payload: not measured.")) +
           QLatin1Char('\n');
    out += QStringLiteral("- ") +
           (latency ? tr("Round trip (PINGREQ to PINGRESP) over %1 pings: p50 %2, p99 %3.")
                          .arg(latency->samples)
                          .arg(millisecondsText(latency->p50Us), millisecondsText(latency->p99Us))
                    : tr("Round trip: not measured.")) +
           QLatin1Char('\n');
    return out;
}

QString ProbeReport::toText() const
{
    QString out = tr("Broker capability test of %1").arg(broker);
    if (version)
        out += QLatin1Char(' ') + tr("(checks with MQTT %1)").arg(protocolVersionName(*version));
    out += QStringLiteral("\n");
    if (cancelled)
        out += tr("Cancelled before the end.") + QLatin1Char('\n');
    out += QLatin1Char('\n');
    QList<QStringList> rows{{tr("Check"), tr("Result"), tr("Reason code"), tr("Detail")}};
    for (const ProbeCheckResult &r : checks)
        rows.append({ProbeCheckResult::title(r.check), ProbeCheckResult::outcomeText(r.outcome),
                     r.reasonCode ? r.reasonText() : QStringLiteral("-"), r.detail});
    out += alignedRows(rows);
    if (!announcements.isEmpty()) {
        out += QLatin1Char('\n') + tr("Announced in the 5.0 CONNACK:") + QLatin1Char('\n');
        QList<QStringList> props{{tr("Property"), tr("Value"), tr("Note")}};
        for (const ProbeAnnouncement &a : announcements)
            props.append({a.name, a.valueText, a.note});
        out += alignedRows(props);
    }
    out += QLatin1Char('\n');
    if (maxPayload)
        out += tr("Largest payload that passed: %1 bytes (searched up to %2 bytes)")
                   .arg(*maxPayload)
                   .arg(maxPayloadLimit) +
               QLatin1Char('\n');
    if (latency)
        out += tr("Round trip over %1 PINGREQs: p50 %2, p99 %3")
                   .arg(latency->samples)
                   .arg(millisecondsText(latency->p50Us), millisecondsText(latency->p99Us)) +
               QLatin1Char('\n');
    out += (retainedNotCleared.isEmpty()
                ? tr("Probe topics: %1/ (no retained message left behind)").arg(topicPrefix)
                : tr("Probe topics: %1/; retained messages that could not be cleared: %2")
                      .arg(topicPrefix, retainedNotCleared.join(QStringLiteral(", ")))) +
           QLatin1Char('\n');
    return out;
}

} // namespace mqttdesk
