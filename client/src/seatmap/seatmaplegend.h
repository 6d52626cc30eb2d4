// SeatMapLegend: price categories (swatch, name, locale price, seats free) and the status
// symbols of a SeatMapView, drawn with the view's own seat styles.
#pragma once

#include <QTimer>
#include <QWidget>

class QGridLayout;
class QLabel;

namespace marquee::client {

class SeatMapView;

class SeatMapLegend : public QWidget {
    Q_OBJECT
public:
    explicit SeatMapLegend(SeatMapView* view, QWidget* parent = nullptr);

    // Rebuilds the rows (the layout changed); counts refresh by themselves.
    void rebuild();
    // Text of each category row, for tests: "Category 1 — €45.00 — 120 free".
    QStringList categoryTexts() const;

private:
    void refreshCounts();

    SeatMapView* m_view;
    QGridLayout* m_grid;
    QTimer m_countTimer; // coalesces status bursts into one recount
    QList<QLabel*> m_categoryLabels;
};

} // namespace marquee::client
