// Runs a private PostgreSQL from the Debian install for `serve` without --database-url:
// initdb on first use, a unix socket inside the data directory, no TCP, and the
// unprivileged "postgres" user when started as root.
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
    ~EmbeddedPostgres(); // stops the cluster if this object started it

    // Initialises (first run) and starts the cluster, or reuses one already running from
    // this directory. Waits until it accepts connections. Creates database "marquee".
    void start();
    void stop();

    // libpq connection string for database "marquee".
    std::string connectionString() const;

    // $XDG_DATA_HOME/marquee-server (or ~/.local/share/marquee-server); /var/lib/marquee-server as root.
    static std::filesystem::path defaultDataDir();

private:
    std::filesystem::path m_dataDir;
    bool m_startedByUs = false;
};

} // namespace marquee::server::db
