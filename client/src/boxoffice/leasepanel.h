// LeasePanel: this device's seat leases for the event. Lease the seats selected on the map or
// a count per price category, see each lease (left, sold here, confirmed, returned), return the
// unsold seats, and the offline sales the server rejected (flagged for staff).
#pragma once

#include <QWidget>

class QCheckBox;
class QFormLayout;
class QLabel;
class QListWidget;
class QPushButton;
class QSpinBox;
class QTableWidget;

namespace marquee::client {

class BoxOfficeWindow;
class ClientSession;

class LeasePanel : public QWidget {
    Q_OBJECT
public:
    LeasePanel(ClientSession* session, BoxOfficeWindow* window, QWidget* parent = nullptr);

    QPushButton* leaseSelectedButton() const { return m_leaseSelected; }
    QPushButton* leaseByCategoryButton() const { return m_leaseByCategory; }
    QPushButton* returnButton() const { return m_return; }
    QTableWidget* leaseTable() const { return m_table; }
    QListWidget* rejectedList() const { return m_rejected; }
    QLabel* messageLabel() const { return m_message; }
    QCheckBox* returnOnReconnectBox() const { return m_returnOnReconnect; }
    // Seats to lease per price category id (the spin boxes).
    void setCategoryCount(const QString& priceCategoryId, int count);

public Q_SLOTS:
    void refresh();

private:
    void rebuildCategories();
    void leaseByCategory();
    void returnSelected();

    ClientSession* m_session;
    BoxOfficeWindow* m_window;
    QString m_categoriesFor; // the event whose categories the spin boxes show
    QList<QPair<QString, QSpinBox*>> m_counts;

    QLabel* m_summary;
    QTableWidget* m_table;
    QPushButton* m_leaseSelected;
    QFormLayout* m_categoryForm;
    QPushButton* m_leaseByCategory;
    QPushButton* m_return;
    QPushButton* m_refresh;
    QCheckBox* m_returnOnReconnect;
    QListWidget* m_rejected;
    QLabel* m_message;
};

} // namespace marquee::client
