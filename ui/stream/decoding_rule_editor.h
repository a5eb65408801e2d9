#pragma once

#include "core/payload/decoding_rules.h"
#include "ui/i18n/retranslator.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QSpinBox;
class QStackedWidget;

namespace mqttdesk {

class ScriptOptionsEditor;

// One decoding rule's fields: the topic filter, the decoder, and the decoder's own
// settings where it has some: for Protobuf the .proto files, the folders their imports are
// found in and the message type (chosen from the types the files declare, which are read
// off the GUI thread); for numeric arrays the number type, byte order and header to skip;
// for a script (JavaScript) its code, time limit and a test on a sample payload
// (ScriptOptionsEditor).
// Problems (an invalid filter, a .proto file that does not parse, a type the files do not
// declare) are shown under the fields as they are typed.
class DecodingRuleEditor : public QWidget
{
    Q_OBJECT
public:
    explicit DecodingRuleEditor(QWidget *parent = nullptr);

    DecodingRule rule() const;
    void setRule(const DecodingRule &rule);
    // Why the rule cannot be used; empty when it can (schema problems included once the
    // files have been read).
    QString problem() const;
    // The message types the chosen .proto files declare (empty until they are read).
    QStringList messageTypes() const;
    // The script decoder's fields.
    ScriptOptionsEditor *scriptEditor() const { return m_script; }
    // Adds .proto files / import folders as the file dialogs would.
    void addProtoFiles(const QStringList &files);
    void addImportPath(const QString &folder);

signals:
    // The user changed a field (not setRule()).
    void edited();
    // The .proto files were read: the message types are listed (or the problem shown).
    void schemaRead();

protected:
    void changeEvent(QEvent *event) override;

private:
    void onDecoderChanged();
    void readSchema();
    void showProblem();
    void changed();
    void applyProblemColour();

    QLineEdit *m_filter = nullptr;
    QComboBox *m_decoder = nullptr;
    QStackedWidget *m_options = nullptr;
    // Protobuf
    QListWidget *m_files = nullptr;
    QListWidget *m_importPaths = nullptr;
    QPushButton *m_addFile = nullptr;
    QPushButton *m_removeFile = nullptr;
    QPushButton *m_addPath = nullptr;
    QPushButton *m_removePath = nullptr;
    QComboBox *m_type = nullptr;
    QStringList m_types;
    QString m_schemaProblem;
    quint64 m_schemaGeneration = 0;
    // Numeric arrays
    QComboBox *m_numberType = nullptr;
    QComboBox *m_endian = nullptr;
    QSpinBox *m_skip = nullptr;
    // Script
    ScriptOptionsEditor *m_script = nullptr;
    QLabel *m_problem = nullptr;
    bool m_setting = false;
    Retranslator m_texts;
};

} // namespace mqttdesk
