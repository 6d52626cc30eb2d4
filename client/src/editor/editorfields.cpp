// Shared editor form pieces.
#include "editor/editorfields.h"

#include "models/eventformat.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QFormLayout>
#include <QLineEdit>
#include <QSpinBox>

namespace marquee::client {

namespace cs = core::seating;

std::optional<std::vector<int>> parseIntList(const QString& text)
{
    std::vector<int> out;
    const QStringList parts = text.split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (const QString& part : parts) {
        bool ok = false;
        const int value = part.trimmed().toInt(&ok);
        if (!ok)
            return std::nullopt;
        out.push_back(value);
    }
    return out;
}

QString formatIntList(const std::vector<int>& values)
{
    QStringList parts;
    for (int v : values)
        parts << QString::number(v);
    return parts.join(QStringLiteral(", "));
}

void fillPriceCategoryCombo(QComboBox* combo, const cs::Layout& layout, const std::string& current)
{
    const QSignalBlocker block(combo);
    combo->clear();
    combo->addItem(QCoreApplication::translate("PriceCategoryCombo", "No category"), QString());
    for (const cs::PriceCategory& c : layout.priceCategories) {
        const QString price = format::money(c.priceMinor, QString::fromStdString(c.currency));
        combo->addItem(QCoreApplication::translate("PriceCategoryCombo", "%1 — %2").arg(QString::fromStdString(c.name), price), QString::fromStdString(c.id));
    }
    const int index = combo->findData(QString::fromStdString(current));
    combo->setCurrentIndex(index < 0 ? 0 : index);
}

std::string selectedPriceCategory(const QComboBox* combo) { return combo->currentData().toString().toStdString(); }

NumberingWidget::NumberingWidget(QWidget* parent)
    : QWidget(parent), m_order(new QComboBox(this)), m_start(new QSpinBox(this)), m_skip(new QLineEdit(this)),
      m_prefix(new QLineEdit(this))
{
    m_order->addItem(tr("Left to right"), static_cast<int>(cs::NumberingOrder::LeftToRight));
    m_order->addItem(tr("Right to left"), static_cast<int>(cs::NumberingOrder::RightToLeft));
    m_order->addItem(tr("Odd left, even right (from the centre)"), static_cast<int>(cs::NumberingOrder::OddEvenSplit));
    m_start->setRange(0, 9999);
    m_start->setValue(1);
    m_skip->setPlaceholderText(tr("e.g. 13"));
    m_skip->setToolTip(tr("Seat numbers never used, separated by commas"));
    m_prefix->setPlaceholderText(tr("none"));
    auto* form = new QFormLayout(this);
    form->setContentsMargins(0, 0, 0, 0);
    form->addRow(tr("Seat order:"), m_order);
    form->addRow(tr("First number:"), m_start);
    form->addRow(tr("Skip numbers:"), m_skip);
    form->addRow(tr("Number prefix:"), m_prefix);
}

void NumberingWidget::setScheme(const cs::NumberingScheme& scheme)
{
    m_order->setCurrentIndex(m_order->findData(static_cast<int>(scheme.order)));
    m_start->setValue(scheme.start);
    m_skip->setText(formatIntList(scheme.skip));
    m_prefix->setText(QString::fromStdString(scheme.prefix));
}

std::optional<cs::NumberingScheme> NumberingWidget::scheme(QString* error) const
{
    cs::NumberingScheme s;
    s.order = static_cast<cs::NumberingOrder>(m_order->currentData().toInt());
    s.start = m_start->value();
    s.prefix = m_prefix->text().trimmed().toStdString();
    const auto skip = parseIntList(m_skip->text());
    if (!skip) {
        if (error)
            *error = tr("Skipped numbers must be whole numbers separated by commas.");
        return std::nullopt;
    }
    s.skip = *skip;
    return s;
}

} // namespace marquee::client
