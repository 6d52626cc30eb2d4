// LocalStore: the client's SQLite cache of the catalog plus the durable outbox.
// One instance per thread (each owns its own QSqlDatabase connection to the same file).
#pragma once

#include "store/boxofficerecords.h"
#include "store/records.h"
#include "store/recommendrecords.h"
#include "store/searchtypes.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>

#include <memory>
#include <optional>
#include <vector>

namespace marquee::client {

class LocalStore {
public:
    // Schema version written to PRAGMA user_version; each step upgrades from version-1.
    static constexpr int kSchemaVersion = 11;
    // Applied events a transaction indexes for search before it commits (live pushes, small
    // pages); more are left to indexSearchBacklog(), so a cold sync does not wait for FTS5.
    static constexpr int kInlineIndexRows = 1000;

    // targetSchemaVersion exists for upgrade tests: it stops the upgrade steps early.
    explicit LocalStore(QString path, int targetSchemaVersion = kSchemaVersion);
    ~LocalStore();
    LocalStore(const LocalStore&) = delete;
    LocalStore& operator=(const LocalStore&) = delete;

    // <AppDataLocation>/marquee.sqlite
    static QString defaultPath();
    static QString defaultPath(const QString& dataDir);

    bool open(QString* error = nullptr);
    void close();
    bool isOpen() const;
    QString path() const { return m_path; }
    QString lastError() const { return m_lastError; }
    int schemaVersion();
    QString pragma(const QString& name); // for tests and diagnostics
    QSqlDatabase database() const;

    // Sync and account state.
    SyncState syncState();
    bool setServerUrl(const QString& url);
    QString ensureDeviceId();
    bool saveSession(const SessionInfo& session);
    bool clearSession();
    // Identity the cursor belongs to changed (login/logout): user-scoped rows must be pulled
    // again, so the cursor restarts at 0. The catalog stays; upserts overwrite it.
    bool resetCursorForIdentity(qint64 userId);

    // Applies one batch in one transaction (rows, tombstones and the cursor together).
    // userId owns wishlist rows; pending outbox entries for an event win over server rows.
    BatchResult applyBatch(const ChangeBatchData& batch, qint64 userId);
    // Consecutive batches in one transaction (one commit, one fsync): all apply or none.
    // The cursor saved is the last batch's; one result per batch, all failed on an error.
    std::vector<BatchResult> applyBatches(const std::vector<const ChangeBatchData*>& batches, qint64 userId);
    bool clearCatalog();

    // Queries for the UI.
    QList<EventRow> events(const EventFilter& filter);
    std::optional<EventDetails> eventDetails(const QString& eventId, qint64 userId);
    QList<core::Category> categories();
    QList<core::Venue> venues(); // by name
    int eventCount();

    // Seating: the layout version an event sells and a layout version's SeatingLayout bytes.
    std::optional<EventLayoutPin> eventLayout(const QString& eventId);
    std::optional<QByteArray> layoutPayload(const QString& layoutId, std::uint32_t version);
    // The SeatingLayout bytes of every lineage's newest cached version.
    QList<QByteArray> newestLayoutPayloads();
    // Offline search over the cached catalog (localsearch.cpp): typo-tolerant full text,
    // the filters the cache can answer, category/date/price facets. nowMs: the clock
    // "not yet over" and the date presets use.
    SearchResults search(const SearchQuery& query, qint64 nowMs);
    // The search index's backlog (searchindex.cpp): events applied by large batches and not yet
    // indexed, kept in the cache file, so an index build cut short resumes after a restart.
    bool hasSearchBacklog();
    // Indexes up to maxEvents of the backlog in one transaction (set-based); false on an error.
    bool indexSearchBacklog(int maxEvents = 5000);

    // Wishlist and outbox.
    bool isWishlisted(qint64 userId, const QString& eventId);
    QStringList wishlist(qint64 userId);
    // Flips the local row and appends an outbox entry, in one transaction.
    std::optional<OutboxEntry> toggleWishlist(qint64 userId, const QString& eventId);
    // Oldest first; kind empty: every kind; limit < 0: all.
    QList<OutboxEntry> outbox(std::optional<qint64> userId = std::nullopt, const QString& kind = {}, int limit = -1);
    bool removeOutboxEntry(const QString& key);
    bool removeOutboxEntries(const QStringList& keys); // one transaction
    int dropOutboxEntries(qint64 userId, const QString& kind); // how many; -1 on an error
    bool recordOutboxFailure(const QString& key, const QString& error);
    // A rejected mutation: drop the entry and undo its effect on the local row.
    bool rejectOutboxEntry(const OutboxEntry& entry);
    // Logout: forget the user's cached rows. Outbox entries stay (they are never lost).
    bool clearUserData(qint64 userId);
    // After a login or reset: re-apply the user's pending wishlist mutations to local rows.
    bool reapplyPendingWishlist(qint64 userId);

    // Booking (bookingstore.cpp). The user's cached orders as encoded marquee.v1.Order
    // (net/bookingcodec.h decodes them), newest first; one order; waitlist entries likewise.
    QList<QByteArray> orderPayloads(qint64 userId);
    std::optional<QByteArray> orderPayload(qint64 userId, const QString& orderId);
    QList<QByteArray> waitlistPayloads(qint64 userId);
    QList<TicketKeyInfo> ticketKeys();
    std::optional<TicketKeyInfo> ticketKey(const QString& keyId);
    // CreateOrder requests sent and not answered yet (at most one per hold): kept until the
    // answer comes, so a retry after a dropped connection replays the same idempotency key.
    bool saveOrderRequest(const OrderRequest& request);
    std::optional<OrderRequest> orderRequest(qint64 userId, const QString& holdId);
    QList<OrderRequest> orderRequests(qint64 userId);
    bool removeOrderRequest(const QString& idempotencyKey);

    // Box office (boxofficestore.cpp): this device's ticket-signing key, its seat leases and
    // the sales it made offline from them.
    std::optional<DeviceKeyInfo> deviceKey(); // the newest key
    bool saveDeviceKey(const DeviceKeyInfo& key); // insert, or update its certificate
    // Stores the server's view of a lease. Seats sold here whose sale is not confirmed yet stay
    // SoldOffline whatever the server says (it has not seen the sale).
    bool saveLease(const LeaseInfo& lease);
    QList<LeaseInfo> leases(const QString& eventId = {}, bool activeOnly = false); // newest first
    std::optional<LeaseInfo> lease(const QString& leaseId);
    // One transaction: the sale row, its outbox entry and its seats marked SoldOffline. Nothing
    // is written when a seat is not Available in the sale's lease (*refusedSeat names it).
    bool recordOfflineSale(const OfflineSaleWrite& write, QString* refusedSeat = nullptr);
    // Before a ReturnLease: the lease's Available seats become Returning in one transaction (no
    // sale can take them meanwhile) and are listed, for the request's explicit seat list.
    QStringList markSeatsReturning(const QString& leaseId);
    // After its answer: the listed Returning seats become Returned, or (failed) Available again.
    bool finishSeatsReturning(const QString& leaseId, const QStringList& seatIds, bool returned);
    QList<OfflineSaleInfo> offlineSales(std::optional<OfflineSaleStatus> status = std::nullopt, const QString& eventId = {});
    std::optional<OfflineSaleInfo> offlineSale(const QString& orderId);
    // Upload answers in one transaction: a confirmed sale's seats become Sold and its order is
    // cached; a rejected one is kept for staff with the reason; both leave the outbox.
    bool applyOfflineSaleResults(const QList<OfflineSaleResultInfo>& results);
    static constexpr const char* kOfflineSaleOutboxKind = "offline_sale";

    // Recommendations (recommendstore.cpp). Lists are cached per user; userId 0 holds the public
    // ones (similar events, trending), shared by whoever uses this device.
    bool saveRecommendationList(qint64 userId, RecommendationListKind kind, const QString& key,
                                const RecommendationListInfo& list, qint64 fetchedAtMs);
    // Items whose events are in the catalog, not cancelled and not over at nowMs, in rank order.
    std::optional<CachedRecommendationList> recommendationList(qint64 userId, RecommendationListKind kind,
                                                               const QString& key, qint64 nowMs);
    bool clearRecommendationLists(qint64 userId, RecommendationListKind kind);
    std::optional<RecommendationSettingsInfo> recommendationSettings(qint64 userId);
    bool saveRecommendationSettings(qint64 userId, const RecommendationSettingsInfo& settings);
    // A view or search click goes to the outbox like any mutation (kSignalOutboxKind), so it
    // survives being offline and restarts and is sent once (its key is the idempotency key).
    std::optional<OutboxEntry> appendSignal(qint64 userId, const QString& eventId, SignalKind kind,
                                            const QString& searchQuery, qint64 atMs);
    static SignalRecordInfo signalRecord(const OutboxEntry& entry);
    static constexpr const char* kSignalOutboxKind = "signal";
    static constexpr const char* kWishlistOutboxKind = "wishlist";
    // Similar-event lists kept at most (the oldest fetched go first).
    static constexpr int kMaxCachedSimilarLists = 200;

    // Payload of a wishlist outbox entry.
    static QByteArray wishlistPayload(const QString& eventId, bool add);
    static bool wishlistPayloadAdds(const QByteArray& payload);

private:
    static core::Venue venueAt(const QSqlQuery& q, int first);
    bool exec(const QString& sql);
    bool exec(QSqlQuery& query);
    bool begin();
    bool upgrade();
    bool prepareBatchStatements();
    bool applyChanges(const ChangeBatchData& batch, qint64 userId, BatchResult& result, QString* error);
    // Search index upkeep (searchindex.cpp), inside the caller's transaction.
    qint64 nextEventRowid();
    bool indexAppliedEvents();
    bool clearSearchIndex();
    bool reindexSearchBatch(bool learnWords);
    bool clearBookingData(qint64 userId); // the user's orders and waitlist entries
    bool clearRecommendationData(qint64 userId); // the user's lists and settings

    QString m_path;
    QString m_connectionName;
    int m_targetVersion;
    QString m_lastError;
    struct Statements;
    std::unique_ptr<Statements> m_st;
    // What the running apply transaction added: events from this rowid on are new.
    struct AppliedEvents {
        qint64 firstNewRowid = 1;
        qint64 inserted = 0;
    } m_applied;
};

} // namespace marquee::client
