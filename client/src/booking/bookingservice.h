// BookingService: one checkout at a time for the signed-in user. Holds seats (specific, best
// available, general admission), counts the hold down each second, extends and releases it,
// tokenises a card with the online provider and creates the order (its idempotency key kept
// in SQLite until answered, so a retry after a dropped connection replays), follows the
// order through answers and the change log, and reads orders and tickets from the cache.
#pragma once

#include "booking/cardtokenizer.h"
#include "store/records.h"

#include <QObject>
#include <QSet>
#include <QTimer>

#include <functional>
#include <optional>

namespace marquee::client {

class AccountService;
class LocalStore;
class SeatingService;
class SyncClient;

class BookingService : public QObject {
    Q_OBJECT
public:
    enum class State {
        NoHold,    // nothing held (or released)
        Holding,   // HoldSeats sent
        Held,      // a live hold: counting down, ready to pay
        Paying,    // card being tokenised or the order being made (saga running)
        Confirmed, // the order is confirmed; tickets follow
        Expired,   // the hold lapsed before an order was made
    };
    Q_ENUM(State)

    // What went wrong last; cleared by the next action.
    enum class Problem {
        None, Offline, NotLoggedIn, SeatsTaken, SoldOut, HoldExpired, PaymentDeclined, ProviderUnreachable,
        NotAllowed, InvalidInput, Failed
    };
    Q_ENUM(Problem)

    BookingService(LocalStore* store, SyncClient* sync, AccountService* account, SeatingService* seating,
                   QObject* parent = nullptr);

    // Tests drive time; default: the system clock (ms since the epoch).
    void setClock(std::function<qint64()> nowMs);
    qint64 now() const { return m_now(); }
    CardTokenizer* cardTokenizer() const { return m_tokenizer; }

    // Holds. One hold at a time: a new hold releases the previous one.
    bool holdSeats(const HoldRequest& request); // false (and a problem) when offline / logged out
    void extendHold();
    // Checks out a hold made elsewhere (a waitlist offer): ExtendHold answers with the hold
    // (never shortening it) and the state becomes Held as after holdSeats.
    bool resumeHold(const QString& holdId);
    void releaseHold();
    // Forgets the finished checkout (confirmed, expired, failed) so the next can start.
    void reset();

    State state() const { return m_state; }
    HoldInfo hold() const { return m_hold; }
    int remainingSeconds() const;
    bool canExtend() const; // a live hold that has not reached its cap

    Problem problem() const { return m_problem; }
    QString problemText() const { return m_problemText; }
    QStringList takenSeats() const { return m_takenSeats; } // labels, for Problem::SeatsTaken
    QString declineCode() const { return m_declineCode; }

    // Checkout. The payment config says which methods exist (asked for on first use).
    void requestPaymentConfig();
    std::optional<PaymentConfigInfo> paymentConfig() const { return m_paymentConfig; }
    // Card online: tokenises with the provider, then creates the order with the token. The
    // card details are wiped as soon as they are sent.
    void payByCard(const QString& buyerName, const QString& buyerEmail, CardDetails& card);
    // Box office (staff, organizer, admin).
    void payByCash(const QString& buyerName, const QString& buyerEmail, qint64 tenderedMinor);
    void payByTerminal(const QString& buyerName, const QString& buyerEmail, const QString& terminalId);
    OrderInfo order() const { return m_order; }

    // Orders and tickets from the cache (work offline), newest first.
    QList<OrderInfo> cachedOrders() const;
    std::optional<OrderInfo> cachedOrder(const QString& orderId) const;
    QList<WaitlistEntryInfo> cachedWaitlistEntries() const;
    QList<TicketKeyInfo> ticketKeys() const;
    // The attendee may cancel a confirmed order until attendee_cancel_until_ms; staff roles
    // (organizer, admin) always: the server decides, this only spares a dead end.
    bool canCancel(const OrderInfo& order) const;
    quint64 cancelOrder(const QString& orderId, const QString& reason);
    bool isOnline() const;

    static QString declineText(const QString& declineCode);
    static QString orderStatusText(const OrderInfo& order);

public Q_SLOTS:
    void notifyBatchApplied(const marquee::client::BatchResult& result);

Q_SIGNALS:
    void stateChanged(marquee::client::BookingService::State state);
    void holdChanged(const marquee::client::HoldInfo& hold);
    void remainingChanged(int seconds);
    void problemChanged(marquee::client::BookingService::Problem problem, const QString& text);
    void paymentConfigChanged();
    void orderChanged(const marquee::client::OrderInfo& order);
    void ordersChanged(); // the cached orders changed (change log)
    void waitlistChanged();
    void cancelFinished(quint64 requestId, bool ok, const QString& message);

private:
    void setState(State state);
    void setProblem(Problem problem, const QString& text = {});
    void setHold(const HoldInfo& hold);
    void tick();
    void holdLost(); // the server no longer has the hold
    void submitOrder(OrderRequest request);
    void sendOrderRequest(const OrderRequest& request);
    void applyOrder(const OrderInfo& order);
    void onHold(quint64 requestId, const HoldInfo& hold);
    void onOrder(quint64 requestId, const OrderInfo& order);
    void onAck(quint64 requestId, const AckInfo& ack);
    void onFailed(quint64 requestId, const ErrorInfo& error);
    void onConnected();
    void onSeatStatus(const std::vector<std::uint32_t>& seats, const QByteArray& status);
    QString seatLabel(const QString& eventId, const QString& seatId) const;
    QString requestErrorText(const ErrorInfo& error) const;

    LocalStore* m_store;
    SyncClient* m_sync;
    AccountService* m_account;
    SeatingService* m_seating;
    CardTokenizer* m_tokenizer;
    std::function<qint64()> m_now;
    QTimer m_countdown;

    State m_state = State::NoHold;
    Problem m_problem = Problem::None;
    QString m_problemText;
    QStringList m_takenSeats;
    QString m_declineCode; // of the payment declined last (Problem::PaymentDeclined)
    HoldInfo m_hold;
    OrderInfo m_order;
    std::optional<PaymentConfigInfo> m_paymentConfig;
    std::optional<OrderRequest> m_pendingCardOrder; // waiting for the card token
    int m_lastRemaining = -1;

    QString m_holdEventId;        // of the last HoldSeats (names taken seats)
    QSet<std::uint32_t> m_seenHeldByMe; // seats of the hold the live status showed as ours
    quint64 m_holdRequest = 0;    // HoldSeats or ExtendHold in flight
    QSet<quint64> m_abandonedHolds; // holds given up while in flight: released when they arrive
    bool m_extending = false;
    quint64 m_releaseRequest = 0;
    quint64 m_orderRequest = 0;
    QString m_orderRequestKey;    // idempotency key of the CreateOrder in flight
    // Orders on this hold that failed before the attempt in flight (a declined card, then "Try
    // again"): their later updates (the saga's compensation step) are not the new attempt's answer.
    QSet<QString> m_failedAttempts;
    quint64 m_configRequest = 0;
    QSet<quint64> m_cancelRequests;
};

} // namespace marquee::client
