// WaitlistPanel: the user's waitlist entries, one card each: event, seats and category wanted,
// the place in line or the state; an offer stands out with its seats, a countdown and
// "Complete booking" (completeBookingRequested carries the offer's hold id for checkout).
#pragma once

#include "waitlist/waitlistservice.h"

#include <QWidget>

class QLabel;
class QVBoxLayout;

namespace marquee::client {

class WaitlistPanel : public QWidget {
    Q_OBJECT
public:
    explicit WaitlistPanel(WaitlistService* waitlist, QWidget* parent = nullptr);

    // Price category names for display ("pc2" -> "Category 2"), per event; optional.
    void setCategoryNamer(std::function<QString(const QString& eventId, const QString& categoryId)> namer);

Q_SIGNALS:
    void completeBookingRequested(const QString& holdId, const QString& eventId);

private:
    void rebuild();
    void updateCountdowns();
    QWidget* makeCard(const WaitlistEntryInfo& entry);
    QString wishText(const WaitlistEntryInfo& entry) const;
    QString countdownText(const WaitlistEntryInfo& entry) const;

    WaitlistService* m_waitlist;
    std::function<QString(const QString&, const QString&)> m_categoryName;
    QVBoxLayout* m_cards;
    QLabel* m_empty;
    QList<QPair<QString, QLabel*>> m_countdowns; // entry id -> its countdown label
};

} // namespace marquee::client
