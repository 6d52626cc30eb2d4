// Server wiring and lifecycle. Start-up is synchronous and throws StartupError with an
// operator-facing message; shutdown drains sessions within a grace period.
#include "app/server.hpp"

#include "app/embedded_resources.hpp"
#include "common/log.hpp"
#include "db/embedded_postgres.hpp"
#include "db/migrations.hpp"
#include "db/pool.hpp"
#include "mail/unsubscribe.hpp"
#include "net/listener.hpp"
#include "net/connection_limiter.hpp"
#include "net/metrics.hpp"
#include "net/revocation_listener.hpp"
#include "net/check_in_feed.hpp"
#include "net/seat_feed.hpp"
#include "net/session_hub.hpp"
#include "orders/payment_registry.hpp"
#include "orders/saga.hpp"
#include "services/api.hpp"
#include "services/demo_catalog.hpp"
#include "services/search_session.hpp"
#include "services/password_hasher.hpp"
#include "workers/ingest_scheduler.hpp"
#include "workers/periodic_worker.hpp"
#include "workers/recommend_trainer.hpp"
#include "workers/seat_stamper.hpp"
#include "workers/seat_listener.hpp"
#include "workers/sequencer.hpp"
#include "workers/stamp_listener.hpp"
#include "workers/waitlist_worker.hpp"
#include "workers/wishlist_alert_worker.hpp"

#include <pqxx/pqxx>

#include <unistd.h>

#include <chrono>
#include <csignal>
#include <fstream>
#include <future>
#include <system_error>

namespace marquee::server::app {

std::int64_t todayUtcMs() {
    using namespace std::chrono;
    return duration_cast<milliseconds>(floor<days>(system_clock::now()).time_since_epoch()).count();
}

namespace {

// Status-log rows older than this are pruned (an event's newest change always stays): a
// seat feed that falls further behind gets a gap and its clients resubscribe.
constexpr std::chrono::seconds kSeatStatusRetention{10 * 60};
// Lapsed holds released per sweep, and due orders advanced per saga-runner pass; a full
// batch runs the next pass at once.
constexpr std::size_t kSweepBatch = 500;
constexpr std::size_t kSagaBatch = 20;
constexpr std::size_t kLeaseSweepBatch = 50;

// Written to a temporary file and renamed, so a reader never sees a partial number.
void writePortFile(const std::filesystem::path& path, unsigned short port) {
    auto tmp = path;
    tmp += ".tmp";
    {
        std::ofstream out(tmp, std::ios::trunc);
        out << port << '\n';
        out.close();
        if (!out) throw StartupError("cannot write the port file " + tmp.string());
    }
    std::error_code ec;
    std::filesystem::rename(tmp, path, ec);
    if (ec) throw StartupError("cannot write the port file " + path.string() + ": " + ec.message());
}

// After the first SIGINT/SIGTERM: the operator wants out now. Async-signal-safe.
extern "C" void exitAtOnce(int) {
    static const char message[] = "marquee-server: second signal; exiting at once\n";
    [[maybe_unused]] const auto written = ::write(STDERR_FILENO, message, sizeof(message) - 1);
    ::_exit(1);
}

void installExitAtOnce() {
    struct sigaction action {};
    action.sa_handler = exitAtOnce;
    sigemptyset(&action.sa_mask);
    ::sigaction(SIGINT, &action, nullptr);
    ::sigaction(SIGTERM, &action, nullptr);
}

} // namespace

Server::Server(ServerOptions options) : m_options(std::move(options)) {}

Server::~Server() {
    // Normally run() has done this; covers a failed start().
    m_ioc.stop();
    stopWorkers();
}

DatabaseTarget::DatabaseTarget(std::string databaseUrl, const std::filesystem::path& dataDir)
    : m_url(std::move(databaseUrl)) {
    if (!m_url.empty()) return;
    const auto dir = dataDir.empty() ? db::EmbeddedPostgres::defaultDataDir() : dataDir;
    m_embedded = std::make_unique<db::EmbeddedPostgres>(dir);
    try {
        m_embedded->start();
    } catch (const std::exception& e) {
        throw StartupError(std::string("embedded PostgreSQL: ") + e.what());
    }
    log::info("embedded postgres running", {{"data_dir", dir.string()}});
    m_url = m_embedded->connectionString();
}

DatabaseTarget::~DatabaseTarget() = default;
DatabaseTarget::DatabaseTarget(DatabaseTarget&&) noexcept = default;
DatabaseTarget& DatabaseTarget::operator=(DatabaseTarget&&) noexcept = default;

void DatabaseTarget::stop() {
    if (m_embedded) m_embedded->stop();
}

std::unique_ptr<pqxx::connection> connectDatabase(const std::string& url) {
    try {
        return std::make_unique<pqxx::connection>(url);
    } catch (const std::exception& e) {
        throw StartupError(std::string("cannot connect to the database: ") + e.what());
    }
}

db::MigrationReport migrateDatabase(pqxx::connection& conn) {
    try {
        return db::migrate(conn, db::builtinMigrations());
    } catch (const pqxx::broken_connection& e) {
        throw StartupError(std::string("lost the database connection: ") + e.what());
    } catch (const std::exception& e) {
        throw StartupError(std::string("migration failed: ") + e.what());
    }
}

void Server::start() {
    m_database.emplace(m_options.databaseUrl, m_options.dataDir);
    const auto url = m_database->url();
    {
        const auto conn = connectDatabase(url);
        const auto report = migrateDatabase(*conn);
        log::info("schema ready", {{"version", report.currentVersion}});
    }

    try {
        m_pool = std::make_unique<db::Pool>(url, m_options.dbWorkers);
    } catch (const std::exception& e) {
        throw StartupError(std::string("cannot connect to the database: ") + e.what());
    }
    if (m_options.searchWorkers > 0) {
        try {
            m_searchPool = std::make_unique<db::Pool>(
                m_options.searchDatabaseUrl.empty() ? url : m_options.searchDatabaseUrl, m_options.searchWorkers,
                [](pqxx::connection& conn) { search::makeSearchSession(conn); });
        } catch (const std::exception& e) {
            throw StartupError(std::string("cannot connect to the search database: ") + e.what());
        }
    }
    // Payment providers by method: cash always; the card providers from --payment-* and
    // --terminal-ids (payments/card_providers.hpp).
    m_payments = orders::PaymentRegistry::withCash();
    payments::registerCardProviders(*m_payments, m_options.payments);
    Api::Options apiOptions;
    apiOptions.payments = m_payments;
    m_api = std::make_unique<Api>(apiOptions);
    m_hasher = std::make_unique<PasswordHasher>();
    m_metrics = std::make_unique<net::Metrics>();
    m_hub = std::make_unique<net::SessionHub>(*m_pool, *m_api, *m_metrics);
    m_seatFeed = std::make_unique<net::SeatFeed>(*m_pool, *m_api);
    m_ctx.reset(new net::Context{*m_pool, *m_api, *m_hub, *m_seatFeed, *m_metrics, *m_hasher, m_options.limits,
                                 std::make_shared<net::ConnectionLimiter>(m_options.limits.maxConnections,
                                                                          m_options.limits.maxConnectionsPerAddress),
                                 {}});
    m_ctx->paymentWebhookSecret = m_options.payments.webhookSecret;
    m_ctx->searchPool = m_searchPool.get();
    m_checkInFeed = std::make_unique<net::CheckInFeed>(*m_pool, *m_api);
    m_ctx->checkIns = m_checkInFeed.get();

    if (m_options.demo) {
        try {
            const auto result = m_pool->run([](pqxx::connection& conn) {
                return loadDemoCatalog(conn, embedded::demoCatalogJson(), todayUtcMs());
            });
            if (result.skipped) log::info("demo catalog skipped: the catalog already has events");
        } catch (const std::exception& e) {
            throw StartupError(std::string("loading the demo catalog failed: ") + e.what());
        }
    }

    try {
        m_hub->setInitialHead(m_pool->run([this](pqxx::connection& conn) { return m_api->head(conn); }));
    } catch (const std::exception& e) {
        throw StartupError(std::string("reading the change-log head failed: ") + e.what());
    }

    auto* metrics = m_metrics.get();
    m_sequencer = std::make_unique<workers::Sequencer>(
        url, [metrics](std::size_t, std::uint64_t, double lagSeconds) { metrics->stampLag(lagSeconds); });
    auto* hub = m_hub.get();
    m_stampListener = std::make_unique<workers::StampListener>(url, [hub](std::uint64_t head) { hub->onHead(head); });
    m_stampListener->start();
    m_sequencer->start();
    m_revocationListener = std::make_unique<net::RevocationListener>(url, *m_hub);
    m_revocationListener->start();
    auto* seatFeed = m_seatFeed.get();
    auto* api = m_api.get();
    m_seatListener = std::make_unique<workers::SeatListener>(
        url, workers::SeatListener::Callbacks{
                 [seatFeed](const std::string& eventId) { seatFeed->onChange(eventId); },
                 [seatFeed] { seatFeed->onTick(); },
                 [api](pqxx::connection& conn) { api->pruneSeatStatusLog(conn, kSeatStatusRetention); }});
    m_seatListener->start();
    auto* checkInFeed = m_checkInFeed.get();
    workers::SeatListener::Options checkInListening;
    checkInListening.channel = "marquee_checkins";
    m_checkInListener = std::make_unique<workers::SeatListener>(
        url,
        workers::SeatListener::Callbacks{[checkInFeed](const std::string& eventId) { checkInFeed->onChange(eventId); },
                                         [checkInFeed] { checkInFeed->onTick(); },
                                         {}},
        checkInListening);
    m_checkInListener->start();
    // Scheduled feeds (issue 5): one instance across all of them runs the due sources.
    m_ingestScheduler = std::make_unique<workers::IngestScheduler>(url, workers::IngestScheduler::Options{});
    m_ingestScheduler->start();
    // Releases lapsed holds every second (FOR UPDATE SKIP LOCKED: every instance runs one).
    m_holdSweeper = std::make_unique<workers::PeriodicWorker>(
        url,
        [api](pqxx::connection& conn) {
            const auto released = api->sweepExpiredHolds(conn, kSweepBatch);
            if (released > 0) log::debug("released lapsed holds", {{"holds", released}});
            // Box-office leases past the event's start plus 6 hours return their unsold seats.
            const auto closed = api->sweepExpiredLeases(conn, kLeaseSweepBatch);
            if (closed > 0) log::info("returned expired seat leases", {{"leases", closed}});
            return released >= kSweepBatch || closed >= kLeaseSweepBatch;
        },
        workers::PeriodicWorker::Options{"hold sweeper", std::chrono::seconds(1), {}});
    m_holdSweeper->start();
    // Resumes unfinished order sagas (after a crash too, a provider's retry-later, a refund
    // or a payment webhook: NOTIFY marquee_saga); every instance runs one, orders are claimed
    // FOR UPDATE SKIP LOCKED and each is driven under its own advisory lock (orders/saga.hpp).
    auto* payments = m_payments.get();
    m_sagaRunner = std::make_unique<workers::PeriodicWorker>(
        url,
        [payments](pqxx::connection& conn) { return orders::runDueSagas(conn, *payments, kSagaBatch) >= kSagaBatch; },
        workers::PeriodicWorker::Options{"saga runner", std::chrono::seconds(1), "marquee_saga"});
    m_sagaRunner->start();
    // Waitlist offers (every instance; one worker per event at a time, by advisory lock).
    m_waitlistWorker = std::make_unique<workers::WaitlistWorker>(url);
    m_waitlistWorker->start();
    startMailWorker(url);
    // Numbers committed seat-status changes for the seat feeds (one leader across instances).
    m_seatStamper = std::make_unique<workers::SeatStamper>(
        url, [api](pqxx::connection& conn) { return api->stampSeatChanges(conn); });
    m_seatStamper->start();
    // Recommendations (issue 8): every instance refreshes its snapshot; one trains.
    m_recommendTrainer = std::make_unique<workers::RecommendTrainer>(url, workers::RecommendTrainer::Options{});
    m_recommendTrainer->start();
    // Wishlist alerts and the weekly digest by mail (one instance per pass, by advisory lock).
    m_wishlistAlertWorker = std::make_unique<workers::WishlistAlertWorker>(url, workers::WishlistAlertWorker::Options{});
    m_wishlistAlertWorker->start();
    // Stamps that landed between reading the head and listening are pushed now.
    try {
        m_hub->onHead(m_pool->run([this](pqxx::connection& conn) { return m_api->head(conn); }));
    } catch (const std::exception& e) {
        log::warn("re-reading the change-log head failed", {{"error", e.what()}});
    }

    m_listener = std::make_shared<net::Listener>(m_ioc, *m_ctx);
    try {
        net::tcp::resolver resolver(m_ioc);
        const auto results = resolver.resolve(m_options.host, std::to_string(m_options.port),
                                              net::tcp::resolver::passive);
        if (results.empty()) throw StartupError("cannot resolve " + m_options.host);
        m_listener->open(results.begin()->endpoint());
    } catch (const boost::system::system_error& e) {
        throw StartupError("cannot listen on " + m_options.host + ":" + std::to_string(m_options.port) + ": " +
                           e.code().message());
    }
    m_port = m_listener->port();
    log::info("listening", {{"address", m_options.host}, {"port", m_port}});
    if (!m_options.portFile.empty()) writePortFile(m_options.portFile, m_port);
}

// Every instance runs a mail worker (claims are FOR UPDATE SKIP LOCKED), when it has an SMTP server.
void Server::startMailWorker(const std::string& url) {
    if (m_options.mailFrom) mail::setMailSender(*m_options.mailFrom);
    mail::setPublicBaseUrl(m_options.publicUrl);
    const auto sender = mail::mailSender();
    if (m_options.smtp.url.empty()) {
        log::warn("mail disabled: no --smtp-url; mail is kept in the outbox and sent once one is configured",
                  {{"mail_from", sender.address}});
        return;
    }
    auto* metrics = m_metrics.get();
    m_mailWorker = std::make_unique<mail::MailWorker>(
        url, m_options.smtp, m_options.mailWorker,
        [metrics](mail::SmtpResult::Outcome outcome) { metrics->mailOutcome(mail::outcomeName(outcome)); });
    m_mailWorker->start();
    log::info("mail worker started", {{"mail_from", sender.address}, {"require_tls", m_options.smtp.requireTls}});
}

void Server::run() {
    m_work.emplace(m_ioc.get_executor());
    if (m_options.handleSignals) {
        m_signals = std::make_unique<net::asio::signal_set>(m_ioc, SIGINT, SIGTERM);
        m_signals->async_wait([this](net::error_code ec, int signal) {
            if (ec) return;
            if (m_stopping.load()) exitAtOnce(signal); // requestStop() came first
            log::info("signal received; shutting down", {{"signal", signal}});
            // From now on a signal ends the process whatever phase the shutdown is in (even
            // after the io_context has stopped running handlers).
            net::error_code ignored;
            m_signals->clear(ignored);
            installExitAtOnce();
            beginShutdown();
        });
    }
    m_listener->run();

    std::vector<std::thread> threads;
    const auto extra = m_options.threads > 1 ? m_options.threads - 1 : 0U;
    threads.reserve(extra);
    // A handler that throws must not take the process down with it: log and keep serving.
    const auto runLoop = [this] {
        for (;;) {
            try {
                m_ioc.run();
                return;
            } catch (const std::exception& e) {
                log::error("unhandled exception in an I/O handler", {{"error", e.what()}});
            } catch (...) {
                log::error("unhandled non-standard exception in an I/O handler");
            }
        }
    };
    for (unsigned i = 0; i < extra; ++i) threads.emplace_back(runLoop);
    runLoop();
    for (auto& t : threads) t.join();

    // Bounded: the pool finishes its queued jobs, which cannot take long with the statement
    // timeouts, but a hung database must not keep the process from exiting.
    auto stopped = std::async(std::launch::async, [this] { stopWorkers(); });
    if (stopped.wait_for(m_options.shutdownGrace) != std::future_status::ready) {
        log::error("stopping the workers took too long; exiting", {{"grace_seconds", m_options.shutdownGrace.count()}});
        ::_exit(1);
    }
    stopped.get();
    log::info("stopped");
}

void Server::requestStop() {
    net::asio::post(m_ioc, [this] { beginShutdown(); });
}

void Server::beginShutdown() {
    if (m_stopping.exchange(true)) return;
    m_ctx->stopping = true;
    m_listener->stop();
    m_hub->shutdownAll();
    waitForSessions(std::chrono::steady_clock::now() + m_options.shutdownGrace);
}

// Polls the hub until every WebSocket has closed (in-flight answers sent, 1001 exchanged)
// or the grace period is over; then stops the io_context, which drops idle HTTP clients.
void Server::waitForSessions(std::chrono::steady_clock::time_point deadline) {
    const auto remaining = m_hub->size();
    if (remaining == 0 || std::chrono::steady_clock::now() >= deadline) {
        if (remaining != 0) log::warn("shutdown grace period over", {{"open_sessions", remaining}});
        m_work.reset();
        m_ioc.stop();
        return;
    }
    if (!m_shutdownTimer) m_shutdownTimer = std::make_unique<net::asio::steady_timer>(m_ioc);
    m_shutdownTimer->expires_after(std::chrono::milliseconds(20));
    m_shutdownTimer->async_wait([this, deadline](net::error_code ec) {
        if (!ec) waitForSessions(deadline);
    });
}

void Server::stopWorkers() {
    if (m_ingestScheduler) m_ingestScheduler->stop();
    if (m_revocationListener) m_revocationListener->stop();
    if (m_waitlistWorker) m_waitlistWorker->stop();
    if (m_holdSweeper) m_holdSweeper->stop();
    if (m_sagaRunner) m_sagaRunner->stop();
    if (m_mailWorker) m_mailWorker->stop();
    if (m_seatStamper) m_seatStamper->stop();
    if (m_recommendTrainer) m_recommendTrainer->stop();
    if (m_wishlistAlertWorker) m_wishlistAlertWorker->stop();
    if (m_seatListener) m_seatListener->stop();
    if (m_checkInListener) m_checkInListener->stop();
    if (m_stampListener) m_stampListener->stop();
    if (m_sequencer) m_sequencer->stop();
    if (m_hasher) m_hasher->stop();
    if (m_searchPool) m_searchPool->stop();
    if (m_pool) m_pool->stop();
    if (m_database) m_database->stop();
}

} // namespace marquee::server::app
