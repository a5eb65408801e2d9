#pragma once

#include <QMainWindow>

namespace mqttdesk {

// The application's main window.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
};

} // namespace mqttdesk
