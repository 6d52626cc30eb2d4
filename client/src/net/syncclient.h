// SyncClient: the WebSocket connection to marquee-server. Speaks the protobuf protocol,
// runs the pull loop and hands converted batches to whoever applies them.
#pragma once

#include "store/recommendrecords.h"
#include "store/records.h"
#include "store/searchtypes.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QUrl>

#include <memory>

class QWebSocket;

namespace marquee::core::seating {
struct Layout;
}

namespace marquee::v1 {
class Envelope;
class ChangeBatch;
} // namespace marquee::v1

namespace marquee::client {

class SyncClient : public QObject {
    Q_OBJECT
    Q_PROPERTY(State state READ state NOTIFY stateChanged)
    Q_PROPERTY(QDateTime lastSyncAt READ lastSyncAt NOTIFY lastSyncAtChanged)
public:
    enum class State { Offline, Connecting, Syncing, Online };
    Q_ENUM(State)

    struct Options {
        QList<int> backoffMs{500, 1000, 2000, 5000, 10000, 30000}; // the last one repeats
        int requestTimeoutMs = 15000;
        quint32 pullLimit = 0; // 0: server default
        QString clientName;    // defaults to marquee-desktop/<version>
    };

    explicit SyncClient(QObject* parent = nullptr);
    ~SyncClient() override;

    void setOptions(const Options& options);
    Options options() const { return m_options; }
    void setServerUrl(const QUrl& url);
    QUrl serverUrl() const { return m_url; }
    void setToken(const QString& token); // used at the next connect
    QString token() const { return m_token; }
    void setDeviceId(const QString& deviceId) { m_deviceId = deviceId; }
    // The persisted cursor to pull after. May be changed from a connected() slot.
    void setCursor(std::uint64_t cursor) { m_cursor = cursor; }
    std::uint64_t cursor() const { return m_cursor; }

    void start();     // connect, and keep reconnecting with backoff
    void stop();      // disconnect and stay offline
    void reconnect(); // drop the socket and connect again at once (new token)

    State state() const { return m_state; }
    bool isConnected() const { return m_helloDone; }
    HelloInfo hello() const { return m_hello; }
    QDateTime lastSyncAt() const { return m_lastSyncAt; }
    void setLastSyncAt(const QDateTime& at);

    // Requests return their request id (never 0); the answer arrives as a signal with that id.
    // Not connected: requestFailed(ConnectionLost) is emitted from the event loop.
    quint64 login(const QString& email, const QString& password);
    quint64 registerAccount(const QString& email, const QString& password, const QString& displayName);
    quint64 logout();
    quint64 sendWishlistMutation(const QString& idempotencyKey, const QString& eventId, bool add);
    // Seating. subscribeSeats is answered by seatSnapshotReceived, then seatDeltaReceived
    // pushes follow until unsubscribeSeats (acked) or the connection drops.
    quint64 subscribeSeats(const QString& eventId);
    quint64 unsubscribeSeats(const QString& eventId);
    quint64 setSeatsBlocked(const QString& idempotencyKey, const QString& eventId, const QStringList& seatIds, bool blocked);
    // Ack id "<layout id>@<new version>".
    quint64 saveLayout(const QString& idempotencyKey, const core::seating::Layout& layout, std::uint32_t baseVersion);
    quint64 getLayout(const QString& layoutId, std::uint32_t version); // answered by layoutReceived
    // Answered by searchAnswered (or requestFailed). zone: the user's IANA zone.
    quint64 search(const SearchQuery& query, const QString& zone);
    // Ingest administration (admin only): `request` holds one of the Envelope 80-88 bodies;
    // answered by ingestAdminAnswered with the whole answer envelope (or requestFailed).
    quint64 sendIngestAdmin(v1::Envelope& request);
    // Box office (boxoffice.proto, FindOrders, partial CancelOrder): `request` holds one body;
    // answered by boxOfficeAnswered with the whole answer envelope (or requestFailed).
    quint64 sendBoxOffice(v1::Envelope& request);
    // Booking (the signed-in user's own holds and orders). Holds are answered by holdReceived,
    // ReleaseHold by ackReceived, orders by orderReceived / orderListReceived, the payment
    // config by paymentConfigReceived; refusals by requestFailed.
    quint64 holdSeats(const QString& idempotencyKey, const HoldRequest& request);
    quint64 extendHold(const QString& holdId);
    quint64 releaseHold(const QString& holdId);
    quint64 createOrder(const OrderRequest& request);
    quint64 getOrder(const QString& orderId);
    quint64 listOrders(quint32 limit = 0);
    quint64 cancelOrder(const QString& idempotencyKey, const QString& orderId, const QString& reason);
    quint64 getPaymentConfig();
    // Waitlist (the signed-in user's entries): JoinWaitlist and LeaveWaitlist are answered by
    // waitlistEntryReceived, ListWaitlist by waitlistListReceived; refusals by requestFailed.
    quint64 joinWaitlist(const QString& idempotencyKey, const QString& eventId, const QString& priceCategoryId,
                         quint32 seats);
    quint64 leaveWaitlist(const QString& entryId);
    quint64 listWaitlist();
    // Recommendations (recommend.proto). Lists are answered by recommendationListReceived,
    // settings by recommendationSettingsReceived; RecordSignals and DeleteMyHistory by
    // ackReceived (id = how many signals were stored / deleted); refusals by requestFailed.
    quint64 recordSignals(const QList<SignalRecordInfo>& records);
    quint64 getRecommendations(quint32 limit, const TrendingArea& area = {});
    quint64 getSimilarEvents(const QString& eventId, quint32 limit);
    quint64 getTrending(const TrendingArea& area, quint32 limit);
    quint64 getRecommendationSettings();
    quint64 setRecommendationSettings(const RecommendationSettingsInfo& settings);
    quint64 deleteMyHistory();
    // Check-in at the doors (boxoffice.proto 170-175): `request` holds CheckIn, UploadCheckIns
    // or WatchCheckIns; answered by checkInAnswered with the whole answer envelope (or
    // requestFailed). Live CheckInBatch pushes come as checkInsPushed.
    quint64 sendCheckIn(v1::Envelope& request);
    void pull(); // pull from cursor() (no-op while a pull is in flight)
    // The owner could not store a batch: stop pulling and ignore pushes (a pull answer in
    // flight is dropped) until resumeFrom() names the cursor that was committed.
    void pausePulls();
    void resumeFrom(std::uint64_t cursor);
    bool pullsPaused() const { return m_paused; }

Q_SIGNALS:
    void stateChanged(marquee::client::SyncClient::State state);
    void lastSyncAtChanged(const QDateTime& at);
    // HelloOk received; emitted before the first pull so a slot may adjust the cursor.
    void connected(const marquee::client::HelloInfo& hello);
    void disconnected();
    void batchReceived(const marquee::client::ChangeBatchData& batch);
    // Emitted right after batchReceived with the same batch, for the consumer that keeps it
    // (the apply worker): a shared pointer crosses threads without copying 5000 rows.
    void batchReady(std::shared_ptr<const marquee::client::ChangeBatchData> batch);
    void caughtUp(quint64 cursor); // a pull answered has_more=false
    void sessionReceived(quint64 requestId, const marquee::client::SessionInfo& session);
    void ackReceived(quint64 requestId, const marquee::client::AckInfo& ack);
    void requestFailed(quint64 requestId, const marquee::client::ErrorInfo& error);
    void seatSnapshotReceived(quint64 requestId, const marquee::client::SeatSnapshotInfo& snapshot);
    void seatDeltaReceived(const marquee::client::SeatDeltaInfo& delta);
    void layoutReceived(quint64 requestId, std::shared_ptr<const marquee::core::seating::Layout> layout);
    void searchAnswered(quint64 requestId, const marquee::client::SearchResults& results);
    void ingestAdminAnswered(quint64 requestId, std::shared_ptr<const marquee::v1::Envelope> answer);
    void boxOfficeAnswered(quint64 requestId, std::shared_ptr<const marquee::v1::Envelope> answer);
    void holdReceived(quint64 requestId, const marquee::client::HoldInfo& hold);
    void orderReceived(quint64 requestId, const marquee::client::OrderInfo& order);
    void orderListReceived(quint64 requestId, const QList<marquee::client::OrderInfo>& orders, bool more);
    void paymentConfigReceived(quint64 requestId, const marquee::client::PaymentConfigInfo& config);
    void waitlistEntryReceived(quint64 requestId, const marquee::client::WaitlistEntryInfo& entry);
    void waitlistListReceived(quint64 requestId, const QList<marquee::client::WaitlistEntryInfo>& entries);
    void recommendationListReceived(quint64 requestId, const marquee::client::RecommendationListInfo& list);
    void recommendationSettingsReceived(quint64 requestId, const marquee::client::RecommendationSettingsInfo& settings);
    void checkInAnswered(quint64 requestId, std::shared_ptr<const marquee::v1::Envelope> answer);
    void checkInsPushed(std::shared_ptr<const marquee::v1::Envelope> push);
    void authenticationRejected(); // HTTP 401 at the upgrade: the token is no longer valid
    void fatalError(const marquee::client::ErrorInfo& error); // e.g. unsupported protocol version
    // An admin revoked this installation's device id: the server ended the connection and
    // refuses Hello (device_revoked). The client stops connecting (fatalError follows).
    void deviceRevoked();

private:
    enum class RequestKind {
        Hello, Pull, Login, Register, Logout, Wishlist,
        SubscribeSeats, UnsubscribeSeats, SetSeatsBlocked, SaveLayout, GetLayout, Search, IngestAdmin,
        Hold, ReleaseHold, Order, OrderList, PaymentConfig, WaitlistEntry, WaitlistList,
        RecommendationList, RecommendationSettings, RecommendationAck,
        BoxOffice, CheckIn
    };
    struct Pending {
        RequestKind kind;
    };

    void openSocket();
    void scheduleReconnect();
    void setState(State state);
    quint64 send(RequestKind kind, v1::Envelope& envelope);
    void onBinaryMessage(const QByteArray& data);
    void onSocketDisconnected();
    void failAllPending(ErrorCode code);
    void handleBatch(quint64 requestId, const v1::ChangeBatch& batch);

    Options m_options;
    QUrl m_url;
    QString m_token;
    QString m_deviceId;
    QWebSocket* m_socket = nullptr;
    QTimer m_reconnectTimer;
    int m_attempt = 0;
    bool m_running = false;
    bool m_helloDone = false;
    bool m_caughtUp = false;
    bool m_paused = false;
    quint64 m_pullRequest = 0;
    std::uint64_t m_cursor = 0;
    std::uint64_t m_pullFrom = 0;
    std::uint64_t m_pushSeenUpTo = 0;
    quint64 m_nextRequestId = 1;
    QHash<quint64, Pending> m_pending;
    HelloInfo m_hello;
    State m_state = State::Offline;
    QDateTime m_lastSyncAt;
};

} // namespace marquee::client
