// CatalogService: the read side of the local cache for models and views. Coalesces change
// notifications so a burst of batches refreshes the UI once.
#pragma once

#include "store/records.h"

#include <QObject>
#include <QTimer>

namespace marquee::client {

class LocalStore;

class CatalogService : public QObject {
    Q_OBJECT
public:
    explicit CatalogService(LocalStore* store, QObject* parent = nullptr);

    QList<EventRow> events(EventFilter filter) const; // filter.userId is filled in
    std::optional<EventDetails> eventDetails(const QString& eventId) const;
    QList<core::Category> categories() const;
    QList<core::Venue> venues() const; // by name
    int eventCount() const;

    qint64 userId() const { return m_userId; }
    void setUserId(qint64 userId);
    // 0: notify at once (tests); default 250 ms.
    void setCoalesceInterval(int ms) { m_timer.setInterval(ms); }

public Q_SLOTS:
    void notifyCatalogChanged();
    void notifyWishlistChanged();

Q_SIGNALS:
    // Events, venues or categories changed. Emitted at most once per coalesce interval.
    void catalogChanged();
    // The current user's wishlist changed (or the user changed).
    void wishlistChanged();

private:
    LocalStore* m_store;
    qint64 m_userId = 0;
    QTimer m_timer;
    bool m_catalogDirty = false;
    bool m_wishlistDirty = false;
};

} // namespace marquee::client
