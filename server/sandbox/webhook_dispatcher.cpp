// Webhook delivery thread of the payment sandbox. Lock order: the sandbox's mutex may be held
// while this class's is taken (enqueue from an API call), never the other way round.
#include "webhook_dispatcher.hpp"

#include "payments/http_client.hpp"
#include "payments/webhook_signature.hpp"

#include <algorithm>
#include <ctime>

namespace marquee::sandbox {
namespace {
// Signs "bad" deliveries: a well-formed signature made with the wrong secret.
constexpr const char* kWrongSecret = "whsec_not_the_endpoint_secret";
constexpr std::int64_t kStaleBySeconds = 600; // twice Stripe's 300 s tolerance
} // namespace

WebhookDispatcher::WebhookDispatcher(Sandbox& sandbox) : m_sandbox(sandbox), m_url(sandbox.config().webhookUrl) {}

WebhookDispatcher::~WebhookDispatcher() { stop(); }

void WebhookDispatcher::start() { m_thread = std::thread([this] { run(); }); }

void WebhookDispatcher::stop() {
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    if (m_thread.joinable()) m_thread.join();
}

void WebhookDispatcher::enqueue(Delivery delivery) {
    {
        std::lock_guard lock(m_mutex);
        m_queue.push_back({std::move(delivery), Clock::now()});
    }
    m_wake.notify_all();
}

void WebhookDispatcher::deliverNow(Delivery delivery, std::function<void(const DeliveryRecord&)> done) {
    {
        std::lock_guard lock(m_mutex);
        if (m_url.empty()) {
            DeliveryRecord record;
            record.at = static_cast<std::int64_t>(std::time(nullptr));
            record.signature = delivery.signature;
            record.error = "no webhook URL is configured (--webhook-url or POST /_sandbox/webhooks url=...)";
            done(record);
            return;
        }
        m_manual.push_back({std::move(delivery), std::move(done)});
    }
    m_wake.notify_all();
}

void WebhookDispatcher::setPaused(bool paused, bool reverse) {
    {
        std::lock_guard lock(m_mutex);
        m_paused = paused;
        if (!paused && reverse) {
            std::reverse(m_queue.begin(), m_queue.end());
            const auto now = Clock::now();
            for (auto& pending : m_queue) pending.due = std::min(pending.due, now);
        }
    }
    m_wake.notify_all();
}

void WebhookDispatcher::setUrl(std::string url) {
    {
        std::lock_guard lock(m_mutex);
        m_url = std::move(url);
    }
    m_wake.notify_all();
}

void WebhookDispatcher::run() {
    std::unique_lock lock(m_mutex);
    while (!m_stopping) {
        if (!m_manual.empty()) {
            auto manual = std::move(m_manual.front());
            m_manual.pop_front();
            const auto url = m_url;
            lock.unlock();
            const auto record = deliver(manual.delivery, url);
            m_sandbox.recordDelivery(manual.delivery.eventId, record);
            manual.done(record);
            lock.lock();
            continue;
        }
        if (!m_paused && !m_url.empty() && !m_queue.empty()) {
            // The first due delivery in queue order; otherwise wait for the earliest.
            const auto now = Clock::now();
            auto due = std::find_if(m_queue.begin(), m_queue.end(), [&](const Pending& p) { return p.due <= now; });
            if (due == m_queue.end()) {
                const auto earliest = std::min_element(m_queue.begin(), m_queue.end(),
                                                       [](const Pending& a, const Pending& b) { return a.due < b.due; });
                m_wake.wait_until(lock, earliest->due);
                continue;
            }
            auto pending = std::move(*due);
            m_queue.erase(due);
            const auto url = m_url;
            lock.unlock();
            const auto record = deliver(pending.delivery, url);
            m_sandbox.recordDelivery(pending.delivery.eventId, record);
            lock.lock();
            const bool delivered = record.status >= 200 && record.status < 300;
            if (!delivered && pending.delivery.retry && pending.delivery.attempt < m_sandbox.config().webhookMaxAttempts) {
                const auto backoff = m_sandbox.config().webhookRetryBase * (1 << std::min(pending.delivery.attempt - 1, 16));
                pending.delivery.attempt += 1;
                m_queue.push_back({pending.delivery, Clock::now() + backoff});
            }
            continue;
        }
        m_wake.wait(lock);
    }
}

DeliveryRecord WebhookDispatcher::deliver(const Delivery& delivery, const std::string& url) {
    DeliveryRecord record;
    record.at = static_cast<std::int64_t>(std::time(nullptr));
    record.signature = delivery.signature;
    const auto body = m_sandbox.eventBody(delivery.eventId);
    if (!body) {
        record.error = "no such event";
        return record;
    }
    const auto& secret = m_sandbox.config().webhookSecret;
    std::string header;
    if (delivery.signature == "bad") header = payments::signWebhook(kWrongSecret, record.at, *body);
    else if (delivery.signature == "stale") header = payments::signWebhook(secret, record.at - kStaleBySeconds, *body);
    else header = payments::signWebhook(secret, record.at, *body);

    payments::HttpClient::Options options;
    options.timeout = std::chrono::seconds(10);
    options.userAgent = "Stripe/1.0 (+https://stripe.com/docs/webhooks)";
    const payments::HttpClient client(options);
    payments::HttpRequest request;
    request.method = "POST";
    request.url = url;
    request.body = *body;
    request.headers = {"Content-Type: application/json; charset=utf-8", "Stripe-Signature: " + header};
    const auto response = client.send(request);
    if (response.completed()) {
        record.status = response.status;
        if (record.status < 200 || record.status >= 300) record.error = response.body.substr(0, 300);
    } else {
        record.error = response.error;
    }
    return record;
}

} // namespace marquee::sandbox
