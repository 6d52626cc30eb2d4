// MainWindow implementation.
#include "views/mainwindow.h"

#include "boxoffice/boxofficewindow.h"
#include "boxoffice/devicekeyservice.h"
#include "booking/bookingservice.h"
#include "booking/checkoutdialog.h"
#include "booking/myorderswindow.h"
#include "checkin/checkinservice.h"
#include "checkin/checkinwindow.h"
#include "editor/layouteditorwindow.h"
#include "models/categorymodel.h"
#include "models/eventlistmodel.h"
#include "recommend/recommendationlistmodel.h"
#include "recommend/recommendationlistwidget.h"
#include "recommend/recommendationsettingsdialog.h"
#include "recommend/recommendservice.h"
#include "services/accountservice.h"
#include "services/catalogservice.h"
#include "services/clientsession.h"
#include "services/seatingservice.h"
#include "services/wishlistservice.h"
#include "store/localstore.h"
#include "views/connectionindicator.h"
#include "views/eventdetailwidget.h"
#include "views/ingestadminwindow.h"
#include "views/logindialog.h"
#include "views/searchpanel.h"
#include "views/seatsdialog.h"
#include "waitlist/joinwaitlistdialog.h"
#include "waitlist/waitlistpanel.h"
#include "waitlist/waitlistservice.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QScrollArea>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QToolBar>
#include <QVBoxLayout>

namespace marquee::client {

MainWindow::MainWindow(ClientSession* session, QWidget* parent)
    : QMainWindow(parent), m_session(session), m_events(new EventListModel(session->catalog(), this)),
      m_categories(new CategoryModel(session->catalog(), this))
{
    setWindowTitle(tr("Marquee"));
    resize(1200, 720);

    auto* toolbar = addToolBar(tr("Account"));
    toolbar->setObjectName(QStringLiteral("accountToolbar"));
    toolbar->setMovable(false);
    m_login = toolbar->addAction(tr("Log in…"), this, [this] { openLogin(0); });
    m_register = toolbar->addAction(tr("Register…"), this, [this] { openLogin(1); });
    m_logout = toolbar->addAction(tr("Log out"), this, [this] { m_session->account()->logout(); });
    m_myOrders = toolbar->addAction(tr("My Orders && Tickets"), this, &MainWindow::openMyOrders);
    m_myWaitlist = toolbar->addAction(tr("My Waitlist"), this, &MainWindow::openWaitlist);
    m_recommendSettings = toolbar->addAction(tr("Recommendation Settings…"), this, &MainWindow::openRecommendationSettings);
    m_editSeatMaps = toolbar->addAction(tr("Edit Seat Maps…"), this, [this] {
        if (!m_layoutEditor) {
            m_layoutEditor = new LayoutEditorWindow(m_session->seating(), m_session->catalog(), this); // a window of its own
            m_layoutEditor->setAttribute(Qt::WA_DeleteOnClose);
        }
        m_layoutEditor->show();
        m_layoutEditor->raise();
        m_layoutEditor->activateWindow();
    });
    m_ingestAdmin = toolbar->addAction(tr("Ingest Sources…"), this, [this] {
        auto* service = new IngestAdminService(m_session->syncClient(), this);
        auto* window = new IngestAdminWindow(service, this); // a window of its own
        service->setParent(window); // both go when the window is closed
        window->setAttribute(Qt::WA_DeleteOnClose);
        window->show();
    });
    m_boxOffice = toolbar->addAction(tr("Box Office…"), this, [this] {
        if (!m_boxOfficeWindow) {
            m_boxOfficeWindow = new BoxOfficeWindow(m_session, this); // a window of its own
            m_boxOfficeWindow->setWindowFlag(Qt::Window);
            m_boxOfficeWindow->setAttribute(Qt::WA_DeleteOnClose);
        }
        m_boxOfficeWindow->show();
        m_boxOfficeWindow->raise();
    });
    m_checkIn = toolbar->addAction(tr("Check-in…"), this, [this] {
        auto* service = new CheckInService(m_session->store(), m_session->syncClient(), this);
        service->setDeviceId(m_session->store()->ensureDeviceId());
        service->setStaffUserId(m_session->account()->userId());
        auto* window = new CheckInWindow(service, this); // a window of its own
        service->setParent(window); // both go when the window is closed
        window->setAttribute(Qt::WA_DeleteOnClose);
        window->show();
    });
    auto* spacer = new QWidget(toolbar);
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    toolbar->addWidget(spacer);
    m_account = new QLabel(toolbar);
    m_account->setContentsMargins(8, 0, 8, 0);
    toolbar->addWidget(m_account);

    // Filter bar.
    auto* central = new QWidget(this);
    auto* layout = new QVBoxLayout(central);
    m_searchPanel = new SearchPanel(session->search(), central);
    layout->addWidget(m_searchPanel);
    connect(m_searchPanel, &SearchPanel::eventActivated, this, &MainWindow::showSearchHit);
    auto* filters = new QHBoxLayout;
    m_fromCheck = new QCheckBox(tr("From"), central);
    m_from = new QDateEdit(QDate::currentDate(), central);
    m_toCheck = new QCheckBox(tr("To"), central);
    m_to = new QDateEdit(QDate::currentDate().addMonths(1), central);
    for (QDateEdit* edit : {m_from, m_to}) {
        edit->setCalendarPopup(true);
        edit->setEnabled(false);
    }
    m_category = new QComboBox(central);
    m_category->setModel(m_categories);
    m_category->setMinimumContentsLength(18);
    m_wishlistOnly = new QCheckBox(tr("Wishlist only"), central);
    m_count = new QLabel(central);
    filters->addWidget(m_fromCheck);
    filters->addWidget(m_from);
    filters->addWidget(m_toCheck);
    filters->addWidget(m_to);
    filters->addSpacing(12);
    filters->addWidget(new QLabel(tr("Category:"), central));
    filters->addWidget(m_category);
    filters->addSpacing(12);
    filters->addWidget(m_wishlistOnly);
    filters->addStretch(1);
    filters->addWidget(m_count);
    layout->addLayout(filters);

    connect(m_fromCheck, &QCheckBox::toggled, m_from, &QWidget::setEnabled);
    connect(m_toCheck, &QCheckBox::toggled, m_to, &QWidget::setEnabled);
    for (QCheckBox* box : {m_fromCheck, m_toCheck, m_wishlistOnly})
        connect(box, &QCheckBox::toggled, this, &MainWindow::applyFilter);
    connect(m_from, &QDateEdit::dateChanged, this, &MainWindow::applyFilter);
    connect(m_to, &QDateEdit::dateChanged, this, &MainWindow::applyFilter);
    connect(m_category, &QComboBox::currentIndexChanged, this, &MainWindow::applyFilter);

    // Table and detail pane.
    auto* splitter = new QSplitter(Qt::Horizontal, central);
    m_pages = new QTabWidget(splitter);
    m_pages->setDocumentMode(true);
    m_table = new QTableView(m_pages);
    m_table->setModel(m_events);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setAlternatingRowColors(true);
    m_table->setShowGrid(false);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    m_table->horizontalHeader()->setSectionResizeMode(EventListModel::TitleColumn, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(EventListModel::DateColumn, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->resizeSection(EventListModel::VenueColumn, 170);
    m_table->horizontalHeader()->resizeSection(EventListModel::CategoryColumn, 100);
    m_table->horizontalHeader()->resizeSection(EventListModel::PriceColumn, 130);
    m_table->horizontalHeader()->resizeSection(EventListModel::StatusColumn, 90);
    // The detail pane: the event (scrolls) and its similar events under it.
    auto* detailPane = new QWidget(splitter);
    auto* detailLayout = new QVBoxLayout(detailPane);
    detailLayout->setContentsMargins(0, 0, 0, 0);
    auto* scroll = new QScrollArea(detailPane);
    scroll->setWidgetResizable(true);
    m_details = new EventDetailWidget(scroll);
    scroll->setWidget(m_details);
    detailPane->setMinimumWidth(320);
    detailLayout->addWidget(scroll, 1);
    // Recommendations: pages beside the table, similar events under the details.
    RecommendService* recommend = session->recommend();
    m_forYou = new RecommendationListWidget(new RecommendationListModel(recommend, RecommendationListKind::ForYou, this),
                                            tr("Picked for you"), m_pages);
    m_trending = new RecommendationListWidget(
        new RecommendationListModel(recommend, RecommendationListKind::Trending, this), tr("Trending near you"), m_pages);
    for (RecommendationListWidget* page : {m_forYou, m_trending})
        page->setContentsMargins(8, 8, 8, 0);
    m_pages->addTab(m_table, tr("All Events"));
    m_pages->addTab(m_forYou, tr("For You"));
    m_pages->addTab(m_trending, tr("Trending Near You"));
    m_similar = new RecommendationListWidget(new RecommendationListModel(recommend, RecommendationListKind::Similar, this),
                                             tr("Similar events"), detailPane);
    m_similar->setMaximumRows(3);
    m_similar->setContentsMargins(6, 4, 6, 0);
    m_similar->hide();
    detailLayout->addWidget(m_similar);
    connect(m_pages, &QTabWidget::currentChanged, this, [this](int index) {
        if (auto* page = qobject_cast<RecommendationListWidget*>(m_pages->widget(index)))
            page->model()->refresh(); // opening a page fetches it fresh when online
    });
    for (RecommendationListWidget* list : {m_forYou, m_trending, m_similar})
        connect(list, &RecommendationListWidget::eventActivated, this, &MainWindow::openEvent);
    m_viewDwell.setSingleShot(true);
    m_viewDwell.setInterval(kViewDwellMs);
    connect(&m_viewDwell, &QTimer::timeout, this, [this] { m_session->recommend()->recordView(m_shownEventId); });
    connect(m_details, &EventDetailWidget::eventShown, this, [this](const QString& eventId) {
        m_similar->model()->setEventId(eventId);
        m_similar->setVisible(!eventId.isEmpty());
        m_shownEventId = eventId;
        if (eventId.isEmpty())
            m_viewDwell.stop();
        else
            m_viewDwell.start();
    });
    const auto showTrendingArea = [this] {
        m_trending->setHeading(RecommendationListModel::trendingHeading(m_session->recommend()->trendingArea()));
    };
    connect(recommend, &RecommendService::settingsChanged, this, showTrendingArea);
    showTrendingArea();
    splitter->addWidget(m_pages);
    splitter->addWidget(detailPane);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setSizes({820, 380});
    m_table->horizontalHeader()->setMinimumSectionSize(60);
    layout->addWidget(splitter, 1);
    setCentralWidget(central);

    m_indicator = new ConnectionIndicator(this);
    m_indicator->setSession(session);
    statusBar()->addPermanentWidget(m_indicator);

    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &MainWindow::showCurrentDetails);
    connect(m_events, &EventListModel::refreshed, this, [this] {
        m_count->setText(tr("%n event(s)", nullptr, m_events->rowCount()));
        showCurrentDetails();
    });
    connect(m_events, &QAbstractItemModel::modelReset, this, &MainWindow::showCurrentDetails);
    connect(m_details, &EventDetailWidget::wishlistToggleRequested, this,
            [this](const QString& id) { m_session->wishlist()->toggle(id); });
    connect(m_session->wishlist(), &WishlistService::toggleFailed, this, [this](const QString& message) {
        statusBar()->showMessage(message, 8000);
        showCurrentDetails();
    });
    connect(m_session->wishlist(), &WishlistService::mutationRejected, this, [this](const QString&, const QString& message) {
        QMessageBox::warning(this, tr("Wishlist"), message);
    });
    connect(m_details, &EventDetailWidget::seatsRequested, this, &MainWindow::openSeats);
    connect(m_details, &EventDetailWidget::joinWaitlistRequested, this, &MainWindow::openJoinWaitlist);
    connect(m_session->waitlist(), &WaitlistService::offerReceived, this, [this](const WaitlistEntryInfo& offer) {
        statusBar()->showMessage(tr("Seats are held for you for %1. Complete the booking in My Waitlist.")
                                     .arg(offer.eventTitle),
                                 15000);
        openWaitlist();
    });
    connect(m_session->seating(), &SeatingService::layoutsChanged, this, &MainWindow::showCurrentDetails);
    connect(m_session->account(), &AccountService::sessionChanged, this, &MainWindow::updateAccount);
    connect(m_session->account(), &AccountService::sessionExpired, this,
            [this](const QString& message) { statusBar()->showMessage(message, 15000); });
    connect(m_session, &ClientSession::storeError, this,
            [this](const QString& message) { statusBar()->showMessage(tr("Local cache error: %1").arg(message), 15000); });

    updateAccount();
    m_count->setText(tr("%n event(s)", nullptr, m_events->rowCount()));
}

QString MainWindow::accountText() const { return m_account->text(); }

void MainWindow::applyFilter()
{
    EventFilter f;
    if (m_fromCheck->isChecked())
        f.from = m_from->date();
    if (m_toCheck->isChecked())
        f.to = m_to->date();
    f.categoryId = m_category->currentData(CategoryModel::CategoryIdRole).toString();
    f.wishlistOnly = m_wishlistOnly->isChecked();
    m_events->setFilter(f);
}

void MainWindow::updateAccount()
{
    AccountService* account = m_session->account();
    const bool in = account->isLoggedIn();
    m_login->setVisible(!in);
    m_register->setVisible(!in);
    m_logout->setVisible(in);
    m_myOrders->setVisible(in);
    m_myWaitlist->setVisible(in);
    m_recommendSettings->setVisible(in);
    if (!in && m_settingsDialog)
        m_settingsDialog->close(); // another user's settings must not stay on screen
    if (!in && m_waitlistWindow)
        m_waitlistWindow->close(); // another user's entries must not stay on screen
    if (!in && m_myOrdersWindow)
        m_myOrdersWindow->close(); // another user's tickets must not stay on screen
    // The server checks the role on every save; the action only spares others a dead end.
    m_editSeatMaps->setVisible(in && (account->role() == core::Role::Organizer || account->role() == core::Role::Admin));
    m_ingestAdmin->setVisible(in && account->role() == core::Role::Admin);
    m_boxOffice->setVisible(in && isBoxOfficeRole(account->role()));
    if (!in && m_boxOfficeWindow)
        m_boxOfficeWindow->close(); // the next staff member signs in first
    m_checkIn->setVisible(in && isBoxOfficeRole(account->role()));
    m_account->setText(in ? tr("Logged in as %1").arg(account->email()) : tr("Not logged in"));
    m_wishlistOnly->setEnabled(in);
    if (!in)
        m_wishlistOnly->setChecked(false);
    m_details->setWishlistEnabled(in, in ? QString() : tr("Log in to keep a wishlist."));
}

void MainWindow::showCurrentDetails()
{
    const QModelIndex current = m_table->selectionModel()->currentIndex();
    const QString id = current.isValid() ? m_events->eventIdAt(current.row()) : QString();
    m_details->setDetails(id.isEmpty() ? std::nullopt : m_session->catalog()->eventDetails(id));
    m_details->setSeatMapAvailable(!id.isEmpty() && m_session->seating()->eventLayoutPin(id).has_value());
}

void MainWindow::openSeats(const QString& eventId)
{
    // One seat map at a time: the server keeps one seat subscription per connection.
    if (m_seatsDialog && m_seatsDialog->eventId() != eventId)
        delete m_seatsDialog;
    if (!m_seatsDialog) {
        m_seatsDialog = new SeatsDialog(m_session, eventId, this);
        m_seatsDialog->setAttribute(Qt::WA_DeleteOnClose);
    }
    m_seatsDialog->show();
    m_seatsDialog->raise();
    m_seatsDialog->activateWindow();
}

void MainWindow::openWaitlist()
{
    if (!m_waitlistWindow) {
        m_waitlistWindow = new QDialog(this); // a window of its own, not modal
        m_waitlistWindow->setWindowTitle(tr("My Waitlist"));
        m_waitlistWindow->setAttribute(Qt::WA_DeleteOnClose);
        auto* panel = new WaitlistPanel(m_session->waitlist(), m_waitlistWindow);
        panel->setCategoryNamer([this](const QString& eventId, const QString& categoryId) {
            const auto layout = m_session->seating()->layoutForEvent(eventId);
            const auto* category = layout ? layout->priceCategory(categoryId.toStdString()) : nullptr;
            return category ? QString::fromStdString(category->name) : QString();
        });
        connect(panel, &WaitlistPanel::completeBookingRequested, this, &MainWindow::checkoutOffer);
        auto* layout = new QVBoxLayout(m_waitlistWindow);
        layout->addWidget(panel);
        m_waitlistWindow->resize(460, 520);
        m_session->waitlist()->refresh();
    }
    m_waitlistWindow->show();
    m_waitlistWindow->raise();
    m_waitlistWindow->activateWindow();
}

// A waitlist offer is a hold of the user's: checkout takes it over and opens as after a hold.
void MainWindow::checkoutOffer(const QString& holdId)
{
    BookingService* booking = m_session->booking();
    if (!booking->resumeHold(holdId)) {
        statusBar()->showMessage(booking->problemText(), 8000);
        return;
    }
    auto* once = new QObject(this);
    connect(booking, &BookingService::stateChanged, once, [this, once](BookingService::State state) {
        if (state == BookingService::State::Holding)
            return;
        once->deleteLater();
        if (state != BookingService::State::Held) {
            statusBar()->showMessage(m_session->booking()->problemText(), 8000);
            return;
        }
        auto* checkout = new CheckoutDialog(m_session, this);
        checkout->setAttribute(Qt::WA_DeleteOnClose);
        checkout->show();
    });
}

void MainWindow::openJoinWaitlist(const QString& eventId)
{
    if (!m_session->account()->isLoggedIn()) {
        openLogin(0);
        return;
    }
    QList<JoinWaitlistDialog::Category> categories;
    if (const auto layout = m_session->seating()->layoutForEvent(eventId))
        for (const auto& c : layout->priceCategories)
            categories.append({QString::fromStdString(c.id), QString::fromStdString(c.name)});
    const auto details = m_session->catalog()->eventDetails(eventId);
    auto* dialog = new JoinWaitlistDialog(m_session->waitlist(), eventId,
                                          details ? QString::fromStdString(details->event.title) : QString(), categories,
                                          this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &JoinWaitlistDialog::joinedWaitlist, this, [this] { openWaitlist(); });
    dialog->open();
}

void MainWindow::openMyOrders()
{
    if (!m_myOrdersWindow) {
        m_myOrdersWindow = new MyOrdersWindow(m_session, this); // a window of its own
        m_myOrdersWindow->setAttribute(Qt::WA_DeleteOnClose);
    }
    m_myOrdersWindow->show();
    m_myOrdersWindow->raise();
    m_myOrdersWindow->activateWindow();
}

void MainWindow::selectEvent(const QString& eventId)
{
    const int row = m_events->rowOf(eventId);
    if (row >= 0)
        m_table->selectionModel()->setCurrentIndex(m_events->index(row, 0),
                                                    QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
}

void MainWindow::showSearchHit(const QString& eventId)
{
    // The query is the one whose results are on screen (the panel only shows current ones).
    m_session->recommend()->recordSearchClick(eventId, m_searchPanel->searchBox()->text());
    openEvent(eventId);
}

void MainWindow::openEvent(const QString& eventId)
{
    selectEvent(eventId);
    const auto details = m_session->catalog()->eventDetails(eventId);
    m_details->setDetails(details);
    if (!details) // found by the server, not synced to this device yet
        statusBar()->showMessage(tr("This event is not in the offline catalog yet; it appears once synced."), 8000);
}

RecommendationSettingsDialog* MainWindow::recommendationSettingsDialog() const { return m_settingsDialog; }

void MainWindow::openRecommendationSettings()
{
    if (!m_settingsDialog) {
        // Cities of the cached venues, each with its centre for "within N km".
        QHash<QString, QPointF> centres;
        QHash<QString, int> counts;
        for (const core::Venue& v : m_session->catalog()->venues()) {
            if (v.city.empty() || (v.latitude == 0 && v.longitude == 0))
                continue;
            const QString city = QString::fromStdString(v.city);
            centres[city] += QPointF(v.latitude, v.longitude);
            ++counts[city];
        }
        for (auto it = centres.begin(); it != centres.end(); ++it)
            *it /= counts.value(it.key());
        m_settingsDialog = new RecommendationSettingsDialog(m_session->recommend(), m_session->catalog()->categories(),
                                                            centres, this);
        m_settingsDialog->setAttribute(Qt::WA_DeleteOnClose);
    }
    m_settingsDialog->show();
    m_settingsDialog->raise();
    m_settingsDialog->activateWindow();
}

void MainWindow::openLogin(int mode)
{
    LoginDialog dialog(m_session->account(), mode == 0 ? LoginDialog::Mode::Login : LoginDialog::Mode::Register, this);
    dialog.exec();
}

} // namespace marquee::client
