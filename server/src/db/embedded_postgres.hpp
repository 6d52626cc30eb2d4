// Runs a private PostgreSQL from the Debian install for `serve` without --database-url:
// initdb on first use, no TCP, a unix socket in the data directory (or, when that path is
// too long for a socket, in a private directory under /run/marquee-server, $XDG_RUNTIME_DIR
// or /tmp), the unprivileged "postgres" user when started as root, and an exclusive lock on
// the data directory for as long as this object lives.
#pragma once

#include <filesystem>
#include <stdexcept>
#include <string>

namespace marquee::server::db {

// Thrown with a message meant for the operator ("PostgreSQL is not installed: ...").
struct EmbeddedPostgresError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

class EmbeddedPostgres {
public:
    explicit EmbeddedPostgres(std::filesystem::path dataDir);
    ~EmbeddedPostgres(); // stops the cluster if this object started it, then unlocks
    EmbeddedPostgres(const EmbeddedPostgres&) = delete;
    EmbeddedPostgres& operator=(const EmbeddedPostgres&) = delete;

    // Locks the data directory (throws EmbeddedPostgresError naming the holder when another
    // process has it), initialises the cluster on first use and starts it, or reuses one
    // left running from this directory (by a server that died). Waits until it accepts
    // connections. Creates database "marquee".
    void start();
    void stop();

    // libpq connection string for database "marquee".
    std::string connectionString() const;

    // $XDG_DATA_HOME/marquee-server (or ~/.local/share/marquee-server); /var/lib/marquee-server as root.
    static std::filesystem::path defaultDataDir();

private:
    void lockDataDir();
    void initialise(const std::filesystem::path& bin, const std::filesystem::path& data,
                    const std::filesystem::path& logFile);

    std::filesystem::path m_dataDir;
    bool m_startedByUs = false;
    int m_lockFd = -1; // flock on <dataDir>/marquee.lock, held until destruction
};

} // namespace marquee::server::db
