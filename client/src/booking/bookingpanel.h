// BookingPanel: the "Book" box of the Seats page. Holds the seats selected on the map, the
// best N adjacent seats in a price category, or N standing places, shows why a hold failed
// (taken, sold out, offline) and opens the CheckoutDialog once the seats are held.
#pragma once

#include <QPointer>
#include <QWidget>

#include <memory>

class QComboBox;
class QLabel;
class QPushButton;
class QSpinBox;

namespace marquee::core::seating {
struct Layout;
}

namespace marquee::client {

class CheckoutDialog;
class ClientSession;
class SeatMapView;

class BookingPanel : public QWidget {
    Q_OBJECT
public:
    BookingPanel(ClientSession* session, const QString& eventId, SeatMapView* view, QWidget* parent = nullptr);

    void setLayout(std::shared_ptr<const core::seating::Layout> layout);
    QPushButton* holdSelectedButton() const { return m_holdSelected; }
    QPushButton* bestAvailableButton() const { return m_holdBest; }
    QSpinBox* countBox() const { return m_count; }
    QComboBox* categoryBox() const { return m_category; }
    QString messageText() const;
    CheckoutDialog* checkoutDialog() const; // the open checkout, if any

    void holdSelected();
    void holdBestAvailable();

private:
    void updateEnabled();
    void showProblem();
    void openCheckout();

    ClientSession* m_session;
    QString m_eventId;
    SeatMapView* m_view;
    std::shared_ptr<const core::seating::Layout> m_layout;
    QPushButton* m_holdSelected;
    QSpinBox* m_count;
    QComboBox* m_category;
    QPushButton* m_holdBest;
    QLabel* m_message;
    QPointer<CheckoutDialog> m_checkout;
};

} // namespace marquee::client
