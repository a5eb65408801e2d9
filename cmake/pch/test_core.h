// Precompiled for every core test (cmake/MqttDesk.cmake, mqttdesk_test_pch): the Qt headers
// that most tests include. Parsing them once instead of in each of some 200 test files is
// most of what CI saves. Only Qt and standard headers: the project's own headers change too
// often to precompile.
#pragma once

#include <QAbstractItemModelTester>
#include <QCborMap>
#include <QCborValue>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSet>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QTimer>
#include <QUuid>

#include <memory>
