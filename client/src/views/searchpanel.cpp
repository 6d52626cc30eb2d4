// SearchPanel implementation, with the delegate that paints a hit (highlighted title, detail
// line, highlighted snippet).
#include "views/searchpanel.h"

#include "models/searchresultmodel.h"
#include "services/searchservice.h"

#include <QAbstractTextDocumentLayout>
#include <QApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QLocale>
#include <QPainter>
#include <QStyledItemDelegate>
#include <QTextDocument>
#include <QToolButton>
#include <QVBoxLayout>

namespace marquee::client {

namespace {

// Paints title, detail and snippet as rich text; matches are bold on a marker colour.
class SearchHitDelegate : public QStyledItemDelegate {
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    static QString html(const QModelIndex& index)
    {
        const QString mark = QStringLiteral("<b style=\"background-color:#ffe58a\">");
        auto marked = [&](int role) { return index.data(role).toString().replace(QStringLiteral("<b>"), mark); };
        return QStringLiteral("<div style=\"font-size:large\">%1</div><div style=\"color:#555\">%2</div><div>%3</div>")
            .arg(marked(SearchResultModel::TitleHtmlRole), index.data(SearchResultModel::DetailRole).toString().toHtmlEscaped(),
                 marked(SearchResultModel::SnippetHtmlRole));
    }

    void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override
    {
        QStyleOptionViewItem opt = option;
        initStyleOption(&opt, index);
        opt.text.clear();
        const QWidget* widget = option.widget;
        QStyle* style = widget ? widget->style() : QApplication::style();
        style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);
        QTextDocument doc;
        doc.setHtml(html(index));
        doc.setTextWidth(option.rect.width() - 12);
        painter->save();
        painter->translate(option.rect.topLeft() + QPoint(6, 3));
        QAbstractTextDocumentLayout::PaintContext context;
        if (option.state & QStyle::State_Selected)
            context.palette.setColor(QPalette::Text, option.palette.color(QPalette::HighlightedText));
        doc.documentLayout()->draw(painter, context);
        painter->restore();
    }

    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override
    {
        QTextDocument doc;
        doc.setHtml(html(index));
        doc.setTextWidth(qMax(200, option.rect.width() - 12));
        return {static_cast<int>(doc.idealWidth()), static_cast<int>(doc.size().height()) + 6};
    }
};

QString dateLabel(const QString& value)
{
    if (value == QLatin1String("tonight"))
        return SearchPanel::tr("Tonight");
    if (value == QLatin1String("today"))
        return SearchPanel::tr("Today");
    if (value == QLatin1String("tomorrow"))
        return SearchPanel::tr("Tomorrow");
    if (value == QLatin1String("this_weekend"))
        return SearchPanel::tr("This weekend");
    if (value == QLatin1String("next_7_days"))
        return SearchPanel::tr("Next 7 days");
    return SearchPanel::tr("Later");
}

core::DatePreset datePreset(const QString& value)
{
    static const QHash<QString, core::DatePreset> presets{
        {QStringLiteral("tonight"), core::DatePreset::Tonight}, {QStringLiteral("today"), core::DatePreset::Today},
        {QStringLiteral("tomorrow"), core::DatePreset::Tomorrow}, {QStringLiteral("this_weekend"), core::DatePreset::ThisWeekend},
        {QStringLiteral("next_7_days"), core::DatePreset::Next7Days}, {QStringLiteral("later"), core::DatePreset::Later}};
    return presets.value(value, core::DatePreset::Any);
}

QString dateValue(core::DatePreset preset)
{
    switch (preset) {
    case core::DatePreset::Tonight: return QStringLiteral("tonight");
    case core::DatePreset::Today: return QStringLiteral("today");
    case core::DatePreset::Tomorrow: return QStringLiteral("tomorrow");
    case core::DatePreset::ThisWeekend: return QStringLiteral("this_weekend");
    case core::DatePreset::Next7Days: return QStringLiteral("next_7_days");
    case core::DatePreset::Later: return QStringLiteral("later");
    case core::DatePreset::Any: break;
    }
    return {};
}

QString priceLabel(const FacetValue& band)
{
    const QLocale locale;
    if (band.rangeMaxMinor == 0)
        return SearchPanel::tr("Free");
    if (band.rangeMaxMinor < 0)
        return SearchPanel::tr("Over %1").arg(locale.toString((band.rangeMinMinor - 1) / 100));
    return SearchPanel::tr("%1 to %2").arg(locale.toString(band.rangeMinMinor / 100), locale.toString(band.rangeMaxMinor / 100));
}

} // namespace

SearchPanel::SearchPanel(SearchService* search, QWidget* parent)
    : QWidget(parent), m_search(search), m_box(new QLineEdit(this)), m_offline(new QLabel(this)),
      m_status(new QLabel(this)), m_chipBar(new QWidget(this)), m_chipLayout(new QHBoxLayout(m_chipBar)),
      m_results(new QListView(this)), m_model(new SearchResultModel(this))
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* top = new QHBoxLayout;
    m_box->setPlaceholderText(tr("Search events, performers, venues…"));
    m_box->setClearButtonEnabled(true);
    m_box->setObjectName(QStringLiteral("searchBox"));
    top->addWidget(m_box, 1);
    top->addWidget(m_status);
    layout->addLayout(top);
    m_offline->setWordWrap(true);
    m_offline->setStyleSheet(QStringLiteral("QLabel { background: #fff4d6; color: #6b4e00; padding: 3px 6px; }"));
    m_offline->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    m_offline->hide();
    layout->addWidget(m_offline);
    m_chipLayout->setContentsMargins(0, 0, 0, 0);
    m_chipLayout->setSpacing(4);
    m_chipBar->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    layout->addWidget(m_chipBar);
    m_results->setModel(m_model);
    m_results->setItemDelegate(new SearchHitDelegate(m_results));
    m_results->setUniformItemSizes(false);
    m_results->setWordWrap(true);
    m_results->setMaximumHeight(300);
    m_results->hide();
    layout->addWidget(m_results);
    m_chipBar->hide();

    m_debounce.setSingleShot(true);
    m_debounce.setInterval(250);
    connect(&m_debounce, &QTimer::timeout, this, &SearchPanel::startSearch);
    connect(m_box, &QLineEdit::textChanged, this, [this] { m_debounce.start(); });
    connect(m_box, &QLineEdit::returnPressed, this, &SearchPanel::startSearch);
    connect(m_search, &SearchService::resultsReady, this, &SearchPanel::showResults);
    connect(m_search, &SearchService::searchFailed, this, [this](const QString& message) {
        m_status->setText(message);
        Q_EMIT searched();
    });
    connect(m_results, &QListView::activated, this,
            [this](const QModelIndex& index) { Q_EMIT eventActivated(index.data(SearchResultModel::EventIdRole).toString()); });
    connect(m_results, &QListView::clicked, this,
            [this](const QModelIndex& index) { Q_EMIT eventActivated(index.data(SearchResultModel::EventIdRole).toString()); });
}

void SearchPanel::setFilters(const SearchFilters& filters)
{
    m_filters = filters;
    startSearch();
}

void SearchPanel::startSearch()
{
    m_debounce.stop();
    const QString text = m_box->text();
    if (text.trimmed().isEmpty() && m_filters == SearchFilters{}) {
        m_model->setResults({});
        m_results->hide();
        m_chipBar->hide();
        m_offline->hide();
        m_status->clear();
        Q_EMIT searched();
        return;
    }
    SearchQuery query;
    query.text = text;
    query.filters = m_filters;
    m_search->search(query);
}

void SearchPanel::showResults(const SearchResults& results)
{
    if (results.queryText != m_box->text())
        return; // an answer for text that has changed since
    m_model->setResults(results);
    m_results->setVisible(true);
    // Offline, and said plainly when the cache's search index is still being built after a
    // sync: the newest events may be missing from what the device can find.
    m_offline->setText(results.partialIndex
                           ? tr("Offline: searching the offline catalog on this device. It is still being indexed, "
                                "so recently synced events may be missing.")
                           : tr("Offline: searching the offline catalog on this device."));
    m_offline->setVisible(results.offline);
    const qint64 total = results.total >= 0 ? results.total : results.hits.size();
    if (results.hits.isEmpty())
        m_status->setText(tr("No events found"));
    else if (results.total >= 0 && results.counts == SearchResults::Counts::Estimated)
        m_status->setText(tr("About %1 results").arg(QLocale().toString(total)));
    else if (results.total >= 0 && results.counts == SearchResults::Counts::AtLeast)
        m_status->setText(tr("%1+ results").arg(QLocale().toString(total)));
    else
        m_status->setText(tr("%n result(s)", nullptr, static_cast<int>(total)));
    rebuildChips(results);
    Q_EMIT searched();
}

QString SearchPanel::countText(qint64 count, SearchResults::Counts counts)
{
    const QString number = QLocale().toString(count);
    switch (counts) {
    case SearchResults::Counts::Estimated: return tr("about %1").arg(number);
    case SearchResults::Counts::AtLeast: return tr("%1+").arg(number);
    case SearchResults::Counts::Exact: break;
    }
    return number;
}

QWidget* SearchPanel::chip(const QString& text, bool active, const std::function<void()>& onClick)
{
    auto* button = new QToolButton(m_chipBar);
    // A label such as "Jazz & Blues" would otherwise lose its '&' to a keyboard shortcut.
    QString shown = text;
    shown.replace(QLatin1Char('&'), QStringLiteral("&&"));
    button->setText(active ? tr("%1 ✕").arg(shown) : shown);
    button->setAutoRaise(!active);
    button->setCheckable(true);
    button->setChecked(active);
    connect(button, &QToolButton::clicked, this, onClick);
    return button;
}

void SearchPanel::rebuildChips(const SearchResults& results)
{
    while (QLayoutItem* item = m_chipLayout->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    // Active filters first, as removable chips.
    if (!m_filters.categoryId.isEmpty()) {
        QString label = m_filters.categoryId;
        for (const FacetValue& c : results.categories)
            if (c.value == m_filters.categoryId)
                label = c.label;
        m_chipLayout->addWidget(chip(label, true, [this] {
            auto f = m_filters;
            f.categoryId.clear();
            setFilters(f);
        }));
    }
    if (m_filters.date != core::DatePreset::Any)
        m_chipLayout->addWidget(chip(dateLabel(dateValue(m_filters.date)), true, [this] {
            auto f = m_filters;
            f.date = core::DatePreset::Any;
            setFilters(f);
        }));
    if (m_filters.priceMinMinor || m_filters.priceMaxMinor || m_filters.freeOnly)
        m_chipLayout->addWidget(chip(tr("Price"), true, [this] {
            auto f = m_filters;
            f.priceMinMinor.reset();
            f.priceMaxMinor.reset();
            f.freeOnly = false;
            setFilters(f);
        }));
    // Then the facets with their counts, to narrow by.
    if (m_filters.categoryId.isEmpty())
        for (int i = 0; i < results.categories.size() && i < 5; ++i) {
            const FacetValue c = results.categories.at(i);
            m_chipLayout->addWidget(chip(tr("%1 (%2)").arg(c.label, countText(c.count, results.counts)), false, [this, c] {
                auto f = m_filters;
                f.categoryId = c.value;
                setFilters(f);
            }));
        }
    if (m_filters.date == core::DatePreset::Any)
        for (const FacetValue& d : results.dates)
            if (d.count > 0 && (d.value == QLatin1String("tonight") || d.value == QLatin1String("this_weekend")))
                m_chipLayout->addWidget(chip(tr("%1 (%2)").arg(dateLabel(d.value), countText(d.count, results.counts)), false, [this, d] {
                    auto f = m_filters;
                    f.date = datePreset(d.value);
                    setFilters(f);
                }));
    if (!m_filters.priceMinMinor && !m_filters.priceMaxMinor && !m_filters.freeOnly)
        for (const FacetValue& p : results.prices)
            if (p.count > 0 && p.rangeMaxMinor == 0)
                m_chipLayout->addWidget(chip(tr("%1 (%2)").arg(priceLabel(p), countText(p.count, results.counts)), false, [this] {
                    auto f = m_filters;
                    f.freeOnly = true;
                    setFilters(f);
                }));
    m_chipLayout->addStretch(1);
    m_chipBar->setVisible(m_chipLayout->count() > 1);
}

} // namespace marquee::client
