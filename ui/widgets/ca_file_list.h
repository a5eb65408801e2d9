#pragma once

#include <QStringList>
#include <QWidget>

class QLabel;
class QListWidget;
class QToolButton;

namespace mqttdesk {

// The CA certificate files of a profile: added with a file dialog or by
// dropping files; each one is checked when added and shows what it holds.
class CaFileList : public QWidget
{
    Q_OBJECT
public:
    explicit CaFileList(QWidget *parent = nullptr);

    QStringList files() const;
    void setFiles(const QStringList &files);
    void addFiles(const QStringList &files);
    // The first problem of any file (a file that is not a certificate), or "".
    QString firstError() const;
    QString reportText() const;
    QListWidget *list() const { return m_list; }
    QToolButton *addButton() const { return m_add; }
    QToolButton *removeButton() const { return m_remove; }

Q_SIGNALS:
    void changed();

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void append(const QString &path);
    void updateReport();
    void retranslate();

    QListWidget *m_list;
    QToolButton *m_add;
    QToolButton *m_remove;
    QLabel *m_report;
};

} // namespace mqttdesk
