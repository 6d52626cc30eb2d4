// Runs the real marquee-server binary for client, end-to-end and benchmark tests: a fresh
// database on the CTest "postgres" fixture cluster, an ephemeral port, crash and restart.
#pragma once

#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <QUrl>

#include <memory>

namespace marquee::testing {

class TestServer {
public:
    TestServer();
    ~TestServer(); // stops the server and drops its database

    TestServer(const TestServer&) = delete;
    TestServer& operator=(const TestServer&) = delete;

    // Creates a fresh database (first call only) and starts the server on a free port.
    // extraArgs go to `serve` (e.g. "--demo"); they are kept for restart().
    bool start(QString* error, const QStringList& extraArgs = {});
    // Starts a second instance on `other`'s database (started first; it keeps owning the database).
    bool startSharing(const TestServer& other, QString* error, const QStringList& extraArgs = {});
    // SIGKILL: a crash, no graceful shutdown.
    void kill();
    // SIGTERM and wait: the graceful path.
    bool stop();
    // Starts again on the same port and database.
    bool restart(QString* error);
    bool isRunning() const;
    qint64 processId() const; // the server process (0 when not running)

    quint16 port() const { return m_port; }
    QUrl wsUrl() const;
    QUrl httpUrl(const QString& path) const;
    QString databaseUrl() const; // libpq connection string of this server's database
    QString serverLog() const;   // what the server wrote to stderr so far

    // Runs `marquee-server create-user` with the password on stdin.
    bool createUser(const QString& email, const QString& password, const QString& role);
    // Runs SQL through psql on this server's database; one string per row, columns joined by '|'.
    QStringList query(const QString& sql, QString* error = nullptr) const;

    static QString serverBinary();
    // libpq connection string of the fixture cluster's maintenance database, or empty.
    static QString clusterUrl();

private:
    bool createDatabase(QString* error);
    bool launch(QString* error);

    QString m_databaseName;
    bool m_ownsDatabase = true;
    quint16 m_port = 0;
    QStringList m_extraArgs;
    std::unique_ptr<QProcess> m_process;
    QTemporaryDir m_dir;
    mutable QString m_log;
};

} // namespace marquee::testing
