// "Open from Server": pick a seat map from the layouts the catalog sync brought (every
// lineage at its newest version), with a filter over names and venues. Works offline; the
// chosen layout itself is then fetched from the server with its background image.
#pragma once

#include "net/seatingcodec.h"

#include <QDialog>
#include <QHash>

class QLabel;
class QLineEdit;
class QPushButton;
class QTreeWidget;

namespace marquee::client {

class OpenLayoutDialog : public QDialog {
    Q_OBJECT
public:
    // venueNames: venue id → "Name, City"; userId: the signed-in user (their layouts say "You").
    OpenLayoutDialog(const QList<LayoutSummary>& layouts, const QHash<QString, QString>& venueNames, qint64 userId,
                     QWidget* parent = nullptr);

    QString chosenLayoutId() const;

    // For tests.
    QLineEdit* filterEdit() const { return m_filter; }
    QTreeWidget* list() const { return m_list; }

private:
    void applyFilter();
    void updateButtons();

    QLineEdit* m_filter;
    QTreeWidget* m_list;
    QLabel* m_empty;
    QPushButton* m_open;
};

} // namespace marquee::client
