// LeasePage implementation (see kiosklease.h).
#include "kiosk/kiosklease.h"

#include "boxoffice/leaseservice.h"
#include "boxoffice/leasetexts.h"
#include "boxoffice/offlinesaleservice.h"
#include "kiosk/kioskscreens.h"
#include "kiosk/touchmetrics.h"
#include "models/eventformat.h"
#include "net/syncclient.h"
#include "services/clientsession.h"
#include "services/seatingservice.h"

#include "marquee/core/seating/layout.hpp"

#include <QDateTime>
#include <QFrame>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

#include <algorithm>

namespace marquee::client::kiosk {

namespace {

constexpr int kMaxLeaseSeats = 500; // what one LeaseSeats may take (docs/boxoffice.md)
constexpr int kLeaseCards = 6;      // the newest leases of the event shown
constexpr int kSeatsNamed = 12;     // seats named on a card before "and N more"

// "Stalls A 12, Stalls A 13, … and 8 more": the seats of a lease in one state.
QString seatList(const LeaseInfo& lease, LeasedSeatState state)
{
    QStringList labels;
    int more = 0;
    for (const LeasedSeatInfo& seat : lease.seats) {
        if (seat.state != state)
            continue;
        if (labels.size() < kSeatsNamed)
            labels << seat.label;
        else
            ++more;
    }
    QString text = labels.join(QStringLiteral(", "));
    if (more > 0)
        text = LeasePage::tr("%1 and %n more", nullptr, more).arg(text);
    return text;
}

} // namespace

LeasePage::LeasePage(ClientSession* session, QWidget* parent) : QWidget(parent), m_session(session)
{
    const QScreen* screen = screenOf(this);
    auto* outer = new QVBoxLayout(this);
    outer->addWidget(makeTitle(tr("Seats for offline sale"), this));
    m_connection = new QLabel(this);
    m_connection->setWordWrap(true);
    outer->addWidget(m_connection);
    m_uploads = new QLabel(this);
    m_uploads->setWordWrap(true);
    outer->addWidget(m_uploads);

    auto* eventRow = new QHBoxLayout;
    m_previousEvent = makeButton(tr("◀"), this);
    m_previousEvent->setAccessibleName(tr("Previous event"));
    m_eventLabel = new QLabel(this);
    m_eventLabel->setWordWrap(true);
    m_eventLabel->setAlignment(Qt::AlignCenter);
    setStyleRole(m_eventLabel, "role", QStringLiteral("lead"));
    m_nextEvent = makeButton(tr("▶"), this);
    m_nextEvent->setAccessibleName(tr("Next event"));
    eventRow->addWidget(m_previousEvent);
    eventRow->addWidget(m_eventLabel, 1);
    eventRow->addWidget(m_nextEvent);
    outer->addLayout(eventRow);

    auto* columns = new QHBoxLayout;
    columns->setSpacing(mmToPixels(6, screen));
    // Left: how many seats of each category to lease.
    auto* take = new QVBoxLayout;
    take->addWidget(new QLabel(tr("Lease seats (best seats of each category):"), this));
    m_categoryGrid = new QGridLayout;
    m_categoryGrid->setSpacing(mmToPixels(2, screen));
    take->addLayout(m_categoryGrid);
    m_lease = makeButton(tr("Lease"), this, true);
    take->addWidget(m_lease);
    take->addStretch(1);
    columns->addLayout(take, 1);
    // Right: this kiosk's leases of the event and the rejected sales, scrolled.
    auto* holdings = new QWidget;
    auto* holdingsLayout = new QVBoxLayout(holdings);
    holdingsLayout->setContentsMargins(0, 0, 0, 0);
    m_summary = new QLabel(holdings);
    m_summary->setWordWrap(true);
    holdingsLayout->addWidget(m_summary);
    m_cards = new QVBoxLayout;
    holdingsLayout->addLayout(m_cards);
    m_rejectedTitle = new QLabel(tr("Offline sales the server rejected (check them with the buyer):"), holdings);
    m_rejectedTitle->setWordWrap(true);
    setStyleRole(m_rejectedTitle, "role", QStringLiteral("problem"));
    holdingsLayout->addWidget(m_rejectedTitle);
    m_rejected = new QVBoxLayout;
    holdingsLayout->addLayout(m_rejected);
    holdingsLayout->addStretch(1);
    auto* scroll = new QScrollArea(this);
    scroll->setWidget(holdings);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    columns->addWidget(scroll, 1);
    outer->addLayout(columns, 1);

    m_message = new QLabel(this);
    m_message->setWordWrap(true);
    outer->addWidget(m_message);
    auto* actions = new QHBoxLayout;
    m_back = makeButton(tr("◀ Staff menu"), this);
    m_refresh = makeButton(tr("Refresh from the server"), this);
    actions->addWidget(m_back);
    actions->addStretch(1);
    actions->addWidget(m_refresh);
    outer->addLayout(actions);

    LeaseService* leases = session->leases();
    OfflineSaleService* sales = session->offlineSales();
    connect(m_previousEvent, &QPushButton::clicked, this, [this] { showEvent(m_eventIndex - 1); });
    connect(m_nextEvent, &QPushButton::clicked, this, [this] { showEvent(m_eventIndex + 1); });
    connect(m_lease, &QPushButton::clicked, this, &LeasePage::lease);
    connect(m_refresh, &QPushButton::clicked, this, [this] {
        if (m_session->leases()->refresh())
            m_message->setText(tr("Asking the server…"));
    });
    connect(m_back, &QPushButton::clicked, this, &LeasePage::back);
    connect(leases, &LeaseService::leaseChanged, this, [this](const LeaseInfo& lease) {
        m_message->setText(LeaseTexts::leaseChanged(lease));
        for (CategoryRow& row : m_categories)
            row.value = 0;
        refresh();
    });
    connect(leases, &LeaseService::leaseFailed, this, [this](const QString& message) {
        m_message->setText(message);
        refresh();
    });
    connect(leases, &LeaseService::returnFinished, this, [this](const QString&, bool ok, int seats) {
        if (ok)
            m_message->setText(tr("%n seat(s) returned to general sale.", nullptr, seats));
        refresh();
    });
    connect(leases, &LeaseService::leasesRefreshed, this, [this] {
        m_message->setText(tr("Leases updated from the server."));
        refresh();
    });
    connect(sales, &OfflineSaleService::pendingCountChanged, this, &LeasePage::refresh);
    connect(sales, &OfflineSaleService::saleConfirmed, this, &LeasePage::refresh);
    connect(sales, &OfflineSaleService::saleRejected, this, &LeasePage::refresh);
    connect(session->syncClient(), &SyncClient::connected, this, &LeasePage::refresh);
    connect(session->syncClient(), &SyncClient::disconnected, this, &LeasePage::refresh);
}

bool LeasePage::isOnline() const { return m_session->syncClient()->isConnected(); }

void LeasePage::showEvents(const QList<EventRow>& events)
{
    m_events = events;
    // Events with a lease of this kiosk that are not offered (offline, nothing left to sell).
    for (const LeaseInfo& lease : m_session->leases()->activeLeases()) {
        const bool listed = std::any_of(m_events.cbegin(), m_events.cend(),
                                        [&](const EventRow& e) { return e.id == lease.eventId; });
        if (!listed) {
            EventRow row;
            row.id = lease.eventId;
            row.title = lease.eventTitle;
            row.startsAtMs = lease.eventStartsAtMs;
            row.timeZone = lease.eventTimeZone;
            m_events << row;
        }
    }
    std::sort(m_events.begin(), m_events.end(), [](const EventRow& a, const EventRow& b) { return a.startsAtMs < b.startsAtMs; });
    const QString current = eventId();
    int index = 0;
    for (int i = 0; i < m_events.size(); ++i)
        if (m_events.at(i).id == current)
            index = i;
    m_message->clear();
    showEvent(m_events.isEmpty() ? -1 : index);
}

QString LeasePage::eventId() const
{
    return m_eventIndex >= 0 && m_eventIndex < m_events.size() ? m_events.at(m_eventIndex).id : QString();
}

void LeasePage::showEvent(int index)
{
    if (m_events.isEmpty())
        index = -1;
    else
        index = std::clamp(index, 0, static_cast<int>(m_events.size()) - 1);
    const bool changed = index != m_eventIndex || m_categories.isEmpty();
    m_eventIndex = index;
    if (changed)
        rebuildCategories();
    refresh();
}

void LeasePage::rebuildCategories()
{
    while (QLayoutItem* item = m_categoryGrid->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    m_categories.clear();
    const QString id = eventId();
    const auto layout = id.isEmpty() ? nullptr : m_session->seating()->layoutForEvent(id);
    if (!layout)
        return;
    int row = 0;
    for (const auto& pc : layout->priceCategories) {
        CategoryRow r;
        r.id = QString::fromStdString(pc.id);
        const QString name = QString::fromStdString(pc.name);
        auto* label = new QLabel(tr("%1 (%2)").arg(name, format::money(pc.priceMinor, QString::fromStdString(pc.currency))), this);
        label->setWordWrap(true);
        r.minus = makeButton(tr("−"), this);
        r.minus->setAccessibleName(tr("One seat less of %1").arg(name));
        r.count = new QLabel(this);
        r.count->setAlignment(Qt::AlignCenter);
        r.count->setMinimumWidth(mmToPixels(kButtonMm, screenOf(this)));
        setStyleRole(r.count, "role", QStringLiteral("count"));
        r.plus = makeButton(tr("+"), this);
        r.plus->setAccessibleName(tr("One seat more of %1").arg(name));
        r.plusTen = makeButton(tr("+10"), this);
        r.plusTen->setAccessibleName(tr("Ten seats more of %1").arg(name));
        m_categoryGrid->addWidget(label, row, 0);
        m_categoryGrid->addWidget(r.minus, row, 1);
        m_categoryGrid->addWidget(r.count, row, 2);
        m_categoryGrid->addWidget(r.plus, row, 3);
        m_categoryGrid->addWidget(r.plusTen, row, 4);
        const QString categoryId = r.id;
        connect(r.minus, &QPushButton::clicked, this, [this, categoryId] { changeCount(categoryId, -1); });
        connect(r.plus, &QPushButton::clicked, this, [this, categoryId] { changeCount(categoryId, 1); });
        connect(r.plusTen, &QPushButton::clicked, this, [this, categoryId] { changeCount(categoryId, 10); });
        m_categories << r;
        ++row;
    }
    m_categoryGrid->setColumnStretch(0, 1);
}

void LeasePage::changeCount(const QString& priceCategoryId, int delta)
{
    int total = 0;
    for (const CategoryRow& row : m_categories)
        total += row.id == priceCategoryId ? 0 : row.value;
    for (CategoryRow& row : m_categories)
        if (row.id == priceCategoryId)
            row.value = std::clamp(row.value + delta, 0, kMaxLeaseSeats - total);
    m_message->clear();
    refresh();
}

int LeasePage::categoryCount(const QString& priceCategoryId) const
{
    for (const CategoryRow& row : m_categories)
        if (row.id == priceCategoryId)
            return row.value;
    return 0;
}

QPushButton* LeasePage::plusButton(const QString& priceCategoryId) const
{
    for (const CategoryRow& row : m_categories)
        if (row.id == priceCategoryId)
            return row.plus;
    return nullptr;
}

QPushButton* LeasePage::plusTenButton(const QString& priceCategoryId) const
{
    for (const CategoryRow& row : m_categories)
        if (row.id == priceCategoryId)
            return row.plusTen;
    return nullptr;
}

QPushButton* LeasePage::minusButton(const QString& priceCategoryId) const
{
    for (const CategoryRow& row : m_categories)
        if (row.id == priceCategoryId)
            return row.minus;
    return nullptr;
}

void LeasePage::lease()
{
    QList<LeaseCountInfo> counts;
    for (const CategoryRow& row : m_categories)
        if (row.value > 0)
            counts.append(LeaseCountInfo{row.id, static_cast<std::uint32_t>(row.value)});
    m_message->clear();
    if (m_session->leases()->leaseByCategory(eventId(), counts))
        m_message->setText(tr("Leasing… the seats are taken out of general sale."));
}

void LeasePage::refresh()
{
    const bool online = isOnline();
    m_connection->setText(online ? tr("Online: leased seats are taken out of general sale, so this kiosk can sell "
                                      "them while the network is down.")
                                 : tr("Offline: leasing and returning need the connection. This kiosk keeps selling "
                                      "from the seats it holds."));
    setStyleRole(m_connection, "role", online ? QString() : QStringLiteral("offline"));
    const int pending = m_session->offlineSales()->pendingCount();
    m_uploads->setText(pending > 0 ? tr("%n offline sale(s) not yet uploaded to the server.", nullptr, pending)
                                   : tr("Every offline sale is uploaded."));

    if (m_eventIndex < 0) {
        m_eventLabel->setText(tr("No upcoming event with a seat map to lease for."));
    } else {
        const EventRow& e = m_events.at(m_eventIndex);
        m_eventLabel->setText(tr("%1\n%2").arg(e.title, format::eventDateTime(e.startsAtMs, e.timeZone, QLocale(),
                                                                           QLocale::ShortFormat, false)));
    }
    m_previousEvent->setEnabled(m_eventIndex > 0);
    m_nextEvent->setEnabled(m_eventIndex >= 0 && m_eventIndex + 1 < m_events.size());

    int total = 0;
    for (const CategoryRow& row : m_categories) {
        total += row.value;
        row.count->setText(QLocale().toString(row.value));
    }
    for (const CategoryRow& row : m_categories) {
        row.minus->setEnabled(online && row.value > 0);
        row.plus->setEnabled(online && total < kMaxLeaseSeats);
        row.plusTen->setEnabled(online && total < kMaxLeaseSeats);
    }
    m_lease->setText(total > 0 ? tr("Lease %n seat(s)", nullptr, total) : tr("Lease"));
    m_lease->setEnabled(online && total > 0);
    m_refresh->setEnabled(online);
    m_summary->setText(eventId().isEmpty() ? QString() : LeaseTexts::summary(m_session->leases(), eventId()));
    rebuildLeaseCards();

    for (QLabel* label : std::as_const(m_rejectedLabels))
        delete label;
    m_rejectedLabels.clear();
    const QList<OfflineSaleInfo> rejected = m_session->offlineSales()->rejectedSales();
    for (const OfflineSaleInfo& sale : rejected) {
        auto* label = new QLabel(LeaseTexts::rejectedSale(sale), this);
        label->setWordWrap(true);
        m_rejected->addWidget(label);
        m_rejectedLabels << label;
    }
    m_rejectedTitle->setVisible(!rejected.isEmpty());
}

void LeasePage::rebuildLeaseCards()
{
    for (QWidget* card : std::as_const(m_cardWidgets)) {
        card->hide();
        card->deleteLater(); // a card's own button may be what asked for the refresh
    }
    m_cardWidgets.clear();
    m_returnButtons.clear();
    m_cardTexts.clear();
    if (eventId().isEmpty())
        return;
    for (const LeaseInfo& lease : m_session->leases()->deviceLeases(eventId(), kLeaseCards)) {
        QWidget* card = leaseCard(lease);
        m_cards->addWidget(card);
        m_cardWidgets << card;
    }
}

QWidget* LeasePage::leaseCard(const LeaseInfo& lease)
{
    const LeaseFigures f = LeaseFigures::of(lease);
    const bool expired = lease.expiresAtMs <= QDateTime::currentMSecsSinceEpoch();
    const bool active = lease.status == LeaseStatus::Active && !expired;
    const QString until = QLocale().toString(QDateTime::fromMSecsSinceEpoch(lease.expiresAtMs), QLocale::ShortFormat);

    auto* card = new QFrame(this);
    card->setFrameShape(QFrame::StyledPanel);
    card->setObjectName(QStringLiteral("leaseCard"));
    card->setProperty("active", active);
    auto* layout = new QVBoxLayout(card);
    QString state;
    if (active)
        state = tr("Leased until %1").arg(until);
    else if (expired && lease.status == LeaseStatus::Active)
        state = tr("Expired %1: the server returns its unsold seats").arg(until);
    else
        state = tr("Returned: its unsold seats are back in general sale");
    QStringList figures;
    figures << tr("%n seat(s) leased", nullptr, f.leased);
    if (active)
        figures << tr("%n to sell here", nullptr, f.available);
    figures << tr("%n sold offline, not yet uploaded", nullptr, f.soldOffline)
            << tr("%n sold and confirmed", nullptr, f.confirmed) << tr("%n returned", nullptr, f.returned);
    auto* heading = new QLabel(tr("Lease %1 · %2").arg(lease.id.left(8), state), card);
    heading->setWordWrap(true);
    setStyleRole(heading, "role", QStringLiteral("total"));
    layout->addWidget(heading);
    QString details = figures.join(tr(" · "));
    if (active && f.available > 0)
        details += QLatin1Char('\n') + tr("To sell here: %1").arg(seatList(lease, LeasedSeatState::Available));
    auto* text = new QLabel(details, card);
    text->setWordWrap(true);
    layout->addWidget(text);
    m_cardTexts << heading->text() + QLatin1Char('\n') + text->text();
    auto* giveBack = makeButton(f.available > 0 ? tr("Return the %n unsold seat(s)", nullptr, f.available)
                                                : tr("Nothing to return"),
                                card);
    giveBack->setEnabled(isOnline() && active && f.available > 0);
    const QString leaseId = lease.id;
    connect(giveBack, &QPushButton::clicked, this, [this, leaseId] {
        m_message->clear();
        if (m_session->leases()->returnLease(leaseId))
            m_message->setText(tr("Returning the unsold seats…"));
        refresh();
    });
    layout->addWidget(giveBack);
    m_returnButtons << giveBack;
    return card;
}

QList<QPushButton*> LeasePage::returnButtons() const { return m_returnButtons; }

QString LeasePage::connectionText() const { return m_connection->text(); }

QString LeasePage::uploadText() const { return m_uploads->text(); }

QString LeasePage::messageText() const { return m_message->text(); }

QStringList LeasePage::leaseTexts() const { return m_cardTexts; }

QStringList LeasePage::rejectedTexts() const
{
    QStringList out;
    for (const QLabel* label : m_rejectedLabels)
        out << label->text();
    return out;
}

} // namespace marquee::client::kiosk
