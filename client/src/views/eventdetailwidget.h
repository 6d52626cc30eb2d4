// EventDetailWidget: the detail pane for one event (time in its zone, venue, price, status,
// tags, performers, description) with the wishlist toggle. Says which event it shows, so the
// window can show its similar events and record the view.
#pragma once

#include "store/records.h"

#include <QWidget>

#include <optional>

class QLabel;
class QPushButton;

namespace marquee::client {

class EventDetailWidget : public QWidget {
    Q_OBJECT
public:
    explicit EventDetailWidget(QWidget* parent = nullptr);

    void setDetails(const std::optional<EventDetails>& details);
    void setWishlistEnabled(bool enabled, const QString& reason = {});
    QString eventId() const { return m_eventId; }
    QPushButton* wishlistButton() const { return m_wishlist; }
    // The "Seats" button shows when the event has a seat map in the cache.
    void setSeatMapAvailable(bool available);
    QPushButton* seatsButton() const { return m_seats; }
    QPushButton* joinWaitlistButton() const { return m_joinWaitlist; }
    QString statusText() const;

Q_SIGNALS:
    void wishlistToggleRequested(const QString& eventId);
    void seatsRequested(const QString& eventId);
    void joinWaitlistRequested(const QString& eventId);
    // Another event is shown (not emitted when the same one is refreshed); empty: none.
    void eventShown(const QString& eventId);

private:
    QString m_eventId;
    QLabel* m_title;
    QLabel* m_status;
    QLabel* m_when;
    QLabel* m_venue;
    QLabel* m_category;
    QLabel* m_price;
    QLabel* m_tags;
    QLabel* m_performers;
    QLabel* m_description;
    QLabel* m_placeholder;
    QWidget* m_content;
    QPushButton* m_wishlist;
    QPushButton* m_seats;
    QPushButton* m_joinWaitlist;
    bool m_soldOut = false;
};

} // namespace marquee::client
