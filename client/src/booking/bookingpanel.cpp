// BookingPanel implementation.
#include "booking/bookingpanel.h"

#include "booking/bookingservice.h"
#include "booking/checkoutdialog.h"
#include "marquee/core/seating/layout.hpp"
#include "models/eventformat.h"
#include "seatmap/seatmapview.h"
#include "services/accountservice.h"
#include "services/clientsession.h"
#include "services/seatingservice.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace marquee::client {

namespace {

// Item data of the category box: what "Find seats" holds.
constexpr int kKindRole = Qt::UserRole;
constexpr int kIdRole = Qt::UserRole + 1;

} // namespace

BookingPanel::BookingPanel(ClientSession* session, const QString& eventId, SeatMapView* view, QWidget* parent)
    : QWidget(parent), m_session(session), m_eventId(eventId), m_view(view)
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_holdSelected = new QPushButton(tr("Hold selected seats"), this);
    layout->addWidget(m_holdSelected);
    layout->addWidget(new QLabel(tr("Or let us pick the best seats together:"), this));
    auto* bestRow = new QHBoxLayout;
    m_count = new QSpinBox(this);
    m_count->setRange(1, 10);
    m_count->setValue(2);
    m_count->setAccessibleName(tr("Number of seats"));
    m_category = new QComboBox(this);
    m_category->setAccessibleName(tr("Price category"));
    m_holdBest = new QPushButton(tr("Find seats"), this);
    bestRow->addWidget(m_count);
    bestRow->addWidget(m_category, 1);
    layout->addLayout(bestRow);
    layout->addWidget(m_holdBest);
    m_message = new QLabel(this);
    m_message->setWordWrap(true);
    // Room for a few lines: a wrapped label in the side panel's scroll area does not grow.
    m_message->setMinimumHeight(m_message->fontMetrics().lineSpacing() * 4);
    m_message->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_message);

    BookingService* booking = session->booking();
    connect(m_holdSelected, &QPushButton::clicked, this, &BookingPanel::holdSelected);
    connect(m_holdBest, &QPushButton::clicked, this, &BookingPanel::holdBestAvailable);
    connect(m_view, &SeatMapView::selectionChanged, this, &BookingPanel::updateEnabled);
    connect(session->seating(), &SeatingService::liveChanged, this, &BookingPanel::updateEnabled);
    connect(session->account(), &AccountService::sessionChanged, this, &BookingPanel::updateEnabled);
    connect(booking, &BookingService::problemChanged, this, &BookingPanel::showProblem);
    connect(booking, &BookingService::stateChanged, this, [this](BookingService::State state) {
        updateEnabled();
        if (state == BookingService::State::Held && !m_checkout)
            openCheckout();
        if (state == BookingService::State::Holding)
            m_message->setText(tr("Holding seats…"));
    });
    updateEnabled();
}

void BookingPanel::setLayout(std::shared_ptr<const core::seating::Layout> layout)
{
    m_layout = std::move(layout);
    m_category->clear();
    m_category->addItem(tr("Any category"), static_cast<int>(HoldRequest::Kind::BestAvailable));
    if (m_layout) {
        for (const auto& pc : m_layout->priceCategories) {
            m_category->addItem(tr("%1 (%2)").arg(QString::fromStdString(pc.name),
                                                  format::money(pc.priceMinor, QString::fromStdString(pc.currency))),
                                static_cast<int>(HoldRequest::Kind::BestAvailable));
            m_category->setItemData(m_category->count() - 1, QString::fromStdString(pc.id), kIdRole);
        }
        for (const auto& area : m_layout->areas) {
            if (area.kind != core::seating::AreaKind::GeneralAdmission)
                continue;
            m_category->addItem(tr("Standing: %1").arg(QString::fromStdString(area.label)),
                                static_cast<int>(HoldRequest::Kind::GeneralAdmission));
            m_category->setItemData(m_category->count() - 1, QString::fromStdString(area.id), kIdRole);
        }
    }
    updateEnabled();
}

QString BookingPanel::messageText() const { return m_message->text(); }

CheckoutDialog* BookingPanel::checkoutDialog() const { return m_checkout.data(); }

void BookingPanel::updateEnabled()
{
    const bool in = m_session->account()->isLoggedIn();
    const bool live = m_session->seating()->isLive();
    const auto state = m_session->booking()->state();
    const bool idle = state != BookingService::State::Holding && state != BookingService::State::Paying;
    m_holdSelected->setEnabled(in && live && idle && m_layout && !m_view->selectedSeats().empty());
    m_holdBest->setEnabled(in && live && idle && m_layout);
    if (!in)
        m_message->setText(tr("Log in to book seats."));
    else if (!live && !m_session->syncClient()->isConnected())
        m_message->setText(tr("Offline: seats can be booked when the connection is back."));
    else if (m_message->text() == tr("Log in to book seats.")
             || m_message->text() == tr("Offline: seats can be booked when the connection is back."))
        m_message->clear();
}

void BookingPanel::showProblem()
{
    BookingService* booking = m_session->booking();
    const bool serious = booking->problem() != BookingService::Problem::None;
    m_message->setText(booking->problemText());
    m_message->setStyleSheet(serious ? QStringLiteral("color:#b00020;") : QString());
}

void BookingPanel::holdSelected()
{
    if (!m_layout)
        return;
    HoldRequest request;
    request.eventId = m_eventId;
    for (std::uint32_t seat : m_view->selectedSeats())
        request.seatIds << QString::fromStdString(m_view->geometry().index().seat(seat).id);
    m_session->booking()->holdSeats(request);
}

void BookingPanel::holdBestAvailable()
{
    HoldRequest request;
    request.eventId = m_eventId;
    request.kind = static_cast<HoldRequest::Kind>(m_category->currentData(kKindRole).toInt());
    request.count = static_cast<std::uint32_t>(m_count->value());
    if (request.kind == HoldRequest::Kind::GeneralAdmission)
        request.areaId = m_category->currentData(kIdRole).toString();
    else
        request.priceCategoryId = m_category->currentData(kIdRole).toString();
    m_session->booking()->holdSeats(request);
}

void BookingPanel::openCheckout()
{
    m_message->clear();
    m_checkout = new CheckoutDialog(m_session, window());
    m_checkout->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_checkout, &QDialog::finished, this, [this] {
        m_view->clearSelection();
        // A checkout closed without paying gives the seats back.
        const auto state = m_session->booking()->state();
        if (state == BookingService::State::Held)
            m_session->booking()->releaseHold();
        else if (state != BookingService::State::Paying)
            m_session->booking()->reset();
        updateEnabled();
    });
    m_checkout->open();
}

} // namespace marquee::client
