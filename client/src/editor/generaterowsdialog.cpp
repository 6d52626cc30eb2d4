// GenerateRowsDialog and AddTableDialog.
#include "editor/generaterowsdialog.h"

#include "editor/editorfields.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace marquee::client {

namespace cs = core::seating;

namespace {

QDoubleSpinBox* spin(QWidget* parent, double min, double max, double value, const QString& suffix)
{
    auto* box = new QDoubleSpinBox(parent);
    box->setRange(min, max);
    box->setDecimals(1);
    box->setValue(value);
    box->setSuffix(suffix);
    return box;
}

QLabel* errorLabel(QWidget* parent)
{
    auto* label = new QLabel(parent);
    label->setStyleSheet(QStringLiteral("color: #b00020;"));
    label->setWordWrap(true);
    label->hide();
    return label;
}

void showError(QLabel* label, const QString& text)
{
    label->setText(text);
    label->setVisible(!text.isEmpty());
}

} // namespace

GenerateRowsDialog::GenerateRowsDialog(const cs::Layout& layout, cs::Point origin, QWidget* parent) : QDialog(parent)
{
    setWindowTitle(tr("Generate Rows"));
    const QString cm = tr(" cm");
    const QString deg = tr("°");

    // Where the rows go.
    auto* placeBox = new QGroupBox(tr("Area"), this);
    auto* place = new QFormLayout(placeBox);
    m_target = new QComboBox(placeBox);
    m_target->addItem(tr("New area"), QString());
    for (const cs::Area& area : layout.areas)
        if (area.kind == cs::AreaKind::Seated)
            m_target->addItem(QString::fromStdString(area.label), QString::fromStdString(area.id));
    m_newAreaLabel = new QLineEdit(tr("Section %1").arg(layout.areas.size() + 1), placeBox);
    place->addRow(tr("Add to:"), m_target);
    place->addRow(tr("New area name:"), m_newAreaLabel);
    connect(m_target, &QComboBox::currentIndexChanged, this,
            [this] { m_newAreaLabel->setEnabled(m_target->currentData().toString().isEmpty()); });

    // Geometry.
    auto* shapeBox = new QGroupBox(tr("Rows"), this);
    auto* shape = new QFormLayout(shapeBox);
    m_shape = new QComboBox(shapeBox);
    m_shape->addItem(tr("Straight rows"), static_cast<int>(cs::RowShape::Straight));
    m_shape->addItem(tr("Arc (curved rows)"), static_cast<int>(cs::RowShape::Arc));
    m_rows = new QSpinBox(shapeBox);
    m_rows->setRange(1, 200);
    m_rows->setValue(10);
    m_seatsPerRow = new QLineEdit(QStringLiteral("20"), shapeBox);
    m_seatsPerRow->setToolTip(tr("One number for every row, or one per row separated by commas (front row first)"));
    m_seatSpacing = spin(shapeBox, 20, 500, layout.seatPitch > 0 ? layout.seatPitch : 50, cm);
    m_rowSpacing = spin(shapeBox, 30, 1000, 90, cm);
    auto* originRow = new QHBoxLayout;
    m_originX = spin(shapeBox, -1e6, 1e6, origin.x, cm);
    m_originY = spin(shapeBox, -1e6, 1e6, origin.y, cm);
    originRow->addWidget(new QLabel(tr("x"), shapeBox));
    originRow->addWidget(m_originX, 1);
    originRow->addWidget(new QLabel(tr("y"), shapeBox));
    originRow->addWidget(m_originY, 1);
    shape->addRow(tr("Shape:"), m_shape);
    shape->addRow(tr("Number of rows:"), m_rows);
    shape->addRow(tr("Seats per row:"), m_seatsPerRow);
    shape->addRow(tr("Seat spacing:"), m_seatSpacing);
    shape->addRow(tr("Row spacing:"), m_rowSpacing);
    shape->addRow(tr("Origin:"), originRow);

    m_shapePage = new QStackedWidget(shapeBox);
    auto* straightPage = new QWidget(m_shapePage);
    auto* straight = new QFormLayout(straightPage);
    straight->setContentsMargins(0, 0, 0, 0);
    m_rotation = spin(straightPage, -360, 360, 0, deg);
    straight->addRow(tr("Rotation:"), m_rotation);
    auto* arcPage = new QWidget(m_shapePage);
    auto* arc = new QFormLayout(arcPage);
    arc->setContentsMargins(0, 0, 0, 0);
    m_radius = spin(arcPage, 100, 1e6, 1000, cm);
    m_startAngle = spin(arcPage, -180, 180, -30, deg);
    m_endAngle = spin(arcPage, -180, 180, 30, deg);
    m_grow = new QCheckBox(tr("More seats in longer back rows"), arcPage);
    arc->addRow(tr("Front row radius:"), m_radius);
    arc->addRow(tr("From angle:"), m_startAngle);
    arc->addRow(tr("To angle:"), m_endAngle);
    arc->addRow(QString(), m_grow);
    m_shapePage->addWidget(straightPage);
    m_shapePage->addWidget(arcPage);
    shape->addRow(m_shapePage);
    connect(m_shape, &QComboBox::currentIndexChanged, m_shapePage, &QStackedWidget::setCurrentIndex);

    // Labels.
    auto* labelBox = new QGroupBox(tr("Row labels"), this);
    auto* labels = new QFormLayout(labelBox);
    m_rowLabelKind = new QComboBox(labelBox);
    m_rowLabelKind->addItem(tr("Letters (A, B, C …)"), true);
    m_rowLabelKind->addItem(tr("Numbers (1, 2, 3 …)"), false);
    m_firstRowLabel = new QLineEdit(QStringLiteral("A"), labelBox);
    m_skipRowLabels = new QLineEdit(QStringLiteral("I, O"), labelBox);
    m_skipRowLabels->setToolTip(tr("Row labels never used, separated by commas"));
    m_frontToBack = new QCheckBox(tr("First label nearest the stage"), labelBox);
    m_frontToBack->setChecked(true);
    labels->addRow(tr("Labels:"), m_rowLabelKind);
    labels->addRow(tr("First row:"), m_firstRowLabel);
    labels->addRow(tr("Skip labels:"), m_skipRowLabels);
    labels->addRow(QString(), m_frontToBack);
    connect(m_rowLabelKind, &QComboBox::currentIndexChanged, this, [this] {
        const bool letters = m_rowLabelKind->currentData().toBool();
        m_firstRowLabel->setText(letters ? QStringLiteral("A") : QStringLiteral("1"));
        m_skipRowLabels->setText(letters ? QStringLiteral("I, O") : QString());
    });

    auto* numberBox = new QGroupBox(tr("Seat numbers"), this);
    auto* numberLayout = new QVBoxLayout(numberBox);
    m_numbering = new NumberingWidget(numberBox);
    numberLayout->addWidget(m_numbering);
    auto* categoryForm = new QFormLayout;
    m_category = new QComboBox(numberBox);
    fillPriceCategoryCombo(m_category, layout, {});
    categoryForm->addRow(tr("Price category:"), m_category);
    numberLayout->addLayout(categoryForm);

    m_error = errorLabel(this);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Generate"));
    connect(buttons, &QDialogButtonBox::accepted, this, &GenerateRowsDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* columns = new QHBoxLayout;
    auto* left = new QVBoxLayout;
    left->addWidget(placeBox);
    left->addWidget(shapeBox);
    left->addStretch(1);
    auto* right = new QVBoxLayout;
    right->addWidget(labelBox);
    right->addWidget(numberBox);
    right->addStretch(1);
    columns->addLayout(left);
    columns->addLayout(right);
    auto* main = new QVBoxLayout(this);
    main->addLayout(columns);
    main->addWidget(m_error);
    main->addWidget(buttons);
}

std::string GenerateRowsDialog::targetAreaId() const { return m_target->currentData().toString().toStdString(); }

QString GenerateRowsDialog::newAreaLabel() const { return m_newAreaLabel->text().trimmed(); }

std::optional<cs::RowBlockSpec> GenerateRowsDialog::spec(QString* error) const
{
    auto fail = [&](const QString& message) {
        if (error)
            *error = message;
        return std::nullopt;
    };
    cs::RowBlockSpec s;
    s.shape = static_cast<cs::RowShape>(m_shape->currentData().toInt());
    s.origin = {m_originX->value(), m_originY->value()};
    s.rotationDeg = m_rotation->value();
    s.rowCount = m_rows->value();
    const auto perRow = parseIntList(m_seatsPerRow->text());
    if (!perRow || perRow->empty())
        return fail(tr("Seats per row must be a number, or one number per row separated by commas."));
    if (perRow->size() != 1 && perRow->size() != static_cast<std::size_t>(s.rowCount))
        return fail(tr("Give one seat count for all rows or exactly %n count(s), one per row.", nullptr, s.rowCount));
    s.seatsPerRow = *perRow;
    s.seatSpacing = m_seatSpacing->value();
    s.rowSpacing = m_rowSpacing->value();
    s.frontRadius = m_radius->value();
    s.startAngleDeg = m_startAngle->value();
    s.endAngleDeg = m_endAngle->value();
    s.growSeatsWithRadius = m_grow->isChecked();
    s.rowLabels.letters = m_rowLabelKind->currentData().toBool();
    s.rowLabels.firstLabel = m_firstRowLabel->text().trimmed().toStdString();
    s.rowLabels.skip.clear();
    for (const QString& part : m_skipRowLabels->text().split(QLatin1Char(','), Qt::SkipEmptyParts))
        if (!part.trimmed().isEmpty())
            s.rowLabels.skip.push_back(part.trimmed().toStdString());
    s.rowLabels.frontToBack = m_frontToBack->isChecked();
    const auto numbering = m_numbering->scheme(error);
    if (!numbering)
        return std::nullopt;
    s.numbering = *numbering;
    s.priceCategoryId = selectedPriceCategory(m_category);
    if (targetAreaId().empty() && newAreaLabel().isEmpty())
        return fail(tr("Give the new area a name."));
    return s;
}

void GenerateRowsDialog::accept()
{
    QString error;
    if (!spec(&error)) {
        showError(m_error, error);
        return;
    }
    QDialog::accept();
}

AddTableDialog::AddTableDialog(const cs::Layout& layout, QWidget* parent) : QDialog(parent)
{
    setWindowTitle(tr("Add Table"));
    m_seats = new QSpinBox(this);
    m_seats->setRange(1, 40);
    m_seats->setValue(8);
    m_radius = spin(this, 20, 1000, 75, tr(" cm"));
    m_label = new QLineEdit(QStringLiteral("T1"), this);
    m_numbering = new NumberingWidget(this);
    m_category = new QComboBox(this);
    fillPriceCategoryCombo(m_category, layout, {});
    m_error = errorLabel(this);
    auto* form = new QFormLayout;
    form->addRow(tr("Table label:"), m_label);
    form->addRow(tr("Seats:"), m_seats);
    form->addRow(tr("Table radius:"), m_radius);
    form->addRow(tr("Price category:"), m_category);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &AddTableDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* main = new QVBoxLayout(this);
    main->addLayout(form);
    main->addWidget(m_numbering);
    main->addWidget(m_error);
    main->addWidget(buttons);
}

int AddTableDialog::seats() const { return m_seats->value(); }
double AddTableDialog::tableRadius() const { return m_radius->value(); }
QString AddTableDialog::label() const { return m_label->text().trimmed(); }
std::string AddTableDialog::priceCategoryId() const { return selectedPriceCategory(m_category); }

std::optional<cs::NumberingScheme> AddTableDialog::numberingScheme(QString* error) const
{
    return m_numbering->scheme(error);
}

void AddTableDialog::accept()
{
    QString error;
    if (label().isEmpty())
        error = tr("Give the table a label.");
    else
        numberingScheme(&error); // sets error only when the scheme cannot be read
    if (!error.isEmpty()) {
        showError(m_error, error);
        return;
    }
    QDialog::accept();
}

} // namespace marquee::client
