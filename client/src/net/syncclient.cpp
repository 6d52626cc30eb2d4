// SyncClient implementation: framing, request bookkeeping, reconnect and the pull loop.
#include "net/syncclient.h"

#include "net/bookingcodec.h"
#include "net/changedecoder.h"
#include "net/protobytes.h"
#include "net/recommendcodec.h"
#include "net/searchcodec.h"

#include "marquee/core/version.hpp"
#include "marquee/protocol/conversions.hpp"
#include "marquee/protocol/seating_conversions.hpp"
#include "marquee/v1/envelope.pb.h"

#include <QLocale>
#include <QLoggingCategory>
#include <QNetworkRequest>
#include <QWebSocket>

namespace marquee::client {

Q_LOGGING_CATEGORY(lcSync, "marquee.sync")

namespace {

// The language the server writes this account's mails in: the UI's ("de_DE"; the server keeps
// the language part and falls back to English for one it has no mails in).
std::string mailLanguage()
{
    return QLocale().name().toStdString();
}

ErrorInfo toErrorInfo(const v1::Error& error)
{
    ErrorInfo info;
    info.code = static_cast<ErrorCode>(error.code());
    info.message = QString::fromStdString(error.message());
    for (const auto& [key, value] : error.details())
        info.details.insert(QString::fromStdString(key), QString::fromStdString(value));
    return info;
}

QList<AreaAvailabilityInfo> toAvailability(const google::protobuf::RepeatedPtrField<v1::AreaAvailability>& areas)
{
    QList<AreaAvailabilityInfo> out;
    out.reserve(areas.size());
    for (const v1::AreaAvailability& a : areas)
        out.append(AreaAvailabilityInfo{QString::fromStdString(a.area_id()), a.capacity(), a.taken()});
    return out;
}

} // namespace

SyncClient::SyncClient(QObject* parent) : QObject(parent)
{
    m_options.clientName = QStringLiteral("marquee-desktop/") + QLatin1String(core::kProductVersion);
    m_reconnectTimer.setSingleShot(true);
    connect(&m_reconnectTimer, &QTimer::timeout, this, &SyncClient::openSocket);
}

SyncClient::~SyncClient()
{
    m_running = false;
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
    }
}

void SyncClient::setOptions(const Options& options)
{
    m_options = options;
    if (m_options.clientName.isEmpty())
        m_options.clientName = QStringLiteral("marquee-desktop/") + QLatin1String(core::kProductVersion);
    if (m_options.backoffMs.isEmpty())
        m_options.backoffMs = {1000};
}

void SyncClient::setServerUrl(const QUrl& url) { m_url = url; }
void SyncClient::setToken(const QString& token) { m_token = token; }

void SyncClient::setLastSyncAt(const QDateTime& at)
{
    if (at == m_lastSyncAt)
        return;
    m_lastSyncAt = at;
    Q_EMIT lastSyncAtChanged(at);
}

void SyncClient::setState(State state)
{
    if (state == m_state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

void SyncClient::start()
{
    m_running = true;
    m_attempt = 0;
    if (!m_socket)
        openSocket();
}

void SyncClient::stop()
{
    m_running = false;
    m_reconnectTimer.stop();
    if (m_socket) {
        QWebSocket* socket = m_socket;
        socket->disconnect(this);
        m_socket = nullptr;
        socket->abort();
        socket->deleteLater();
        onSocketDisconnected();
    }
    setState(State::Offline);
}

void SyncClient::reconnect()
{
    const bool wasRunning = m_running || m_socket;
    stop();
    if (wasRunning)
        start();
}

void SyncClient::openSocket()
{
    if (!m_running || m_socket)
        return;
    m_socket = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this);
    m_socket->setMaxAllowedIncomingMessageSize(64 * 1024 * 1024);
    connect(m_socket, &QWebSocket::connected, this, [this] {
        v1::Envelope env;
        auto* hello = env.mutable_hello();
        hello->set_protocol_major(core::kProtocolMajor);
        hello->set_protocol_minor(core::kProtocolMinor);
        hello->set_client_name(m_options.clientName.toStdString());
        hello->set_device_id(m_deviceId.toStdString());
        // Every connection, so a session restored without a Login, or a client restarted in
        // another language, still sets the account's mail language.
        hello->set_language(mailLanguage());
        send(RequestKind::Hello, env);
    });
    connect(m_socket, &QWebSocket::binaryMessageReceived, this, &SyncClient::onBinaryMessage);
    connect(m_socket, &QWebSocket::disconnected, this, [this] {
        if (QWebSocket* socket = m_socket) {
            m_socket = nullptr;
            socket->deleteLater();
        }
        onSocketDisconnected();
        scheduleReconnect();
    });
    connect(m_socket, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error), this, [this](QAbstractSocket::SocketError) {
        if (!m_socket)
            return;
        const QString text = m_socket->errorString();
        qCInfo(lcSync) << "socket error:" << text;
        // Qt 6.4 reports a refused upgrade only through the error text.
        if (!m_token.isEmpty() && text.contains(QLatin1String("401")))
            Q_EMIT authenticationRejected();
    });
    QNetworkRequest request(m_url);
    if (!m_token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + m_token.toUtf8());
    setState(State::Connecting);
    m_socket->open(request);
}

void SyncClient::scheduleReconnect()
{
    if (!m_running)
        return;
    const int index = std::min<int>(m_attempt, static_cast<int>(m_options.backoffMs.size()) - 1);
    ++m_attempt;
    m_reconnectTimer.start(m_options.backoffMs.at(index));
}

void SyncClient::onSocketDisconnected()
{
    const bool wasConnected = m_helloDone;
    m_helloDone = false;
    m_caughtUp = false;
    m_pullRequest = 0;
    failAllPending(ErrorCode::ConnectionLost);
    setState(State::Offline);
    if (wasConnected)
        Q_EMIT disconnected();
}

void SyncClient::failAllPending(ErrorCode code)
{
    const auto pending = std::exchange(m_pending, {});
    for (auto it = pending.cbegin(); it != pending.cend(); ++it) {
        if (it->kind == RequestKind::Hello || it->kind == RequestKind::Pull)
            continue;
        Q_EMIT requestFailed(it.key(), ErrorInfo{code, QStringLiteral("connection lost"), {}});
    }
}

quint64 SyncClient::send(RequestKind kind, v1::Envelope& envelope)
{
    const quint64 id = m_nextRequestId++;
    const bool handshake = kind == RequestKind::Hello;
    if (!m_socket || (!handshake && !m_helloDone)) {
        // Report asynchronously so callers can connect to the id they get back first.
        QTimer::singleShot(0, this, [this, id] {
            Q_EMIT requestFailed(id, ErrorInfo{ErrorCode::ConnectionLost, QStringLiteral("not connected"), {}});
        });
        return id;
    }
    envelope.set_request_id(id);
    std::string bytes;
    envelope.SerializeToString(&bytes);
    m_pending.insert(id, Pending{kind});
    m_socket->sendBinaryMessage(toBytes(bytes));
    QTimer::singleShot(m_options.requestTimeoutMs, this, [this, id] {
        auto it = m_pending.find(id);
        if (it == m_pending.end())
            return;
        const RequestKind timedOut = it->kind;
        m_pending.erase(it);
        qCWarning(lcSync) << "request" << id << "timed out";
        if (timedOut == RequestKind::Hello || timedOut == RequestKind::Pull) {
            // The connection is not making progress: start over.
            if (m_socket)
                m_socket->abort();
            return;
        }
        Q_EMIT requestFailed(id, ErrorInfo{ErrorCode::Timeout, QStringLiteral("timeout"), {}});
    });
    return id;
}

quint64 SyncClient::login(const QString& email, const QString& password)
{
    v1::Envelope env;
    env.mutable_login()->set_email(email.toStdString());
    env.mutable_login()->set_password(password.toStdString());
    env.mutable_login()->set_language(mailLanguage());
    return send(RequestKind::Login, env);
}

quint64 SyncClient::registerAccount(const QString& email, const QString& password, const QString& displayName)
{
    v1::Envelope env;
    auto* r = env.mutable_register_();
    r->set_email(email.toStdString());
    r->set_password(password.toStdString());
    r->set_display_name(displayName.toStdString());
    r->set_language(mailLanguage());
    return send(RequestKind::Register, env);
}

quint64 SyncClient::logout()
{
    v1::Envelope env;
    env.mutable_logout();
    return send(RequestKind::Logout, env);
}

quint64 SyncClient::sendWishlistMutation(const QString& idempotencyKey, const QString& eventId, bool add)
{
    v1::Envelope env;
    auto* m = env.mutable_wishlist_mutation();
    m->set_idempotency_key(idempotencyKey.toStdString());
    m->set_event_id(eventId.toStdString());
    m->set_add(add);
    return send(RequestKind::Wishlist, env);
}

quint64 SyncClient::subscribeSeats(const QString& eventId)
{
    v1::Envelope env;
    env.mutable_subscribe_seats()->set_event_id(eventId.toStdString());
    return send(RequestKind::SubscribeSeats, env);
}

quint64 SyncClient::unsubscribeSeats(const QString& eventId)
{
    v1::Envelope env;
    env.mutable_unsubscribe_seats()->set_event_id(eventId.toStdString());
    return send(RequestKind::UnsubscribeSeats, env);
}

quint64 SyncClient::setSeatsBlocked(const QString& idempotencyKey, const QString& eventId, const QStringList& seatIds,
                                    bool blocked)
{
    v1::Envelope env;
    auto* m = env.mutable_set_seats_blocked();
    m->set_idempotency_key(idempotencyKey.toStdString());
    m->set_event_id(eventId.toStdString());
    for (const QString& id : seatIds)
        m->add_seat_ids(id.toStdString());
    m->set_blocked(blocked);
    return send(RequestKind::SetSeatsBlocked, env);
}

quint64 SyncClient::saveLayout(const QString& idempotencyKey, const core::seating::Layout& layout,
                               std::uint32_t baseVersion)
{
    v1::Envelope env;
    auto* m = env.mutable_save_layout();
    m->set_idempotency_key(idempotencyKey.toStdString());
    *m->mutable_layout() = protocol::toProto(layout, true);
    m->set_base_version(baseVersion);
    return send(RequestKind::SaveLayout, env);
}

quint64 SyncClient::getLayout(const QString& layoutId, std::uint32_t version)
{
    v1::Envelope env;
    env.mutable_get_layout()->set_layout_id(layoutId.toStdString());
    env.mutable_get_layout()->set_version(version);
    return send(RequestKind::GetLayout, env);
}

quint64 SyncClient::search(const SearchQuery& query, const QString& zone)
{
    v1::Envelope env;
    toProto(query, zone, env.mutable_search_request());
    return send(RequestKind::Search, env);
}

quint64 SyncClient::sendIngestAdmin(v1::Envelope& request)
{
    return send(RequestKind::IngestAdmin, request);
}

quint64 SyncClient::sendBoxOffice(v1::Envelope& request)
{
    return send(RequestKind::BoxOffice, request);
}

quint64 SyncClient::sendCheckIn(v1::Envelope& request)
{
    return send(RequestKind::CheckIn, request);
}

quint64 SyncClient::holdSeats(const QString& idempotencyKey, const HoldRequest& request)
{
    v1::Envelope env;
    toProto(request, idempotencyKey, env.mutable_hold_seats());
    return send(RequestKind::Hold, env);
}

quint64 SyncClient::extendHold(const QString& holdId)
{
    v1::Envelope env;
    env.mutable_extend_hold()->set_hold_id(holdId.toStdString());
    return send(RequestKind::Hold, env);
}

quint64 SyncClient::releaseHold(const QString& holdId)
{
    v1::Envelope env;
    env.mutable_release_hold()->set_hold_id(holdId.toStdString());
    return send(RequestKind::ReleaseHold, env);
}

quint64 SyncClient::createOrder(const OrderRequest& request)
{
    v1::Envelope env;
    toProto(request, env.mutable_create_order());
    return send(RequestKind::Order, env);
}

quint64 SyncClient::getOrder(const QString& orderId)
{
    v1::Envelope env;
    env.mutable_get_order()->set_order_id(orderId.toStdString());
    return send(RequestKind::Order, env);
}

quint64 SyncClient::listOrders(quint32 limit)
{
    v1::Envelope env;
    env.mutable_list_orders()->set_limit(limit);
    return send(RequestKind::OrderList, env);
}

quint64 SyncClient::cancelOrder(const QString& idempotencyKey, const QString& orderId, const QString& reason)
{
    v1::Envelope env;
    auto* cancel = env.mutable_cancel_order();
    cancel->set_idempotency_key(idempotencyKey.toStdString());
    cancel->set_order_id(orderId.toStdString());
    cancel->set_reason(reason.toStdString());
    return send(RequestKind::Order, env);
}

quint64 SyncClient::getPaymentConfig()
{
    v1::Envelope env;
    env.mutable_get_payment_config();
    return send(RequestKind::PaymentConfig, env);
}

quint64 SyncClient::joinWaitlist(const QString& idempotencyKey, const QString& eventId, const QString& priceCategoryId,
                                 quint32 seats)
{
    v1::Envelope env;
    auto* join = env.mutable_join_waitlist();
    join->set_idempotency_key(idempotencyKey.toStdString());
    join->set_event_id(eventId.toStdString());
    join->set_price_category_id(priceCategoryId.toStdString());
    join->set_seats(seats);
    return send(RequestKind::WaitlistEntry, env);
}

quint64 SyncClient::leaveWaitlist(const QString& entryId)
{
    v1::Envelope env;
    env.mutable_leave_waitlist()->set_entry_id(entryId.toStdString());
    return send(RequestKind::WaitlistEntry, env);
}

quint64 SyncClient::listWaitlist()
{
    v1::Envelope env;
    env.mutable_list_waitlist();
    return send(RequestKind::WaitlistList, env);
}

quint64 SyncClient::recordSignals(const QList<SignalRecordInfo>& records)
{
    v1::Envelope env;
    auto* request = env.mutable_record_signals();
    for (const SignalRecordInfo& r : records)
        toProto(r, request->add_records());
    return send(RequestKind::RecommendationAck, env);
}

quint64 SyncClient::getRecommendations(quint32 limit, const TrendingArea& area)
{
    v1::Envelope env;
    auto* request = env.mutable_get_recommendations();
    request->set_limit(limit);
    if (area.radiusKm > 0) {
        request->set_latitude(area.latitude);
        request->set_longitude(area.longitude);
        request->set_radius_km(area.radiusKm);
    }
    return send(RequestKind::RecommendationList, env);
}

quint64 SyncClient::getSimilarEvents(const QString& eventId, quint32 limit)
{
    v1::Envelope env;
    env.mutable_get_similar_events()->set_event_id(eventId.toStdString());
    env.mutable_get_similar_events()->set_limit(limit);
    return send(RequestKind::RecommendationList, env);
}

quint64 SyncClient::getTrending(const TrendingArea& area, quint32 limit)
{
    v1::Envelope env;
    auto* request = env.mutable_get_trending();
    request->set_city(area.city.toStdString());
    if (area.radiusKm > 0) {
        request->set_latitude(area.latitude);
        request->set_longitude(area.longitude);
        request->set_radius_km(area.radiusKm);
    }
    request->set_limit(limit);
    return send(RequestKind::RecommendationList, env);
}

quint64 SyncClient::getRecommendationSettings()
{
    v1::Envelope env;
    env.mutable_get_recommendation_settings();
    return send(RequestKind::RecommendationSettings, env);
}

quint64 SyncClient::setRecommendationSettings(const RecommendationSettingsInfo& settings)
{
    v1::Envelope env;
    toProto(settings, env.mutable_set_recommendation_settings()->mutable_settings());
    return send(RequestKind::RecommendationSettings, env);
}

quint64 SyncClient::deleteMyHistory()
{
    v1::Envelope env;
    env.mutable_delete_my_history();
    return send(RequestKind::RecommendationAck, env);
}

void SyncClient::pull()
{
    if (!m_helloDone || m_pullRequest != 0 || m_paused)
        return;
    v1::Envelope env;
    env.mutable_pull_changes()->set_cursor(m_cursor);
    env.mutable_pull_changes()->set_limit(m_options.pullLimit);
    m_pullFrom = m_cursor;
    m_caughtUp = false;
    if (m_state == State::Online)
        setState(State::Syncing);
    m_pullRequest = send(RequestKind::Pull, env);
}

void SyncClient::pausePulls()
{
    m_paused = true;
    m_pullRequest = 0; // its answer is dropped in handleBatch
    m_caughtUp = false; // pushes are ignored until the next pull reaches the head
}

void SyncClient::resumeFrom(std::uint64_t cursor)
{
    m_paused = false;
    m_cursor = cursor;
    m_pullRequest = 0;
    m_caughtUp = false;
    pull(); // not connected: the pull after the next Hello starts from here
}

void SyncClient::onBinaryMessage(const QByteArray& data)
{
    v1::Envelope env;
    if (!parseMessage(env, data)) {
        qCWarning(lcSync) << "unparseable frame from server," << data.size() << "bytes";
        return;
    }
    const quint64 id = env.request_id();
    if (id == 0) {
        if (env.has_change_batch()) {
            handleBatch(0, env.change_batch());
        } else if (env.has_seat_delta()) {
            const v1::SeatDelta& d = env.seat_delta();
            SeatDeltaInfo delta{QString::fromStdString(d.event_id()), d.status_seq(),
                                std::vector<std::uint32_t>(d.seat_index().begin(), d.seat_index().end()),
                                toBytes(d.status()), toAvailability(d.general_admission())};
            Q_EMIT seatDeltaReceived(delta);
        } else if (env.has_check_in_batch()) {
            Q_EMIT checkInsPushed(std::make_shared<const v1::Envelope>(std::move(env)));
        } else if (env.has_error())
            qCWarning(lcSync) << "server error:" << QString::fromStdString(env.error().message());
        return;
    }
    auto it = m_pending.find(id);
    if (it == m_pending.end()) {
        qCInfo(lcSync) << "answer for unknown or timed-out request" << id;
        return;
    }
    const RequestKind kind = it->kind;
    m_pending.erase(it);

    if (env.has_error()) {
        const ErrorInfo error = toErrorInfo(env.error());
        if (kind == RequestKind::Hello) {
            qCWarning(lcSync) << "Hello refused:" << error.message;
            const bool revoked = error.details.value(QStringLiteral("reason")) == QLatin1String("device_revoked");
            if (error.code == ErrorCode::UnsupportedVersion || revoked) {
                m_running = false; // retrying cannot help
                if (revoked)
                    Q_EMIT deviceRevoked();
                Q_EMIT fatalError(error);
            }
            if (m_socket)
                m_socket->close();
        } else if (kind == RequestKind::Pull) {
            m_pullRequest = 0;
            qCWarning(lcSync) << "pull failed:" << error.message;
            const int retryMs = error.retryAfterMs() > 0 ? static_cast<int>(error.retryAfterMs()) : 1000;
            QTimer::singleShot(retryMs, this, &SyncClient::pull);
        } else {
            Q_EMIT requestFailed(id, error);
        }
        return;
    }

    switch (kind) {
    case RequestKind::Hello: {
        if (!env.has_hello_ok())
            break;
        const auto& ok = env.hello_ok();
        m_hello = HelloInfo{QString::fromStdString(ok.server_version()), ok.user_id(), protocol::fromProto(ok.role()),
                            QString::fromStdString(ok.email()), ok.head()};
        m_helloDone = true;
        m_attempt = 0;
        setState(State::Syncing);
        Q_EMIT connected(m_hello);
        pull();
        break;
    }
    case RequestKind::Pull:
        if (env.has_change_batch())
            handleBatch(id, env.change_batch());
        break;
    case RequestKind::Login:
    case RequestKind::Register:
        if (env.has_session()) {
            const auto& s = env.session();
            Q_EMIT sessionReceived(id, SessionInfo{QString::fromStdString(s.token()), s.user_id(),
                                                   protocol::fromProto(s.role()), QString::fromStdString(s.email()),
                                                   s.expires_at_ms()});
        }
        break;
    case RequestKind::SubscribeSeats:
        if (env.has_seat_snapshot()) {
            const v1::SeatSnapshot& snap = env.seat_snapshot();
            Q_EMIT seatSnapshotReceived(
                id, SeatSnapshotInfo{QString::fromStdString(snap.event_id()), QString::fromStdString(snap.layout_id()),
                                     snap.layout_version(), toBytes(snap.status()), snap.status_seq(),
                                     toAvailability(snap.general_admission())});
        }
        break;
    case RequestKind::GetLayout:
        if (env.has_seating_layout()) {
            try {
                Q_EMIT layoutReceived(id, std::make_shared<const core::seating::Layout>(
                                              protocol::fromProto(env.seating_layout())));
            } catch (const std::exception& e) {
                Q_EMIT requestFailed(id, ErrorInfo{ErrorCode::InvalidArgument, QString::fromUtf8(e.what()), {}});
            }
        }
        break;
    case RequestKind::Search:
        if (env.has_search_response())
            Q_EMIT searchAnswered(id, fromProto(env.search_response()));
        break;
    case RequestKind::IngestAdmin:
        Q_EMIT ingestAdminAnswered(id, std::make_shared<const v1::Envelope>(std::move(env)));
        break;
    case RequestKind::BoxOffice:
        Q_EMIT boxOfficeAnswered(id, std::make_shared<const v1::Envelope>(std::move(env)));
        break;
    case RequestKind::CheckIn:
        Q_EMIT checkInAnswered(id, std::make_shared<const v1::Envelope>(std::move(env)));
        break;
    case RequestKind::Hold:
        if (env.has_hold_result())
            Q_EMIT holdReceived(id, fromProto(env.hold_result()));
        break;
    case RequestKind::Order:
        if (env.has_order())
            Q_EMIT orderReceived(id, fromProto(env.order()));
        break;
    case RequestKind::OrderList:
        if (env.has_order_list()) {
            QList<OrderInfo> orders;
            for (const v1::Order& o : env.order_list().orders())
                orders.append(fromProto(o));
            Q_EMIT orderListReceived(id, orders, env.order_list().more());
        }
        break;
    case RequestKind::PaymentConfig:
        if (env.has_payment_config())
            Q_EMIT paymentConfigReceived(id, fromProto(env.payment_config()));
        break;
    case RequestKind::WaitlistEntry:
        if (env.has_waitlist_entry())
            Q_EMIT waitlistEntryReceived(id, fromProto(env.waitlist_entry()));
        break;
    case RequestKind::WaitlistList:
        if (env.has_waitlist_list()) {
            QList<WaitlistEntryInfo> entries;
            for (const v1::WaitlistEntry& e : env.waitlist_list().entries())
                entries.append(fromProto(e));
            Q_EMIT waitlistListReceived(id, entries);
        }
        break;
    case RequestKind::RecommendationList:
        if (env.has_recommendation_list())
            Q_EMIT recommendationListReceived(id, fromProto(env.recommendation_list()));
        break;
    case RequestKind::RecommendationSettings:
        if (env.has_recommendation_settings())
            Q_EMIT recommendationSettingsReceived(id, fromProto(env.recommendation_settings()));
        break;
    case RequestKind::RecommendationAck:
    case RequestKind::Logout:
    case RequestKind::Wishlist:
    case RequestKind::ReleaseHold:
    case RequestKind::UnsubscribeSeats:
    case RequestKind::SetSeatsBlocked:
    case RequestKind::SaveLayout:
        if (env.has_ack()) {
            const auto& a = env.ack();
            Q_EMIT ackReceived(id, AckInfo{QString::fromStdString(a.id()), a.seq_hint(), a.replayed()});
        }
        break;
    }
}

void SyncClient::handleBatch(quint64 requestId, const v1::ChangeBatch& batch)
{
    const bool live = requestId == 0;
    if (live) {
        m_pushSeenUpTo = std::max<std::uint64_t>(m_pushSeenUpTo, batch.next_cursor());
        if (m_pullRequest != 0 || !m_caughtUp)
            return; // the running pull (or the one after it) covers this range
        if (batch.next_cursor() <= m_cursor)
            return; // already have it
        if (batch.from_cursor() > m_cursor) {
            pull(); // we missed something between our cursor and this push
            return;
        }
    } else {
        if (requestId != m_pullRequest)
            return;
        m_pullRequest = 0;
    }

    const bool emptyReset = batch.reset() && batch.changes_size() == 0;
    m_cursor = emptyReset ? 0 : batch.next_cursor();
    // Ask for the next page before decoding this one: the server's query and the transfer
    // then overlap the decode here and the SQLite writes on the apply thread.
    const bool more = !live && (batch.has_more() || (emptyReset && m_pullFrom != 0));
    if (more)
        pull();

    auto data = std::make_shared<ChangeBatchData>(decodeChangeBatch(batch));
    data->live = live;
    Q_EMIT batchReceived(*data);
    Q_EMIT batchReady(std::move(data));

    if (live || more)
        return;
    if (m_pushSeenUpTo > m_cursor) {
        pull();
        return;
    }
    m_caughtUp = true;
    setLastSyncAt(QDateTime::currentDateTime());
    setState(State::Online);
    Q_EMIT caughtUp(m_cursor);
}

} // namespace marquee::client
