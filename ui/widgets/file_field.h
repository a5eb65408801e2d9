#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;
class QToolButton;

namespace mqttdesk {

// A path to one file: typed, picked with a file dialog, or dropped on it.
// Below it, a line says what the file is (or what is wrong with it).
class FileField : public QWidget
{
    Q_OBJECT
public:
    enum class State
    {
        Empty,
        Ok,
        Warning,
        Error,
    };

    explicit FileField(QWidget *parent = nullptr);

    QString path() const;
    void setPath(const QString &path); // does not emit pathChosen
    // As if the user had picked `path`: sets it and emits pathChosen.
    void choose(const QString &path);
    void setNameFilter(const QString &filter) { m_filter = filter; }
    void setDialogTitle(const QString &title) { m_title = title; }
    void setPlaceholderText(const QString &text);
    // Browse picks a file to write (it need not exist yet) instead of one to read.
    void setSaveMode(bool save) { m_save = save; }

    void setReport(State state, const QString &text);
    State state() const { return m_state; }
    QString reportText() const;
    QLineEdit *lineEdit() const { return m_edit; }
    QToolButton *browseButton() const { return m_browse; }

Q_SIGNALS:
    void pathChosen(const QString &path);

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void browse();
    void retranslate();

    QLineEdit *m_edit;
    QToolButton *m_browse;
    QLabel *m_report;
    QString m_filter;
    QString m_title;
    QString m_lastChosen;
    State m_state = State::Empty;
    bool m_save = false;
};

} // namespace mqttdesk
