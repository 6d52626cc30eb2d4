// MainWindow: toolbar (account), filter bar, event table with the "For you" and "Trending near
// you" pages beside it, detail pane (with similar events) and connection status.
// Holds models and services only; never touches SQL or sockets.
#pragma once

#include <QMainWindow>
#include <QPointer>
#include <QTimer>

class QAction;
class QDialog;
class QCheckBox;
class QComboBox;
class QDateEdit;
class QLabel;
class QTabWidget;
class QTableView;

namespace marquee::client {

class BoxOfficeWindow;
class CategoryModel;
class ClientSession;
class ConnectionIndicator;
class EventDetailWidget;
class EventListModel;
class MyOrdersWindow;
class RecommendationListModel;
class RecommendationListWidget;
class RecommendationSettingsDialog;
class SearchPanel;
class SeatsDialog;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(ClientSession* session, QWidget* parent = nullptr);

    EventListModel* eventModel() const { return m_events; }
    QTableView* eventView() const { return m_table; }
    EventDetailWidget* detailWidget() const { return m_details; }
    ConnectionIndicator* connectionIndicator() const { return m_indicator; }
    SearchPanel* searchPanel() const { return m_searchPanel; }
    QAction* myOrdersAction() const { return m_myOrders; }
    QAction* myWaitlistAction() const { return m_myWaitlist; }
    QAction* recommendationSettingsAction() const { return m_recommendSettings; }
    QAction* checkInAction() const { return m_checkIn; }
    static constexpr int kViewDwellMs = 1500;
    // The event pages: all events, "For you", "Trending near you".
    QTabWidget* pages() const { return m_pages; }
    RecommendationListWidget* forYouView() const { return m_forYou; }
    RecommendationListWidget* trendingView() const { return m_trending; }
    RecommendationListWidget* similarView() const { return m_similar; }
    RecommendationSettingsDialog* recommendationSettingsDialog() const;
    QString accountText() const;
    void selectEvent(const QString& eventId);

private:
    void applyFilter();
    void updateAccount();
    void showCurrentDetails();
    void openLogin(int mode);
    void openSeats(const QString& eventId);
    void openWaitlist();
    void openJoinWaitlist(const QString& eventId);
    void checkoutOffer(const QString& holdId);
    void openMyOrders();
    void showSearchHit(const QString& eventId);
    void openEvent(const QString& eventId);
    void openRecommendationSettings();

    ClientSession* m_session;
    EventListModel* m_events;
    CategoryModel* m_categories;
    QTableView* m_table;
    QTabWidget* m_pages;
    RecommendationListWidget* m_forYou;
    RecommendationListWidget* m_trending;
    RecommendationListWidget* m_similar;
    QAction* m_recommendSettings;
    QPointer<RecommendationSettingsDialog> m_settingsDialog;
    // A view counts once the event stayed on screen a moment (not while arrowing through rows).
    QTimer m_viewDwell;
    QString m_shownEventId;
    EventDetailWidget* m_details;
    ConnectionIndicator* m_indicator;
    SearchPanel* m_searchPanel;
    QCheckBox* m_fromCheck;
    QDateEdit* m_from;
    QCheckBox* m_toCheck;
    QDateEdit* m_to;
    QComboBox* m_category;
    QCheckBox* m_wishlistOnly;
    QLabel* m_count;
    QLabel* m_account;
    QAction* m_login;
    QAction* m_register;
    QAction* m_logout;
    QPointer<SeatsDialog> m_seatsDialog;
    QAction* m_myOrders;
    QAction* m_myWaitlist;
    QPointer<QDialog> m_waitlistWindow;
    QPointer<MyOrdersWindow> m_myOrdersWindow;
    // Organizers and admins: the seat-map editor (one window, reused).
    QAction* m_editSeatMaps;
    QAction* m_ingestAdmin;
    QAction* m_boxOffice;
    QPointer<BoxOfficeWindow> m_boxOfficeWindow;
    QAction* m_checkIn;
    QPointer<QWidget> m_layoutEditor;
};

} // namespace marquee::client
