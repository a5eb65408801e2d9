#pragma once

#include "core/inspector/payload_diff.h"
#include "ui/i18n/retranslator.h"
#include "ui/widgets/worker_job.h"

#include <QDialog>
#include <QJsonObject>
#include <QPointer>

class QComboBox;
class QLabel;
class QPushButton;
class QTableView;
class QThread;

namespace mqttdesk {

class DiffModel;

// Two stored messages side by side: JSON (and what decoders render as JSON) key by key,
// text line by line, anything else byte by byte (PayloadDiff). The comparison runs on a
// worker thread; the table is virtual, so a 100 MB hex diff opens as fast as a small one.
// F7 and Shift+F7 step through the differences.
class PayloadDiffDialog : public QDialog
{
    Q_OBJECT
public:
    // The titles name each message (topic and time); both payloads are shown with the same
    // decoder (a DecoderRegistry id, "auto" to detect each) and decoder options (a decoding
    // rule's).
    PayloadDiffDialog(const QString &leftTitle, const QByteArray &leftPayload,
                      const QString &rightTitle, const QByteArray &rightPayload,
                      const QString &decoder = QStringLiteral("auto"),
                      const QJsonObject &decoderOptions = {}, QWidget *parent = nullptr);
    ~PayloadDiffDialog() override;

    DiffModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    // The mode shown (Auto while the first comparison runs).
    PayloadDiffMode mode() const;
    bool isComparing() const { return m_comparing; }
    // Compares again in `mode` (Auto: the best that applies); compared() says when shown.
    void setMode(PayloadDiffMode mode);

public slots:
    // Selects the first row of the next / previous run of differences; false when none.
    bool nextDifference();
    bool previousDifference();

signals:
    void compared();

protected:
    void changeEvent(QEvent *event) override;

private:
    void start(PayloadDiffMode mode);
    void onCompared(quint64 generation, PayloadDiffResult result);
    void updateModeChoices();
    void updateTexts();
    void layOutColumns();
    bool goTo(int row);

    PayloadDiffSide m_left;
    PayloadDiffSide m_right;
    quint64 m_generation = 0;
    bool m_comparing = false;
    WorkerJob m_worker;
    DiffModel *m_model = nullptr;
    QTableView *m_view = nullptr;
    QComboBox *m_modeBox = nullptr;
    QLabel *m_summary = nullptr;
    QLabel *m_errors = nullptr;
    QPushButton *m_previous = nullptr;
    QPushButton *m_next = nullptr;
    Retranslator m_texts;
};

} // namespace mqttdesk
