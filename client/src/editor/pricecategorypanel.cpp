// PriceCategoryPanel and PriceCategoryDialog.
#include "editor/pricecategorypanel.h"

#include "editor/layoutcommands.h"
#include "editor/layoutdocument.h"
#include "models/eventformat.h"
#include "seatmap/seatmapstyle.h"

#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPixmap>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <cmath>

namespace marquee::client {

namespace cs = core::seating;

namespace {

// The map colours categories by their position (a colour-blind-safe palette), not by the
// layout's colour hint: the swatch shows what the map draws.
QColor mapColour(std::size_t categoryIndex)
{
    return seatstyle::categoryColour(static_cast<std::uint8_t>(std::min<std::size_t>(categoryIndex + 1, 255)));
}

QIcon swatch(const QColor& colour)
{
    QPixmap pixmap(14, 14);
    pixmap.fill(colour);
    return QIcon(pixmap);
}

double minorFactor(const QString& currency) { return std::pow(10.0, format::currencyDigits(currency)); }

} // namespace

PriceCategoryDialog::PriceCategoryDialog(const cs::PriceCategory& category, QWidget* parent)
    : QDialog(parent), m_category(category)
{
    setWindowTitle(category.id.empty() ? tr("New Price Category") : tr("Edit Price Category"));
    m_name = new QLineEdit(QString::fromStdString(category.name), this);
    m_currency = new QLineEdit(QString::fromStdString(category.currency), this);
    m_currency->setValidator(
        new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[A-Za-z]{0,3}")), m_currency));
    m_currency->setMaximumWidth(80);
    if (m_currency->text().isEmpty())
        m_currency->setText(QLocale().currencySymbol(QLocale::CurrencyIsoCode));
    m_price = new QDoubleSpinBox(this);
    m_price->setRange(0, 1e7);
    m_price->setGroupSeparatorShown(true);
    updatePriceDecimals();
    m_price->setValue(static_cast<double>(category.priceMinor) / minorFactor(m_currency->text()));
    m_error = new QLabel(this);
    m_error->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_error->hide();
    connect(m_currency, &QLineEdit::textChanged, this, &PriceCategoryDialog::updatePriceDecimals);

    auto* form = new QFormLayout;
    form->addRow(tr("Name:"), m_name);
    form->addRow(tr("Price:"), m_price);
    form->addRow(tr("Currency (ISO code):"), m_currency);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &PriceCategoryDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
}

void PriceCategoryDialog::updatePriceDecimals() { m_price->setDecimals(format::currencyDigits(m_currency->text().toUpper())); }

cs::PriceCategory PriceCategoryDialog::category() const
{
    cs::PriceCategory c = m_category;
    c.name = m_name->text().trimmed().toStdString();
    c.currency = m_currency->text().toUpper().toStdString();
    c.priceMinor = std::llround(m_price->value() * minorFactor(m_currency->text().toUpper()));
    return c;
}

void PriceCategoryDialog::accept()
{
    QString error;
    if (m_name->text().trimmed().isEmpty())
        error = tr("Give the category a name.");
    else if (m_currency->text().size() != 3)
        error = tr("The currency is a three-letter ISO code such as EUR.");
    if (!error.isEmpty()) {
        m_error->setText(error);
        m_error->show();
        return;
    }
    QDialog::accept();
}

PriceCategoryPanel::PriceCategoryPanel(LayoutDocument* document, QWidget* parent) : QWidget(parent), m_document(document)
{
    m_list = new QTreeWidget(this);
    m_list->setRootIsDecorated(false);
    m_list->setHeaderLabels({tr("Category"), tr("Price"), tr("Places")});
    m_list->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_list->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_list->header()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    auto* add = new QPushButton(tr("Add…"), this);
    m_edit = new QPushButton(tr("Edit…"), this);
    m_remove = new QPushButton(tr("Remove"), this);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(add);
    buttons->addWidget(m_edit);
    buttons->addWidget(m_remove);
    buttons->addStretch(1);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_list, 1);
    layout->addLayout(buttons);

    connect(add, &QPushButton::clicked, this, &PriceCategoryPanel::addCategory);
    connect(m_edit, &QPushButton::clicked, this, &PriceCategoryPanel::editCurrent);
    connect(m_remove, &QPushButton::clicked, this, &PriceCategoryPanel::removeCurrent);
    connect(m_list, &QTreeWidget::itemDoubleClicked, this, &PriceCategoryPanel::editCurrent);
    connect(m_list, &QTreeWidget::currentItemChanged, this, [this] {
        m_edit->setEnabled(!currentId().empty());
        m_remove->setEnabled(!currentId().empty());
    });
    connect(m_document, &LayoutDocument::layoutChanged, this, &PriceCategoryPanel::refresh);
    refresh();
}

std::size_t PriceCategoryPanel::useCount(const cs::Layout& layout, const std::string& categoryId)
{
    std::size_t count = 0;
    for (const cs::Area& area : layout.areas) {
        if (area.kind == cs::AreaKind::GeneralAdmission && area.priceCategoryId == categoryId)
            ++count;
        for (const cs::Row& row : area.rows)
            for (const cs::Seat& seat : row.seats)
                count += seat.priceCategoryId == categoryId ? 1U : 0U;
    }
    return count;
}

void PriceCategoryPanel::refresh()
{
    const std::string keep = currentId();
    m_list->clear();
    const cs::Layout& layout = m_document->layout();
    std::unordered_map<std::string, std::size_t> seats;
    std::unordered_map<std::string, std::size_t> standing;
    for (const cs::Area& area : layout.areas) {
        if (area.kind == cs::AreaKind::GeneralAdmission)
            standing[area.priceCategoryId] += area.capacity;
        for (const cs::Row& row : area.rows)
            for (const cs::Seat& seat : row.seats)
                ++seats[seat.priceCategoryId];
    }
    const QLocale locale;
    for (std::size_t i = 0; i < layout.priceCategories.size(); ++i) {
        const cs::PriceCategory& c = layout.priceCategories[i];
        auto* item = new QTreeWidgetItem(m_list);
        item->setIcon(0, swatch(mapColour(i)));
        item->setText(0, QString::fromStdString(c.name));
        item->setText(1, format::money(c.priceMinor, QString::fromStdString(c.currency), locale));
        const QString seated = locale.toString(static_cast<qulonglong>(seats[c.id]));
        const QString standingPlaces = locale.toString(static_cast<qulonglong>(standing[c.id]));
        item->setText(2, standing[c.id] == 0 ? seated
                         : seats[c.id] == 0  ? tr("%1 standing").arg(standingPlaces)
                                             : tr("%1 + %2 standing").arg(seated, standingPlaces));
        item->setTextAlignment(1, Qt::AlignRight | Qt::AlignVCenter);
        item->setTextAlignment(2, Qt::AlignRight | Qt::AlignVCenter);
        item->setData(0, Qt::UserRole, QString::fromStdString(c.id));
        if (c.id == keep)
            m_list->setCurrentItem(item);
    }
    m_edit->setEnabled(!currentId().empty());
    m_remove->setEnabled(!currentId().empty());
}

std::string PriceCategoryPanel::currentId() const
{
    const QTreeWidgetItem* item = m_list->currentItem();
    return item ? item->data(0, Qt::UserRole).toString().toStdString() : std::string();
}

void PriceCategoryPanel::addCategory()
{
    cs::PriceCategory fresh;
    fresh.name = tr("Category %1").arg(m_document->layout().priceCategories.size() + 1).toStdString();
    // The colour hint other clients may use: the one this map draws the category in.
    fresh.colourRgb = static_cast<std::uint32_t>(mapColour(m_document->layout().priceCategories.size()).rgb() & 0xffffff);
    if (!m_document->layout().priceCategories.empty())
        fresh.currency = m_document->layout().priceCategories.front().currency;
    PriceCategoryDialog dialog(fresh, this);
    if (dialog.exec() == QDialog::Accepted)
        editops::addPriceCategory(m_document, dialog.category());
}

void PriceCategoryPanel::editCurrent()
{
    const std::string id = currentId();
    const cs::PriceCategory* category = m_document->layout().priceCategory(id);
    if (!category)
        return;
    PriceCategoryDialog dialog(*category, this);
    if (dialog.exec() == QDialog::Accepted)
        editops::editPriceCategory(m_document, dialog.category());
}

void PriceCategoryPanel::removeCurrent()
{
    const std::string id = currentId();
    if (id.empty())
        return;
    if (const std::size_t uses = useCount(m_document->layout(), id); uses > 0) {
        QMessageBox::information(this, tr("Price Category In Use"),
                                 tr("%n seat(s) or standing area(s) use this category. Assign them another category "
                                    "first.",
                                    nullptr, static_cast<int>(uses)));
        return;
    }
    editops::removePriceCategory(m_document, id);
}

} // namespace marquee::client
