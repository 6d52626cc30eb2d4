// EmbeddedPostgres: drives initdb / pg_ctl from the Debian packages with posix_spawn (no
// shell, so paths need no quoting), as the "postgres" user when we are root.
#include "db/embedded_postgres.hpp"

#include "common/log.hpp"

#include <pqxx/pqxx>

#include <fcntl.h>
#include <grp.h>
#include <pwd.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <functional>
#include <sstream>
#include <system_error>
#include <vector>

extern char** environ;

namespace marquee::server::db {

namespace fs = std::filesystem;

namespace {

constexpr int kPort = 5432;           // only names the socket file: the cluster has no TCP
constexpr std::size_t kMaxSocketPath = 107; // sun_path is 108 bytes including the NUL

fs::path findBinDir() {
    const fs::path root = "/usr/lib/postgresql";
    fs::path best;
    int bestVersion = -1;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(root, ec)) {
        const auto name = entry.path().filename().string();
        int version = 0;
        try {
            version = std::stoi(name);
        } catch (const std::exception&) {
            continue;
        }
        if (version > bestVersion && fs::exists(entry.path() / "bin" / "initdb")) {
            bestVersion = version;
            best = entry.path() / "bin";
        }
    }
    if (best.empty())
        throw EmbeddedPostgresError("PostgreSQL server is not installed (expected /usr/lib/postgresql/<ver>/bin/initdb); "
                                    "run installer/install-deps.sh");
    return best;
}

bool isRoot() { return ::geteuid() == 0; }

struct PostgresUser {
    uid_t uid;
    gid_t gid;
};

PostgresUser postgresUser() {
    const passwd* pw = ::getpwnam("postgres");
    if (pw == nullptr)
        throw EmbeddedPostgresError("running as root needs the 'postgres' system user (PostgreSQL refuses to run as "
                                    "root); install the postgresql package or run as an ordinary user");
    return {pw->pw_uid, pw->pw_gid};
}

// Runs argv (as postgres when root), output appended to `logFile`; returns the exit code.
int run(std::vector<std::string> argv, const fs::path& logFile) {
    if (isRoot()) argv.insert(argv.begin(), {"/usr/sbin/runuser", "-u", "postgres", "--"});
    std::vector<char*> args;
    for (auto& a : argv) args.push_back(a.data());
    args.push_back(nullptr);

    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, logFile.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
    posix_spawn_file_actions_adddup2(&actions, STDOUT_FILENO, STDERR_FILENO);
    pid_t pid = 0;
    const int rc = ::posix_spawn(&pid, args[0], &actions, nullptr, args.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    if (rc != 0) throw EmbeddedPostgresError("could not run " + argv.front() + ": " + std::strerror(rc));
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0)
        if (errno != EINTR) throw EmbeddedPostgresError("waitpid failed: " + std::string(std::strerror(errno)));
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

std::string tail(const fs::path& file) {
    std::ifstream in(file);
    std::stringstream text;
    text << in.rdbuf();
    auto s = text.str();
    return s.size() > 2000 ? s.substr(s.size() - 2000) : s;
}

// The socket lives in the data directory's parent unless that path is too long for a unix
// socket; then in a directory under /tmp named after a hash of the data directory.
fs::path socketDirFor(const fs::path& dir) {
    const auto socketFile = ".s.PGSQL." + std::to_string(kPort);
    if ((dir / socketFile).string().size() <= kMaxSocketPath) return dir;
    const auto hash = std::hash<std::string>{}(dir.string());
    std::ostringstream name;
    name << "/tmp/marquee-pg-" << std::hex << hash;
    return name.str();
}

// Single-quoted value for postgresql.conf.
std::string confQuote(const std::string& value) {
    std::string out = "'";
    for (const char c : value) {
        if (c == '\'') out += "''";
        else out += c;
    }
    return out + "'";
}

// Single-quoted value for a libpq connection string.
std::string connQuote(const std::string& value) {
    std::string out = "'";
    for (const char c : value) {
        if (c == '\'' || c == '\\') out += '\\';
        out += c;
    }
    return out + "'";
}

void ensureDir(const fs::path& dir, mode_t mode) {
    fs::create_directories(dir);
    ::chmod(dir.c_str(), mode);
    if (isRoot()) {
        const auto pg = postgresUser();
        if (::chown(dir.c_str(), pg.uid, pg.gid) != 0)
            throw EmbeddedPostgresError("cannot hand " + dir.string() + " to the postgres user: " + std::strerror(errno));
    }
}

// As root the cluster runs as "postgres", which must be able to walk down to the directory.
void checkTraversable(const fs::path& dir) {
    if (!isRoot()) return;
    const auto pg = postgresUser();
    for (auto p = dir.parent_path(); !p.empty(); p = p.parent_path()) {
        struct stat st {};
        if (::stat(p.c_str(), &st) == 0 && st.st_uid != pg.uid && (st.st_mode & S_IXOTH) == 0)
            throw EmbeddedPostgresError("the postgres user cannot reach " + dir.string() + ": " + p.string() +
                                        " is not searchable by others (chmod o+x, or choose another --data-dir)");
        if (p == p.root_path()) break;
    }
}

} // namespace

EmbeddedPostgres::EmbeddedPostgres(fs::path dataDir) : m_dataDir(fs::absolute(std::move(dataDir))) {}

EmbeddedPostgres::~EmbeddedPostgres() {
    try {
        stop();
    } catch (const std::exception& e) {
        log::warn("embedded PostgreSQL did not stop cleanly", {{"error", e.what()}});
    }
}

void EmbeddedPostgres::start() {
    const auto bin = findBinDir();
    const auto data = m_dataDir / "data";
    const auto socketDir = socketDirFor(m_dataDir);
    const auto logFile = m_dataDir / "pg_ctl.log";
    checkTraversable(m_dataDir);
    ensureDir(m_dataDir, 0700);
    if (socketDir != m_dataDir) ensureDir(socketDir, 0700);

    if (!fs::exists(data / "PG_VERSION")) {
        log::info("initialising embedded PostgreSQL", {{"data_dir", data.string()}});
        if (run({(bin / "initdb").string(), "-D", data.string(), "-U", "marquee", "--auth=trust", "-E", "UTF8",
                 "--locale=C.UTF-8"},
                logFile) != 0)
            throw EmbeddedPostgresError("initdb failed for " + data.string() + ":\n" + tail(logFile));
        // Settings live in their own file so a later start can rewrite them.
        std::ofstream conf(data / "postgresql.conf", std::ios::app);
        conf << "\ninclude_if_exists = 'marquee.conf'\n";
    }

    const bool running = run({(bin / "pg_ctl").string(), "status", "-D", data.string()}, logFile) == 0;
    if (running) {
        log::info("reusing running embedded PostgreSQL", {{"data_dir", data.string()}});
    } else {
        {
            std::ofstream conf(data / "marquee.conf", std::ios::trunc);
            conf << "listen_addresses = ''\n"
                 << "unix_socket_directories = " << confQuote(socketDir.string()) << "\n"
                 << "port = " << kPort << "\n";
        }
        if (isRoot()) {
            const auto pg = postgresUser();
            if (::chown((data / "marquee.conf").c_str(), pg.uid, pg.gid) != 0)
                throw EmbeddedPostgresError("cannot hand marquee.conf to the postgres user");
        }
        if (run({(bin / "pg_ctl").string(), "-D", data.string(), "-l", (m_dataDir / "server.log").string(), "-w", "-t",
                 "60", "start"},
                logFile) != 0)
            throw EmbeddedPostgresError("PostgreSQL did not start from " + data.string() + ":\n" +
                                        tail(m_dataDir / "server.log"));
        m_startedByUs = true;
    }

    const std::string base = "host=" + connQuote(socketDir.string()) + " port=" + std::to_string(kPort) + " user=marquee";
    pqxx::connection admin(base + " dbname=postgres");
    pqxx::nontransaction tx(admin);
    if (tx.exec("SELECT 1 FROM pg_database WHERE datname = 'marquee'").empty()) tx.exec0("CREATE DATABASE marquee");
}

void EmbeddedPostgres::stop() {
    if (!m_startedByUs) return;
    m_startedByUs = false;
    const auto bin = findBinDir();
    if (run({(bin / "pg_ctl").string(), "-D", (m_dataDir / "data").string(), "-m", "fast", "-w", "stop"},
            m_dataDir / "pg_ctl.log") != 0)
        throw EmbeddedPostgresError("pg_ctl stop failed:\n" + tail(m_dataDir / "pg_ctl.log"));
}

std::string EmbeddedPostgres::connectionString() const {
    return "host=" + connQuote(socketDirFor(m_dataDir).string()) + " port=" + std::to_string(kPort) +
           " user=marquee dbname=marquee";
}

fs::path EmbeddedPostgres::defaultDataDir() {
    // root's home is not traversable by the postgres user.
    if (isRoot()) return "/var/lib/marquee-server";
    if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg != nullptr && *xdg != '\0')
        return fs::path(xdg) / "marquee-server";
    if (const char* home = std::getenv("HOME"); home != nullptr && *home != '\0')
        return fs::path(home) / ".local" / "share" / "marquee-server";
    return fs::current_path() / "marquee-server";
}

} // namespace marquee::server::db
