// Form pieces shared by the editor's dialogs and panels: a numbering-scheme editor, a
// price-category combo and parsing of number lists ("13, 17").
#pragma once

#include "marquee/core/seating/generators.hpp"

#include <QWidget>

#include <optional>
#include <vector>

class QComboBox;
class QLineEdit;
class QSpinBox;

namespace marquee::client {

// "1, 2,3" -> {1, 2, 3}; nullopt when a part is not an integer. Empty text: empty list.
std::optional<std::vector<int>> parseIntList(const QString& text);
QString formatIntList(const std::vector<int>& values);

// Fills `combo` with "No category" and the layout's categories ("Premium — €45.00"), item
// data the category id, and selects `current`.
void fillPriceCategoryCombo(QComboBox* combo, const core::seating::Layout& layout, const std::string& current);
std::string selectedPriceCategory(const QComboBox* combo);

// Order, first number, skipped numbers and prefix of a seat numbering scheme.
class NumberingWidget : public QWidget {
    Q_OBJECT
public:
    explicit NumberingWidget(QWidget* parent = nullptr);

    void setScheme(const core::seating::NumberingScheme& scheme);
    // nullopt when the skipped numbers cannot be read; *error says why.
    std::optional<core::seating::NumberingScheme> scheme(QString* error = nullptr) const;

    QComboBox* orderCombo() const { return m_order; }
    QSpinBox* startSpin() const { return m_start; }
    QLineEdit* skipEdit() const { return m_skip; }

private:
    QComboBox* m_order;
    QSpinBox* m_start;
    QLineEdit* m_skip;
    QLineEdit* m_prefix;
};

} // namespace marquee::client
