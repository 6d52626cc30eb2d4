// StampListener: follows "marquee_stamped" on its own connection and reports new heads,
// one callback per wake-up however many notifications arrived.
#include "workers/stamp_listener.hpp"

#include "common/log.hpp"

#include <pqxx/pqxx>

#include <charconv>

namespace marquee::server::workers {

namespace {

class HeadReceiver final : public pqxx::notification_receiver {
public:
    HeadReceiver(pqxx::connection& conn, std::uint64_t& newest)
        : pqxx::notification_receiver(conn, "marquee_stamped"), m_newest(newest) {}
    void operator()(const std::string& payload, int) override {
        std::uint64_t head = 0;
        const auto [end, ec] = std::from_chars(payload.data(), payload.data() + payload.size(), head);
        if (ec == std::errc() && end == payload.data() + payload.size()) m_newest = std::max(m_newest, head);
    }

private:
    std::uint64_t& m_newest;
};

void sleepUnlessStopped(const std::atomic<bool>& stop, std::chrono::milliseconds total) {
    const auto deadline = std::chrono::steady_clock::now() + total;
    while (!stop.load() && std::chrono::steady_clock::now() < deadline)
        std::this_thread::sleep_for(std::min<std::chrono::milliseconds>(total, std::chrono::milliseconds(20)));
}

} // namespace

StampListener::StampListener(std::string connectionString, HeadCallback onHead)
    : m_connectionString(std::move(connectionString)), m_onHead(std::move(onHead)) {}

StampListener::~StampListener() { stop(); }

void StampListener::start() {
    if (m_thread.joinable()) return;
    m_stop = false;
    m_thread = std::thread([this] { run(); });
}

void StampListener::stop() {
    m_stop = true;
    if (m_thread.joinable()) m_thread.join();
}

void StampListener::run() {
    using namespace std::chrono_literals;
    auto backoff = 100ms;
    std::uint64_t reported = 0;
    while (!m_stop.load()) {
        try {
            pqxx::connection conn(m_connectionString);
            std::uint64_t newest = 0;
            HeadReceiver receiver(conn, newest);
            // Catch up on stamps made while we were not listening (start-up, outage).
            {
                pqxx::read_transaction tx(conn);
                newest = tx.exec1("SELECT greatest((SELECT horizon FROM sync_meta),"
                                  " (SELECT coalesce(max(seq), 0) FROM change_log))")[0]
                             .as<std::uint64_t>();
            }
            backoff = 100ms;
            while (!m_stop.load()) {
                if (newest > reported) {
                    reported = newest;
                    if (m_onHead) m_onHead(reported);
                }
                conn.await_notification(0, 200000); // bounded so stop() is prompt
                if (!conn.is_open()) throw pqxx::broken_connection("stamp listener connection closed");
            }
        } catch (const std::exception& e) {
            log::warn("stamp listener lost its database connection", {{"error", e.what()}});
            sleepUnlessStopped(m_stop, backoff);
            backoff = std::min<std::chrono::milliseconds>(backoff * 2, 5s);
        }
    }
}

} // namespace marquee::server::workers
