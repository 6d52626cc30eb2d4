// WaitlistWorker (see waitlist_worker.hpp): one connection that LISTENs and does the work;
// notified events are collected while a pass runs and handled together; reconnects with back-off.
#include "workers/waitlist_worker.hpp"

#include "common/log.hpp"
#include "db/session_settings.hpp"
#include "waitlist/waitlist.hpp"

#include <pqxx/pqxx>

#include <map>
#include <set>

namespace marquee::server::workers {

namespace {

using Clock = std::chrono::steady_clock;

// Collects the event ids of "marquee_seats" notifications ("<event id>:<status_seq>").
class SeatChangeCollector final : public pqxx::notification_receiver {
public:
    SeatChangeCollector(pqxx::connection& conn, std::set<std::string>& events)
        : pqxx::notification_receiver(conn, "marquee_seats"), m_events(events) {}
    void operator()(const std::string& payload, int) override {
        const auto colon = payload.find(':');
        if (colon != std::string::npos && colon > 0) m_events.insert(payload.substr(0, colon));
    }

private:
    std::set<std::string>& m_events;
};

} // namespace

WaitlistWorker::WaitlistWorker(std::string connectionString) : WaitlistWorker(std::move(connectionString), Options{}) {}

WaitlistWorker::WaitlistWorker(std::string connectionString, Options options)
    : m_connectionString(std::move(connectionString)), m_options(options) {}

WaitlistWorker::~WaitlistWorker() { stop(); }

void WaitlistWorker::start() {
    m_loop.start([this] { run(); });
}

void WaitlistWorker::stop() { m_loop.stop(); }

void WaitlistWorker::run() {
    using namespace std::chrono_literals;
    m_loop.runConnected(m_connectionString, "waitlist worker", [&](pqxx::connection& conn) {
        db::applySessionLimits(conn);
        std::set<std::string> notified;
        SeatChangeCollector collector(conn, notified);
        std::map<std::string, Clock::time_point> lastPass;
        auto nextTick = Clock::now();
        auto nextRescan = Clock::now(); // at once: changes made while we were not listening
        while (!m_loop.stopping()) {
            const auto now = Clock::now();
            std::vector<std::string> due;
            if (now >= nextTick) {
                nextTick = now + m_options.tick;
                try {
                    const auto settled = waitlist::settleOffers(conn);
                    due = settled.eventsWithLapsedOffers;
                    if (settled.accepted + settled.expired > 0)
                        log::info("waitlist offers settled",
                                  {{"accepted", settled.accepted}, {"expired", settled.expired}});
                } catch (const pqxx::broken_connection&) {
                    throw;
                } catch (const std::exception& e) {
                    log::warn("settling waitlist offers failed", {{"error", e.what()}});
                }
            }
            std::vector<std::string> candidates;
            if (now >= nextRescan) {
                nextRescan = now + m_options.rescanEvery;
                notified.clear();
                candidates = waitlist::eventsWithWaitingEntries(conn, {});
            } else {
                // Busy events wait for their interval; the rest are looked at now.
                std::vector<std::string> ready;
                for (auto it = notified.begin(); it != notified.end();) {
                    const auto last = lastPass.find(*it);
                    if (last != lastPass.end() && now - last->second < m_options.minEventInterval) {
                        ++it;
                        continue;
                    }
                    ready.push_back(*it);
                    it = notified.erase(it);
                }
                if (!ready.empty()) candidates = waitlist::eventsWithWaitingEntries(conn, ready);
            }
            candidates.insert(candidates.end(), due.begin(), due.end());
            std::set<std::string> seen;
            for (const auto& eventId : candidates) {
                if (m_loop.stopping() || !seen.insert(eventId).second) continue;
                lastPass[eventId] = Clock::now();
                try {
                    if (const auto offers = waitlist::offerSeats(conn, eventId); offers > 0)
                        log::info("waitlist seats offered", {{"event", eventId}, {"offers", offers}});
                } catch (const pqxx::broken_connection&) {
                    throw;
                } catch (const std::exception& e) {
                    // A rolled-back pass (deadlock, timeout) is tried again at the next wake-up.
                    log::warn("waitlist offer pass failed", {{"event", eventId}, {"error", e.what()}});
                }
            }
            if (lastPass.size() > 10'000) lastPass.clear();
            // Sleep until the tick, or less while a busy event is waiting for its interval.
            auto wait = nextTick - Clock::now();
            if (!notified.empty()) wait = std::min<Clock::duration>(wait, m_options.minEventInterval);
            const auto us = std::max<long long>(
                0, std::chrono::duration_cast<std::chrono::microseconds>(wait).count());
            conn.await_notification(static_cast<long>(us / 1'000'000), static_cast<long>(us % 1'000'000));
            if (!conn.is_open()) throw pqxx::broken_connection("waitlist worker connection closed");
        }
    });
}

} // namespace marquee::server::workers
