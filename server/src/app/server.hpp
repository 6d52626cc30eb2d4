// The marquee-server process wiring: database (embedded or URL) → migrations → pool → Api
// → demo data → sequencer and stamp listener → session hub → listener, and the graceful stop.
#pragma once

#include "db/migrations.hpp"
#include "mail/mail_outbox.hpp"
#include "mail/mail_worker.hpp"
#include "net/context.hpp"
#include "net/net.hpp"
#include "payments/card_providers.hpp"

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace marquee::server {
class Api;
class PasswordHasher;
namespace db {
class EmbeddedPostgres;
class Pool;
} // namespace db
namespace workers {
class IngestScheduler;
class PeriodicWorker;
class SeatStamper;
class RecommendTrainer;
class SeatListener;
class Sequencer;
class StampListener;
class WaitlistWorker;
class WishlistAlertWorker;
} // namespace workers
namespace orders {
class PaymentRegistry;
} // namespace orders
namespace net {
class Listener;
class Metrics;
class RevocationListener;
class CheckInFeed;
class SeatFeed;
class SessionHub;
} // namespace net
} // namespace marquee::server

namespace marquee::server::app {

// Start-up failed for a reason the operator can act on; what() is the message to show.
struct StartupError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// The database a process talks to: `databaseUrl`, or without one the embedded cluster in
// `dataDir` (default EmbeddedPostgres::defaultDataDir()), started here and stopped by stop()
// or on destruction. Shared by `serve` and the database subcommands. Throws StartupError.
class DatabaseTarget {
public:
    DatabaseTarget(std::string databaseUrl, const std::filesystem::path& dataDir);
    ~DatabaseTarget();
    DatabaseTarget(DatabaseTarget&&) noexcept;
    DatabaseTarget& operator=(DatabaseTarget&&) noexcept;

    const std::string& url() const { return m_url; }
    void stop();

private:
    std::unique_ptr<db::EmbeddedPostgres> m_embedded;
    std::string m_url;
};

// Throws StartupError("cannot connect to the database: ...").
std::unique_ptr<pqxx::connection> connectDatabase(const std::string& url);
// Applies the built-in migrations. Throws StartupError("migration failed: ...", or "lost the
// database connection: ..." when the connection broke).
db::MigrationReport migrateDatabase(pqxx::connection& conn);

struct ServerOptions {
    std::string host = "127.0.0.1";
    unsigned short port = 8080; // 0: pick a free port
    std::string databaseUrl;    // empty: embedded PostgreSQL in dataDir
    std::filesystem::path dataDir; // empty: EmbeddedPostgres::defaultDataDir()
    bool demo = false;
    std::filesystem::path portFile; // written once listening
    unsigned threads = 2;
    unsigned dbWorkers = 4;
    // Connections that serve searches and suggestions (search sessions, services/search_session.hpp),
    // 0: they share the db workers. searchDatabaseUrl: a read replica for them (empty: the database).
    unsigned searchWorkers = 4;
    std::string searchDatabaseUrl;
    bool handleSignals = true; // SIGINT/SIGTERM start the graceful stop; a second one exits at once
    // For the sessions to close; stopping the workers after that gets as long again, then the
    // process exits with status 1 without waiting further.
    std::chrono::seconds shutdownGrace{10};
    net::Limits limits;
    // Mail (docs/mail.md): without smtp.url the outbox fills and nothing is sent.
    mail::SmtpSettings smtp;
    mail::MailWorkerOptions mailWorker;
    std::optional<mail::MailSender> mailFrom; // default: Marquee <marquee@HOSTNAME>
    // --public-url: how recipients reach this server's HTTP side; mails link to it (one-click
    // unsubscribe). Empty: no such links.
    std::string publicUrl;
    payments::CardProviderOptions payments; // --payment-*, --terminal-ids
};

class Server {
public:
    explicit Server(ServerOptions options);
    ~Server();
    Server(const Server&) = delete;
    Server& operator=(const Server&) = delete;

    // Everything up to a bound listener. Throws StartupError.
    void start();
    unsigned short port() const { return m_port; }

    // Serves until requestStop() or a signal, then shuts down gracefully and returns.
    void run();
    // Thread-safe.
    void requestStop();

private:
    void beginShutdown();
    void waitForSessions(std::chrono::steady_clock::time_point deadline);
    void stopWorkers();
    void startMailWorker(const std::string& databaseUrl);

    ServerOptions m_options;
    std::optional<DatabaseTarget> m_database;
    std::unique_ptr<db::Pool> m_pool;
    std::unique_ptr<db::Pool> m_searchPool;
    std::unique_ptr<Api> m_api;
    std::unique_ptr<PasswordHasher> m_hasher;
    std::unique_ptr<net::Metrics> m_metrics;
    std::unique_ptr<net::SessionHub> m_hub;
    std::unique_ptr<net::SeatFeed> m_seatFeed;
    std::unique_ptr<net::CheckInFeed> m_checkInFeed;
    std::unique_ptr<net::Context> m_ctx;
    std::unique_ptr<workers::Sequencer> m_sequencer;
    std::unique_ptr<workers::StampListener> m_stampListener;
    std::unique_ptr<net::RevocationListener> m_revocationListener;
    std::unique_ptr<workers::SeatListener> m_seatListener;
    std::unique_ptr<workers::SeatListener> m_checkInListener; // the same loop on "marquee_checkins"
    std::unique_ptr<workers::IngestScheduler> m_ingestScheduler;
    std::unique_ptr<workers::PeriodicWorker> m_holdSweeper;
    std::shared_ptr<orders::PaymentRegistry> m_payments;
    std::unique_ptr<workers::PeriodicWorker> m_sagaRunner;
    std::unique_ptr<workers::WaitlistWorker> m_waitlistWorker;
    std::unique_ptr<mail::MailWorker> m_mailWorker;
    std::unique_ptr<workers::SeatStamper> m_seatStamper;
    std::unique_ptr<workers::RecommendTrainer> m_recommendTrainer;
    std::unique_ptr<workers::WishlistAlertWorker> m_wishlistAlertWorker;
    // Destroyed before the members above: pending handlers hold sessions that use them.
    net::asio::io_context m_ioc;
    std::optional<net::asio::executor_work_guard<net::asio::io_context::executor_type>> m_work;
    std::unique_ptr<net::asio::signal_set> m_signals;
    std::unique_ptr<net::asio::steady_timer> m_shutdownTimer;
    std::shared_ptr<net::Listener> m_listener;
    unsigned short m_port = 0;
    std::atomic<bool> m_stopping{false}; // signal and requestStop() may race on two threads
};

// Midnight UTC of the current day, in ms since the epoch (anchors the demo catalog).
std::int64_t todayUtcMs();

} // namespace marquee::server::app
