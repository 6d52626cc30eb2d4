// WebSocket session: transport rules of docs/protocol.md (binary only, frame size, rate,
// queue, Hello first) and the hand-off of requests to the db pool.
#include "net/websocket_session.hpp"

#include "common/log.hpp"
#include "db/pool.hpp"
#include "marquee/core/validation.hpp"
#include "marquee/core/version.hpp"
#include "marquee/protocol/conversions.hpp"
#include "net/check_in_feed.hpp"
#include "net/metrics.hpp"
#include "net/seat_feed.hpp"
#include "net/session_hub.hpp"
#include "services/api.hpp"
#include "services/password_hasher.hpp"

#include <algorithm>
#include <exception>
#include <optional>
#include <utility>

namespace marquee::server::net {
namespace {

std::int64_t nowMs() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

std::int64_t systemNowMs() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

double secondsSince(WebSocketSession::Clock::time_point start) {
    return std::chrono::duration<double>(WebSocketSession::Clock::now() - start).count();
}

// Pushes that may wait for a watch's answer; beyond it the oldest go. A seat-map client then
// sees a gap in status_seq (and resubscribes) if any of them was newer than its snapshot.
constexpr std::size_t kMaxPushBacklog = 256;

// A watcher that falls behind on seat deltas loses deltas, not its connection: deltas may take
// up to half of the send queue (frames and bytes), and the skipped ones are replaced by the
// newest once the queue is down to a quarter (see m_seatSkippedNewest).
constexpr std::size_t kSeatQueueShareDivisor = 2;
constexpr std::size_t kSeatQueueResumeDivisor = 4;

bool mayUploadLayouts(core::Role role) { return role == core::Role::Organizer || role == core::Role::Admin; }

v1::Envelope shuttingDownAnswer(std::uint64_t requestId) {
    return protocol::makeError(requestId, v1::UNAVAILABLE, "server is shutting down");
}

// Hello.device_id: the client's installation id (a UUID from the desktop client). It is
// stored on orders, so only a short, plain token is taken.
bool isValidDeviceId(std::string_view id) {
    if (id.size() > 64) return false;
    return std::all_of(id.begin(), id.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
               c == '.' || c == ':';
    });
}

} // namespace

WebSocketSession::WebSocketSession(tcp::socket&& socket, Context& ctx, Principal principal, RequestMeta meta,
                                   std::shared_ptr<ConnectionLimiter::Slot> slot)
    : m_ctx(ctx),
      m_ws(std::move(socket)),
      m_principal(std::move(principal)),
      m_meta(std::move(meta)),
      m_slot(std::move(slot)),
      m_writeTimer(m_ws.get_executor()),
      m_bucket(ctx.limits.ratePerSecond, ctx.limits.burst),
      m_abuseBucket(ctx.limits.ratePerSecond, ctx.limits.burst * ctx.limits.abuseBurstMultiple) {
    m_seatWatch.feed = &ctx.seats;
    m_checkInWatch.feed = ctx.checkIns;
}
WebSocketSession::~WebSocketSession() {
    endWatch(m_seatWatch);
    endWatch(m_checkInWatch);
    if (m_accepted) {
        m_ctx.hub.leave(*this);
        m_ctx.metrics.connectionClosed();
        log::debug("websocket closed", {{"peer", m_meta.peerAddress}, {"user_id", m_principal.userId}});
    }
}

void WebSocketSession::run(http::request<http::string_body> request) {
    m_ws.set_option(websocket::stream_base::timeout::suggested(beast::role_type::server));
    m_ws.set_option(websocket::stream_base::decorator([](websocket::response_type& res) {
        res.set(http::field::server, serverHeader());
    }));
    // Layouts are uploaded whole (a stadium is a few MB): larger frames for the roles that
    // save them, known from the token at the upgrade.
    m_ws.read_message_max(mayUploadLayouts(m_principal.role) ? m_ctx.limits.maxEditorFrameBytes
                                                             : m_ctx.limits.maxFrameBytes);
    m_ws.binary(true);
    m_ws.async_accept(request, beast::bind_front_handler(&WebSocketSession::onAccept, shared_from_this()));
}

void WebSocketSession::onAccept(error_code ec) {
    if (ec) {
        log::debug("websocket handshake failed", {{"peer", m_meta.peerAddress}, {"error", ec.message()}});
        return;
    }
    m_accepted = true;
    m_ctx.metrics.connectionOpened();
    m_ctx.hub.join(*this);
    log::debug("websocket open", {{"peer", m_meta.peerAddress}, {"user_id", m_principal.userId}});
    // The hub may have been told to shut down between the upgrade and now.
    if (m_ctx.stopping.load()) m_shuttingDown = true;
    if (m_shuttingDown) closeWith(websocket::close_code::going_away, "server shutting down", false);
    doRead();
}

void WebSocketSession::doRead() {
    if (m_reading || m_peerGone) return;
    m_reading = true;
    m_ws.async_read(m_buffer, beast::bind_front_handler(&WebSocketSession::onRead, shared_from_this()));
}

void WebSocketSession::onRead(error_code ec, std::size_t) {
    m_reading = false;
    if (ec) {
        m_peerGone = true;
        if (ec == websocket::error::message_too_big) {
            // Beast has already failed the connection with close code 1009.
            m_ctx.metrics.frameRejected("too_big");
            log::info("frame too big; connection closed", {{"peer", m_meta.peerAddress}});
        } else if (ec != websocket::error::closed) {
            log::debug("websocket read ended", {{"peer", m_meta.peerAddress}, {"error", ec.message()}});
        }
        return;
    }
    if (m_closing) {
        // Keep reading so the peer's close frame completes the handshake.
        m_buffer.consume(m_buffer.size());
        doRead();
        return;
    }
    if (!m_ws.got_binary()) {
        m_buffer.consume(m_buffer.size());
        m_ctx.metrics.frameRejected("text");
        closeWith(websocket::close_code::protocol_error, "text frames are not allowed", false);
        doRead();
        return;
    }

    const auto now = nowMs();
    if (!m_bucket.tryTake(now)) {
        m_ctx.metrics.frameRejected("rate_limited");
        if (!m_abuseBucket.tryTake(now)) {
            m_buffer.consume(m_buffer.size());
            closeWith(websocket::close_code::policy_error, "rate limit exceeded", false);
            doRead();
            return;
        }
        v1::Envelope request;
        const auto data = m_buffer.cdata();
        const bool parsed = request.ParseFromArray(data.data(), static_cast<int>(data.size()));
        m_buffer.consume(m_buffer.size());
        const auto retryAfter = std::max<std::int64_t>(1, m_bucket.msUntilAvailable(now));
        sendError(parsed ? request.request_id() : 0, v1::RESOURCE_EXHAUSTED, "rate limit exceeded",
                  {{"retry_after_ms", std::to_string(retryAfter)}});
        maybeResumeReading();
        return;
    }

    handleFrame();
    maybeResumeReading();
}

void WebSocketSession::handleFrame() {
    v1::Envelope request;
    const auto data = m_buffer.cdata();
    const bool parsed = request.ParseFromArray(data.data(), static_cast<int>(data.size()));
    m_buffer.consume(m_buffer.size());
    if (!parsed) {
        m_ctx.metrics.frameRejected("unparseable");
        sendError(0, v1::INVALID_ARGUMENT, "frame is not a marquee.v1.Envelope");
        return;
    }
    dispatch(std::move(request));
}

void WebSocketSession::dispatch(v1::Envelope request) {
    const auto id = request.request_id();
    if (request.body_case() == v1::Envelope::BODY_NOT_SET) {
        m_ctx.metrics.frameRejected("unknown_type");
        sendError(id, v1::UNIMPLEMENTED, "unknown message type");
        return;
    }
    if (!protocol::isRequest(request)) {
        m_ctx.metrics.frameRejected("not_a_request");
        sendError(id, v1::INVALID_ARGUMENT, "'" + std::string(protocol::bodyName(request)) + "' is not a request");
        return;
    }
    if (id == 0) {
        sendError(0, v1::INVALID_ARGUMENT, "request_id must be non-zero");
        return;
    }
    if (m_deviceRevoked) {
        sendError(id, v1::FAILED_PRECONDITION, "this device was revoked by an admin", {{"reason", "device_revoked"}});
        return;
    }
    if (m_shuttingDown || m_ctx.stopping.load()) {
        send(shuttingDownAnswer(id));
        return;
    }
    if (m_principal.isExpired(systemNowMs())) {
        sendError(id, v1::UNAUTHENTICATED, "the session has expired; log in again");
        closeWith(websocket::close_code::policy_error, "session expired", true);
        return;
    }
    if (request.has_hello()) {
        if (m_helloDone) {
            sendError(id, v1::FAILED_PRECONDITION, "Hello was already sent on this connection");
            return;
        }
        startHello(std::move(request));
        return;
    }
    if (!m_helloDone) {
        sendError(id, v1::FAILED_PRECONDITION, "the first request must be Hello");
        return;
    }
    if (request.has_register_() || request.has_login()) {
        // Each one costs an Argon2id run: one at a time per connection.
        if (m_authInFlight) {
            sendError(id, v1::RESOURCE_EXHAUSTED, "one Register or Login at a time per connection",
                      {{"retry_after_ms", "1000"}});
            return;
        }
        m_authInFlight = true;
    }
    if (request.has_logout()) m_loggingOut = true;
    if (request.has_subscribe_seats()) {
        const auto eventId = core::lowerAscii(request.subscribe_seats().event_id());
        // A malformed id is refused by the API; there is nothing to watch.
        if (core::isUuid(eventId)) beginWatch(m_seatWatch, eventId, id);
        else endWatch(m_seatWatch);
    }
    if (request.has_unsubscribe_seats() &&
        core::lowerAscii(request.unsubscribe_seats().event_id()) == m_seatWatch.eventId)
        endWatch(m_seatWatch);
    if (request.has_watch_check_ins()) {
        const auto eventId = core::lowerAscii(request.watch_check_ins().event_id());
        if (core::isUuid(eventId)) beginWatch(m_checkInWatch, eventId, id);
        else endWatch(m_checkInWatch);
    }
    startApi(std::move(request));
}

void WebSocketSession::startHello(v1::Envelope request) {
    const auto& hello = request.hello();
    if (hello.protocol_major() != core::kProtocolMajor) {
        m_ctx.metrics.requestHandled("hello", 0.0);
        sendError(request.request_id(), v1::UNSUPPORTED_VERSION,
                  "this server speaks protocol major version " + std::to_string(core::kProtocolMajor),
                  {{"server_major", std::to_string(core::kProtocolMajor)}});
        closeWith(websocket::close_code::protocol_error, "unsupported protocol version", true);
        return;
    }
    if (!isValidDeviceId(hello.device_id())) {
        m_ctx.metrics.requestHandled("hello", 0.0);
        sendError(request.request_id(), v1::INVALID_ARGUMENT,
                  "device_id must be at most 64 letters, digits, '-', '_', '.' or ':'", {{"field", "device_id"}});
        return;
    }
    m_meta.deviceId = hello.device_id();
    m_helloDone = true;
    // Later requests wait for HelloOk, so it is always the first answer.
    m_helloPending = true;
    ++m_inFlight;
    m_ctx.metrics.requestStarted();
    const auto started = Clock::now();
    auto self = shared_from_this();
    auto shared = std::make_shared<const v1::Envelope>(std::move(request));
    const bool posted = m_ctx.pool.post([self, shared, started](pqxx::connection& conn) {
        auto answer = self->m_ctx.api.hello(conn, self->m_principal, *shared);
        const bool revoked = answer.has_error() && answer.error().details().count("reason") &&
                             answer.error().details().at("reason") == "device_revoked";
        asio::post(self->m_ws.get_executor(), [self, shared, answer = std::move(answer), started, revoked]() mutable {
            if (answer.has_error()) self->m_helloDone = false; // a refused Hello may be sent again
            self->onAnswer(*shared, std::move(answer), started);
            if (revoked) self->endForRevokedDevice();
        });
    });
    if (!posted) onAnswer(*shared, shuttingDownAnswer(shared->request_id()), started);
}

void WebSocketSession::startApi(v1::Envelope request) {
    ++m_inFlight;
    m_ctx.metrics.requestStarted();
    const auto started = Clock::now();
    auto shared = std::make_shared<const v1::Envelope>(std::move(request));
    runStep(shared, m_ctx.api.begin(m_principal, m_meta, *shared), started);
}

// Each step hops to its executor and back to this strand; the answer goes out from here.
void WebSocketSession::runStep(std::shared_ptr<const v1::Envelope> request, ApiStep step, Clock::time_point started) {
    if (step.answer) {
        onAnswer(*request, std::move(*step.answer), started);
        return;
    }
    auto self = shared_from_this();
    const auto next = [self, request, started](ApiStep result) {
        asio::post(self->m_ws.get_executor(), [self, request, result = std::move(result), started]() mutable {
            self->runStep(request, std::move(result), started);
        });
    };
    bool posted = false;
    if (step.db) {
        // Read-only search requests go to the search pool (search sessions: no transaction).
        const bool searching = request->has_search_request() || request->has_suggest_request();
        auto& pool = searching && m_ctx.searchPool ? *m_ctx.searchPool : m_ctx.pool;
        posted = pool.post([self, request, next, db = std::move(step.db)](pqxx::connection& conn) {
            next(self->m_ctx.api.runDb(conn, *request, db));
        });
        if (!posted) {
            onAnswer(*request, shuttingDownAnswer(request->request_id()), started);
            return;
        }
    } else {
        posted = m_ctx.hasher.post([self, request, next, cpu = std::move(step.cpu)] {
            next(self->m_ctx.api.runCpu(*request, cpu));
        });
        if (!posted) {
            const auto answer = m_ctx.stopping.load()
                                    ? shuttingDownAnswer(request->request_id())
                                    : protocol::makeError(request->request_id(), v1::RESOURCE_EXHAUSTED,
                                                          "the server is busy; try again", {{"retry_after_ms", "1000"}});
            onAnswer(*request, answer, started);
        }
    }
}

void WebSocketSession::onAnswer(const v1::Envelope& request, v1::Envelope answer, Clock::time_point started) {
    --m_inFlight;
    m_ctx.metrics.requestFinished();
    if (request.has_hello()) m_helloPending = false;
    if (request.has_register_() || request.has_login()) m_authInFlight = false;
    if (request.has_logout() && !answer.has_ack()) m_loggingOut = false;
    m_ctx.metrics.requestHandled(protocol::bodyName(request), secondsSince(started));
    if (!m_closing) {
        send(answer);
        if (request.has_subscribe_seats())
            onWatchAnswer(m_seatWatch, request,
                          answer.has_seat_snapshot() ? std::optional(answer.seat_snapshot().status_seq()) : std::nullopt);
        if (request.has_watch_check_ins())
            onWatchAnswer(m_checkInWatch, request,
                          answer.has_check_in_batch() ? std::optional(answer.check_in_batch().cursor()) : std::nullopt);
        // The connection is "live" once it has pulled everything up to the head; only then
        // do pushes make sense to it.
        if (request.has_pull_changes() && answer.has_change_batch() && !answer.change_batch().has_more() &&
            !answer.change_batch().reset())
            m_receivesPushes = true;
        if (request.has_logout() && answer.has_ack())
            closeWith(websocket::close_code::normal, "logged out", true);
    }
    if (m_deviceRevoked && m_inFlight == 0) closeWith(websocket::close_code::policy_error, "device revoked", true);
    if (m_shuttingDown && m_inFlight == 0)
        closeWith(websocket::close_code::going_away, "server shutting down", true);
    maybeResumeReading();
}

void WebSocketSession::maybeResumeReading() {
    // Too many answers waiting for a slow reader: read no more requests until they drain.
    if (!m_accepted || m_helloPending || m_inFlight >= m_ctx.limits.maxInFlight ||
        m_queuedBytes > m_ctx.limits.pauseReadingQueuedBytes)
        return;
    doRead();
}

void WebSocketSession::deliverPush(std::shared_ptr<const std::string> frame) {
    asio::post(m_ws.get_executor(), [self = shared_from_this(), frame = std::move(frame)]() mutable {
        if (self->m_receivesPushes && !self->m_shuttingDown) self->enqueue(std::move(frame));
    });
}

void WebSocketSession::beginWatch(FeedWatch& watch, const std::string& eventId, std::uint64_t requestId) {
    endWatch(watch); // one event per feed and connection: the new watch replaces the old
    watch.eventId = eventId;
    watch.requestId = requestId;
    watch.sent = 0;
    watch.answered = false;
    // Before the answer is read, so every later change reaches this connection.
    if (watch.feed) watch.feed->watch(eventId, *this);
}

void WebSocketSession::endWatch(FeedWatch& watch) {
    if (watch.eventId.empty()) return;
    if (watch.feed) watch.feed->unwatch(watch.eventId, *this);
    watch.eventId.clear();
    watch.requestId = 0;
    watch.backlog.clear();
    watch.skippedNewest.reset();
}

// After the answer has been queued: pushes newer than it follow, in order.
void WebSocketSession::onWatchAnswer(FeedWatch& watch, const v1::Envelope& request,
                                     std::optional<std::uint64_t> position) {
    if (request.request_id() != watch.requestId) return; // replaced by a later watch
    if (!position) {
        endWatch(watch);
        return;
    }
    watch.answered = true;
    watch.sent = *position;
    for (auto& pending : watch.backlog) {
        if (pending.position <= watch.sent) continue;
        watch.sent = pending.position;
        enqueue(std::move(pending.frame));
    }
    watch.backlog.clear();
    if (watch.feed) watch.feed->answerSent(watch.eventId, *position);
}

bool WebSocketSession::takePush(FeedWatch& watch, const std::string& eventId, std::uint64_t position,
                                std::shared_ptr<const std::string>& frame) {
    if (m_shuttingDown || eventId != watch.eventId) return false;
    if (!watch.answered) {
        if (watch.backlog.size() >= kMaxPushBacklog) watch.backlog.pop_front();
        watch.backlog.push_back({position, std::move(frame)});
        return false;
    }
    // Already in the answer or sent. Check-in records come again only when they changed
    // (flagged), and clients upsert them by check_in_id.
    if (position <= watch.sent) return false;
    watch.sent = position;
    return true;
}

void WebSocketSession::deliverSeatDelta(std::string eventId, std::uint64_t statusSeq,
                                        std::shared_ptr<const std::string> frame) {
    asio::post(m_ws.get_executor(), [self = shared_from_this(), eventId = std::move(eventId), statusSeq,
                                     frame = std::move(frame)]() mutable {
        auto& watch = self->m_seatWatch;
        if (!self->takePush(watch, eventId, statusSeq, frame)) return;
        const auto& limits = self->m_ctx.limits;
        if (watch.skippedNewest || self->m_queue.size() >= limits.maxQueuedFrames / kSeatQueueShareDivisor ||
            self->m_queuedBytes + frame->size() > limits.maxQueuedBytes / kSeatQueueShareDivisor) {
            if (!watch.skippedNewest) self->m_ctx.metrics.frameRejected("seat_delta_skipped");
            watch.skippedNewest = std::move(frame);
            return;
        }
        self->enqueue(std::move(frame));
    });
}

void WebSocketSession::sendSkippedSeatDeltaIfDrained() {
    auto& skipped = m_seatWatch.skippedNewest;
    if (!skipped || m_queue.size() > m_ctx.limits.maxQueuedFrames / kSeatQueueResumeDivisor ||
        m_queuedBytes > m_ctx.limits.maxQueuedBytes / kSeatQueueResumeDivisor)
        return;
    enqueue(std::move(skipped));
    skipped.reset();
}

void WebSocketSession::deliverCheckIns(std::string eventId, std::uint64_t cursor,
                                       std::shared_ptr<const std::string> frame) {
    asio::post(m_ws.get_executor(), [self = shared_from_this(), eventId = std::move(eventId), cursor,
                                     frame = std::move(frame)]() mutable {
        if (self->takePush(self->m_checkInWatch, eventId, cursor, frame)) self->enqueue(std::move(frame));
    });
}

void WebSocketSession::closeRevoked() {
    asio::post(m_ws.get_executor(), [self = shared_from_this()] {
        if (!self->m_accepted || self->m_loggingOut) return;
        self->m_shuttingDown = true; // no new requests; the close follows what is queued
        self->closeWith(websocket::close_code::policy_error, "session revoked", true);
    });
}

void WebSocketSession::closeIfDevice(std::string deviceId) {
    asio::post(m_ws.get_executor(), [self = shared_from_this(), deviceId = std::move(deviceId)] {
        if (self->m_accepted && !deviceId.empty() && self->m_meta.deviceId == deviceId) self->endForRevokedDevice();
    });
}

void WebSocketSession::endForRevokedDevice() {
    if (m_deviceRevoked) return;
    log::info("closing the connection of a revoked device",
              {{"device_id", m_meta.deviceId}, {"user_id", m_principal.userId}, {"in_flight", m_inFlight}});
    // Requests in flight finish (an upload learns device_revoked item by item); new ones are
    // refused with the reason; then 1008 "device revoked".
    m_deviceRevoked = true;
    if (m_inFlight == 0) closeWith(websocket::close_code::policy_error, "device revoked", true);
}

void WebSocketSession::shutdown() {
    asio::post(m_ws.get_executor(), [self = shared_from_this()] {
        self->m_shuttingDown = true;
        if (self->m_accepted && self->m_inFlight == 0)
            self->closeWith(websocket::close_code::going_away, "server shutting down", true);
    });
}

void WebSocketSession::sendError(std::uint64_t requestId, v1::ErrorCode code, std::string message,
                                 const std::map<std::string, std::string>& details) {
    send(protocol::makeError(requestId, code, std::move(message), details));
}

void WebSocketSession::send(const v1::Envelope& envelope) {
    if (envelope.has_error()) m_ctx.metrics.errorSent(v1::ErrorCode_Name(envelope.error().code()));
    auto frame = std::make_shared<std::string>();
    if (!envelope.SerializeToString(frame.get())) {
        log::error("could not serialize an answer", {{"type", protocol::bodyName(envelope)}});
        return;
    }
    enqueue(std::move(frame));
}

void WebSocketSession::enqueue(std::shared_ptr<const std::string> frame) {
    if (m_closing || m_peerGone) return;
    if (m_queue.size() >= m_ctx.limits.maxQueuedFrames || m_queuedBytes + frame->size() > m_ctx.limits.maxQueuedBytes) {
        m_ctx.metrics.frameRejected("queue_full");
        log::info("send queue full; closing", {{"peer", m_meta.peerAddress}, {"queued_bytes", m_queuedBytes}});
        closeWith(websocket::close_code::policy_error, "too slow; resume from your cursor", false);
        return;
    }
    m_queuedBytes += frame->size();
    m_queue.push_back(std::move(frame));
    if (!m_writing) doWrite();
}

void WebSocketSession::doWrite() {
    m_writing = true;
    m_ws.binary(true);
    // A peer that stops reading would hold this write (and the session) forever.
    m_writeTimer.expires_after(m_ctx.limits.writeTimeout);
    m_writeTimer.async_wait([weak = weak_from_this()](error_code ec) {
        if (auto self = weak.lock(); self && !ec) self->forceClose("write timed out");
    });
    m_ws.async_write(asio::buffer(*m_queue.front()),
                     beast::bind_front_handler(&WebSocketSession::onWrite, shared_from_this()));
}

void WebSocketSession::onWrite(error_code ec, std::size_t) {
    m_writing = false;
    if (!m_closing) m_writeTimer.cancel(); // while closing, the close deadline keeps running
    if (ec) {
        log::debug("websocket write failed", {{"peer", m_meta.peerAddress}, {"error", ec.message()}});
        m_queue.clear();
        m_queuedBytes = 0;
        m_peerGone = true;
        return;
    }
    m_queuedBytes -= m_queue.front()->size();
    m_queue.pop_front();
    if (!m_queue.empty())
        doWrite();
    else if (m_closing)
        doClose();
    if (!m_closing) sendSkippedSeatDeltaIfDrained(); // after doWrite: enqueue starts no second write
    maybeResumeReading();
}

void WebSocketSession::forceClose(std::string_view why) {
    log::info("closing the socket of an unresponsive peer", {{"peer", m_meta.peerAddress}, {"reason", std::string(why)}});
    m_peerGone = true;
    error_code ignored;
    beast::get_lowest_layer(m_ws).socket().close(ignored);
}

void WebSocketSession::closeWith(websocket::close_code code, std::string reason, bool afterFlush) {
    if (m_closing) return;
    m_closing = true;
    m_closeReason = websocket::close_reason(code, reason);
    if (!afterFlush) {
        // Keep only the frame being written: Beast allows one write at a time.
        while (m_queue.size() > (m_writing ? 1U : 0U)) {
            m_queuedBytes -= m_queue.back()->size();
            m_queue.pop_back();
        }
    }
    // The close handshake (and whatever is flushed before it) gets a bounded time.
    m_writeTimer.expires_after(afterFlush ? m_ctx.limits.writeTimeout : m_ctx.limits.closeTimeout);
    m_writeTimer.async_wait([weak = weak_from_this()](error_code ec) {
        if (auto self = weak.lock(); self && !ec) self->forceClose("close handshake timed out");
    });
    if (!m_writing && m_queue.empty()) doClose();
}

void WebSocketSession::doClose() {
    if (m_closeStarted || m_peerGone) return;
    m_closeStarted = true;
    m_ws.async_close(m_closeReason, [self = shared_from_this()](error_code ec) {
        if (ec) log::debug("websocket close failed", {{"peer", self->m_meta.peerAddress}, {"error", ec.message()}});
        self->m_writeTimer.cancel();
    });
}

} // namespace marquee::server::net
