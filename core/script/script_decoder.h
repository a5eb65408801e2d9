#pragma once

#include "core/payload/payload_decoder.h"
#include "core/script/script_limits.h"

#include <QJsonObject>
#include <QString>

#include <optional>

class QThread;

namespace mqttdesk {

class DecoderRegistry;

// Payloads shown through the user's JavaScript (ScriptRunner, incoming direction): a
// decoding rule with the decoder "script" and the options
//   {"script": "return JSON.parse(payload).temp + ' °C';", "timeLimitMs": 50}
// (timeLimitMs and memoryLimitMB are optional: 50 ms and 64 MB). What the script returns is
// the rendering (an object as highlighted JSON, bytes as hex); a script that throws, is
// stopped or returns nothing shows the payload as text or hex with the error and its line
// ("Script error at line 3: Error: boom") in `error` and as the first line of the text, so
// that the stream's bubble shows it on the message (as it names a payload too large to
// decode); the next message is rendered as usual.
// Never detected: only a rule or a choice applies it.
//
// Scripts must not run on the GUI thread: registered with that thread as `offLimits`, the
// decoder answers a placeholder ("Running the script…", truncated) when called there, and
// the callers that matter render off it (the stream's StreamPayloadLoader sends every
// script rendering to its worker, the payload viewer's full rendering runs on a worker).
class ScriptDecoder : public PayloadDecoder
{
public:
    static constexpr QStringView Id = u"script";

    // Registers the decoder in `registry`; the GUI passes its own thread as `offLimits`,
    // the CLI none (it renders on its main thread, which has no window to keep responsive).
    static void registerIn(DecoderRegistry &registry, const QThread *offLimits = nullptr);

    explicit ScriptDecoder(const QThread *offLimits = nullptr);

    QString id() const override;
    QString name() const override;
    int detect(QByteArrayView bytes, const PayloadHint &hint) const override;
    RenderedPayload render(QByteArrayView bytes, const RenderOptions &options) const override;
    QJsonObject defaultOptions() const override;

    // The script of decoder options; empty when there is none.
    static QString script(const QJsonObject &options);
    // The limits of decoder options, or nothing with `error` saying what is wrong.
    static std::optional<ScriptLimits> limits(const QJsonObject &options, QString *error = nullptr);
    // Options for a script with the default limits.
    static QJsonObject options(const QString &script);

    // The placeholder shown where the script cannot run now (the GUI thread).
    static QString pendingText();

private:
    const QThread *m_offLimits;
};

} // namespace mqttdesk
