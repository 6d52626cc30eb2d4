// EmbeddedPostgres: drives initdb / pg_ctl from the Debian packages with posix_spawn (no
// shell, so paths need no quoting), as the "postgres" user when we are root.
#include "db/embedded_postgres.hpp"

#include "common/digest.hpp"
#include "common/log.hpp"

#include <pqxx/pqxx>

#include <fcntl.h>
#include <grp.h>
#include <pwd.h>
#include <spawn.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <array>
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

// The socket lives in the data directory (the parent of data/) unless that path is too long
// for a unix socket; then in a private directory named after a hash of the data directory:
// under /run/marquee-server as root, under $XDG_RUNTIME_DIR (the user's own 0700 directory)
// otherwise, and under /tmp, with our uid in the name, only when neither exists.
fs::path socketDirFor(const fs::path& dir) {
    const auto socketFile = ".s.PGSQL." + std::to_string(kPort);
    if ((dir / socketFile).string().size() <= kMaxSocketPath) return dir;
    const auto hash = sha256Hex(dir.string()).substr(0, 16); // stable across builds, unlike std::hash
    if (isRoot()) return fs::path("/run/marquee-server") / ("pg-" + hash);
    std::error_code ec;
    if (const char* xdg = std::getenv("XDG_RUNTIME_DIR"); xdg != nullptr && *xdg == '/' && fs::is_directory(xdg, ec))
        return fs::path(xdg) / ("marquee-pg-" + hash);
    return fs::path("/tmp") / ("marquee-pg-" + std::to_string(::geteuid()) + "-" + hash);
}

// Closes a file descriptor on scope exit.
struct Fd {
    int fd = -1;
    ~Fd() {
        if (fd >= 0) ::close(fd);
    }
};

// Creates `dir` (mode `mode`) or accepts an existing one only if it is a real directory
// (not a symlink: O_NOFOLLOW) owned by `owner` or by us (we may have died before handing it
// over) with no write access for anyone else; then sets owner and mode through the open
// descriptor, so nothing can be swapped in between the check and the change. In a shared
// directory such as /tmp this stops another user from pre-creating the path, or a symlink
// at it, to capture or redirect the socket.
void ensureSafeDir(const fs::path& dir, uid_t owner, gid_t group, mode_t mode) {
    if (::mkdir(dir.c_str(), mode) != 0 && errno != EEXIST)
        throw EmbeddedPostgresError("cannot create " + dir.string() + ": " + std::strerror(errno));
    Fd handle{::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)};
    if (handle.fd < 0)
        throw EmbeddedPostgresError("refusing to use " + dir.string() + ": not a directory we can open (" +
                                    std::strerror(errno) + "; a symlink is not accepted)");
    struct stat st {};
    if (::fstat(handle.fd, &st) != 0)
        throw EmbeddedPostgresError("cannot inspect " + dir.string() + ": " + std::strerror(errno));
    const mode_t foreignWrite = (mode & S_IRWXO) != 0 ? (S_IWGRP | S_IWOTH) : (S_IRWXG | S_IRWXO);
    if ((st.st_uid != owner && st.st_uid != ::geteuid()) || (st.st_mode & foreignWrite) != 0)
        throw EmbeddedPostgresError("refusing to use " + dir.string() + ": it belongs to uid " +
                                    std::to_string(st.st_uid) + " with mode " + [&] {
                                        std::ostringstream m;
                                        m << std::oct << (st.st_mode & 07777);
                                        return m.str();
                                    }() + "; remove it or choose another --data-dir");
    if (st.st_uid != owner && ::fchown(handle.fd, owner, group) != 0)
        throw EmbeddedPostgresError("cannot hand " + dir.string() + " to uid " + std::to_string(owner) + ": " +
                                    std::strerror(errno));
    if (::fchmod(handle.fd, mode) != 0)
        throw EmbeddedPostgresError("cannot set the mode of " + dir.string() + ": " + std::strerror(errno));
}

// The short socket directory (see socketDirFor), private to the user PostgreSQL runs as.
void ensureSocketDir(const fs::path& socketDir) {
    const bool root = isRoot();
    const auto pg = root ? postgresUser() : PostgresUser{::geteuid(), ::getegid()};
    // /run/marquee-server: root's, readable by all so postgres can reach its own subdirectory.
    if (root) ensureSafeDir(socketDir.parent_path(), 0, 0, 0755);
    ensureSafeDir(socketDir, pg.uid, pg.gid, 0700);
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
    if (m_lockFd >= 0) ::close(m_lockFd); // releases the data directory
}

// Two servers on one data directory would stop the cluster under each other (whoever started
// it stops it on exit) and fight over marquee.conf. flock is released by the kernel when the
// process dies, so a crash never leaves a stale lock; the descriptor is close-on-exec so the
// PostgreSQL processes we spawn do not inherit it.
void EmbeddedPostgres::lockDataDir() {
    if (m_lockFd >= 0) return;
    const auto path = m_dataDir / "marquee.lock";
    const int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (fd < 0) throw EmbeddedPostgresError("cannot open " + path.string() + ": " + std::strerror(errno));
    if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
        const int error = errno;
        std::array<char, 32> holder{};
        const auto n = ::pread(fd, holder.data(), holder.size() - 1, 0);
        ::close(fd);
        if (error != EWOULDBLOCK)
            throw EmbeddedPostgresError("cannot lock " + path.string() + ": " + std::strerror(error));
        std::string pid(holder.data(), n > 0 ? static_cast<std::size_t>(n) : 0);
        pid.erase(std::remove_if(pid.begin(), pid.end(), [](char c) { return c < '0' || c > '9'; }), pid.end());
        throw EmbeddedPostgresError("the data directory " + m_dataDir.string() + " is in use by another marquee-server" +
                                    (pid.empty() ? std::string() : " (pid " + pid + ")") +
                                    "; stop it, or give this one another --data-dir or its --database-url");
    }
    // The holder's pid, for the message above; the lock itself is what counts.
    const auto pid = std::to_string(::getpid()) + "\n";
    if (::ftruncate(fd, 0) != 0 || ::pwrite(fd, pid.data(), pid.size(), 0) < 0)
        log::warn("cannot record our pid in the data directory lock", {{"error", std::strerror(errno)}});
    m_lockFd = fd;
}

// initdb runs into data.tmp, which is renamed to data only once the cluster is configured:
// an interrupted first start leaves no half-initialised (or half-configured) cluster that a
// later start would take for a good one. Host (TCP) connections are rejected by pg_hba.conf
// from the start, and listen_addresses = '' is in postgresql.conf itself, before marquee.conf.
void EmbeddedPostgres::initialise(const fs::path& bin, const fs::path& data, const fs::path& logFile) {
    const auto staging = m_dataDir / "data.tmp";
    std::error_code ec;
    if (fs::exists(data, ec)) {
        if (!fs::is_empty(data, ec))
            throw EmbeddedPostgresError(data.string() + " exists but is not a PostgreSQL data directory "
                                                        "(no PG_VERSION); move it away");
        fs::remove(data, ec);
    }
    fs::remove_all(staging, ec); // left by an interrupted initialisation
    if (ec) throw EmbeddedPostgresError("cannot remove " + staging.string() + ": " + ec.message());
    log::info("initialising embedded PostgreSQL", {{"data_dir", data.string()}});
    if (run({(bin / "initdb").string(), "-D", staging.string(), "-U", "marquee", "--auth-local=trust",
             "--auth-host=reject", "-E", "UTF8", "--locale=C.UTF-8"},
            logFile) != 0)
        throw EmbeddedPostgresError("initdb failed for " + staging.string() + ":\n" + tail(logFile));
    {
        // Per-start settings live in marquee.conf, so a later start can rewrite them.
        std::ofstream conf(staging / "postgresql.conf", std::ios::app);
        conf << "\nlisten_addresses = ''\ninclude_if_exists = 'marquee.conf'\n";
        conf.close();
        if (!conf) throw EmbeddedPostgresError("cannot write " + (staging / "postgresql.conf").string());
    }
    fs::rename(staging, data, ec);
    if (ec) throw EmbeddedPostgresError("cannot rename " + staging.string() + " to " + data.string() + ": " + ec.message());
}

void EmbeddedPostgres::start() {
    const auto bin = findBinDir();
    const auto data = m_dataDir / "data";
    const auto socketDir = socketDirFor(m_dataDir);
    const auto logFile = m_dataDir / "pg_ctl.log";
    if (isRoot())
        log::warn("running as root: the embedded PostgreSQL runs as the 'postgres' user, but marquee-server keeps "
                  "root's privileges; run it as an unprivileged user where you can");
    checkTraversable(m_dataDir);
    ensureDir(m_dataDir, 0700);
    lockDataDir();
    if (socketDir != m_dataDir) ensureSocketDir(socketDir);

    if (!fs::exists(data / "PG_VERSION")) initialise(bin, data, logFile);

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
    // A short socket directory outside the data directory is empty once PostgreSQL is down
    // (rmdir leaves it alone otherwise); it is made again on the next start.
    if (const auto socketDir = socketDirFor(m_dataDir); socketDir != m_dataDir) ::rmdir(socketDir.c_str());
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
