// One WebSocket connection: binary Envelope frames in and out, on its own strand. Requests
// run on the db pool and their answers are posted back here; one write in flight with a
// bounded queue behind it.
#pragma once

#include "marquee/core/rate_limiter.hpp"
#include "marquee/v1/envelope.pb.h"
#include "net/connection_limiter.hpp"
#include "net/context.hpp"
#include "net/net.hpp"
#include "services/api.hpp"
#include "services/principal.hpp"

#include <chrono>
#include <cstdint>
#include <deque>
#include <memory>
#include <optional>
#include <string>

namespace marquee::server::net {

class EventFeed;

class WebSocketSession : public std::enable_shared_from_this<WebSocketSession> {
public:
    using Clock = std::chrono::steady_clock;

    WebSocketSession(tcp::socket&& socket, Context& ctx, Principal principal, RequestMeta meta,
                     std::shared_ptr<ConnectionLimiter::Slot> slot);
    ~WebSocketSession();
    WebSocketSession(const WebSocketSession&) = delete;
    WebSocketSession& operator=(const WebSocketSession&) = delete;

    // Completes the upgrade that the HTTP session read.
    void run(http::request<http::string_body> request);

    // Thread-safe. A live push; dropped unless this connection has pulled to the head.
    void deliverPush(std::shared_ptr<const std::string> frame);
    // Thread-safe. A SeatDelta push (pre-serialized Envelope) for `eventId`: sent when this
    // connection watches that event and the delta is newer than what it has (held back
    // until the subscription's snapshot has gone out).
    void deliverSeatDelta(std::string eventId, std::uint64_t statusSeq, std::shared_ptr<const std::string> frame);
    // Thread-safe. A CheckInBatch push (pre-serialized Envelope) for `eventId` up to `cursor`:
    // sent when this connection watches that event's check-ins and has not had it (held back
    // until the WatchCheckIns answer has gone out).
    void deliverCheckIns(std::string eventId, std::uint64_t cursor, std::shared_ptr<const std::string> frame);
    // Thread-safe. Stops taking requests, lets the ones in flight finish, closes with 1001.
    void shutdown();
    // Thread-safe. The session token was revoked (logout elsewhere): close with 1008.
    void closeRevoked();
    // Thread-safe. The box-office device `deviceId` was revoked (RevokeDevice on any instance):
    // if this connection's Hello named it, it finishes the requests in flight, refuses new ones
    // (FAILED_PRECONDITION reason = device_revoked) and closes with 1008 "device revoked".
    void closeIfDevice(std::string deviceId);

    // Immutable after construction, so the hub may read them from any thread.
    std::int64_t userId() const { return m_principal.userId; }
    const std::string& tokenHash() const { return m_principal.tokenHash; }

private:
    void onAccept(error_code ec);
    void doRead();
    void onRead(error_code ec, std::size_t bytes);
    void handleFrame();
    void dispatch(v1::Envelope request);
    void startHello(v1::Envelope request);
    // On the strand: this connection's device is revoked (closeIfDevice, or its Hello refused).
    void endForRevokedDevice();
    void startApi(v1::Envelope request);
    // Runs the next step of a request on the db pool or the password hasher.
    void runStep(std::shared_ptr<const v1::Envelope> request, ApiStep step, Clock::time_point started);
    void onAnswer(const v1::Envelope& request, v1::Envelope answer, Clock::time_point started);
    void maybeResumeReading();
    // A feed this connection watches (the seat map: Subscribe; check-ins: WatchCheckIns), one
    // event per feed; on the strand. Pushes that arrive before the answer has gone out wait in
    // the backlog; after it, only those newer than what was sent go out.
    struct PendingPush {
        std::uint64_t position = 0; // status_seq or check-in cursor
        std::shared_ptr<const std::string> frame;
    };
    struct FeedWatch {
        EventFeed* feed = nullptr; // null: nothing is pushed (a server without a check-in feed)
        std::string eventId;       // "" when none
        std::uint64_t requestId = 0; // the request that started the watch
        std::uint64_t sent = 0;      // newest position sent
        bool answered = false;
        std::deque<PendingPush> backlog;
        // Seat map only: seat deltas may fill only part of the send queue. Past that share
        // they are skipped, and only the newest is kept here; it goes out once the queue has
        // drained, so the client sees a gap in status_seq and resubscribes, while its requests
        // and answers keep flowing.
        std::shared_ptr<const std::string> skippedNewest;
    };
    void beginWatch(FeedWatch& watch, const std::string& eventId, std::uint64_t requestId);
    void endWatch(FeedWatch& watch);
    // The watch's answer has been queued; `position` is where it stands (nullopt: the request
    // failed and the watch ends).
    void onWatchAnswer(FeedWatch& watch, const v1::Envelope& request, std::optional<std::uint64_t> position);
    // Whether a push for `eventId` up to `position` goes out now; false when the event is not
    // watched, the push is not newer than what was sent, or it waits in the backlog (`frame`
    // moved there).
    bool takePush(FeedWatch& watch, const std::string& eventId, std::uint64_t position,
                  std::shared_ptr<const std::string>& frame);
    void sendSkippedSeatDeltaIfDrained();

    void sendError(std::uint64_t requestId, v1::ErrorCode code, std::string message,
                   const std::map<std::string, std::string>& details = {});
    void send(const v1::Envelope& envelope);
    void enqueue(std::shared_ptr<const std::string> frame);
    void doWrite();
    void onWrite(error_code ec, std::size_t bytes);
    // Closes the TCP socket under the WebSocket: a peer that does not read gets no more time.
    void forceClose(std::string_view why);

    // afterFlush: send what is queued first (error answers, Ack) before the close frame.
    void closeWith(websocket::close_code code, std::string reason, bool afterFlush);
    void doClose();

    Context& m_ctx;
    websocket::stream<beast::tcp_stream> m_ws;
    beast::flat_buffer m_buffer;
    const Principal m_principal;
    RequestMeta m_meta; // deviceId is set once, by Hello
    std::shared_ptr<ConnectionLimiter::Slot> m_slot;
    asio::steady_timer m_writeTimer; // armed while a write (or the close handshake) is under way

    core::TokenBucket m_bucket;
    core::TokenBucket m_abuseBucket;

    std::deque<std::shared_ptr<const std::string>> m_queue;
    std::size_t m_queuedBytes = 0;
    bool m_writing = false;

    bool m_accepted = false;
    bool m_reading = false;
    bool m_helloDone = false;
    bool m_helloPending = false;
    bool m_receivesPushes = false; // has pulled to the head
    bool m_authInFlight = false;   // a Register or Login is being worked on
    bool m_loggingOut = false;     // its own logout: the revocation notice is not for us
    bool m_shuttingDown = false;
    bool m_deviceRevoked = false; // closing with 1008 "device revoked" once nothing is in flight
    bool m_closing = false; // a close is queued or under way: ignore further input
    bool m_closeStarted = false;
    bool m_peerGone = false;
    websocket::close_reason m_closeReason;
    std::size_t m_inFlight = 0;

    FeedWatch m_seatWatch;
    FeedWatch m_checkInWatch;
};

} // namespace marquee::server::net
