// SeatPropertiesPanel: what is selected and its editable properties (area, row and seat labels,
// capacity, price category, flags, rotation). Every change is one undo step on the document.
#pragma once

#include <QWidget>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace marquee::client {

class LayoutDocument;

class SeatPropertiesPanel : public QWidget {
    Q_OBJECT
public:
    explicit SeatPropertiesPanel(LayoutDocument* document, QWidget* parent = nullptr);

    QLabel* summaryLabel() const { return m_summary; }
    QComboBox* categoryCombo() const { return m_category; }
    QCheckBox* flagBox(int bit) const;
    QDoubleSpinBox* rotationSpin() const { return m_rotation; }

Q_SIGNALS:
    void renumberRequested();

private:
    void refresh();
    void applyAreaFields();

    LayoutDocument* m_document;
    QLabel* m_summary;
    QGroupBox* m_areaBox;
    QLineEdit* m_areaLabel;
    QSpinBox* m_capacity;
    QLabel* m_capacityLabel;
    QGroupBox* m_rowBox;
    QLineEdit* m_rowLabel;
    QLineEdit* m_seatLabel;
    QLabel* m_seatLabelCaption;
    QPushButton* m_renumber;
    QGroupBox* m_seatBox;
    QComboBox* m_category;
    QCheckBox* m_flags[4];
    QDoubleSpinBox* m_rotation;
    QPushButton* m_rotate;
    std::string m_areaId; // the one area the selection lies in, if only one
    std::string m_rowId;  // the one row, if only one
    std::string m_seatId; // the one seat, if only one
};

} // namespace marquee::client
