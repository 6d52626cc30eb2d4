// SearchResultModel: the hits of the last search as a list (title and snippet with their
// highlights, a detail line with date, venue and price).
#pragma once

#include "store/searchtypes.h"

#include <QAbstractListModel>

namespace marquee::client {

class SearchResultModel : public QAbstractListModel {
    Q_OBJECT
public:
    enum Role {
        EventIdRole = Qt::UserRole + 1,
        TitleHtmlRole,   // title with <b> around the matches (escaped)
        SnippetHtmlRole, // snippet with <b> around the matches (escaped)
        DetailRole,      // "Sat, 1 March 20:00 · Philharmonie, Berlin · €15.00 – €45.00"
    };
    Q_ENUM(Role)

    explicit SearchResultModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    void setResults(const SearchResults& results);
    const SearchResults& results() const { return m_results; }

    // Escaped HTML of `text` with each match in <b>…</b>.
    static QString toHtml(const HighlightedString& text);

private:
    SearchResults m_results;
};

} // namespace marquee::client
