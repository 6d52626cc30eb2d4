// TestServer: spawns marquee-server against a throwaway database and waits for its port file.
#include "test_server.hpp"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QFile>
#include <QRandomGenerator>

namespace marquee::testing {
namespace {
constexpr int kStartTimeoutMs = 60'000;

QString runPsql(const QString& conninfo, const QString& sql, QString* error) {
    QProcess psql;
    psql.start(QStringLiteral("psql"), {QStringLiteral("-d"), conninfo, QStringLiteral("-v"),
                                        QStringLiteral("ON_ERROR_STOP=1"), QStringLiteral("-qAt"),
                                        QStringLiteral("-F"), QStringLiteral("|"), QStringLiteral("-c"), sql});
    if (!psql.waitForFinished(60'000) || psql.exitStatus() != QProcess::NormalExit || psql.exitCode() != 0) {
        if (error) *error = QString::fromUtf8(psql.readAllStandardError());
        return {};
    }
    return QString::fromUtf8(psql.readAllStandardOutput());
}
} // namespace

TestServer::TestServer() = default;

TestServer::~TestServer() {
    stop();
    if (!m_databaseName.isEmpty() && m_ownsDatabase)
        runPsql(clusterUrl(), QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(m_databaseName), nullptr);
}

QString TestServer::serverBinary() { return QStringLiteral(MARQUEE_SERVER_BINARY); }

QString TestServer::clusterUrl() {
    QFile file(qEnvironmentVariable("MARQUEE_TEST_PG_DIR") + QStringLiteral("/url"));
    if (!file.open(QIODevice::ReadOnly)) return {};
    return QString::fromUtf8(file.readAll()).trimmed();
}

QString TestServer::databaseUrl() const {
    QString url = clusterUrl();
    url.replace(QStringLiteral("dbname=postgres"), QStringLiteral("dbname=") + m_databaseName);
    return url;
}

bool TestServer::createDatabase(QString* error) {
    if (!m_databaseName.isEmpty()) return true;
    if (clusterUrl().isEmpty()) {
        if (error) *error = QStringLiteral("no test PostgreSQL cluster (MARQUEE_TEST_PG_DIR/url missing)");
        return false;
    }
    m_databaseName = QStringLiteral("mq_test_%1_%2")
                         .arg(QCoreApplication::applicationPid())
                         .arg(QRandomGenerator::global()->generate());
    QString psqlError;
    runPsql(clusterUrl(), QStringLiteral("CREATE DATABASE %1").arg(m_databaseName), &psqlError);
    if (!psqlError.isEmpty()) {
        if (error) *error = QStringLiteral("CREATE DATABASE failed: ") + psqlError;
        m_databaseName.clear();
        return false;
    }
    return true;
}

bool TestServer::start(QString* error, const QStringList& extraArgs) {
    m_extraArgs = extraArgs;
    return createDatabase(error) && launch(error);
}

bool TestServer::startSharing(const TestServer& other, QString* error, const QStringList& extraArgs) {
    m_extraArgs = extraArgs;
    m_databaseName = other.m_databaseName;
    m_ownsDatabase = false;
    return launch(error);
}

bool TestServer::restart(QString* error) {
    stop();
    return launch(error);
}

bool TestServer::launch(QString* error) {
    if (!m_dir.isValid()) {
        if (error) *error = QStringLiteral("no temporary directory");
        return false;
    }
    const QString portFile = m_dir.filePath(QStringLiteral("port"));
    QFile::remove(portFile);
    m_process = std::make_unique<QProcess>();
    m_process->setProcessChannelMode(QProcess::SeparateChannels);
    QStringList args{QStringLiteral("serve"),
                     QStringLiteral("--database-url"), databaseUrl(),
                     QStringLiteral("--listen"), QStringLiteral("127.0.0.1:%1").arg(m_port),
                     QStringLiteral("--port-file"), portFile,
                     QStringLiteral("--log-level"), QStringLiteral("warn")};
    args += m_extraArgs;
    m_process->start(serverBinary(), args);
    if (!m_process->waitForStarted(10'000)) {
        if (error) *error = QStringLiteral("cannot start ") + serverBinary() + QStringLiteral(": ") + m_process->errorString();
        return false;
    }
    // Readiness is the port file, written after the listener is bound and the server is ready.
    const QDeadlineTimer deadline(kStartTimeoutMs);
    while (!deadline.hasExpired()) {
        QFile file(portFile);
        if (file.open(QIODevice::ReadOnly)) {
            bool ok = false;
            const auto port = QString::fromUtf8(file.readAll()).trimmed().toUShort(&ok);
            if (ok && port != 0) {
                m_port = port;
                return true;
            }
        }
        if (m_process->state() == QProcess::NotRunning) break;
        m_process->waitForReadyRead(50); // wakes early on log output
        m_log += QString::fromUtf8(m_process->readAllStandardError());
    }
    m_log += QString::fromUtf8(m_process->readAllStandardError());
    if (error) *error = QStringLiteral("server did not become ready; log:\n") + m_log;
    kill();
    return false;
}

void TestServer::kill() {
    if (!m_process) return;
    if (m_process->state() != QProcess::NotRunning) {
        m_process->kill();
        m_process->waitForFinished(10'000);
    }
    m_log += QString::fromUtf8(m_process->readAllStandardError());
}

bool TestServer::stop() {
    if (!m_process || m_process->state() == QProcess::NotRunning) return true;
    m_process->terminate();
    const bool finished = m_process->waitForFinished(20'000);
    if (!finished) kill();
    m_log += QString::fromUtf8(m_process->readAllStandardError());
    return finished && m_process->exitStatus() == QProcess::NormalExit;
}

qint64 TestServer::processId() const { return m_process ? m_process->processId() : 0; }

bool TestServer::isRunning() const { return m_process && m_process->state() == QProcess::Running; }

QUrl TestServer::wsUrl() const { return QUrl(QStringLiteral("ws://127.0.0.1:%1/v1/ws").arg(m_port)); }

QUrl TestServer::httpUrl(const QString& path) const {
    return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_port).arg(path));
}

QString TestServer::serverLog() const {
    if (m_process) m_log += QString::fromUtf8(m_process->readAllStandardError());
    return m_log;
}

bool TestServer::createUser(const QString& email, const QString& password, const QString& role) {
    QString error;
    if (!createDatabase(&error)) return false;
    QProcess proc;
    proc.start(serverBinary(), {QStringLiteral("create-user"), QStringLiteral("--database-url"), databaseUrl(),
                                QStringLiteral("--email"), email, QStringLiteral("--role"), role,
                                QStringLiteral("--log-level"), QStringLiteral("warn")});
    if (!proc.waitForStarted(10'000)) return false;
    proc.write(password.toUtf8() + '\n');
    proc.closeWriteChannel();
    if (!proc.waitForFinished(60'000)) return false;
    if (proc.exitCode() != 0) m_log += QString::fromUtf8(proc.readAllStandardError());
    return proc.exitStatus() == QProcess::NormalExit && proc.exitCode() == 0;
}

QStringList TestServer::query(const QString& sql, QString* error) const {
    QString psqlError;
    const QString out = runPsql(databaseUrl(), sql, &psqlError);
    if (error) *error = psqlError;
    return out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}

} // namespace marquee::testing
