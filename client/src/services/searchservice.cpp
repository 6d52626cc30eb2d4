// SearchService implementation: server first, the cache when offline or unanswered.
#include "services/searchservice.h"

#include "net/syncclient.h"
#include "store/localstore.h"

#include <QDateTime>
#include <QTimeZone>

namespace marquee::client {

SearchService::SearchService(LocalStore* store, SyncClient* sync, QObject* parent)
    : QObject(parent), m_store(store), m_sync(sync), m_nowMs([] { return QDateTime::currentMSecsSinceEpoch(); })
{
    connect(m_sync, &SyncClient::searchAnswered, this, &SearchService::onAnswered);
    connect(m_sync, &SyncClient::requestFailed, this, &SearchService::onFailed);
}

SearchResults SearchService::searchOffline(const SearchQuery& query) const
{
    SearchQuery local = query;
    if (local.timeZone.isEmpty())
        local.timeZone = QString::fromUtf8(QTimeZone::systemTimeZoneId());
    return m_store->search(local, m_nowMs());
}

void SearchService::search(const SearchQuery& query)
{
    m_pendingQuery = query;
    if (m_sync->isConnected()) {
        m_pendingRequest = m_sync->search(query, QString::fromUtf8(QTimeZone::systemTimeZoneId()));
        return;
    }
    m_pendingRequest = 0;
    Q_EMIT resultsReady(searchOffline(query));
}

void SearchService::onAnswered(quint64 requestId, const SearchResults& results)
{
    if (requestId == 0 || requestId != m_pendingRequest)
        return; // superseded
    m_pendingRequest = 0;
    SearchResults answer = results;
    answer.queryText = m_pendingQuery.text;
    Q_EMIT resultsReady(answer);
}

void SearchService::onFailed(quint64 requestId, const ErrorInfo& error)
{
    if (requestId == 0 || requestId != m_pendingRequest)
        return;
    m_pendingRequest = 0;
    if (error.code == ErrorCode::InvalidArgument) {
        Q_EMIT searchFailed(tr("The search could not be run: %1").arg(error.message));
        return;
    }
    // No answer from the server (offline, timeout, busy): the cache still has an answer.
    Q_EMIT resultsReady(searchOffline(m_pendingQuery));
}

} // namespace marquee::client
