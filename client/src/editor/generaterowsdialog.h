// Dialogs that create seats: a block of straight or arc rows (GenerateRowsDialog) and a round
// table (AddTableDialog). They only collect a spec; editops turn it into an undo step.
#pragma once

#include "marquee/core/seating/generators.hpp"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QSpinBox;
class QStackedWidget;

namespace marquee::client {

class NumberingWidget;

class GenerateRowsDialog : public QDialog {
    Q_OBJECT
public:
    // `origin`: where the block starts on the plan (e.g. the centre of the view).
    GenerateRowsDialog(const core::seating::Layout& layout, core::seating::Point origin, QWidget* parent = nullptr);

    // Empty: a new area named newAreaLabel().
    std::string targetAreaId() const;
    QString newAreaLabel() const;
    // nullopt when a field cannot be read; the dialog shows why and stays open.
    std::optional<core::seating::RowBlockSpec> spec(QString* error = nullptr) const;

    // For tests and callers that preset values.
    QComboBox* shapeCombo() const { return m_shape; }
    QSpinBox* rowCountSpin() const { return m_rows; }
    QLineEdit* seatsPerRowEdit() const { return m_seatsPerRow; }
    NumberingWidget* numbering() const { return m_numbering; }

    void accept() override;

private:
    QComboBox* m_target;
    QLineEdit* m_newAreaLabel;
    QComboBox* m_shape;
    QSpinBox* m_rows;
    QLineEdit* m_seatsPerRow;
    QDoubleSpinBox* m_seatSpacing;
    QDoubleSpinBox* m_rowSpacing;
    QDoubleSpinBox* m_originX;
    QDoubleSpinBox* m_originY;
    QStackedWidget* m_shapePage;
    QDoubleSpinBox* m_rotation;
    QDoubleSpinBox* m_radius;
    QDoubleSpinBox* m_startAngle;
    QDoubleSpinBox* m_endAngle;
    QCheckBox* m_grow;
    QComboBox* m_rowLabelKind;
    QLineEdit* m_firstRowLabel;
    QLineEdit* m_skipRowLabels;
    QCheckBox* m_frontToBack;
    NumberingWidget* m_numbering;
    QComboBox* m_category;
    QLabel* m_error;
};

class AddTableDialog : public QDialog {
    Q_OBJECT
public:
    AddTableDialog(const core::seating::Layout& layout, QWidget* parent = nullptr);

    int seats() const;
    double tableRadius() const;
    QString label() const;
    std::optional<core::seating::NumberingScheme> numberingScheme(QString* error = nullptr) const;
    std::string priceCategoryId() const;

    void accept() override;

private:
    QSpinBox* m_seats;
    QDoubleSpinBox* m_radius;
    QLineEdit* m_label;
    NumberingWidget* m_numbering;
    QComboBox* m_category;
    QLabel* m_error;
};

} // namespace marquee::client
