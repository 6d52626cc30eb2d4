// EmbeddedPostgres: initdb + start in a fresh directory, connect, stop, restart reuses the
// data, and a second instance reuses a running cluster without stopping it.
#include "db/embedded_postgres.hpp"

#include <QtTest>

#include <pqxx/pqxx>

#include <pwd.h>
#include <unistd.h>

using marquee::server::db::EmbeddedPostgres;

class TestEmbeddedPostgres : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() {
        if (!QDir(QStringLiteral("/usr/lib/postgresql")).exists()) QSKIP("PostgreSQL server binaries are not installed");
        if (::geteuid() == 0 && ::getpwnam("postgres") == nullptr) QSKIP("root without a postgres user");
    }

    void startStopRestart() {
        // Under /tmp: the postgres user must be able to reach it when we run as root.
        QTemporaryDir dir(QStringLiteral("/tmp/marquee-embedded-XXXXXX"));
        QVERIFY(dir.isValid());
        QFile::setPermissions(dir.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner |
                                              QFileDevice::ExeGroup | QFileDevice::ExeOther);
        const std::filesystem::path dataDir = dir.path().toStdString() + "/cluster";
        {
            EmbeddedPostgres pg(dataDir);
            pg.start();
            pqxx::connection conn(pg.connectionString());
            QCOMPARE(std::string(conn.dbname()), std::string("marquee"));
            pqxx::work tx(conn);
            tx.exec0("CREATE TABLE kept (x int)");
            tx.exec0("INSERT INTO kept VALUES (42)");
            tx.commit();

            // A second instance on the same directory reuses the running cluster...
            {
                EmbeddedPostgres again(dataDir);
                again.start();
                pqxx::connection other(again.connectionString());
                pqxx::read_transaction rtx(other);
                QCOMPARE(rtx.exec1("SELECT x FROM kept")[0].as<int>(), 42);
            }
            // ...and does not stop it when it goes away.
            pqxx::read_transaction rtx(conn);
            QCOMPARE(rtx.exec1("SELECT count(*) FROM kept")[0].as<int>(), 1);
        } // destructor stops the cluster we started
        QVERIFY(!QFile::exists(QString::fromStdString((dataDir / "data" / "postmaster.pid").string())));

        EmbeddedPostgres restarted(dataDir);
        restarted.start();
        pqxx::connection conn(restarted.connectionString());
        pqxx::read_transaction tx(conn);
        QCOMPARE(tx.exec1("SELECT x FROM kept")[0].as<int>(), 42);
        tx.abort();
        restarted.stop();
    }

    void longPathsUseAShortSocketDirectory() {
        QTemporaryDir dir(QStringLiteral("/tmp/marquee-embedded-XXXXXX"));
        QFile::setPermissions(dir.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner |
                                              QFileDevice::ExeGroup | QFileDevice::ExeOther);
        const std::filesystem::path dataDir =
            dir.path().toStdString() + "/" + std::string(60, 'd') + "/" + std::string(60, 'e');
        EmbeddedPostgres pg(dataDir);
        QVERIFY(pg.connectionString().find(std::string(60, 'e')) == std::string::npos);
        pg.start();
        pqxx::connection conn(pg.connectionString());
        QVERIFY(conn.is_open());
        pg.stop();
    }

    void unreachableDirectoryIsExplained() {
        if (::geteuid() != 0) QSKIP("only root hands the cluster to another user");
        QTemporaryDir dir(QStringLiteral("/tmp/marquee-embedded-XXXXXX")); // 0700, owned by root
        EmbeddedPostgres pg(dir.path().toStdString() + "/cluster");
        try {
            pg.start();
            QFAIL("started in a directory the postgres user cannot reach");
        } catch (const marquee::server::db::EmbeddedPostgresError& e) {
            QVERIFY2(QString::fromUtf8(e.what()).contains(QStringLiteral("cannot reach")), e.what());
        }
    }

    void defaultDataDir() {
        const auto path = EmbeddedPostgres::defaultDataDir();
        if (::geteuid() == 0) QCOMPARE(path, std::filesystem::path("/var/lib/marquee-server"));
        else QCOMPARE(path.filename(), std::filesystem::path("marquee-server"));
    }
};

QTEST_GUILESS_MAIN(TestEmbeddedPostgres)
#include "test_embedded_postgres.moc"
