// The saga runner: resumes unfinished order sagas (after a crash, a restart, a provider that
// asked to retry later, a refund or cancellation to carry out). Every instance runs one: due
// orders are claimed FOR UPDATE SKIP LOCKED and each is driven under its own session advisory
// lock (orders/saga.hpp), so two runners never drive one order. Wakes on NOTIFY
// "marquee_saga" (CancelEvent, payment webhooks) or every interval.
#pragma once

#include "workers/background_loop.hpp"

#include <chrono>
#include <cstddef>
#include <functional>
#include <string>

#include <pqxx/connection>

namespace marquee::server::workers {

class SagaRunner {
public:
    // Advances up to a batch of due orders on `conn`; returns how many (orders::runDueSagas).
    using Pass = std::function<std::size_t(pqxx::connection&, std::size_t maxOrders)>;
    struct Options {
        std::chrono::milliseconds interval{1000};
        std::size_t batch = 20;
    };

    SagaRunner(std::string connectionString, Pass pass);
    SagaRunner(std::string connectionString, Pass pass, Options options);
    ~SagaRunner();

    void start();
    void stop();

private:
    void run();

    std::string m_connectionString;
    Pass m_pass;
    Options m_options;
    BackgroundLoop m_loop;
};

} // namespace marquee::server::workers
