// SearchPanel: the main window's search box. Searches as you type (debounced), shows the hits
// with their matches highlighted, facets to narrow by, the active filters as removable chips,
// and says when it searched the offline catalog. Talks to SearchService only.
#pragma once

#include "store/searchtypes.h"

#include <QTimer>
#include <QWidget>

class QHBoxLayout;
class QLabel;
class QLineEdit;
class QListView;

namespace marquee::client {

class SearchResultModel;
class SearchService;

class SearchPanel : public QWidget {
    Q_OBJECT
public:
    explicit SearchPanel(SearchService* search, QWidget* parent = nullptr);

    QLineEdit* searchBox() const { return m_box; }
    QListView* resultView() const { return m_results; }
    SearchResultModel* resultModel() const { return m_model; }
    QLabel* offlineNotice() const { return m_offline; }
    const SearchFilters& filters() const { return m_filters; }
    void setFilters(const SearchFilters& filters); // searches again
    // 0: search at every keystroke (tests); default 250 ms after the last one.
    void setDebounceInterval(int ms) { m_debounce.setInterval(ms); }
    // A facet count as shown: "1,234", "about 140,000" (estimated), "2,000+" (a lower bound).
    static QString countText(qint64 count, SearchResults::Counts counts);
    QLabel* statusLine() const { return m_status; }

Q_SIGNALS:
    void eventActivated(const QString& eventId);
    void searched(); // results (or an error) for the current text are shown

private:
    void startSearch();
    void showResults(const SearchResults& results);
    void rebuildChips(const SearchResults& results);
    QWidget* chip(const QString& text, bool active, const std::function<void()>& onClick);

    SearchService* m_search;
    SearchFilters m_filters;
    QLineEdit* m_box;
    QLabel* m_offline;
    QLabel* m_status;
    QWidget* m_chipBar;
    QHBoxLayout* m_chipLayout;
    QListView* m_results;
    SearchResultModel* m_model;
    QTimer m_debounce;
};

} // namespace marquee::client
