// WaitlistPanel implementation: cards rebuilt on every list change, countdowns updated per tick.
#include "waitlist/waitlistpanel.h"

#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

namespace marquee::client {

WaitlistPanel::WaitlistPanel(WaitlistService* waitlist, QWidget* parent) : QWidget(parent), m_waitlist(waitlist)
{
    auto* title = new QLabel(tr("My waitlist"), this);
    QFont titleFont = title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.2);
    title->setFont(titleFont);

    auto* list = new QWidget;
    m_cards = new QVBoxLayout(list);
    m_cards->setContentsMargins(0, 0, 0, 0);
    m_empty = new QLabel(tr("You are not on any waitlist. When an event is sold out, join its waitlist from the "
                            "event page."),
                         list);
    m_empty->setWordWrap(true);
    m_cards->addWidget(m_empty);
    m_cards->addStretch(1);
    auto* scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff); // cards wrap to the width
    scroll->setWidget(list);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(title);
    layout->addWidget(scroll, 1);

    connect(m_waitlist, &WaitlistService::entriesChanged, this, &WaitlistPanel::rebuild);
    connect(m_waitlist, &WaitlistService::tick, this, &WaitlistPanel::updateCountdowns);
    rebuild();
}

void WaitlistPanel::setCategoryNamer(std::function<QString(const QString&, const QString&)> namer)
{
    m_categoryName = std::move(namer);
    rebuild();
}

QString WaitlistPanel::wishText(const WaitlistEntryInfo& entry) const
{
    const int seats = static_cast<int>(entry.seats);
    if (entry.priceCategoryId.isEmpty())
        return tr("%n seat(s), any category", nullptr, seats);
    QString category = m_categoryName ? m_categoryName(entry.eventId, entry.priceCategoryId) : QString();
    if (category.isEmpty())
        category = entry.priceCategoryId;
    return tr("%n seat(s), %1", nullptr, seats).arg(category);
}

QString WaitlistPanel::countdownText(const WaitlistEntryInfo& entry) const
{
    const int left = m_waitlist->remainingSeconds(entry);
    if (left <= 0)
        return tr("The offer has lapsed.");
    const int hours = left / 3600;
    const int minutes = (left % 3600) / 60;
    const int seconds = left % 60;
    const QString clock = hours > 0 ? QStringLiteral("%1:%2:%3")
                                          .arg(hours)
                                          .arg(minutes, 2, 10, QLatin1Char('0'))
                                          .arg(seconds, 2, 10, QLatin1Char('0'))
                                    : QStringLiteral("%1:%2").arg(minutes).arg(seconds, 2, 10, QLatin1Char('0'));
    return tr("Held for you for %1 more").arg(clock);
}

QWidget* WaitlistPanel::makeCard(const WaitlistEntryInfo& entry)
{
    const bool offered = entry.status == WaitlistStatus::Offered;
    auto* card = new QFrame;
    card->setObjectName(offered ? QStringLiteral("waitlistOffer") : QStringLiteral("waitlistEntry"));
    card->setFrameShape(QFrame::StyledPanel);
    if (offered)
        card->setStyleSheet(QStringLiteral("QFrame#waitlistOffer { border: 2px solid palette(highlight); "
                                           "border-radius: 6px; background: palette(alternate-base); }"));
    auto* layout = new QVBoxLayout(card);

    auto* event = new QLabel(entry.eventTitle.isEmpty() ? tr("Event") : entry.eventTitle, card);
    QFont bold = event->font();
    bold.setBold(true);
    event->setFont(bold);
    event->setWordWrap(true);
    layout->addWidget(event);
    layout->addWidget(new QLabel(wishText(entry), card));

    auto* state = new QLabel(WaitlistService::statusText(entry), card);
    layout->addWidget(state);

    auto* buttons = new QHBoxLayout;
    buttons->addStretch(1);
    if (offered) {
        QFont big = state->font();
        big.setBold(true);
        big.setPointSizeF(big.pointSizeF() * 1.15);
        state->setFont(big);
        auto* seats = new QLabel(entry.offeredSeatLabels.join(QStringLiteral(", ")), card);
        seats->setWordWrap(true);
        seats->setAccessibleName(tr("Offered seats"));
        layout->addWidget(seats);
        if (entry.seatsApart) {
            auto* apart = new QLabel(tr("No seats side by side were free, so these seats are apart."), card);
            apart->setWordWrap(true);
            layout->addWidget(apart);
        }
        auto* countdown = new QLabel(countdownText(entry), card);
        countdown->setObjectName(QStringLiteral("offerCountdown"));
        layout->addWidget(countdown);
        m_countdowns.append({entry.id, countdown});
        auto* complete = new QPushButton(tr("Complete booking"), card);
        complete->setObjectName(QStringLiteral("completeBooking"));
        complete->setDefault(true);
        connect(complete, &QPushButton::clicked, this,
                [this, holdId = entry.holdId, eventId = entry.eventId] { Q_EMIT completeBookingRequested(holdId, eventId); });
        buttons->addWidget(complete);
    }
    if (entry.status == WaitlistStatus::Waiting || offered) {
        auto* leave = new QPushButton(offered ? tr("Decline") : tr("Leave waitlist"), card);
        leave->setObjectName(QStringLiteral("leaveWaitlist"));
        connect(leave, &QPushButton::clicked, this, [this, id = entry.id] { m_waitlist->leave(id); });
        buttons->addWidget(leave);
    }
    if (buttons->count() > 1)
        layout->addLayout(buttons);
    else
        delete buttons;
    return card;
}

void WaitlistPanel::rebuild()
{
    m_countdowns.clear();
    // Everything but the empty note and the stretch at the end is a card.
    while (m_cards->count() > 2) {
        auto* item = m_cards->takeAt(1);
        // Later: the list may change from inside a card's own button handler.
        if (QWidget* card = item->widget()) {
            card->hide();
            card->setParent(nullptr);
            card->deleteLater();
        }
        delete item;
    }
    const auto entries = m_waitlist->entries();
    m_empty->setVisible(entries.isEmpty());
    int at = 1;
    for (const auto& entry : entries)
        m_cards->insertWidget(at++, makeCard(entry));
}

void WaitlistPanel::updateCountdowns()
{
    for (const auto& [entryId, label] : std::as_const(m_countdowns))
        if (const auto entry = m_waitlist->entry(entryId))
            label->setText(countdownText(*entry));
}

} // namespace marquee::client
