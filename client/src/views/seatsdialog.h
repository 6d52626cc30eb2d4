// SeatsDialog: the "Seats" page of an event. The seat map with legend, seat details and the
// selected-seats summary; live status while online, the cached layout with a notice offline.
// Organizers and admins block and unblock the selected seats here.
#pragma once

#include <QDialog>

#include <cstdint>
#include <memory>
#include <optional>

class QLabel;
class QPushButton;

namespace marquee::core::seating {
struct Layout;
}

namespace marquee::client {

class BookingPanel;
class ClientSession;
class SeatMapLegend;
class SeatMapView;
struct ErrorInfo;

class SeatsDialog : public QDialog {
    Q_OBJECT
public:
    SeatsDialog(ClientSession* session, const QString& eventId, QWidget* parent = nullptr);
    ~SeatsDialog() override;

    QString eventId() const { return m_eventId; }
    SeatMapView* seatMap() const { return m_view; }
    QString noticeText() const;
    QString summaryText() const;
    QString detailsText() const;
    QString resultText() const; // the organizer's last block/unblock outcome
    QPushButton* blockButton() const { return m_block; }
    QPushButton* unblockButton() const { return m_unblock; }
    BookingPanel* bookingPanel() const { return m_booking; }

    // Block (or unblock) the selected seats; the answer arrives through the live status.
    void blockSelected(bool blocked);

private:
    void loadLayout();
    void updateNotice();
    void updateSummary();
    void updateDetails(std::optional<std::uint32_t> seat);
    void updateRole();
    void showRequestError(const ErrorInfo& error);
    QString seatName(std::uint32_t seat) const; // "Stalls, row C, seat 12"

    ClientSession* m_session;
    QString m_eventId;
    std::shared_ptr<const core::seating::Layout> m_layout;
    SeatMapView* m_view;
    SeatMapLegend* m_legend;
    QLabel* m_notice;
    QLabel* m_details;
    QLabel* m_summary;
    QLabel* m_result;
    QPushButton* m_block;
    QPushButton* m_unblock;
    QWidget* m_organizerBox;
    BookingPanel* m_booking;
    quint64 m_blockRequest = 0;
};

} // namespace marquee::client
