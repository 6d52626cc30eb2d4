// SeatMapLegend implementation.
#include "seatmap/seatmaplegend.h"

#include "seatmap/seatmapstyle.h"
#include "seatmap/seatmapview.h"

#include <QGridLayout>
#include <QLabel>
#include <QLocale>
#include <QPainter>

namespace marquee::client {

using core::seating::SeatStatus;

namespace {

QPixmap swatch(SeatStatus status, std::uint8_t category, qreal dpr)
{
    const QSize size(26, 22);
    QPixmap pixmap(size * dpr);
    pixmap.setDevicePixelRatio(dpr);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.translate(size.width() / 2.0, size.height() / 2.0);
    seatstyle::drawSeat(painter, QRectF(-10, -8.5, 20, 17), status, category, 0, true);
    return pixmap;
}

QLabel* swatchLabel(SeatStatus status, std::uint8_t category, QWidget* parent)
{
    auto* label = new QLabel(parent);
    label->setPixmap(swatch(status, category, parent->devicePixelRatioF()));
    return label;
}

} // namespace

SeatMapLegend::SeatMapLegend(SeatMapView* view, QWidget* parent) : QWidget(parent), m_view(view)
{
    m_grid = new QGridLayout(this);
    m_grid->setContentsMargins(0, 0, 0, 0);
    m_grid->setHorizontalSpacing(8);
    m_grid->setVerticalSpacing(6);
    m_grid->setColumnStretch(1, 1); // text right next to its swatch
    m_countTimer.setSingleShot(true);
    m_countTimer.setInterval(100);
    connect(&m_countTimer, &QTimer::timeout, this, &SeatMapLegend::refreshCounts);
    connect(m_view, &SeatMapView::statusChanged, this, [this] {
        if (!m_countTimer.isActive())
            m_countTimer.start();
    });
    rebuild();
}

void SeatMapLegend::rebuild()
{
    while (QLayoutItem* item = m_grid->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    // Stretches belong to row numbers, not items: the last rebuild's would stay behind.
    for (int r = 0; r < m_grid->rowCount(); ++r)
        m_grid->setRowStretch(r, 0);
    m_categoryLabels.clear();
    int row = 0;
    auto heading = [&](const QString& text) {
        auto* label = new QLabel(QStringLiteral("<b>%1</b>").arg(text.toHtmlEscaped()), this);
        m_grid->addWidget(label, row++, 0, 1, 2);
    };
    if (const core::seating::Layout* layout = m_view->seatingLayout()) {
        if (!layout->priceCategories.empty())
            heading(tr("Prices"));
        for (std::size_t i = 0; i < layout->priceCategories.size() && i < 254; ++i) {
            const auto category = static_cast<std::uint8_t>(i + 1);
            m_grid->addWidget(swatchLabel(SeatStatus::Available, category, this), row, 0);
            auto* text = new QLabel(this);
            m_categoryLabels.append(text);
            m_grid->addWidget(text, row++, 1);
        }
    }
    heading(tr("Seats"));
    for (std::uint8_t s = 0; s < core::seating::kSeatStatusCount; ++s) {
        const auto status = static_cast<SeatStatus>(s);
        m_grid->addWidget(swatchLabel(status, 1, this), row, 0);
        m_grid->addWidget(new QLabel(seatstyle::statusName(status), this), row++, 1);
    }
    m_grid->setRowStretch(row, 1);
    refreshCounts();
}

void SeatMapLegend::refreshCounts()
{
    const core::seating::Layout* layout = m_view->seatingLayout();
    if (!layout)
        return;
    const SeatMapGeometry& geometry = m_view->geometry();
    std::vector<std::uint32_t> free(layout->priceCategories.size() + 1, 0);
    if (m_view->hasStatus()) {
        for (std::uint32_t i = 0; i < geometry.seatCount(); ++i)
            if (m_view->seatStatus(i) == SeatStatus::Available)
                ++free[geometry.categoryOf(i)];
    }
    const QLocale locale;
    for (int i = 0; i < m_categoryLabels.size(); ++i) {
        const auto category = static_cast<std::uint8_t>(i + 1);
        const QString name = QString::fromStdString(layout->priceCategories[static_cast<std::size_t>(i)].name);
        QString text = tr("%1 — %2").arg(name, m_view->priceText(category));
        if (m_view->hasStatus()) // own line: the side panel is narrow
            text += QLatin1Char('\n') + tr("%1 free").arg(locale.toString(free[category]));
        m_categoryLabels[i]->setText(text);
        // The second line appears with the status: make the row grow with it.
        m_categoryLabels[i]->setMinimumHeight(m_categoryLabels[i]->sizeHint().height());
    }
}

QStringList SeatMapLegend::categoryTexts() const
{
    QStringList out;
    for (const QLabel* label : m_categoryLabels)
        out << label->text();
    return out;
}

} // namespace marquee::client
