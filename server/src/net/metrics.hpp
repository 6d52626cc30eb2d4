// Prometheus metrics of one server process (prometheus-cpp core), served as text at /metrics.
#pragma once

#include <prometheus/counter.h>
#include <prometheus/family.h>
#include <prometheus/gauge.h>
#include <prometheus/histogram.h>
#include <prometheus/registry.h>

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

namespace marquee::server::net {

class Metrics {
public:
    Metrics();
    Metrics(const Metrics&) = delete;
    Metrics& operator=(const Metrics&) = delete;

    void connectionOpened();
    void connectionClosed();
    // type: the Envelope body name ("pull_changes", "hello", ...).
    void requestHandled(std::string_view type, double seconds);
    void errorSent(std::string_view code);
    // reason: "unparseable", "text", "too_big", "rate_limited", "queue_full", ...
    void frameRejected(std::string_view reason);
    // Age of the oldest row the sequencer stamped (from its StampCallback).
    void stampLag(double seconds);
    // Time from a stamp notification to the pushes being handed to the sessions.
    void pushDelay(double seconds);
    void setSyncHead(double value);
    void httpRequest(std::string_view path, unsigned status);
    // reason: "total" or "per_address" (the listener's connection caps).
    void connectionRefused(std::string_view reason);
    // Requests handed to the db pool or the password hasher and not yet answered.
    void requestStarted();
    void requestFinished();
    // outcome: "accepted", "transient" or "permanent" (the mail worker's SMTP attempts).
    void mailOutcome(std::string_view outcome);
    // Sampled when /metrics is read.
    void setLoad(std::size_t dbQueueDepth, std::size_t passwordHashesInFlight);

    // Prometheus text exposition format.
    std::string serialize() const;

private:
    std::shared_ptr<prometheus::Registry> m_registry;
    prometheus::Gauge& m_connections;
    prometheus::Family<prometheus::Counter>& m_requests;
    prometheus::Family<prometheus::Histogram>& m_latency;
    prometheus::Family<prometheus::Counter>& m_errors;
    prometheus::Family<prometheus::Counter>& m_rejected;
    prometheus::Family<prometheus::Counter>& m_http;
    prometheus::Histogram& m_stampLag;
    prometheus::Histogram& m_pushDelay;
    prometheus::Gauge& m_head;
    prometheus::Family<prometheus::Counter>& m_refused;
    prometheus::Gauge& m_inFlight;
    prometheus::Gauge& m_dbQueue;
    prometheus::Gauge& m_hashes;
    prometheus::Family<prometheus::Counter>& m_mail;
};

} // namespace marquee::server::net
