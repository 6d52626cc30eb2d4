// RevocationListener: one LISTEN connection for both channels; notifications are handed to the
// hub at once.
#include "net/revocation_listener.hpp"

#include "db/session_settings.hpp"

#include "common/log.hpp"
#include "net/session_hub.hpp"

#include <pqxx/pqxx>

namespace marquee::server::net {
namespace {

class Receiver final : public pqxx::notification_receiver {
public:
    using Handler = void (SessionHub::*)(const std::string&);
    Receiver(pqxx::connection& conn, const std::string& channel, SessionHub& hub, Handler handler)
        : pqxx::notification_receiver(conn, channel), m_hub(hub), m_handler(handler) {}
    void operator()(const std::string& payload, int) override { (m_hub.*m_handler)(payload); }

private:
    SessionHub& m_hub;
    Handler m_handler;
};

} // namespace

RevocationListener::RevocationListener(std::string connectionString, SessionHub& hub)
    : m_connectionString(std::move(connectionString)), m_hub(hub) {}

RevocationListener::~RevocationListener() { stop(); }

void RevocationListener::start() {
    if (m_thread.joinable()) return;
    m_thread = std::thread([this] { run(); });
}

void RevocationListener::stop() {
    {
        const std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    if (m_thread.joinable()) m_thread.join();
}

void RevocationListener::waitBeforeRetry(std::chrono::milliseconds delay) {
    std::unique_lock lock(m_mutex);
    m_wake.wait_for(lock, delay, [this] { return m_stopping.load(); });
}

void RevocationListener::run() {
    using namespace std::chrono_literals;
    auto backoff = 100ms;
    while (!m_stopping) {
        try {
            pqxx::connection conn(m_connectionString);
            // A silently re-opened session would no longer LISTEN: fail and reconnect instead.
            db::inhibitReactivation(conn);
            Receiver tokens(conn, "marquee_revoked", m_hub, &SessionHub::closeByTokenHash);
            Receiver devices(conn, "marquee_device_revoked", m_hub, &SessionHub::closeByDevice);
            backoff = 100ms;
            while (!m_stopping) {
                // Bounded so that stop() is prompt.
                conn.await_notification(0, 200'000);
                if (!conn.is_open()) throw pqxx::broken_connection("revocation listener connection closed");
            }
        } catch (const std::exception& e) {
            // A revocation missed during an outage still takes effect at the next upgrade.
            log::warn("revocation listener lost its database connection", {{"error", e.what()}});
            waitBeforeRetry(backoff);
            backoff = std::min<std::chrono::milliseconds>(backoff * 2, 5s);
        }
    }
}

} // namespace marquee::server::net
