// mqttdesk-bench-scroll [--messages N] [--seconds S] [--width W --height H]
//
// Scrolling a long history with mixed bubble heights (run by scripts/bench-scroll, never by
// ctest). A real history of N messages (default 1,000,000) is written through MessageWriter
// with a mix of shapes: one-line text, 3-line text, 5-line and 30-line JSON, binary shown as
// hex, and a few 300 KB payloads kept in storage's side table. The real MessageStreamView then
// shows it offscreen, with every read on its background reader as in the app, and is driven
// through:
//   scroll  scrolling up from the newest row, a third of the viewport per step, paging older
//           rows in at the top (each page relays out the window of loaded rows);
//   jump    "Jump to time" to random points of the whole history, then scrolling down and up
//           through the pages there;
//   resize  width changes (hex previews rewrap, every height is asked again);
//   rules   decoding rules switched on and off (numeric arrays and hex for the two kinds of
//           topic): every loaded row is shown again from its stored bytes, the rows in sight
//           rendered for the repaint. Timed from setDecodingRules() to the end of the repaint,
//           the "first screen" after a rule change.
// Each step is timed from the scroll (or resize) to the end of the synchronous repaint. The
// reference is Qt's stock way to show the same rows: a QListView over a QStringListModel
// holding the same preview texts (its default delegate measures each text for its height),
// run through the same scroll and resize steps in the same process. The ratio ours/reference
// of the step times is what to compare; absolute times on a shared machine are noise. The
// reference for a rule change is the stock list given the same number of new texts at once
// (QStringListModel::setStringList, texts made beforehand) and repainted.
// Also printed: the GUI thread's event-loop latency over the whole run (EventLoopLatencyProbe,
// which also sees the page loads landing) and how many previews were rendered per row that
// was loaded (1.0: no payload is decoded twice for layout).
#include "core/payload/decoding_rules.h"
#include "tests/stream/stream_test_support.h"
#include "ui/stream/event_loop_latency_probe.h"
#include "ui/stream/message_stream_model.h"
#include "ui/stream/message_stream_view.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonObject>
#include <QListView>
#include <QRandomGenerator>
#include <QScrollBar>
#include <QSignalSpy>
#include <QStringListModel>
#include <QTextStream>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace mqttdesk;

namespace {

constexpr qint64 kProfile = 1;
constexpr qint64 kStepUs = 10'000; // 10 ms between messages

struct Steps
{
    std::vector<qint64> ns;
    void add(qint64 v) { ns.push_back(v); }
    double percentileMs(double p) const
    {
        if (ns.empty())
            return 0;
        std::vector<qint64> s = ns;
        std::sort(s.begin(), s.end());
        const size_t i = std::min(s.size() - 1, size_t(p * double(s.size() - 1) + 0.5));
        return double(s[i]) / 1e6;
    }
    double maxMs() const
    {
        return ns.empty() ? 0 : double(*std::max_element(ns.begin(), ns.end())) / 1e6;
    }
    QString summary() const
    {
        return QStringLiteral("p50 %1 ms  p99 %2 ms  max %3 ms  (%4 steps)")
            .arg(percentileMs(0.5), 0, 'f', 2)
            .arg(percentileMs(0.99), 0, 'f', 2)
            .arg(maxMs(), 0, 'f', 2)
            .arg(ns.size());
    }
};

QByteArray payloadFor(qint64 i)
{
    const int kind = int(i % 100);
    if (kind < 40) // one line of text
        return "reading " + QByteArray::number(i) + " temperature=21.5 unit=C ok";
    if (kind < 45) // three lines
        return "line one of " + QByteArray::number(i) + "\nline two\nline three";
    if (kind < 70) { // five-line JSON
        return "{\n  \"id\": " + QByteArray::number(i) +
               ",\n  \"temperature\": 21.5,\n  \"humidity\": 40\n}";
    }
    if (kind < 85) { // thirty-line JSON (more than a collapsed bubble shows)
        QByteArray json = "{\n";
        for (int k = 0; k < 28; ++k)
            json += "  \"field" + QByteArray::number(k) + "\": " + QByteArray::number(i + k) +
                    (k < 27 ? ",\n" : "\n");
        return json + "}";
    }
    if (i % 5000 == 99) // now and then a large one, kept in the side table
        return QByteArray(300 * 1024, 'x');
    QByteArray binary(64, Qt::Uninitialized); // hex preview
    for (int k = 0; k < binary.size(); ++k)
        binary[k] = char((i * 31 + k * 7) & 0xff);
    return binary;
}

QString topicFor(qint64 i)
{
    return QStringLiteral("plant/line-%1/station-%2/sensor/%3")
        .arg(i % 7)
        .arg(i % 13)
        .arg(i % 3 == 0 ? QStringLiteral("temperature") : QStringLiteral("status"));
}

bool fill(StreamTestStore &store, qint64 count, qint64 firstUs)
{
    QElapsedTimer timer;
    timer.start();
    for (qint64 i = 0; i < count; ++i) {
        StoredMessage m;
        m.profileId = kProfile;
        m.direction = StoredMessage::Direction::Incoming;
        m.topic = topicFor(i);
        m.payload = payloadFor(i);
        m.qos = quint8(i % 3);
        m.receivedUs = firstUs + i * kStepUs;
        while (!store.writer()->enqueue(m)) {
            // The queue is full: let the writer drain it.
            if (!store.writer()->waitUntilIdle(60000))
                return false;
        }
        if ((i + 1) % 100000 == 0) {
            std::fprintf(stderr, "  stored %lld of %lld (%.1f s)\n", (long long)(i + 1),
                         (long long)count, double(timer.elapsed()) / 1000.0);
        }
    }
    return store.writer()->waitUntilIdle(600000) && !store.writer()->lastError().isError();
}

// One step: move the bar (or not), then repaint synchronously; the time of both. Then the
// event loop runs (untimed), as it does between two wheel events: pages that were read land
// and the latency probe ticks.
qint64 timedStep(QListView *list, int delta)
{
    QElapsedTimer t;
    t.start();
    QScrollBar *bar = list->verticalScrollBar();
    if (delta != 0)
        bar->setValue(bar->value() + delta);
    list->viewport()->repaint();
    const qint64 ns = t.nsecsElapsed();
    QCoreApplication::processEvents();
    return ns;
}

qint64 timedResize(QWidget *window, QListView *list, int width)
{
    QElapsedTimer t;
    t.start();
    window->resize(width, window->height());
    QCoreApplication::sendPostedEvents(); // layout requests, delayed item layout
    list->doItemsLayout();
    list->viewport()->repaint();
    const qint64 ns = t.nsecsElapsed();
    QCoreApplication::processEvents();
    return ns;
}

struct Results
{
    Steps scroll, jump, resize, rules;
};

DecodingRules benchRules()
{
    DecodingRules rules;
    rules.append({QStringLiteral("plant/+/+/sensor/status"), QStringLiteral("numeric"),
                  QJsonObject{{QStringLiteral("type"), QStringLiteral("int16")},
                              {QStringLiteral("endian"), QStringLiteral("big")}}});
    rules.append({QStringLiteral("plant/+/+/sensor/temperature"), QStringLiteral("hex"), {}});
    return rules;
}

constexpr int kRuleChanges = 20;

// Scrolls up `steps` times (a third of the viewport each), waiting for the older page at the
// top when the view asks for it. Returns the rows paged in.
int scrollUp(QListView *list, MessageStreamModel *model, int steps, Steps &out)
{
    QSignalSpy older(model, &MessageStreamModel::olderRowsPrepended);
    const int delta = -list->viewport()->height() / 3;
    qsizetype landed = 0;
    for (int s = 0; s < steps; ++s) {
        out.add(timedStep(list, delta));
        // Still at the top after the event loop ran: the view asked for the older page and
        // it has not landed yet (none comes at the oldest row).
        if (list->verticalScrollBar()->value() <= list->verticalScrollBar()->minimum() &&
            older.size() == landed && !older.wait(10000))
            break;
        landed = older.size();
    }
    int paged = 0;
    for (const QList<QVariant> &args : older)
        paged += args.first().toInt();
    return paged;
}

int scrollDown(QListView *list, MessageStreamModel *model, int steps, Steps &out)
{
    QSignalSpy newer(model, &MessageStreamModel::newerRowsAppended);
    const int delta = list->viewport()->height() / 3;
    qsizetype landed = 0;
    for (int s = 0; s < steps; ++s) {
        out.add(timedStep(list, delta));
        QScrollBar *bar = list->verticalScrollBar();
        if (bar->value() >= bar->maximum() - 4 && !model->reachesNewest() &&
            newer.size() == landed && !newer.wait(10000))
            break;
        landed = newer.size();
    }
    int paged = 0;
    for (const QList<QVariant> &args : newer)
        paged += args.first().toInt();
    return paged;
}

void resizes(QWidget *window, QListView *list, int width, Steps &out)
{
    for (int round = 0; round < 5; ++round) {
        for (int w : {width * 3 / 4, width / 2 + 100, width * 3 / 2, width})
            out.add(timedResize(window, list, w));
    }
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    QCommandLineOption messagesOpt(QStringLiteral("messages"), QStringLiteral("history size"),
                                   QStringLiteral("n"), QStringLiteral("1000000"));
    QCommandLineOption stepsOpt(QStringLiteral("steps"),
                                QStringLiteral("scroll steps in the scroll phase"),
                                QStringLiteral("n"), QStringLiteral("3000"));
    QCommandLineOption jumpsOpt(QStringLiteral("jumps"), QStringLiteral("jumps to random times"),
                                QStringLiteral("n"), QStringLiteral("20"));
    QCommandLineOption widthOpt(QStringLiteral("width"), QStringLiteral("window width"),
                                QStringLiteral("px"), QStringLiteral("1280"));
    QCommandLineOption heightOpt(QStringLiteral("height"), QStringLiteral("window height"),
                                 QStringLiteral("px"), QStringLiteral("800"));
    QCommandLineOption compactOpt(QStringLiteral("compact"),
                                  QStringLiteral("compact mode (one line per message)"));
    parser.addOptions({messagesOpt, stepsOpt, jumpsOpt, widthOpt, heightOpt, compactOpt});
    parser.process(app);
    const qint64 count = qMax<qint64>(1000, parser.value(messagesOpt).toLongLong());
    const int steps = qMax(10, parser.value(stepsOpt).toInt());
    const int jumps = qMax(1, parser.value(jumpsOpt).toInt());
    const int width = qMax(400, parser.value(widthOpt).toInt());
    const int height = qMax(300, parser.value(heightOpt).toInt());
    QTextStream out(stdout);

    StreamTestStore store;
    if (!store.isReady() || !store.ensureProfile(kProfile)) {
        std::fprintf(stderr, "bench-scroll: cannot open the database\n");
        return 2;
    }
    const qint64 firstUs = QDateTime::currentMSecsSinceEpoch() * 1000 - count * kStepUs;
    std::fprintf(stderr, "writing %lld messages...\n", (long long)count);
    if (!fill(store, count, firstUs)) {
        std::fprintf(stderr, "bench-scroll: storing failed\n");
        return 2;
    }
    // Indexing is not what is measured here: let it finish first.
    store.writer()->waitUntilIndexed(600000);

    Results ours;
    Results ref;
    EventLoopLatencyProbe probe;
    quint64 rendered = 0;
    quint64 resizeRendered = 0;
    int windowRows = 0;
    qint64 loadedRows = 0;
    int pagedUp = 0;
    int pagedAround = 0;
    QStringList referenceTexts;
    {
        std::unique_ptr<MessageHistory> history = store.history(kProfile);
        MessageStreamModel model(history.get(), store.path());
        MessageStreamView view(&model, kProfile);
        view.setCompact(parser.isSet(compactOpt));
        view.resize(width, height);
        view.show();
        QSignalSpy loading(&model, &MessageStreamModel::loadingChanged);
        for (int i = 0; i < 100 && (model.rowCount() == 0 || model.isLoading()); ++i)
            loading.wait(200);
        if (model.rowCount() == 0) {
            std::fprintf(stderr, "bench-scroll: the newest page did not load\n");
            return 2;
        }
        QListView *list = view.listView();
        list->scrollToBottom();
        QCoreApplication::processEvents();
        probe.start(5);
        const quint64 before = model.previewsRendered();
        loadedRows = model.rowCount();

        pagedUp = scrollUp(list, &model, steps, ours.scroll);
        loadedRows += pagedUp;
        for (int j = 0; j < jumps; ++j) {
            const qint64 at =
                firstUs + qint64(QRandomGenerator::global()->bounded(quint64(count))) * kStepUs;
            QSignalSpy jumped(&model, &MessageStreamModel::jumped);
            view.jumpToTime(QDateTime::fromMSecsSinceEpoch(at / 1000));
            if (!jumped.wait(10000)) {
                std::fprintf(stderr, "bench-scroll: a jump did not land\n");
                return 2;
            }
            loadedRows += model.rowCount();
            pagedAround += scrollDown(list, &model, 60, ours.jump);
            pagedAround += scrollUp(list, &model, 60, ours.jump);
        }
        loadedRows += pagedAround;
        rendered = model.previewsRendered() - before;
        // A width change renders the hex previews again (their bytes per line change), and
        // nothing else: counted apart.
        const quint64 beforeResize = model.previewsRendered();
        resizes(&view, list, width, ours.resize);
        resizeRendered = model.previewsRendered() - beforeResize;
        const DecodingRules rules = benchRules();
        for (int k = 0; k < kRuleChanges; ++k) {
            QElapsedTimer t;
            t.start();
            model.setDecodingRules(k % 2 == 0 ? rules : DecodingRules());
            list->doItemsLayout(); // as a resize step: the layout is part of the first screen
            list->viewport()->repaint();
            ours.rules.add(t.nsecsElapsed());
            QCoreApplication::processEvents();
        }
        probe.stop();
        windowRows = model.maxLoadedRows();

        // The reference gets the same texts the bubbles showed: the rows loaded last.
        for (int row = 0; row < model.rowCount(); ++row)
            referenceTexts << model.index(row).data(MessageStreamModel::PreviewRole).toString();
    }

    {
        QStringListModel model(referenceTexts);
        QListView list;
        list.setModel(&model);
        list.setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
        list.setWordWrap(false);
        list.resize(width, height);
        list.show();
        QCoreApplication::processEvents();
        list.scrollToBottom();
        QCoreApplication::processEvents();
        const int delta = list.viewport()->height() / 3;
        // As many steps as ours took, up and down through the same rows.
        const size_t scrollSteps = ours.scroll.ns.size() + ours.jump.ns.size();
        int direction = -1;
        for (size_t s = 0; s < scrollSteps; ++s) {
            QScrollBar *bar = list.verticalScrollBar();
            if (bar->value() <= bar->minimum())
                direction = 1;
            else if (bar->value() >= bar->maximum())
                direction = -1;
            (s < ours.scroll.ns.size() ? ref.scroll : ref.jump)
                .add(timedStep(&list, direction * delta));
        }
        resizes(&list, &list, width, ref.resize);
        // The same number of texts replaced at once, made beforehand (Qt's cost only).
        QStringList changed = referenceTexts;
        for (QString &text : changed)
            text.prepend(u'#');
        for (int k = 0; k < kRuleChanges; ++k) {
            QElapsedTimer t;
            t.start();
            model.setStringList(k % 2 == 0 ? changed : referenceTexts);
            list.doItemsLayout();
            list.viewport()->repaint();
            ref.rules.add(t.nsecsElapsed());
            QCoreApplication::processEvents();
        }
    }

    const EventLoopLatencyProbe::Stats latency = probe.stats();
    const auto ratio = [](const Steps &a, const Steps &b, double p) {
        const double rb = b.percentileMs(p);
        return rb > 0 ? a.percentileMs(p) / rb : 0.0;
    };
    out << "history: " << count << " messages, window of up to " << windowRows << " loaded rows, "
        << width << "x" << height << (parser.isSet(compactOpt) ? " compact" : " bubbles") << "\n";
    out << "rows paged in: " << pagedUp << " scrolling up, " << pagedAround << " around " << jumps
        << " jumps\n";
    out << "scroll   ours: " << ours.scroll.summary() << "\n";
    out << "         ref:  " << ref.scroll.summary() << "\n";
    out << "jump     ours: " << ours.jump.summary() << "\n";
    out << "         ref:  " << ref.jump.summary() << "\n";
    out << "resize   ours: " << ours.resize.summary() << "\n";
    out << "         ref:  " << ref.resize.summary() << "\n";
    out << "rules    ours: " << ours.rules.summary() << "\n";
    out << "         ref:  " << ref.rules.summary() << "\n";
    out << QStringLiteral("ratio ours/ref for a rule change (p50, p99): %1x %2x\n")
               .arg(ratio(ours.rules, ref.rules, 0.5), 0, 'f', 2)
               .arg(ratio(ours.rules, ref.rules, 0.99), 0, 'f', 2);
    out << QStringLiteral("ratio ours/ref (p50, p99): scroll %1x %2x, jump %3x %4x, resize %5x "
                          "%6x\n")
               .arg(ratio(ours.scroll, ref.scroll, 0.5), 0, 'f', 2)
               .arg(ratio(ours.scroll, ref.scroll, 0.99), 0, 'f', 2)
               .arg(ratio(ours.jump, ref.jump, 0.5), 0, 'f', 2)
               .arg(ratio(ours.jump, ref.jump, 0.99), 0, 'f', 2)
               .arg(ratio(ours.resize, ref.resize, 0.5), 0, 'f', 2)
               .arg(ratio(ours.resize, ref.resize, 0.99), 0, 'f', 2);
    out << QStringLiteral("GUI thread latency over the run: p50 %1 ms  p99 %2 ms  max %3 ms\n")
               .arg(latency.p50Ms, 0, 'f', 1)
               .arg(latency.p99Ms, 0, 'f', 1)
               .arg(latency.maxMs, 0, 'f', 1);
    out << QStringLiteral("previews rendered per loaded row: %1 (%2 renders, %3 rows)\n")
               .arg(loadedRows > 0 ? double(rendered) / double(loadedRows) : 0.0, 0, 'f', 2)
               .arg(rendered)
               .arg(loadedRows);
    out << "previews rendered again by " << ours.resize.ns.size()
        << " width changes: " << resizeRendered << " (hex previews rewrap)\n";
    out.flush();
    return 0;
}
