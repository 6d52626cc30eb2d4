// RecommendationListWidget implementation, with the delegate that draws one recommendation as
// three lines: title, "date · venue", and the reason in the accent colour.
#include "recommend/recommendationlistwidget.h"

#include "recommend/recommendationlistmodel.h"

#include <QApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QListView>
#include <QPainter>
#include <QStyledItemDelegate>
#include <QToolButton>
#include <QVBoxLayout>

namespace marquee::client {

namespace {

class RecommendationDelegate : public QStyledItemDelegate {
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    static constexpr int kPadding = 6;

    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex&) const override
    {
        const QFontMetrics fm(option.font);
        return {option.rect.width() > 0 ? option.rect.width() : 200, 3 * fm.height() + 2 * kPadding + 2};
    }

    void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override
    {
        QStyleOptionViewItem opt = option;
        initStyleOption(&opt, index);
        opt.text.clear();
        const QWidget* widget = option.widget;
        QStyle* style = widget ? widget->style() : QApplication::style();
        style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget); // background, selection, focus

        const bool selected = option.state & QStyle::State_Selected;
        const QPalette& pal = option.palette;
        const QColor text = pal.color(selected ? QPalette::HighlightedText : QPalette::Text);
        const QColor secondary = selected ? text : pal.color(QPalette::PlaceholderText);
        const QColor accent = selected ? text : pal.color(QPalette::Link);
        const QRect area = option.rect.adjusted(kPadding + 2, kPadding, -kPadding, -kPadding);
        const QFontMetrics fm(option.font);
        const int line = fm.height();

        painter->save();
        QFont title = option.font;
        title.setBold(true);
        painter->setFont(title);
        painter->setPen(text);
        const QRect titleRect(area.left(), area.top(), area.width(), line);
        painter->drawText(titleRect, Qt::AlignLeft | Qt::AlignVCenter,
                          QFontMetrics(title).elidedText(index.data().toString(), Qt::ElideRight, area.width()));

        painter->setFont(option.font);
        painter->setPen(secondary);
        const QString when = index.data(RecommendationListModel::WhenRole).toString();
        const QString venue = index.data(RecommendationListModel::VenueRole).toString();
        const QString details = venue.isEmpty() ? when : QStringLiteral("%1 · %2").arg(when, venue);
        painter->drawText(QRect(area.left(), area.top() + line, area.width(), line), Qt::AlignLeft | Qt::AlignVCenter,
                          fm.elidedText(details, Qt::ElideRight, area.width()));

        QFont reasonFont = option.font;
        reasonFont.setItalic(true);
        painter->setFont(reasonFont);
        painter->setPen(accent);
        painter->drawText(QRect(area.left(), area.top() + 2 * line, area.width(), line), Qt::AlignLeft | Qt::AlignVCenter,
                          QFontMetrics(reasonFont)
                              .elidedText(index.data(RecommendationListModel::ReasonRole).toString(), Qt::ElideRight,
                                          area.width()));
        painter->restore();
    }
};

} // namespace

RecommendationListWidget::RecommendationListWidget(RecommendationListModel* model, const QString& heading, QWidget* parent)
    : QWidget(parent), m_model(model)
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* header = new QHBoxLayout;
    m_heading = new QLabel(heading, this);
    QFont titleFont = m_heading->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.15);
    m_heading->setFont(titleFont);
    m_refresh = new QToolButton(this);
    m_refresh->setText(tr("Refresh"));
    m_refresh->setToolTip(tr("Ask the server for fresh recommendations"));
    m_refresh->setAutoRaise(true);
    connect(m_refresh, &QToolButton::clicked, m_model, &RecommendationListModel::refresh);
    header->addWidget(m_heading);
    header->addStretch(1);
    header->addWidget(m_refresh);
    layout->addLayout(header);

    m_state = new QLabel(this);
    m_state->setWordWrap(true);
    m_state->setObjectName(QStringLiteral("recommendationState"));
    layout->addWidget(m_state);

    m_list = new QListView(this);
    m_list->setModel(m_model);
    m_list->setItemDelegate(new RecommendationDelegate(m_list));
    m_list->setUniformItemSizes(true);
    m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff); // the delegate elides
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_list->setAlternatingRowColors(true);
    layout->addWidget(m_list, 1);
    connect(m_list, &QListView::activated, this,
            [this](const QModelIndex& index) { Q_EMIT eventActivated(m_model->eventIdAt(index.row())); });
    connect(m_list, &QListView::clicked, this,
            [this](const QModelIndex& index) { Q_EMIT eventActivated(m_model->eventIdAt(index.row())); });

    connect(m_model, &RecommendationListModel::stateChanged, this, &RecommendationListWidget::updateState);
    connect(m_model, &QAbstractItemModel::modelReset, this, &RecommendationListWidget::updateState);
    updateState();
}

void RecommendationListWidget::setHeading(const QString& heading) { m_heading->setText(heading); }

QString RecommendationListWidget::heading() const { return m_heading->text(); }

void RecommendationListWidget::setMaximumRows(int rows)
{
    m_maximumRows = rows;
    updateState();
}

void RecommendationListWidget::updateState()
{
    const QString text = m_model->stateText();
    m_state->setText(text);
    m_state->setVisible(!text.isEmpty());
    // The offline copy stands out (amber); other states are quiet notes.
    m_state->setStyleSheet(m_model->isOfflineCopy()
                               ? QStringLiteral("background:#fff3cd; color:#664d03; border:1px solid #e0c36a; "
                                                "border-radius:3px; padding:4px 6px;")
                               : QStringLiteral("color:#5f6368; padding:2px 0;"));
    m_list->setVisible(m_model->rowCount() > 0);
    m_refresh->setEnabled(m_model->canRefresh());
    if (m_maximumRows > 0) {
        const int rowHeight = m_list->sizeHintForRow(0) > 0 ? m_list->sizeHintForRow(0) : 3 * fontMetrics().height() + 14;
        const int rows = std::min(m_model->rowCount(), m_maximumRows);
        m_list->setFixedHeight(rows * rowHeight + 2 * m_list->frameWidth());
    }
}

} // namespace marquee::client
