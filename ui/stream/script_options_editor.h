#pragma once

#include "ui/i18n/retranslator.h"

#include <QJsonObject>
#include <QWidget>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;

namespace mqttdesk {

// The settings of the "Script (JavaScript)" decoder in a decoding rule: the script (a
// monospace code editor; Tab moves the focus, so indent with spaces), its time limit, and a
// Test with a sample topic and payload. Test renders the sample with the script decoder on a
// pool thread, never here, and shows what the stream would show: the result, or the error
// with its line ("Script error at line 3: Error: boom").
class ScriptOptionsEditor : public QWidget
{
    Q_OBJECT
public:
    explicit ScriptOptionsEditor(QWidget *parent = nullptr);

    // The decoder's options: {"script": ..., "timeLimitMs": ...}.
    QJsonObject options() const;
    void setOptions(const QJsonObject &options);
    QString script() const;

    // Runs the script on the sample off the GUI thread; tested() follows.
    void test();
    // The last test's text (the result or the error) and whether it failed.
    QString testResult() const;
    bool testFailed() const { return m_failed; }

    QPlainTextEdit *codeEditor() const { return m_code; }
    QPushButton *testButton() const { return m_test; }

signals:
    // The user changed the script or its limit (not setOptions()).
    void edited();
    // A test's result is shown.
    void tested();

protected:
    void changeEvent(QEvent *event) override;

private:
    void showResult(const QString &text, bool failed);

    QPlainTextEdit *m_code = nullptr;
    QSpinBox *m_timeLimit = nullptr;
    QLineEdit *m_sampleTopic = nullptr;
    QLineEdit *m_sample = nullptr;
    QPushButton *m_test = nullptr;
    QLabel *m_result = nullptr;
    QJsonObject m_extra; // options this editor does not show (memoryLimitMB), kept as they are
    quint64 m_generation = 0;
    bool m_failed = false;
    bool m_setting = false;
    Retranslator m_texts;
};

} // namespace mqttdesk
