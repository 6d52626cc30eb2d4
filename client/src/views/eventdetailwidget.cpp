// EventDetailWidget implementation.
#include "views/eventdetailwidget.h"

#include "models/eventformat.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

#include <utility>

namespace marquee::client {

namespace {

QLabel* valueLabel(QWidget* parent)
{
    auto* label = new QLabel(parent);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

QString joined(const std::vector<std::string>& items)
{
    QStringList out;
    for (const auto& item : items)
        out << QString::fromStdString(item);
    return QLocale().createSeparatedList(out);
}

} // namespace

EventDetailWidget::EventDetailWidget(QWidget* parent) : QWidget(parent)
{
    auto* outer = new QVBoxLayout(this);
    m_placeholder = new QLabel(tr("Select an event to see its details."), this);
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setWordWrap(true);
    outer->addWidget(m_placeholder);

    m_content = new QWidget(this);
    auto* layout = new QVBoxLayout(m_content);
    layout->setContentsMargins(0, 0, 0, 0);
    m_title = valueLabel(m_content);
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.5);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_status = new QLabel(m_content);
    m_status->setStyleSheet(QStringLiteral("background:#b03a2e; color:white; padding:4px 8px; border-radius:3px; font-weight:bold;"));
    m_status->setSizePolicy(QSizePolicy::Maximum, QSizePolicy::Fixed);
    layout->addWidget(m_title);
    layout->addWidget(m_status);

    auto* form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_when = valueLabel(m_content);
    m_venue = valueLabel(m_content);
    m_category = valueLabel(m_content);
    m_price = valueLabel(m_content);
    m_tags = valueLabel(m_content);
    m_performers = valueLabel(m_content);
    form->addRow(tr("When:"), m_when);
    form->addRow(tr("Where:"), m_venue);
    form->addRow(tr("Category:"), m_category);
    form->addRow(tr("Price:"), m_price);
    form->addRow(tr("Performers:"), m_performers);
    form->addRow(tr("Tags:"), m_tags);
    layout->addLayout(form);

    m_description = valueLabel(m_content);
    m_description->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    layout->addWidget(m_description, 1);

    m_wishlist = new QPushButton(m_content);
    m_wishlist->setCheckable(true);
    connect(m_wishlist, &QPushButton::clicked, this, [this] {
        if (!m_eventId.isEmpty())
            Q_EMIT wishlistToggleRequested(m_eventId);
    });
    m_seats = new QPushButton(tr("Seats…"), m_content);
    m_seats->setToolTip(tr("Open the seat map with live availability"));
    m_seats->hide();
    connect(m_seats, &QPushButton::clicked, this, [this] {
        if (!m_eventId.isEmpty())
            Q_EMIT seatsRequested(m_eventId);
    });
    m_joinWaitlist = new QPushButton(tr("Join waitlist…"), m_content);
    m_joinWaitlist->setToolTip(tr("Sold out: get seats held for you when some come free"));
    m_joinWaitlist->hide();
    connect(m_joinWaitlist, &QPushButton::clicked, this, [this] {
        if (!m_eventId.isEmpty())
            Q_EMIT joinWaitlistRequested(m_eventId);
    });
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_wishlist);
    buttons->addWidget(m_seats);
    buttons->addWidget(m_joinWaitlist);
    buttons->addStretch(1);
    layout->addLayout(buttons);
    outer->addWidget(m_content);
    setDetails(std::nullopt);
}

void EventDetailWidget::setSeatMapAvailable(bool available)
{
    m_seats->setVisible(available);
    // Offers are seat holds: only an event with a seat map has a waitlist.
    m_joinWaitlist->setVisible(available && m_soldOut);
}

QString EventDetailWidget::statusText() const { return m_status->isHidden() ? QString() : m_status->text(); }

void EventDetailWidget::setWishlistEnabled(bool enabled, const QString& reason)
{
    m_wishlist->setEnabled(enabled);
    m_wishlist->setToolTip(reason);
}

void EventDetailWidget::setDetails(const std::optional<EventDetails>& details)
{
    m_placeholder->setVisible(!details);
    m_content->setVisible(details.has_value());
    if (!details) {
        if (!std::exchange(m_eventId, QString()).isEmpty())
            Q_EMIT eventShown(QString());
        return;
    }
    const core::Event& e = details->event;
    const QString shownBefore = std::exchange(m_eventId, QString::fromStdString(e.id));
    m_soldOut = e.status == core::EventStatus::SoldOut;
    m_joinWaitlist->setVisible(m_soldOut && !m_seats->isHidden());
    m_title->setText(QString::fromStdString(e.title));
    const QString status = format::status(e.status);
    m_status->setText(status.toUpper());
    m_status->setVisible(!status.isEmpty());

    const QString zone = QString::fromStdString(e.timeZone);
    QString when = format::eventDateTime(e.startsAtMs, zone);
    if (e.endsAtMs > e.startsAtMs)
        when = tr("%1\nuntil %2").arg(when, format::eventDateTime(e.endsAtMs, zone));
    m_when->setText(when);
    if (details->venue) {
        const core::Venue& v = *details->venue;
        m_venue->setText(tr("%1\n%2, %3").arg(QString::fromStdString(v.name), QString::fromStdString(v.address),
                                              QString::fromStdString(v.city)));
    } else {
        m_venue->setText(tr("Venue not known yet"));
    }
    m_category->setText(details->categoryName.isEmpty() ? QString::fromStdString(e.categoryId) : details->categoryName);
    m_price->setText(format::priceRange(e.price.minMinor, e.price.maxMinor, QString::fromStdString(e.price.currency)));
    m_performers->setText(e.performers.empty() ? tr("–") : joined(e.performers));
    m_tags->setText(e.tags.empty() ? tr("–") : joined(e.tags));
    m_description->setText(QString::fromStdString(e.description));
    m_wishlist->setChecked(details->wishlisted);
    m_wishlist->setText(details->wishlisted ? tr("★ On your wishlist") : tr("☆ Add to wishlist"));
    if (m_eventId != shownBefore)
        Q_EMIT eventShown(m_eventId);
}

} // namespace marquee::client
