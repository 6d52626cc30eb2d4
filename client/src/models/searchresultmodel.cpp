// SearchResultModel implementation.
#include "models/searchresultmodel.h"

#include "models/eventformat.h"

namespace marquee::client {

SearchResultModel::SearchResultModel(QObject* parent) : QAbstractListModel(parent) {}

int SearchResultModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_results.hits.size());
}

QString SearchResultModel::toHtml(const HighlightedString& text)
{
    QString html;
    int at = 0;
    for (const TextMatch& m : text.matches) {
        if (m.start < at || m.start + m.length > text.text.size())
            continue;
        html += text.text.mid(at, m.start - at).toHtmlEscaped();
        html += QStringLiteral("<b>") + text.text.mid(m.start, m.length).toHtmlEscaped() + QStringLiteral("</b>");
        at = m.start + m.length;
    }
    return html + text.text.mid(at).toHtmlEscaped();
}

QVariant SearchResultModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_results.hits.size())
        return {};
    const SearchHit& hit = m_results.hits.at(index.row());
    switch (role) {
    case Qt::DisplayRole: return hit.title.text;
    case Qt::ToolTipRole: return hit.snippet.text;
    case EventIdRole: return hit.eventId;
    case TitleHtmlRole: return toHtml(hit.title);
    case SnippetHtmlRole: return toHtml(hit.snippet);
    case DetailRole: {
        QStringList parts{format::eventDateTime(hit.startsAtMs, hit.timeZone, QLocale(), QLocale::ShortFormat, false)};
        if (!hit.venueName.isEmpty())
            parts << (hit.city.isEmpty() ? hit.venueName : tr("%1, %2").arg(hit.venueName, hit.city));
        parts << format::priceRange(hit.priceMinMinor, hit.priceMaxMinor, hit.currency);
        if (hit.hasDistance)
            parts << tr("%1 km").arg(QLocale().toString(hit.distanceKm, 'f', 1));
        const QString status = format::status(hit.status);
        if (!status.isEmpty())
            parts << status;
        return parts.join(QStringLiteral(" · "));
    }
    default: return {};
    }
}

QHash<int, QByteArray> SearchResultModel::roleNames() const
{
    auto names = QAbstractListModel::roleNames();
    names.insert(EventIdRole, "eventId");
    names.insert(TitleHtmlRole, "titleHtml");
    names.insert(SnippetHtmlRole, "snippetHtml");
    names.insert(DetailRole, "detail");
    return names;
}

void SearchResultModel::setResults(const SearchResults& results)
{
    beginResetModel();
    m_results = results;
    endResetModel();
}

} // namespace marquee::client
