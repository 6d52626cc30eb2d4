// SeatPropertiesPanel implementation.
#include "editor/seatpropertiespanel.h"

#include "editor/editorfields.h"
#include "editor/layoutcommands.h"
#include "editor/layoutdocument.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include <set>

namespace marquee::client {

namespace cs = core::seating;

namespace {

constexpr cs::SeatFlag kFlagBits[4] = {cs::kWheelchairSpace, cs::kCompanionSeat, cs::kRestrictedView, cs::kAisleSeat};

} // namespace

SeatPropertiesPanel::SeatPropertiesPanel(LayoutDocument* document, QWidget* parent)
    : QWidget(parent), m_document(document)
{
    m_summary = new QLabel(this);
    m_summary->setWordWrap(true);

    m_areaBox = new QGroupBox(tr("Area"), this);
    auto* areaForm = new QFormLayout(m_areaBox);
    m_areaLabel = new QLineEdit(m_areaBox);
    m_capacity = new QSpinBox(m_areaBox);
    m_capacity->setRange(0, 1'000'000);
    m_capacity->setGroupSeparatorShown(true);
    m_capacityLabel = new QLabel(tr("Capacity:"), m_areaBox);
    areaForm->addRow(tr("Name:"), m_areaLabel);
    areaForm->addRow(m_capacityLabel, m_capacity);
    connect(m_areaLabel, &QLineEdit::editingFinished, this, &SeatPropertiesPanel::applyAreaFields);
    connect(m_capacity, &QSpinBox::editingFinished, this, &SeatPropertiesPanel::applyAreaFields);

    m_rowBox = new QGroupBox(tr("Row and seat"), this);
    auto* rowForm = new QFormLayout(m_rowBox);
    m_rowLabel = new QLineEdit(m_rowBox);
    m_seatLabel = new QLineEdit(m_rowBox);
    m_seatLabelCaption = new QLabel(tr("Seat number:"), m_rowBox);
    m_renumber = new QPushButton(tr("Renumber Rows…"), m_rowBox);
    rowForm->addRow(tr("Row label:"), m_rowLabel);
    rowForm->addRow(m_seatLabelCaption, m_seatLabel);
    rowForm->addRow(QString(), m_renumber);
    connect(m_rowLabel, &QLineEdit::editingFinished, this, [this] {
        if (!m_rowId.empty() && !m_rowLabel->text().trimmed().isEmpty())
            editops::setRowLabel(m_document, m_rowId, m_rowLabel->text().trimmed());
    });
    connect(m_seatLabel, &QLineEdit::editingFinished, this, [this] {
        if (!m_seatId.empty() && !m_seatLabel->text().trimmed().isEmpty())
            editops::setSeatLabel(m_document, m_seatId, m_seatLabel->text().trimmed());
    });
    connect(m_renumber, &QPushButton::clicked, this, &SeatPropertiesPanel::renumberRequested);

    m_seatBox = new QGroupBox(tr("Sale"), this);
    auto* seatLayout = new QVBoxLayout(m_seatBox);
    auto* categoryForm = new QFormLayout;
    m_category = new QComboBox(m_seatBox);
    m_category->setPlaceholderText(tr("Mixed"));
    categoryForm->addRow(tr("Price category:"), m_category);
    seatLayout->addLayout(categoryForm);
    connect(m_category, &QComboBox::activated, this,
            [this] { editops::assignPriceCategory(m_document, selectedPriceCategory(m_category)); });
    const QString flagNames[4] = {tr("Wheelchair space"), tr("Companion seat"), tr("Restricted view"), tr("Aisle seat")};
    for (int i = 0; i < 4; ++i) {
        m_flags[i] = new QCheckBox(flagNames[i], m_seatBox);
        seatLayout->addWidget(m_flags[i]);
        connect(m_flags[i], &QCheckBox::clicked, this, [this, i] {
            // A click on a mixed box turns the flag on for all; the panel then shows the result.
            editops::setFlag(m_document, kFlagBits[i], m_flags[i]->checkState() != Qt::Unchecked);
            refresh();
        });
    }
    auto* rotateRow = new QHBoxLayout;
    m_rotation = new QDoubleSpinBox(m_seatBox);
    m_rotation->setRange(-360, 360);
    m_rotation->setDecimals(1);
    m_rotation->setValue(90);
    m_rotation->setSuffix(tr("°"));
    m_rotate = new QPushButton(tr("Rotate"), m_seatBox);
    m_rotate->setToolTip(tr("Turn the selection around its centre (clockwise for positive angles)"));
    rotateRow->addWidget(new QLabel(tr("Turn by:"), m_seatBox));
    rotateRow->addWidget(m_rotation, 1);
    rotateRow->addWidget(m_rotate);
    seatLayout->addLayout(rotateRow);
    connect(m_rotate, &QPushButton::clicked, this, [this] {
        if (const auto centre = editops::selectionCentre(m_document))
            editops::rotateSelection(m_document, m_rotation->value(), *centre);
    });

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_areaBox);
    layout->addWidget(m_rowBox);
    layout->addWidget(m_seatBox);
    layout->addStretch(1);

    connect(m_document, &LayoutDocument::selectionChanged, this, &SeatPropertiesPanel::refresh);
    connect(m_document, &LayoutDocument::layoutChanged, this, &SeatPropertiesPanel::refresh);
    refresh();
}

QCheckBox* SeatPropertiesPanel::flagBox(int bit) const
{
    for (int i = 0; i < 4; ++i)
        if (kFlagBits[i] == bit)
            return m_flags[i];
    return nullptr;
}

void SeatPropertiesPanel::applyAreaFields()
{
    const auto index = m_document->areaIndex(m_areaId);
    if (!index)
        return;
    const cs::Area& area = m_document->layout().areas[*index];
    const QString label = m_areaLabel->text().trimmed();
    if (label.isEmpty()) {
        m_areaLabel->setText(QString::fromStdString(area.label)); // an area needs a name
        return;
    }
    editops::editArea(m_document, m_areaId, label, static_cast<std::uint32_t>(m_capacity->value()), area.priceCategoryId);
}

void SeatPropertiesPanel::refresh()
{
    const cs::Layout& layout = m_document->layout();
    const cs::SeatIndex& index = m_document->seatIndex();
    const std::vector<std::uint32_t> seats = m_document->selectedSeatIndexes();
    std::set<std::string> areaIds(m_document->selectedAreas().begin(), m_document->selectedAreas().end());
    std::set<std::string> rowIds;
    std::set<std::string> categories;
    int flagCounts[4] = {0, 0, 0, 0};
    for (std::uint32_t i : seats) {
        areaIds.insert(index.area(i).id);
        rowIds.insert(index.row(i).id);
        const cs::Seat& seat = index.seat(i);
        categories.insert(seat.priceCategoryId);
        for (int f = 0; f < 4; ++f)
            if (seat.flags & kFlagBits[f])
                ++flagCounts[f];
    }
    const cs::Area* gaArea = nullptr;
    for (const std::string& id : m_document->selectedAreas())
        if (auto a = m_document->areaIndex(id); a && layout.areas[*a].kind == cs::AreaKind::GeneralAdmission) {
            gaArea = &layout.areas[*a];
            categories.insert(gaArea->priceCategoryId);
        }

    m_areaId = areaIds.size() == 1 ? *areaIds.begin() : std::string();
    m_rowId = rowIds.size() == 1 ? *rowIds.begin() : std::string();
    m_seatId = seats.size() == 1 ? index.seat(seats.front()).id : std::string();

    if (areaIds.empty()) {
        m_summary->setText(tr("Nothing selected. Click a seat or an area, or drag a rectangle around seats."));
    } else if (seats.empty()) {
        m_summary->setText(tr("%n area(s) selected", nullptr, static_cast<int>(areaIds.size())));
    } else {
        m_summary->setText(tr("%n seat(s) selected", nullptr, static_cast<int>(seats.size())) + QLatin1Char(' ')
                           + tr("in %n row(s)", nullptr, static_cast<int>(rowIds.size())) + QLatin1Char(' ')
                           + tr("of %n area(s)", nullptr, static_cast<int>(areaIds.size())));
    }

    const auto areaIndex = m_document->areaIndex(m_areaId);
    m_areaBox->setVisible(areaIndex.has_value());
    if (areaIndex) {
        const cs::Area& area = layout.areas[*areaIndex];
        const bool ga = area.kind == cs::AreaKind::GeneralAdmission;
        const QSignalBlocker b1(m_areaLabel), b2(m_capacity);
        m_areaLabel->setText(QString::fromStdString(area.label));
        m_capacity->setValue(static_cast<int>(area.capacity));
        m_capacity->setVisible(ga);
        m_capacityLabel->setVisible(ga);
        m_areaBox->setTitle(ga ? tr("Standing area") : tr("Seated area"));
    }

    m_rowBox->setVisible(!seats.empty());
    {
        const QSignalBlocker b1(m_rowLabel), b2(m_seatLabel);
        m_rowLabel->setEnabled(!m_rowId.empty());
        m_rowLabel->setText(m_rowId.empty() ? QString() : QString::fromStdString(index.row(seats.front()).label));
        m_rowLabel->setPlaceholderText(m_rowId.empty() ? tr("several rows") : QString());
        const bool oneSeat = !m_seatId.empty();
        m_seatLabel->setVisible(oneSeat);
        m_seatLabelCaption->setVisible(oneSeat);
        m_seatLabel->setText(oneSeat ? QString::fromStdString(index.seat(seats.front()).label) : QString());
    }

    const bool sellable = !seats.empty() || gaArea;
    m_seatBox->setVisible(sellable || m_document->hasSelection());
    const std::string current = categories.size() == 1 ? *categories.begin() : std::string();
    fillPriceCategoryCombo(m_category, layout, current);
    if (categories.size() > 1) {
        const QSignalBlocker block(m_category);
        m_category->setCurrentIndex(-1); // shows the "Mixed" placeholder
    }
    m_category->setEnabled(sellable);
    const int seatCount = static_cast<int>(seats.size());
    for (int f = 0; f < 4; ++f) {
        const QSignalBlocker block(m_flags[f]);
        m_flags[f]->setEnabled(seatCount > 0);
        m_flags[f]->setTristate(flagCounts[f] > 0 && flagCounts[f] < seatCount);
        m_flags[f]->setCheckState(flagCounts[f] == 0 ? Qt::Unchecked
                                  : flagCounts[f] == seatCount ? Qt::Checked
                                                               : Qt::PartiallyChecked);
    }
    m_rotate->setEnabled(m_document->hasSelection());
}

} // namespace marquee::client
