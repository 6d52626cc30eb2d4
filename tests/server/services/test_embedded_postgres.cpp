// EmbeddedPostgres: initdb + start in a fresh directory, connect, stop, restart reuses the
// data; a second instance on a data directory in use is refused; an interrupted first
// initialisation is redone; a symlink at the short socket directory is refused; nothing is
// left behind outside the (temporary) data directory.
#include "db/embedded_postgres.hpp"
#include "db/migrations.hpp"

#include <QtTest>

#include <pqxx/pqxx>

#include <fstream>
#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

using marquee::server::db::EmbeddedPostgres;
using marquee::server::db::EmbeddedPostgresError;

namespace {

// Under /tmp and o+x: the postgres user must be able to reach it when we run as root.
// Removed (with the cluster's files) when the test ends.
std::unique_ptr<QTemporaryDir> reachableTempDir() {
    auto dir = std::make_unique<QTemporaryDir>(QStringLiteral("/tmp/marquee-embedded-XXXXXX"));
    QFile::setPermissions(dir->path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner |
                                           QFileDevice::ExeGroup | QFileDevice::ExeOther);
    return dir;
}

// The socket directory named in the connection string: host='...'.
std::filesystem::path socketDirOf(const EmbeddedPostgres& pg) {
    const auto conn = pg.connectionString();
    const auto start = conn.find("host='") + 6;
    return conn.substr(start, conn.find('\'', start) - start);
}

std::string readFile(const std::filesystem::path& path) {
    std::ifstream in(path);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

} // namespace

class TestEmbeddedPostgres : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() {
        if (!QDir(QStringLiteral("/usr/lib/postgresql")).exists()) QSKIP("PostgreSQL server binaries are not installed");
        if (::geteuid() == 0 && ::getpwnam("postgres") == nullptr) QSKIP("root without a postgres user");
    }

    void startStopRestart() {
        const auto dir = reachableTempDir();
        QVERIFY(dir->isValid());
        const std::filesystem::path dataDir = dir->path().toStdString() + "/cluster";
        {
            EmbeddedPostgres pg(dataDir);
            pg.start();
            pqxx::connection conn(pg.connectionString());
            QCOMPARE(std::string(conn.dbname()), std::string("marquee"));
            pqxx::work tx(conn);
            tx.exec0("CREATE TABLE kept (x int)");
            tx.exec0("INSERT INTO kept VALUES (42)");
            tx.commit();

            // TCP is refused by pg_hba.conf from initdb on, not only by listen_addresses.
            const auto hba = readFile(dataDir / "data" / "pg_hba.conf");
            QVERIFY(hba.find("reject") != std::string::npos);
            QVERIFY(!std::filesystem::exists(dataDir / "data.tmp"));

            // A second instance on the same directory is refused while this one holds it...
            EmbeddedPostgres again(dataDir);
            try {
                again.start();
                QFAIL("two instances shared one data directory");
            } catch (const EmbeddedPostgresError& e) {
                QVERIFY2(QString::fromUtf8(e.what()).contains(QStringLiteral("is in use by another marquee-server (pid ")),
                         e.what());
            }
            // ...and its failure did not disturb the running cluster.
            pqxx::read_transaction rtx(conn);
            QCOMPARE(rtx.exec1("SELECT count(*) FROM kept")[0].as<int>(), 1);
        } // destructor stops the cluster we started and releases the directory
        QVERIFY(!QFile::exists(QString::fromStdString((dataDir / "data" / "postmaster.pid").string())));

        EmbeddedPostgres restarted(dataDir);
        restarted.start();
        pqxx::connection conn(restarted.connectionString());
        pqxx::read_transaction tx(conn);
        QCOMPARE(tx.exec1("SELECT x FROM kept")[0].as<int>(), 42);
        tx.abort();
        // The built-in migrations run here, extensions included (search: pg_trgm, unaccent,
        // fuzzystrmatch).
        marquee::server::db::migrate(conn, marquee::server::db::builtinMigrations());
        pqxx::read_transaction check(conn);
        QCOMPARE(check.exec1("SELECT search_fold('Théâtre Müller')")[0].as<std::string>(), std::string("theatre muller"));
        QCOMPARE(check.exec1("SELECT levenshtein('festvial', 'festival')")[0].as<int>(), 2);
        check.abort();
        restarted.stop();
    }

    // A first start that died during initdb left data.tmp behind: the next start throws it
    // away and initialises again.
    void interruptedInitialisationIsRedone() {
        const auto dir = reachableTempDir();
        const std::filesystem::path dataDir = dir->path().toStdString() + "/cluster";
        std::filesystem::create_directories(dataDir / "data.tmp");
        std::ofstream(dataDir / "data.tmp" / "PG_VERSION") << "half\n";
        EmbeddedPostgres pg(dataDir);
        pg.start();
        pqxx::connection conn(pg.connectionString());
        QVERIFY(conn.is_open());
        QVERIFY(!std::filesystem::exists(dataDir / "data.tmp"));
        pg.stop();
    }

    void longPathsUseAShortSocketDirectory() {
        const auto dir = reachableTempDir();
        const std::filesystem::path dataDir =
            dir->path().toStdString() + "/" + std::string(60, 'd') + "/" + std::string(60, 'e');
        EmbeddedPostgres pg(dataDir);
        QVERIFY(pg.connectionString().find(std::string(60, 'e')) == std::string::npos);
        const auto socketDir = socketDirOf(pg);
        pg.start();
        pqxx::connection conn(pg.connectionString());
        QVERIFY(conn.is_open());
        struct stat st {};
        QCOMPARE(::lstat(socketDir.c_str(), &st), 0);
        QVERIFY(S_ISDIR(st.st_mode));
        QCOMPARE(st.st_mode & 077, 0U); // private to the cluster's user
        pg.stop();
        QVERIFY(!std::filesystem::exists(socketDir)); // not left behind
    }

    // Someone else put a symlink where the short socket directory goes: refused, and the
    // symlink's target is not touched.
    void symlinkedSocketDirectoryIsRefused() {
        const auto dir = reachableTempDir();
        const std::filesystem::path dataDir = dir->path().toStdString() + "/" + std::string(110, 's');
        EmbeddedPostgres pg(dataDir);
        const auto socketDir = socketDirOf(pg);
        QVERIFY(socketDir.string().find(std::string(110, 's')) == std::string::npos);
        std::filesystem::create_directories(socketDir.parent_path());
        const auto target = std::filesystem::path(dir->path().toStdString()) / "elsewhere";
        std::filesystem::create_directory(target);
        std::filesystem::permissions(target, std::filesystem::perms::all);
        std::filesystem::create_directory_symlink(target, socketDir);
        try {
            pg.start();
            std::filesystem::remove(socketDir);
            QFAIL("a symlinked socket directory was accepted");
        } catch (const EmbeddedPostgresError& e) {
            std::filesystem::remove(socketDir);
            QVERIFY2(QString::fromUtf8(e.what()).contains(QStringLiteral("refusing to use")), e.what());
        }
        QCOMPARE(std::filesystem::status(target).permissions(), std::filesystem::perms::all);
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
