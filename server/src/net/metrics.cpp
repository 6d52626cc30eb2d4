// Metric families and their names; label values come from closed sets (body names, error
// codes, reasons), so series cardinality stays bounded whatever clients send.
#include "net/metrics.hpp"

#include <prometheus/text_serializer.h>

namespace marquee::server::net {
namespace {

const prometheus::Histogram::BucketBoundaries& latencyBuckets() {
    static const prometheus::Histogram::BucketBoundaries b{0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025,
                                                           0.05,   0.1,   0.25,   0.5,   1.0,  2.5, 5.0};
    return b;
}

const prometheus::Histogram::BucketBoundaries& lagBuckets() {
    static const prometheus::Histogram::BucketBoundaries b{0.001, 0.005, 0.01, 0.025, 0.05, 0.1,
                                                           0.25,  0.5,   1.0,  2.5,   5.0,  10.0};
    return b;
}

} // namespace

Metrics::Metrics()
    : m_registry(std::make_shared<prometheus::Registry>()),
      m_connections(prometheus::BuildGauge()
                        .Name("marquee_websocket_connections")
                        .Help("Open WebSocket connections")
                        .Register(*m_registry)
                        .Add({})),
      m_requests(prometheus::BuildCounter()
                     .Name("marquee_requests_total")
                     .Help("WebSocket requests handled, by Envelope body")
                     .Register(*m_registry)),
      m_latency(prometheus::BuildHistogram()
                    .Name("marquee_request_duration_seconds")
                    .Help("Time from reading a request to queueing its answer, by Envelope body")
                    .Register(*m_registry)),
      m_errors(prometheus::BuildCounter()
                   .Name("marquee_errors_total")
                   .Help("Error answers sent, by error code")
                   .Register(*m_registry)),
      m_rejected(prometheus::BuildCounter()
                     .Name("marquee_frames_rejected_total")
                     .Help("Incoming frames refused by the transport rules, by reason")
                     .Register(*m_registry)),
      m_http(prometheus::BuildCounter()
                 .Name("marquee_http_requests_total")
                 .Help("Plain HTTP requests, by path and status")
                 .Register(*m_registry)),
      m_stampLag(prometheus::BuildHistogram()
                     .Name("marquee_sync_stamp_lag_seconds")
                     .Help("Age of the oldest change-log row when the sequencer stamped it")
                     .Register(*m_registry)
                     .Add({}, lagBuckets())),
      m_pushDelay(prometheus::BuildHistogram()
                      .Name("marquee_sync_push_delay_seconds")
                      .Help("Time from a stamp notification to the live pushes being queued")
                      .Register(*m_registry)
                      .Add({}, lagBuckets())),
      m_head(prometheus::BuildGauge()
                 .Name("marquee_sync_head")
                 .Help("Newest stamped change-log seq seen by this instance")
                 .Register(*m_registry)
                 .Add({})),
      m_refused(prometheus::BuildCounter()
                    .Name("marquee_connections_refused_total")
                    .Help("Connections closed at accept by a connection cap, by reason")
                    .Register(*m_registry)),
      m_inFlight(prometheus::BuildGauge()
                     .Name("marquee_requests_in_flight")
                     .Help("WebSocket requests being worked on (db pool or password hashing)")
                     .Register(*m_registry)
                     .Add({})),
      m_dbQueue(prometheus::BuildGauge()
                    .Name("marquee_db_queue_depth")
                    .Help("Jobs waiting for a database worker")
                    .Register(*m_registry)
                    .Add({})),
      m_hashes(prometheus::BuildGauge()
                   .Name("marquee_password_hashes_in_flight")
                   .Help("Argon2id jobs queued or running")
                   .Register(*m_registry)
                   .Add({})),
      m_mail(prometheus::BuildCounter()
                 .Name("marquee_mail_attempts_total")
                 .Help("SMTP delivery attempts of the mail outbox, by outcome (accepted, transient, permanent)")
                 .Register(*m_registry)) {}

void Metrics::connectionOpened() { m_connections.Increment(); }
void Metrics::connectionClosed() { m_connections.Decrement(); }

void Metrics::requestHandled(std::string_view type, double seconds) {
    const std::map<std::string, std::string> labels{{"type", std::string(type)}};
    m_requests.Add(labels).Increment();
    m_latency.Add(labels, latencyBuckets()).Observe(seconds);
}

void Metrics::errorSent(std::string_view code) { m_errors.Add({{"code", std::string(code)}}).Increment(); }
void Metrics::frameRejected(std::string_view reason) {
    m_rejected.Add({{"reason", std::string(reason)}}).Increment();
}
void Metrics::stampLag(double seconds) { m_stampLag.Observe(seconds); }
void Metrics::pushDelay(double seconds) { m_pushDelay.Observe(seconds); }
void Metrics::mailOutcome(std::string_view outcome) { m_mail.Add({{"outcome", std::string(outcome)}}).Increment(); }
void Metrics::setSyncHead(double value) { m_head.Set(value); }
void Metrics::connectionRefused(std::string_view reason) { m_refused.Add({{"reason", std::string(reason)}}).Increment(); }
void Metrics::requestStarted() { m_inFlight.Increment(); }
void Metrics::requestFinished() { m_inFlight.Decrement(); }
void Metrics::setLoad(std::size_t dbQueueDepth, std::size_t passwordHashesInFlight) {
    m_dbQueue.Set(static_cast<double>(dbQueueDepth));
    m_hashes.Set(static_cast<double>(passwordHashesInFlight));
}

void Metrics::httpRequest(std::string_view path, unsigned status) {
    m_http.Add({{"path", std::string(path)}, {"status", std::to_string(status)}}).Increment();
}

std::string Metrics::serialize() const {
    return prometheus::TextSerializer().Serialize(m_registry->Collect());
}

} // namespace marquee::server::net
