#include "app/cli/topics_command.h"

#include "core/topictree/topic_tree_model.h"
#include "core/workspace/subscription_counter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>

#include <algorithm>
#include <cstdio>

namespace mqttdesk {

namespace {

ConnectionServices::Options treeServices()
{
    ConnectionServices::Options o;
    o.topicTree = true;
    return o;
}

// A node's children in print order: by name, `$` roots after the others.
QList<int> ordered(const TopicTree &tree, int id)
{
    QList<int> children;
    for (int row = 0; row < tree.childCount(id); ++row)
        children.append(tree.child(id, row));
    std::sort(children.begin(), children.end(), [&tree](int a, int b) {
        const QString &l = tree.node(a).segment;
        const QString &r = tree.node(b).segment;
        const bool ls = l.startsWith(QLatin1Char('$'));
        const bool rs = r.startsWith(QLatin1Char('$'));
        return ls != rs ? rs : l < r;
    });
    return children;
}

QString rateText(double rate)
{
    return QString::number(rate, 'f', 1) + QStringLiteral("/s");
}

void appendText(const TopicTree &tree, int id, int depth, qint64 nowUs, QByteArray &out)
{
    const TopicTree::Node &n = tree.node(id);
    QString line(depth * 2, QLatin1Char(' '));
    line += n.segment.isEmpty() ? TopicTreeModel::emptyLevelText() : n.segment;
    line += QStringLiteral("  ") + QString::number(n.messages);
    if (n.isTopic && n.ownMessages != n.messages)
        line += QStringLiteral(" (%1 here)").arg(n.ownMessages);
    line += QStringLiteral("  ") + rateText(tree.rate(id, nowUs));
    if (n.retained)
        line += QStringLiteral("  R");
    out += line.toUtf8() + '\n';
    for (int child : ordered(tree, id))
        appendText(tree, child, depth + 1, nowUs, out);
}

QJsonObject jsonNode(const TopicTree &tree, int id, qint64 nowUs)
{
    const TopicTree::Node &n = tree.node(id);
    QJsonObject o;
    o.insert(QStringLiteral("segment"), n.segment);
    o.insert(QStringLiteral("topic"), tree.topicOf(id));
    o.insert(QStringLiteral("messages"), n.messages);
    o.insert(QStringLiteral("ownMessages"), n.ownMessages);
    o.insert(QStringLiteral("isTopic"), n.isTopic);
    o.insert(QStringLiteral("rate"), tree.rate(id, nowUs));
    o.insert(QStringLiteral("retained"), n.retained);
    QJsonArray children;
    for (int child : ordered(tree, id))
        children.append(jsonNode(tree, child, nowUs));
    o.insert(QStringLiteral("children"), children);
    return o;
}

} // namespace

TopicsCommand::TopicsCommand(const CliOptions &options, const CliPlan &plan, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_client(plan, options.quiet, treeServices())
{
    Connection *c = m_client.connection();
    connect(&m_client, &CliClient::connected, this, &TopicsCommand::onConnected);
    connect(&m_client, &CliClient::done, this, &TopicsCommand::done);
    connect(c, &Connection::subscribeFinished, this, &TopicsCommand::onSubscribed);
    connect(c, &Connection::messagesReceived, this, &TopicsCommand::onMessages);
    m_timeout.setSingleShot(true);
    connect(&m_timeout, &QTimer::timeout, this, &TopicsCommand::stop);
}

bool TopicsCommand::prepare(CliError *)
{
    return true;
}

void TopicsCommand::start()
{
    m_client.start();
}

void TopicsCommand::interrupt()
{
    stop();
}

void TopicsCommand::onConnected()
{
    if (m_options.timeoutSeconds > 0 && !m_timeout.isActive())
        m_timeout.start(m_options.timeoutSeconds * 1000);
    m_client.subscribeToTopics(m_options.qos);
}

void TopicsCommand::onSubscribed(quint64, const SubscribeResult &result)
{
    if (result.error) {
        m_client.fail(result.error->message, ExitRequest);
        return;
    }
    for (qsizetype i = 0; i < result.reasonCodes.size(); ++i) {
        if (!isSuccess(result.reasonCodes.at(i)) && !m_options.quiet)
            CliClient::printError(
                tr("the server refused the subscription to %1: %2")
                    .arg(result.subscriptions.value(i).filter,
                         reasonCodeText(result.reasonCodes.at(i), PacketType::Suback)));
    }
}

void TopicsCommand::onMessages(const MessageBatch &batch)
{
    // The tree itself is fed on the connection's thread (the services' TopicActivity); this
    // only counts for -C.
    m_received += batch.size();
    if (m_options.count > 0 && m_received >= m_options.count)
        stop();
}

void TopicsCommand::stop()
{
    if (m_stopped)
        return;
    m_stopped = true;
    m_timeout.stop();
    ConnectionServices *services = m_client.services();
    services->updateTopicTree();
    const TopicTree &tree = services->topicTree()->tree();
    const qint64 now = SubscriptionCounter::nowUs();
    const QByteArray out = m_options.printFormat.value_or(QString()) == QLatin1String("json")
                               ? json(tree, now)
                               : text(tree, now);
    std::fwrite(out.constData(), 1, size_t(out.size()), stdout);
    std::fflush(stdout);
    m_client.finish(ExitSuccess);
}

QByteArray TopicsCommand::text(const TopicTree &tree, qint64 nowUs)
{
    QByteArray out;
    for (int root : ordered(tree, TopicTree::kRoot))
        appendText(tree, root, 0, nowUs, out);
    qint64 messages = 0;
    for (int root : ordered(tree, TopicTree::kRoot))
        messages += tree.node(root).messages;
    out += tr("%1 topics, %2 messages").arg(tree.topicCount()).arg(messages).toUtf8() + '\n';
    return out;
}

QByteArray TopicsCommand::json(const TopicTree &tree, qint64 nowUs)
{
    QJsonArray roots;
    qint64 messages = 0;
    for (int root : ordered(tree, TopicTree::kRoot)) {
        roots.append(jsonNode(tree, root, nowUs));
        messages += tree.node(root).messages;
    }
    QJsonObject o;
    o.insert(QStringLiteral("topics"), tree.topicCount());
    o.insert(QStringLiteral("messages"), messages);
    o.insert(QStringLiteral("tree"), roots);
    return QJsonDocument(o).toJson(QJsonDocument::Indented);
}

} // namespace mqttdesk
