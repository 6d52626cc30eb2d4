// The kiosk staff menu's lease page: lease a number of seats per price category of an event for
// offline selling, see what this kiosk holds (to sell, sold offline and not yet uploaded,
// confirmed, returned), return the unsold seats, and the offline sales the server rejected.
// Touch-sized; the work is the box office's LeaseService and OfflineSaleService.
#pragma once

#include "store/records.h"

#include <QWidget>

class QGridLayout;
class QLabel;
class QPushButton;
class QVBoxLayout;

namespace marquee::client {
class ClientSession;
struct LeaseInfo;
}

namespace marquee::client::kiosk {

class LeasePage : public QWidget {
    Q_OBJECT
public:
    explicit LeasePage(ClientSession* session, QWidget* parent = nullptr);

    // The events staff may lease for (the first is shown); events this kiosk already holds a
    // lease of are added, so an offline kiosk still shows them.
    void showEvents(const QList<EventRow>& events);
    QString eventId() const;
    int categoryCount(const QString& priceCategoryId) const;

    QPushButton* previousEventButton() const { return m_previousEvent; }
    QPushButton* nextEventButton() const { return m_nextEvent; }
    QPushButton* plusButton(const QString& priceCategoryId) const;
    QPushButton* plusTenButton(const QString& priceCategoryId) const;
    QPushButton* minusButton(const QString& priceCategoryId) const;
    QPushButton* leaseButton() const { return m_lease; }
    QPushButton* refreshButton() const { return m_refresh; }
    QPushButton* backButton() const { return m_back; }
    // One per lease card shown, newest lease first (disabled when there is nothing to return).
    QList<QPushButton*> returnButtons() const;
    QString connectionText() const;
    QString uploadText() const;
    QString messageText() const;
    // The lease cards' texts, newest first.
    QStringList leaseTexts() const;
    QStringList rejectedTexts() const;

public Q_SLOTS:
    void refresh();

Q_SIGNALS:
    void back();

private:
    struct CategoryRow {
        QString id;
        QLabel* count = nullptr;
        QPushButton* minus = nullptr;
        QPushButton* plus = nullptr;
        QPushButton* plusTen = nullptr;
        int value = 0;
    };
    bool isOnline() const;
    void showEvent(int index);
    void rebuildCategories();
    void changeCount(const QString& priceCategoryId, int delta);
    void lease();
    void rebuildLeaseCards();
    QWidget* leaseCard(const LeaseInfo& lease);

    ClientSession* m_session;
    QList<EventRow> m_events;
    int m_eventIndex = -1;
    QList<CategoryRow> m_categories;

    QLabel* m_connection;
    QLabel* m_uploads;
    QPushButton* m_previousEvent;
    QLabel* m_eventLabel;
    QPushButton* m_nextEvent;
    QGridLayout* m_categoryGrid;
    QLabel* m_summary;
    QPushButton* m_lease;
    QVBoxLayout* m_cards;
    QList<QWidget*> m_cardWidgets;
    QList<QPushButton*> m_returnButtons;
    QStringList m_cardTexts; // what each card says, for tests
    QLabel* m_rejectedTitle;
    QVBoxLayout* m_rejected;
    QList<QLabel*> m_rejectedLabels;
    QLabel* m_message;
    QPushButton* m_refresh;
    QPushButton* m_back;
};

} // namespace marquee::client::kiosk
