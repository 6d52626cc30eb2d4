// TicketWidget: one ticket as it is printed (the core A6 layout with its QR code), scaled to
// the widget; a void ticket carries the VOID stamp and a crossed-out QR.
#pragma once

#include "marquee/core/tickets/qr_code.hpp"
#include "marquee/core/tickets/ticket_layout.hpp"

#include <QWidget>

namespace marquee::v1 {
class Order;
class Ticket;
} // namespace marquee::v1

namespace marquee::client::tickets {

class TicketWidget : public QWidget {
    Q_OBJECT
public:
    explicit TicketWidget(QWidget* parent = nullptr);

    // One ticket of `order` (time in the event's zone, money in the user's locale).
    void setTicket(const v1::Order& order, const v1::Ticket& ticket);
    // Already prepared fields (tests, previews).
    void setFields(const core::tickets::TicketFields& fields);
    void clear();

    bool hasTicket() const { return m_hasTicket; }
    bool isVoid() const { return m_hasTicket && m_fields.voided; }
    QString code() const { return QString::fromStdString(m_fields.code); }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;
    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override;

protected:
    void paintEvent(QPaintEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void relayout();
    QRectF pageRect() const;

    bool m_hasTicket = false;
    core::tickets::TicketFields m_fields;
    core::tickets::TicketPage m_page;
    core::tickets::QrMatrix m_qr;
};

} // namespace marquee::client::tickets
