// Delivers the sandbox's events to the configured webhook endpoint on a thread of its own,
// signed like Stripe ("Stripe-Signature: t=…,v1=…"), retrying non-2xx answers with a doubling
// back-off; can be paused and resumed in reverse order, and sends manual one-off deliveries
// with a valid, bad or stale signature for the webhook tests.
#pragma once

#include "sandbox.hpp"

#include <chrono>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <string>
#include <thread>

namespace marquee::sandbox {

class WebhookDispatcher : public WebhookOutbox {
public:
    explicit WebhookDispatcher(Sandbox& sandbox);
    ~WebhookDispatcher() override;
    WebhookDispatcher(const WebhookDispatcher&) = delete;
    WebhookDispatcher& operator=(const WebhookDispatcher&) = delete;

    void start();
    void stop();

    void enqueue(Delivery delivery) override;
    void deliverNow(Delivery delivery, std::function<void(const DeliveryRecord&)> done) override;
    void setPaused(bool paused, bool reverse) override;
    void setUrl(std::string url) override;

private:
    using Clock = std::chrono::steady_clock;
    struct Pending {
        Delivery delivery;
        Clock::time_point due;
    };
    struct Manual {
        Delivery delivery;
        std::function<void(const DeliveryRecord&)> done;
    };

    void run();
    DeliveryRecord deliver(const Delivery& delivery, const std::string& url);

    Sandbox& m_sandbox;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<Pending> m_queue;
    std::deque<Manual> m_manual;
    std::string m_url;
    bool m_paused = false;
    bool m_stopping = false;
    std::thread m_thread;
};

} // namespace marquee::sandbox
