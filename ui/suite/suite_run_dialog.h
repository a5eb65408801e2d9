#pragma once

#include "core/connection/connection_settings.h"
#include "core/suite/suite.h"
#include "core/suite/suite_result.h"
#include "ui/i18n/retranslator.h"
#include "ui/suite/suite_profile_resolver.h"

#include <QDialog>

#include <memory>

class QCheckBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTreeWidget;
class QTreeWidgetItem;

namespace mqttdesk {

class FileField;
class SuiteRunner;

// Connection > Run test suite…: opens a suite file (docs/test-suites.md, the one
// mqttdesk-cli test runs), runs it with core/suite's SuiteRunner, by default against the shown
// connection's broker (its address, transport, TLS and credentials replace those of the
// suite's inline connections), and shows pass/fail per test and per step as they finish; the
// selected step's details (what was expected, the messages matched or received instead)
// below. The result can be saved as JUnit XML. The suite's "profile" connections are the app's
// saved connections of those names, with their secrets, through a SuiteProfileResolver.
class SuiteRunDialog : public QDialog
{
    Q_OBJECT
public:
    SuiteRunDialog(const ConnectionSettings &connection, const QString &connectionName,
                   QWidget *parent = nullptr);
    ~SuiteRunDialog() override;

    // Parses `path` and starts it; false (with the reason in the status line) when the file
    // is not a valid suite.
    bool run(const QString &path);
    // Resolving the suite's saved connections, or running it.
    bool isRunning() const;
    // Where the suite's "profile" connections come from (not owned; outlives the dialog).
    // Without one, a suite naming a saved connection fails that connection's steps.
    void setProfileResolver(SuiteProfileResolver *resolver);
    QTreeWidget *resultsView() const { return m_results; }
    QPlainTextEdit *detailsView() const { return m_details; }
    QPushButton *runButton() const { return m_run; }
    QPushButton *junitButton() const { return m_junit; }
    QCheckBox *useConnectionBox() const { return m_useConnection; }
    FileField *fileField() const { return m_file; }
    QString statusText() const;
    const SuiteResult &result() const { return m_result; }

signals:
    void runFinished(const mqttdesk::SuiteResult &result);

protected:
    void changeEvent(QEvent *event) override;

private:
    void start(Suite suite, const QString &path,
               const QHash<QString, SuiteProfileResolver::Resolved> &profiles);
    void cancelResolving();
    void onStep(const SuiteStepResult &step);
    void onTest(const SuiteTestResult &test);
    void onFinished(const SuiteResult &result);
    void showDetails();
    void exportJUnit();
    void updateButtons();
    QTreeWidgetItem *testItem(int test) const;

    ConnectionSettings m_connection;
    QString m_connectionName;
    std::unique_ptr<SuiteRunner> m_runner;
    SuiteResult m_result;
    bool m_hasResult = false;
    SuiteProfileResolver *m_profileResolver = nullptr;
    bool m_resolving = false;
    int m_resolveGeneration = 0;
    Retranslator m_texts;

    FileField *m_file;
    QCheckBox *m_useConnection;
    QTreeWidget *m_results;
    QLabel *m_detailsLabel;
    QPlainTextEdit *m_details;
    QLabel *m_status;
    QPushButton *m_run;
    QPushButton *m_junit;
    QPushButton *m_close;
};

} // namespace mqttdesk
