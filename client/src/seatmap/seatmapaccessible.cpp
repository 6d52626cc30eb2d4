// SeatMapAccessible: a QAccessibleWidget whose name is the focused seat's description.
// Seats are not exposed as 100,000 children; the view speaks for the seat it focuses.
#include "seatmap/seatmapaccessible.h"

#include "seatmap/seatmapview.h"

#include <QAccessibleWidget>
#include <QCoreApplication>

namespace marquee::client {

namespace {

class SeatMapAccessible : public QAccessibleWidget {
public:
    explicit SeatMapAccessible(SeatMapView* view) : QAccessibleWidget(view, QAccessible::Canvas) {}

    QString text(QAccessible::Text t) const override
    {
        const auto* view = static_cast<const SeatMapView*>(widget());
        switch (t) {
        case QAccessible::Name:
            if (const auto seat = view->currentSeat())
                return view->seatDescription(*seat);
            if (const auto* layout = view->seatingLayout())
                return QCoreApplication::translate("SeatMap", "Seat map: %1").arg(QString::fromStdString(layout->name));
            return view->accessibleName();
        case QAccessible::Description:
            return QCoreApplication::translate(
                "SeatMap", "Arrow keys move between seats, Enter or Space selects, plus and minus zoom.");
        case QAccessible::Value: {
            const std::size_t selected = view->selectedSeats().size();
            return QCoreApplication::translate("SeatMap", "%n seat(s) selected", nullptr, static_cast<int>(selected));
        }
        default:
            return QAccessibleWidget::text(t);
        }
    }
};

QAccessibleInterface* seatMapFactory(const QString& className, QObject* object)
{
    if (className == QLatin1String("marquee::client::SeatMapView") && object && object->isWidgetType())
        return new SeatMapAccessible(static_cast<SeatMapView*>(object));
    return nullptr;
}

} // namespace

void installSeatMapAccessibility()
{
    static const bool installed = [] {
        QAccessible::installFactory(seatMapFactory);
        return true;
    }();
    Q_UNUSED(installed);
}

void notifySeatMapFocusChanged(SeatMapView* view)
{
    if (!view->hasFocus())
        return;
    QAccessibleEvent nameChanged(view, QAccessible::NameChanged);
    QAccessible::updateAccessibility(&nameChanged);
    QAccessibleEvent focus(view, QAccessible::Focus);
    QAccessible::updateAccessibility(&focus);
}

} // namespace marquee::client
