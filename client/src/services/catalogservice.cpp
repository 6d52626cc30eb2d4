// CatalogService implementation.
#include "services/catalogservice.h"

#include "store/localstore.h"

namespace marquee::client {

CatalogService::CatalogService(LocalStore* store, QObject* parent) : QObject(parent), m_store(store)
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(250);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        const bool catalog = std::exchange(m_catalogDirty, false);
        const bool wishlist = std::exchange(m_wishlistDirty, false);
        if (catalog)
            Q_EMIT catalogChanged();
        if (wishlist)
            Q_EMIT wishlistChanged();
    });
}

QList<EventRow> CatalogService::events(EventFilter filter) const
{
    filter.userId = m_userId;
    return m_store->events(filter);
}

std::optional<EventDetails> CatalogService::eventDetails(const QString& eventId) const
{
    return m_store->eventDetails(eventId, m_userId);
}

QList<core::Category> CatalogService::categories() const { return m_store->categories(); }

QList<core::Venue> CatalogService::venues() const { return m_store->venues(); }

int CatalogService::eventCount() const { return m_store->eventCount(); }

void CatalogService::setUserId(qint64 userId)
{
    if (userId == m_userId)
        return;
    m_userId = userId;
    notifyWishlistChanged();
}

void CatalogService::notifyCatalogChanged()
{
    m_catalogDirty = true;
    if (!m_timer.isActive())
        m_timer.start();
}

void CatalogService::notifyWishlistChanged()
{
    m_wishlistDirty = true;
    if (!m_timer.isActive())
        m_timer.start();
}

} // namespace marquee::client
