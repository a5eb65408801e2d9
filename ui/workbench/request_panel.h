#pragma once

#include "core/request/request_options.h"
#include "ui/i18n/retranslator.h"

#include <QPointer>
#include <QWidget>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QSpinBox;
class QSplitter;
class QTableView;

namespace mqttdesk {

class RequestClient;
class RequestListModel;

// Request/response on one connection: how a request is sent (response topic, correlation,
// the payload field that carries it for 3.1.1, the timeout), the table of past requests
// (sent, template, topic, round trip, status) and, beside it, the selected request next to its
// reply. The workbench page sends through client() with options(); this panel only shows.
class RequestPanel : public QWidget
{
    Q_OBJECT
public:
    explicit RequestPanel(QWidget *parent = nullptr);
    ~RequestPanel() override;

    // The connection's requests; the panel follows them (not owned).
    void setClient(RequestClient *client);
    RequestClient *client() const;

    RequestOptions options() const;
    void setOptions(const RequestOptions &options);
    // 3.1.1 has no Correlation Data: the payload field is then asked for first.
    void setMqtt5(bool mqtt5);

    // Selects the request (e.g. the one just sent) and shows it with its reply.
    void showRequest(quint64 id);

    QTableView *table() const { return m_table; }
    QPlainTextEdit *requestView() const { return m_request; }
    QPlainTextEdit *replyView() const { return m_reply; }
    QLabel *summary() const { return m_summary; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void showSelected();

    QPointer<RequestClient> m_client;
    RequestListModel *m_model = nullptr;
    QLineEdit *m_responseTopic = nullptr;
    QLineEdit *m_correlation = nullptr;
    QLineEdit *m_correlationField = nullptr;
    QSpinBox *m_timeout = nullptr;
    QTableView *m_table = nullptr;
    QLabel *m_summary = nullptr;
    QPlainTextEdit *m_request = nullptr;
    QPlainTextEdit *m_reply = nullptr;
    quint64 m_shown = 0;
    bool m_mqtt5 = true;
    Retranslator m_texts;
};

} // namespace mqttdesk
