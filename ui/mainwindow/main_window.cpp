#include "ui/mainwindow/main_window.h"

#include "core/version.h"

#include <QLabel>

namespace mqttdesk {

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
{
    setWindowTitle(tr("MQTT Desk"));
    auto *label =
        new QLabel(tr("MQTT Desk %1 — a native desktop MQTT client").arg(versionString()), this);
    label->setAlignment(Qt::AlignCenter);
    setCentralWidget(label);
    resize(1280, 800);
}

} // namespace mqttdesk
