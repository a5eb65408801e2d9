// mqttdesk-bench-bare-window: the reference of scripts/bench-startup (never run by ctest).
// A plain QMainWindow shaped like the app's (menu bar, tool bar, a list of 20 connections,
// a list of 50 message lines, a status bar), measured by the same StartupReport: what Qt
// alone costs to start and paint such a window on this machine and platform, and its idle
// memory. Nothing of MQTT Desk runs in it.
#include "ui/mainwindow/startup_report.h"

#include <QApplication>
#include <QListWidget>
#include <QMainWindow>
#include <QMenuBar>
#include <QSplitter>
#include <QStatusBar>
#include <QToolBar>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QMainWindow window;
    for (const char *menu : {"File", "Edit", "View", "Connection", "Tools", "Help"}) {
        QMenu *m = window.menuBar()->addMenu(QString::fromLatin1(menu));
        for (int i = 0; i < 8; ++i)
            m->addAction(QStringLiteral("Action %1").arg(i));
    }
    QToolBar *tools = window.addToolBar(QStringLiteral("Main"));
    for (int i = 0; i < 8; ++i)
        tools->addAction(QStringLiteral("Tool %1").arg(i));
    auto *splitter = new QSplitter(&window);
    auto *connections = new QListWidget(splitter);
    for (int i = 0; i < 20; ++i)
        connections->addItem(QStringLiteral("Broker %1  127.0.0.1:%2").arg(i + 1).arg(20000 + i));
    auto *stream = new QListWidget(splitter);
    for (int i = 0; i < 50; ++i) {
        stream->addItem(
            QStringLiteral("plant/line-%1/station-%2/status  reading %3 temperature=21.5 unit=C")
                .arg(i % 7)
                .arg(i % 13)
                .arg(i));
    }
    splitter->setStretchFactor(1, 3);
    window.setCentralWidget(splitter);
    window.statusBar()->showMessage(QStringLiteral("Ready"));
    mqttdesk::StartupReport report(&window, {}, 3000);
    QObject::connect(&report, &mqttdesk::StartupReport::finished, &app,
                     [](const QJsonObject &figures) {
                         mqttdesk::StartupReport::writeLine(figures);
                         QApplication::exit(0);
                     });
    window.resize(1280, 800);
    window.show();
    return app.exec();
}
