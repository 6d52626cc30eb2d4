// PriceCategoryPanel: the layout's price categories (the colour the map draws them in, name,
// price in the locale's money format, seats and standing places using it) with add, edit and
// remove; PriceCategoryDialog edits one.
#pragma once

#include "marquee/core/seating/layout.hpp"

#include <QDialog>
#include <QWidget>

class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTreeWidget;

namespace marquee::client {

class LayoutDocument;

class PriceCategoryDialog : public QDialog {
    Q_OBJECT
public:
    PriceCategoryDialog(const core::seating::PriceCategory& category, QWidget* parent = nullptr);
    core::seating::PriceCategory category() const;
    void accept() override;

    QLineEdit* nameEdit() const { return m_name; }
    QDoubleSpinBox* priceSpin() const { return m_price; }
    QLineEdit* currencyEdit() const { return m_currency; }

private:
    void updatePriceDecimals();

    core::seating::PriceCategory m_category;
    QLineEdit* m_name;
    QDoubleSpinBox* m_price;
    QLineEdit* m_currency;
    QLabel* m_error;
};

class PriceCategoryPanel : public QWidget {
    Q_OBJECT
public:
    explicit PriceCategoryPanel(LayoutDocument* document, QWidget* parent = nullptr);

    QTreeWidget* list() const { return m_list; }
    // Seats (and standing areas) using the category.
    static std::size_t useCount(const core::seating::Layout& layout, const std::string& categoryId);

private:
    void refresh();
    void addCategory();
    void editCurrent();
    void removeCurrent();
    std::string currentId() const;

    LayoutDocument* m_document;
    QTreeWidget* m_list;
    QPushButton* m_edit;
    QPushButton* m_remove;
};

} // namespace marquee::client
