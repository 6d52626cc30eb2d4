// SearchService: one search box's searches. Online it asks the server (which also knows the
// events outside the cache); offline, or when the server does not answer, it searches the
// cached catalog and says so (SearchResults::offline).
#pragma once

#include "store/records.h"
#include "store/searchtypes.h"

#include <QObject>

#include <functional>

namespace marquee::client {

class LocalStore;
class SyncClient;

class SearchService : public QObject {
    Q_OBJECT
public:
    SearchService(LocalStore* store, SyncClient* sync, QObject* parent = nullptr);

    // Starts a search; its answer is resultsReady. A newer search supersedes one in flight
    // (its late answer is dropped), so typing fast never shows stale results.
    void search(const SearchQuery& query);
    // Searches the cached catalog only, at once.
    SearchResults searchOffline(const SearchQuery& query) const;

    // Tests fix the clock that "not yet over" and the date presets use.
    void setClock(std::function<qint64()> nowMs) { m_nowMs = std::move(nowMs); }

Q_SIGNALS:
    void resultsReady(const marquee::client::SearchResults& results);
    // The server refused the query (e.g. too long); message is for the user.
    void searchFailed(const QString& message);

private:
    void onAnswered(quint64 requestId, const SearchResults& results);
    void onFailed(quint64 requestId, const ErrorInfo& error);

    LocalStore* m_store;
    SyncClient* m_sync;
    std::function<qint64()> m_nowMs;
    quint64 m_pendingRequest = 0;
    SearchQuery m_pendingQuery;
};

} // namespace marquee::client
