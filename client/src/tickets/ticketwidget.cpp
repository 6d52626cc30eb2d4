// TicketWidget implementation: the page centred on a neutral background.
#include "tickets/ticketwidget.h"

#include "tickets/ticketcontent.h"
#include "tickets/ticketpainter.h"

#include <QEvent>
#include <QPainter>

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace marquee::client::tickets {

namespace {

constexpr int kMargin = 12;

} // namespace

TicketWidget::TicketWidget(QWidget* parent) : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Preferred);
    setAccessibleName(tr("Ticket"));
    clear();
}

void TicketWidget::setTicket(const v1::Order& order, const v1::Ticket& ticket)
{
    setFields(ticketFields(order, ticket, locale()));
}

void TicketWidget::setFields(const core::tickets::TicketFields& fields)
{
    m_fields = fields;
    m_hasTicket = true;
    try {
        m_qr = core::tickets::encodeQr(fields.code);
    } catch (const std::exception&) {
        m_qr = {}; // no or unusable code: the square stays blank rather than showing a wrong symbol
    }
    relayout();
    const QString title = QString::fromStdString(fields.eventTitle);
    const QString seat = QString::fromStdString(fields.seatLabel);
    setAccessibleDescription(fields.voided ? tr("Void ticket for %1, %2").arg(title, seat)
                                           : tr("Ticket for %1, %2, %3")
                                                 .arg(title, QString::fromStdString(fields.dateTime), seat));
    update();
}

void TicketWidget::clear()
{
    m_hasTicket = false;
    m_fields = {};
    m_qr = {};
    m_page = {};
    setAccessibleDescription(tr("No ticket selected"));
    update();
}

void TicketWidget::relayout()
{
    if (m_hasTicket)
        m_page = core::tickets::layoutTicket(m_fields, ticketCaptions(), core::tickets::TicketFormat::A6);
}

void TicketWidget::changeEvent(QEvent* event)
{
    // Captions are translated: a language switch lays the ticket out again.
    if (event->type() == QEvent::LanguageChange) {
        relayout();
        update();
    }
    QWidget::changeEvent(event);
}

QSize TicketWidget::sizeHint() const
{
    // About true size on a typical screen (105 mm at 96 dpi is ~400 px).
    return QSize(400 + 2 * kMargin, heightForWidth(400 + 2 * kMargin));
}

QSize TicketWidget::minimumSizeHint() const
{
    return QSize(240 + 2 * kMargin, heightForWidth(240 + 2 * kMargin));
}

int TicketWidget::heightForWidth(int width) const
{
    return static_cast<int>(std::lround((width - 2 * kMargin) * 148.0 / 105.0)) + 2 * kMargin;
}

QRectF TicketWidget::pageRect() const
{
    const QRectF area = QRectF(rect()).adjusted(kMargin, kMargin, -kMargin, -kMargin);
    const double widthMm = m_page.widthMm > 0 ? m_page.widthMm : 105.0;
    const double heightMm = m_page.heightMm > 0 ? m_page.heightMm : 148.0;
    const double scale = std::min(area.width() / widthMm, area.height() / heightMm);
    const QSizeF size(widthMm * scale, heightMm * scale);
    return QRectF(area.center() - QPointF(size.width() / 2, size.height() / 2), size);
}

void TicketWidget::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    painter.fillRect(rect(), palette().window());
    const QRectF page = pageRect();
    if (!m_hasTicket) {
        painter.setPen(palette().color(QPalette::PlaceholderText));
        painter.drawText(page, Qt::AlignCenter | Qt::TextWordWrap, tr("No ticket selected"));
        return;
    }
    // A soft edge so the white page stands out on light themes.
    painter.setPen(QPen(palette().color(QPalette::Mid), 1));
    painter.drawRect(page.adjusted(-0.5, -0.5, 0.5, 0.5));
    paintTicket(painter, page, m_page, m_qr, true);
}

} // namespace marquee::client::tickets
