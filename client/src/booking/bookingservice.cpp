// BookingService implementation: the hold/checkout state machine and its error mapping.
#include "booking/bookingservice.h"

#include "marquee/core/seating/seat_index.hpp"
#include "net/bookingcodec.h"
#include "net/syncclient.h"
#include "services/accountservice.h"
#include "services/seatingservice.h"
#include "store/localstore.h"

#include <QDateTime>
#include <QLoggingCategory>
#include <QSet>
#include <QUuid>

#include <algorithm>

namespace marquee::client {

Q_LOGGING_CATEGORY(lcBooking, "marquee.booking")

namespace {

QString newKey() { return QUuid::createUuid().toString(QUuid::WithoutBraces); }

bool isConnectionProblem(const ErrorInfo& error)
{
    return error.code == ErrorCode::ConnectionLost || error.code == ErrorCode::Timeout;
}

constexpr int kOrderRetries = 3; // timed-out CreateOrder replays before giving up

} // namespace

BookingService::BookingService(LocalStore* store, SyncClient* sync, AccountService* account, SeatingService* seating,
                               QObject* parent)
    : QObject(parent), m_store(store), m_sync(sync), m_account(account), m_seating(seating),
      m_tokenizer(new CardTokenizer(this)), m_now([] { return QDateTime::currentMSecsSinceEpoch(); })
{
    qRegisterMetaType<HoldInfo>();
    qRegisterMetaType<OrderInfo>();
    qRegisterMetaType<PaymentConfigInfo>();
    m_countdown.setInterval(1000);
    connect(&m_countdown, &QTimer::timeout, this, &BookingService::tick);
    connect(m_sync, &SyncClient::holdReceived, this, &BookingService::onHold);
    connect(m_sync, &SyncClient::orderReceived, this, &BookingService::onOrder);
    connect(m_sync, &SyncClient::ackReceived, this, &BookingService::onAck);
    connect(m_sync, &SyncClient::requestFailed, this, &BookingService::onFailed);
    connect(m_sync, &SyncClient::connected, this, &BookingService::onConnected);
    connect(m_sync, &SyncClient::paymentConfigReceived, this, [this](quint64 id, const PaymentConfigInfo& config) {
        if (id != m_configRequest)
            return;
        m_configRequest = 0;
        m_paymentConfig = config;
        Q_EMIT paymentConfigChanged();
    });
    connect(m_seating, &SeatingService::deltaReceived, this,
            [this](const SeatDeltaInfo& delta) { onSeatStatus(delta.seats, delta.status); });
    connect(m_seating, &SeatingService::snapshotReceived, this, [this](const SeatSnapshotInfo& snapshot) {
        std::vector<std::uint32_t> seats;
        QByteArray status;
        for (const HeldSeatInfo& seat : std::as_const(m_hold.seats)) {
            if (seat.seatIndex < static_cast<std::uint32_t>(snapshot.status.size())) {
                seats.push_back(seat.seatIndex);
                status.append(snapshot.status.at(static_cast<qsizetype>(seat.seatIndex)));
            }
        }
        onSeatStatus(seats, status);
    });
    connect(m_tokenizer, &CardTokenizer::tokenized, this, [this](const CardToken& token) {
        if (!m_pendingCardOrder)
            return;
        OrderRequest request = *std::exchange(m_pendingCardOrder, std::nullopt);
        request.cardPaymentMethod = token.paymentMethodId;
        submitOrder(std::move(request));
    });
    connect(m_tokenizer, &CardTokenizer::failed, this,
            [this](CardTokenizer::Failure failure, const QString& code, const QString& message) {
                if (!m_pendingCardOrder)
                    return;
                m_pendingCardOrder.reset();
                setState(remainingSeconds() > 0 ? State::Held : State::Expired);
                if (failure == CardTokenizer::Failure::Unreachable) {
                    setProblem(Problem::ProviderUnreachable,
                               tr("The payment provider could not be reached. Your seats stay held; try again."));
                } else if (failure == CardTokenizer::Failure::CardError) {
                    m_declineCode = code;
                    setProblem(Problem::PaymentDeclined, declineText(code));
                } else {
                    qCWarning(lcBooking) << "payment provider refused the request:" << code << message;
                    setProblem(Problem::Failed, tr("The payment provider refused the request. Please try again later."));
                }
            });
}

void BookingService::setClock(std::function<qint64()> nowMs) { m_now = std::move(nowMs); }

bool BookingService::isOnline() const { return m_sync->isConnected(); }

void BookingService::setState(State state)
{
    if (state == m_state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

void BookingService::setProblem(Problem problem, const QString& text)
{
    m_problem = problem;
    m_problemText = text;
    if (problem != Problem::SeatsTaken)
        m_takenSeats.clear();
    if (problem != Problem::PaymentDeclined)
        m_declineCode.clear();
    Q_EMIT problemChanged(problem, text);
}

void BookingService::setHold(const HoldInfo& hold)
{
    if (hold.holdId != m_hold.holdId)
        m_failedAttempts.clear();
    m_hold = hold;
    m_seenHeldByMe.clear();
    m_lastRemaining = -1;
    Q_EMIT holdChanged(m_hold);
    if (m_hold.isValid())
        m_countdown.start();
    else
        m_countdown.stop();
    tick();
}

int BookingService::remainingSeconds() const
{
    if (!m_hold.isValid())
        return 0;
    const qint64 left = m_hold.expiresAtMs - m_now();
    return left <= 0 ? 0 : static_cast<int>((left + 999) / 1000);
}

bool BookingService::canExtend() const
{
    return m_state == State::Held && m_holdRequest == 0 && m_hold.expiresAtMs < m_hold.maxExpiresAtMs
        && remainingSeconds() > 0;
}

void BookingService::tick()
{
    const int remaining = remainingSeconds();
    if (remaining != m_lastRemaining) {
        m_lastRemaining = remaining;
        Q_EMIT remainingChanged(remaining);
    }
    // While paying the server decides: an order made in the last second still wins.
    if (remaining == 0 && m_hold.isValid() && m_state == State::Held)
        holdLost();
}

void BookingService::holdLost()
{
    m_countdown.stop();
    const bool declined = m_problem == Problem::PaymentDeclined;
    setState(State::Expired);
    setProblem(Problem::HoldExpired,
               declined ? tr("The payment was declined and the seats were released. Pick seats again to retry.")
                        : tr("Your hold has expired and the seats were released. Pick seats again."));
}

bool BookingService::holdSeats(const HoldRequest& request)
{
    if (!m_account->isLoggedIn()) {
        setProblem(Problem::NotLoggedIn, tr("Log in to book seats."));
        return false;
    }
    if (!m_sync->isConnected()) {
        setProblem(Problem::Offline, tr("You are offline. Seats can be held only while connected."));
        return false;
    }
    if (m_hold.isValid() && (m_state == State::Held || m_state == State::Holding))
        releaseHold(); // one checkout at a time
    m_order = OrderInfo{};
    m_extending = false;
    setHold(HoldInfo{});
    setProblem(Problem::None);
    m_holdEventId = request.eventId;
    m_holdRequest = m_sync->holdSeats(newKey(), request);
    setState(State::Holding);
    return true;
}

void BookingService::extendHold()
{
    if (!canExtend())
        return;
    if (!m_sync->isConnected()) {
        setProblem(Problem::Offline, tr("You are offline: the hold cannot be extended now."));
        return;
    }
    m_extending = true;
    m_holdRequest = m_sync->extendHold(m_hold.holdId);
}

bool BookingService::resumeHold(const QString& holdId)
{
    if (!m_sync->isConnected()) {
        setProblem(Problem::Offline, tr("You are offline: the offered seats cannot be booked now."));
        return false;
    }
    if (m_hold.holdId != holdId)
        releaseHold(); // one hold at a time, as with holdSeats
    setProblem(Problem::None);
    m_extending = false;
    setState(State::Holding);
    m_holdRequest = m_sync->extendHold(holdId);
    return true;
}

void BookingService::releaseHold()
{
    if (m_hold.isValid() && (m_state == State::Held || m_state == State::Holding) && m_sync->isConnected())
        m_releaseRequest = m_sync->releaseHold(m_hold.holdId);
    // A hold still on its way (a kiosk wiped at the idle timeout, a new choice) is released
    // when its answer arrives, so it does not keep the seats until it expires.
    if (m_state == State::Holding && m_holdRequest != 0 && !m_extending)
        m_abandonedHolds.insert(m_holdRequest);
    m_holdRequest = 0;
    m_pendingCardOrder.reset();
    setHold(HoldInfo{});
    setState(State::NoHold);
}

void BookingService::reset()
{
    if (m_state == State::Held || m_state == State::Holding)
        releaseHold();
    m_order = OrderInfo{};
    setHold(HoldInfo{});
    setProblem(Problem::None);
    setState(State::NoHold);
}

void BookingService::onHold(quint64 requestId, const HoldInfo& hold)
{
    if (m_abandonedHolds.remove(requestId)) {
        if (m_sync->isConnected())
            m_sync->releaseHold(hold.holdId);
        return;
    }
    if (requestId == 0 || requestId != m_holdRequest)
        return;
    m_holdRequest = 0;
    const bool extended = std::exchange(m_extending, false);
    if (extended && m_state != State::Held)
        return; // paid or released meanwhile
    setHold(hold);
    setState(State::Held);
    if (extended && m_problem == Problem::Offline)
        setProblem(Problem::None);
}

void BookingService::onAck(quint64 requestId, const AckInfo&)
{
    if (requestId == m_releaseRequest)
        m_releaseRequest = 0;
}

void BookingService::onSeatStatus(const std::vector<std::uint32_t>& seats, const QByteArray& status)
{
    // A seat of the hold that is no longer ours (swept at expiry, released elsewhere) means
    // the server let the hold go; the local countdown might not have reached zero yet.
    if (m_state != State::Held || m_hold.seats.isEmpty() || m_seating->subscribedEvent() != m_hold.eventId.toLower())
        return;
    // Only a seat seen as ours first counts: a status older than the hold (a release that
    // raced the hold's answer) must not end it.
    for (std::size_t i = 0; i < seats.size() && i < static_cast<std::size_t>(status.size()); ++i) {
        const auto seatStatus = static_cast<core::seating::SeatStatus>(status.at(static_cast<qsizetype>(i)));
        const bool ours = std::any_of(m_hold.seats.cbegin(), m_hold.seats.cend(),
                                      [&](const HeldSeatInfo& held) { return held.seatIndex == seats[i]; });
        if (!ours)
            continue;
        if (seatStatus == core::seating::SeatStatus::HeldByMe) {
            m_seenHeldByMe.insert(seats[i]);
        } else if (m_seenHeldByMe.contains(seats[i])) {
            qCInfo(lcBooking) << "hold" << m_hold.holdId << "lost seat index" << seats[i];
            holdLost();
            return;
        }
    }
}

QString BookingService::seatLabel(const QString& eventId, const QString& seatId) const
{
    const auto layout = m_seating->layoutForEvent(eventId);
    if (!layout)
        return seatId;
    const core::seating::SeatIndex index(*layout);
    const auto seat = index.indexOf(seatId.toStdString());
    if (!seat)
        return seatId;
    // The same form as the server's HeldSeat labels: "Stalls · F · 19".
    QStringList parts{QString::fromStdString(index.area(*seat).label)};
    if (!index.row(*seat).label.empty())
        parts << QString::fromStdString(index.row(*seat).label);
    parts << QString::fromStdString(index.seat(*seat).label);
    return parts.join(QStringLiteral(" · "));
}

QString BookingService::requestErrorText(const ErrorInfo& error) const
{
    if (isConnectionProblem(error))
        return tr("The server did not answer. Check the connection and try again.");
    if (error.code == ErrorCode::PermissionDenied)
        return tr("You are not allowed to do this.");
    if (error.code == ErrorCode::Unauthenticated)
        return tr("Log in to book seats.");
    if (error.code == ErrorCode::NotFound)
        return tr("This event no longer exists.");
    return tr("The server refused: %1").arg(error.message);
}

void BookingService::onFailed(quint64 requestId, const ErrorInfo& error)
{
    if (requestId == 0)
        return;
    const QString reason = error.details.value(QStringLiteral("reason"));
    if (m_abandonedHolds.remove(requestId))
        return; // nothing was held
    if (requestId == m_holdRequest) {
        m_holdRequest = 0;
        if (std::exchange(m_extending, false)) {
            if ((error.code == ErrorCode::FailedPrecondition && reason == QLatin1String("expired"))
                || error.code == ErrorCode::NotFound) // swept already
                holdLost();
            else
                setProblem(isConnectionProblem(error) ? Problem::Offline : Problem::Failed,
                           tr("The hold could not be extended: %1").arg(requestErrorText(error)));
            return;
        }
        setState(State::NoHold);
        if (error.code == ErrorCode::AlreadyExists) {
            QStringList labels;
            for (auto it = error.details.cbegin(); it != error.details.cend(); ++it)
                if (it.key().startsWith(QLatin1String("taken.")))
                    labels << seatLabel(m_holdEventId, it.key().mid(6));
            setProblem(Problem::SeatsTaken,
                       labels.isEmpty() ? tr("Someone else was faster: those seats were just taken. Try again.")
                                        : tr("Sorry, these seats were just taken: %1").arg(labels.join(QStringLiteral(", "))));
            m_takenSeats = labels;
        } else if (error.code == ErrorCode::FailedPrecondition && reason == QLatin1String("sold_out")
                   && error.details.contains(QStringLiteral("available"))) {
            // A standing area: the server says how many places are left.
            setProblem(Problem::SoldOut, tr("Sold out: only %n place(s) left in this standing area.", "",
                                            error.details.value(QStringLiteral("available")).toInt()));
        } else if (error.code == ErrorCode::FailedPrecondition && reason == QLatin1String("sold_out")) {
            setProblem(Problem::SoldOut, tr("Sold out: there are not enough seats left that match your choice."));
        } else if (isConnectionProblem(error)) {
            setProblem(Problem::Offline, tr("The connection dropped before the seats were held. Try again."));
        } else {
            setProblem(error.code == ErrorCode::InvalidArgument ? Problem::InvalidInput : Problem::Failed,
                       tr("The seats could not be held. %1").arg(requestErrorText(error)));
        }
        return;
    }
    if (requestId == m_orderRequest) {
        m_orderRequest = 0;
        if (isConnectionProblem(error)) {
            // The order may exist on the server: the same key is sent again (on reconnect, or
            // at once after a timeout) and the server answers with that order.
            setProblem(Problem::Offline, tr("The connection dropped while paying. The order is sent again with the "
                                            "same key when the server is back, so you are never charged twice."));
            if (error.code == ErrorCode::Timeout && m_sync->isConnected()) {
                const auto pending = m_store->orderRequest(m_account->userId(), m_hold.holdId);
                if (pending)
                    sendOrderRequest(*pending);
            }
            return;
        }
        m_store->removeOrderRequest(std::exchange(m_orderRequestKey, QString()));
        if (error.code == ErrorCode::FailedPrecondition && reason == QLatin1String("hold_expired")) {
            holdLost();
            return;
        }
        setState(remainingSeconds() > 0 ? State::Held : State::Expired);
        if (error.code == ErrorCode::Unavailable)
            setProblem(Problem::ProviderUnreachable,
                       tr("The payment provider could not be reached. Your seats stay held; try again."));
        else if (error.code == ErrorCode::PermissionDenied || reason == QLatin1String("payment_method_not_allowed"))
            setProblem(Problem::NotAllowed, tr("This payment method is not available to you."));
        else if (error.code == ErrorCode::InvalidArgument)
            setProblem(Problem::InvalidInput, tr("Please check your details: %1").arg(error.message));
        else if (reason == QLatin1String("order_pending"))
            setProblem(Problem::Failed, tr("A payment for these seats is still being processed. Please wait a moment."));
        else if (reason == QLatin1String("event_not_on_sale"))
            setProblem(Problem::Failed, tr("This event is not on sale any more."));
        else
            setProblem(Problem::Failed, tr("The order could not be made. %1").arg(requestErrorText(error)));
        return;
    }
    if (requestId == m_configRequest) {
        m_configRequest = 0;
        setProblem(isConnectionProblem(error) ? Problem::Offline : Problem::Failed,
                   tr("The payment options could not be loaded. %1").arg(requestErrorText(error)));
        return;
    }
    if (m_cancelRequests.remove(requestId)) {
        QString text;
        if (error.code == ErrorCode::FailedPrecondition && reason == QLatin1String("pending"))
            text = tr("The order is still being processed; try again in a moment.");
        else if (error.code == ErrorCode::PermissionDenied || error.code == ErrorCode::FailedPrecondition)
            text = tr("This order can no longer be cancelled.");
        else
            text = requestErrorText(error);
        Q_EMIT cancelFinished(requestId, false, text);
    }
}

void BookingService::requestPaymentConfig()
{
    if (m_configRequest != 0)
        return;
    m_configRequest = m_sync->getPaymentConfig();
}

void BookingService::payByCard(const QString& buyerName, const QString& buyerEmail, CardDetails& card)
{
    OrderRequest request;
    request.buyerName = buyerName;
    request.buyerEmail = buyerEmail;
    request.method = PaymentMethod::CardOnline;
    if (m_state != State::Held || !m_hold.isValid()) {
        card.wipe();
        return;
    }
    if (!m_sync->isConnected()) {
        card.wipe();
        setProblem(Problem::Offline, tr("You are offline. Orders can be made only while connected."));
        return;
    }
    if (!m_paymentConfig || !m_paymentConfig->cardOnline) {
        card.wipe();
        setProblem(Problem::NotAllowed, tr("Card payments are not available right now."));
        return;
    }
    setProblem(Problem::None);
    m_pendingCardOrder = request;
    setState(State::Paying);
    m_tokenizer->tokenize(m_paymentConfig->providerUrl, m_paymentConfig->publishableKey, card);
}

void BookingService::payByCash(const QString& buyerName, const QString& buyerEmail, qint64 tenderedMinor)
{
    OrderRequest request;
    request.buyerName = buyerName;
    request.buyerEmail = buyerEmail;
    request.method = PaymentMethod::Cash;
    request.cashTenderedMinor = tenderedMinor;
    submitOrder(std::move(request));
}

void BookingService::payByTerminal(const QString& buyerName, const QString& buyerEmail, const QString& terminalId)
{
    OrderRequest request;
    request.buyerName = buyerName;
    request.buyerEmail = buyerEmail;
    request.method = PaymentMethod::CardTerminal;
    request.terminalId = terminalId;
    submitOrder(std::move(request));
}

void BookingService::submitOrder(OrderRequest request)
{
    if (!m_hold.isValid() || (m_state != State::Held && m_state != State::Paying))
        return;
    if (!m_sync->isConnected()) {
        setState(remainingSeconds() > 0 ? State::Held : State::Expired);
        setProblem(Problem::Offline, tr("You are offline. Orders can be made only while connected."));
        return;
    }
    setProblem(Problem::None);
    if (m_order.isValid() && m_order.status == OrderStatus::Failed && m_order.holdId == m_hold.holdId)
        m_failedAttempts.insert(m_order.id);
    request.idempotencyKey = newKey();
    request.userId = m_account->userId();
    request.holdId = m_hold.holdId;
    // Stored before it is sent: whatever happens to the connection, a retry reuses this key.
    if (!m_store->saveOrderRequest(request))
        qCWarning(lcBooking) << "could not keep the order request:" << m_store->lastError();
    sendOrderRequest(request);
}

void BookingService::sendOrderRequest(const OrderRequest& request)
{
    m_orderRequestKey = request.idempotencyKey;
    m_orderRequest = m_sync->createOrder(request);
    setState(State::Paying);
}

void BookingService::onConnected()
{
    // A CreateOrder whose answer was lost with the connection: replay it (same key).
    if (m_state != State::Paying || m_orderRequest != 0 || m_pendingCardOrder || !m_hold.isValid())
        return;
    if (const auto pending = m_store->orderRequest(m_account->userId(), m_hold.holdId)) {
        qCInfo(lcBooking) << "replaying CreateOrder for hold" << m_hold.holdId;
        sendOrderRequest(*pending);
    }
}

void BookingService::onOrder(quint64 requestId, const OrderInfo& order)
{
    if (requestId != 0 && requestId == m_orderRequest) {
        m_orderRequest = 0;
        m_store->removeOrderRequest(std::exchange(m_orderRequestKey, QString()));
        applyOrder(order);
        return;
    }
    if (m_cancelRequests.remove(requestId)) {
        if (order.id == m_order.id)
            applyOrder(order);
        Q_EMIT cancelFinished(requestId, true, QString());
    }
}

void BookingService::applyOrder(const OrderInfo& order)
{
    if (m_order.isValid() && order.id == m_order.id && order.updatedAtMs < m_order.updatedAtMs)
        return; // an older state than the one shown
    m_order = order;
    Q_EMIT orderChanged(m_order);
    switch (order.status) {
    case OrderStatus::Pending:
        setState(State::Paying);
        break;
    case OrderStatus::Confirmed:
    case OrderStatus::Cancelled:
        m_countdown.stop();
        setProblem(Problem::None);
        setState(State::Confirmed);
        break;
    case OrderStatus::Failed: {
        const QString& reason = order.failureReason;
        const bool live = remainingSeconds() > 0;
        if (reason == QLatin1String("hold_expired")) {
            holdLost();
            break;
        }
        if (order.payment.status == PaymentStatus::Declined || reason == QLatin1String("payment_declined")) {
            // The server keeps the hold (until its own expiry) for another card or cash: the
            // checkout stays on it with the same countdown.
            setProblem(Problem::PaymentDeclined, declineText(order.payment.declineCode));
            m_declineCode = order.payment.declineCode;
            if (live)
                setState(State::Held);
            else
                holdLost();
            break;
        }
        setState(live ? State::Held : State::Expired);
        if (reason == QLatin1String("seats_taken")) {
            setProblem(Problem::SeatsTaken, tr("Sorry, the seats were taken before the order completed."));
        } else if (reason.startsWith(QLatin1String("provider"))) {
            setProblem(Problem::ProviderUnreachable, tr("The payment provider could not be reached. Try again."));
        } else {
            setProblem(Problem::Failed, tr("The order could not be completed (%1).").arg(reason));
        }
        break;
    }
    case OrderStatus::Unspecified:
        break;
    }
}

void BookingService::notifyBatchApplied(const BatchResult& result)
{
    if (result.waitlistChanged)
        Q_EMIT waitlistChanged();
    if (!result.ordersChanged)
        return;
    Q_EMIT ordersChanged();
    std::optional<OrderInfo> current;
    const bool retrying = m_state == State::Paying && m_failedAttempts.contains(m_order.id);
    if (m_order.isValid() && !retrying) {
        current = cachedOrder(m_order.id);
    } else if (m_state == State::Paying && m_hold.isValid()) {
        // The answer was lost with the connection (or a new attempt follows a failed one); the
        // change log still brings the order of the attempt in flight.
        for (const OrderInfo& o : cachedOrders())
            if (o.holdId == m_hold.holdId && !m_failedAttempts.contains(o.id))
                current = o;
    }
    if (current && (current->updatedAtMs > m_order.updatedAtMs || current->status != m_order.status
                    || current->tickets.size() != m_order.tickets.size())) {
        if (m_state == State::Paying && m_orderRequest != 0 && current->status != OrderStatus::Pending) {
            m_orderRequest = 0; // the log answered first; the answer, when it comes, is the same order
            m_store->removeOrderRequest(std::exchange(m_orderRequestKey, QString()));
        }
        applyOrder(*current);
    }
}

QList<OrderInfo> BookingService::cachedOrders() const
{
    QList<OrderInfo> out;
    for (const QByteArray& payload : m_store->orderPayloads(m_account->userId()))
        if (auto order = decodeOrderPayload(payload))
            out.append(std::move(*order));
    return out;
}

std::optional<OrderInfo> BookingService::cachedOrder(const QString& orderId) const
{
    const auto payload = m_store->orderPayload(m_account->userId(), orderId);
    return payload ? decodeOrderPayload(*payload) : std::nullopt;
}

QList<WaitlistEntryInfo> BookingService::cachedWaitlistEntries() const
{
    QList<WaitlistEntryInfo> out;
    for (const QByteArray& payload : m_store->waitlistPayloads(m_account->userId()))
        if (auto entry = decodeWaitlistEntryPayload(payload))
            out.append(std::move(*entry));
    return out;
}

QList<TicketKeyInfo> BookingService::ticketKeys() const { return m_store->ticketKeys(); }

bool BookingService::canCancel(const OrderInfo& order) const
{
    if (order.status != OrderStatus::Confirmed)
        return false;
    const core::Role role = m_account->role();
    if (role == core::Role::Organizer || role == core::Role::Admin)
        return true;
    return order.attendeeCancelUntilMs > m_now();
}

quint64 BookingService::cancelOrder(const QString& orderId, const QString& reason)
{
    const quint64 id = m_sync->cancelOrder(newKey(), orderId, reason);
    m_cancelRequests.insert(id); // offline: requestFailed(ConnectionLost) follows
    return id;
}

QString BookingService::declineText(const QString& code)
{
    if (code == QLatin1String("insufficient_funds"))
        return tr("Insufficient funds on the card. Try another card.");
    if (code == QLatin1String("expired_card") || code == QLatin1String("invalid_expiry_year")
        || code == QLatin1String("invalid_expiry_month"))
        return code == QLatin1String("expired_card") ? tr("The card has expired. Try another card.")
                                                     : tr("The expiry date is not valid.");
    if (code == QLatin1String("incorrect_cvc") || code == QLatin1String("invalid_cvc"))
        return tr("The security code (CVC) is incorrect.");
    if (code == QLatin1String("incorrect_number") || code == QLatin1String("invalid_number"))
        return tr("The card number is incorrect.");
    if (code == QLatin1String("processing_error"))
        return tr("The card could not be processed. Please try again.");
    if (code == QLatin1String("authentication_required"))
        return tr("The bank asks for an authentication this checkout cannot do. Try another card.");
    if (code == QLatin1String("terminal_timeout"))
        return tr("The card terminal did not answer in time.");
    if (code == QLatin1String("terminal_cancelled"))
        return tr("The payment was cancelled at the card terminal.");
    if (code == QLatin1String("terminal_offline"))
        return tr("The card terminal is offline.");
    if (code == QLatin1String("insufficient_cash"))
        return tr("The cash tendered is less than the total.");
    // card_declined, and the reasons a shop must not reveal (lost_card, stolen_card, fraudulent).
    return tr("The card was declined. Try another card.");
}

QString BookingService::orderStatusText(const OrderInfo& order)
{
    switch (order.status) {
    case OrderStatus::Pending:
        return tr("Payment in progress");
    case OrderStatus::Confirmed:
        return tr("Confirmed");
    case OrderStatus::Failed:
        return tr("Not completed");
    case OrderStatus::Cancelled:
        return tr("Cancelled and refunded");
    case OrderStatus::Unspecified:
        break;
    }
    return tr("Unknown");
}

} // namespace marquee::client
