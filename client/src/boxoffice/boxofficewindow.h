// BoxOfficeWindow: the staff box office. The event's seat map on the left (live status online;
// offline, the seats of this device's lease), a banner that says plainly whether sales are live
// or come from the lease and how much of it is left, and on the right walk-up sales, lease
// management and counter operations; the end-of-day report opens in its own dialog.
#pragma once

#include "printing/printservice.h"
#include "store/records.h"

#include <QHash>
#include <QString>
#include <QStringList>
#include <QWidget>

#include <memory>

class QComboBox;
class QLabel;
class QPushButton;
class QTabWidget;

namespace marquee::core::seating {
struct Layout;
}

namespace marquee::client {

class ClientSession;
class CounterPanel;
class CounterService;
class DayReportDialog;
class DevicesPanel;
class LeasePanel;
class SalePanel;
class SeatMapLegend;
class SeatMapView;

class BoxOfficeWindow : public QWidget {
    Q_OBJECT
public:
    explicit BoxOfficeWindow(ClientSession* session, QWidget* parent = nullptr);
    ~BoxOfficeWindow() override;

    // The event on sale (the combo box lists upcoming events with a seat map).
    void setEvent(const QString& eventId);
    QString eventId() const { return m_eventId; }
    // Where tickets, receipts and reports go: a printer, or PDF files in a folder (default: PDF
    // in the documents folder). setPdfDirectory keeps the paper and prints to PDF there.
    void setPrintTarget(const printing::PrintTarget& target);
    void setPdfDirectory(const QString& directory);
    const printing::PrintService& printService() const { return m_print; }

    // Sales go to the server (true) or come from this device's lease (false).
    bool isOnline() const;
    QString bannerText() const;
    QStringList selectedSeatIds() const;
    void selectSeats(const QStringList& seatIds); // those of them that may be picked now
    std::shared_ptr<const core::seating::Layout> layout() const { return m_layout; }
    // Online, the places left in a general-admission (standing) area by the live status; -1
    // while unknown (offline, or no status yet).
    int standingPlacesLeft(const QString& areaId) const;

    SeatMapView* seatMap() const { return m_view; }
    QTabWidget* tabs() const { return m_tabs; }
    SalePanel* salePanel() const { return m_sale; }
    LeasePanel* leasePanel() const { return m_lease; }
    CounterPanel* counterPanel() const { return m_counter; }
    // The "Devices" tab (admins only; hidden for everyone else).
    DevicesPanel* devicesPanel() const { return m_devices; }
    CounterService* counter() const { return m_counterService; }
    QPushButton* reportButton() const { return m_reportButton; }
    DayReportDialog* openDayReport();

public Q_SLOTS:
    // Recomputes the banner and, offline, the map's seats from the lease.
    void refresh();

Q_SIGNALS:
    void eventChanged(const QString& eventId);
    void onlineChanged(bool online);

private:
    void fillEvents();
    void loadLayout();
    void showLeaseOnMap();
    void updateStanding(const QList<AreaAvailabilityInfo>& areas);

    ClientSession* m_session;
    CounterService* m_counterService;
    QString m_eventId;
    printing::PrintService m_print;
    std::shared_ptr<const core::seating::Layout> m_layout;
    bool m_wasOnline = false;
    QHash<QString, QPair<std::uint32_t, std::uint32_t>> m_standing; // area id -> (capacity, taken), live

    QComboBox* m_events;
    QLabel* m_banner;
    SeatMapView* m_view;
    SeatMapLegend* m_legend;
    QTabWidget* m_tabs;
    SalePanel* m_sale;
    LeasePanel* m_lease;
    CounterPanel* m_counter;
    DevicesPanel* m_devices;
    QPushButton* m_reportButton;
    DayReportDialog* m_report = nullptr;
};

} // namespace marquee::client
