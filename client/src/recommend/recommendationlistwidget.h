// RecommendationListWidget: a heading, the list's state line (offline since when, loading,
// nothing yet) and the recommended events, each with its date, venue and reason. Activating
// an item (click, Enter) asks to open that event.
#pragma once

#include <QWidget>

class QLabel;
class QListView;
class QToolButton;

namespace marquee::client {

class RecommendationListModel;

class RecommendationListWidget : public QWidget {
    Q_OBJECT
public:
    RecommendationListWidget(RecommendationListModel* model, const QString& heading, QWidget* parent = nullptr);

    RecommendationListModel* model() const { return m_model; }
    QListView* listView() const { return m_list; }
    QLabel* stateLabel() const { return m_state; }
    QToolButton* refreshButton() const { return m_refresh; }
    void setHeading(const QString& heading);
    QString heading() const;
    // At most this many rows tall (the detail pane's "Similar events"); 0: fills the space.
    void setMaximumRows(int rows);

Q_SIGNALS:
    void eventActivated(const QString& eventId);

private:
    void updateState();

    RecommendationListModel* m_model;
    QLabel* m_heading;
    QLabel* m_state;
    QListView* m_list;
    QToolButton* m_refresh;
    int m_maximumRows = 0;
};

} // namespace marquee::client
