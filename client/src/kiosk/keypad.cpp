// OnScreenKeypad implementation.
#include "kiosk/keypad.h"

#include "kiosk/touchmetrics.h"

#include <QGridLayout>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>

namespace marquee::client::kiosk {

OnScreenKeypad::OnScreenKeypad(Mode mode, QWidget* parent) : QWidget(parent), m_mode(mode)
{
    setObjectName(QStringLiteral("keypad"));
    auto* grid = new QGridLayout(this);
    grid->setContentsMargins(0, 0, 0, 0);
    const int spacing = mmToPixels(1.5, screenOf(this));
    grid->setSpacing(spacing);
    if (mode == Mode::Letters) {
        const QStringList rows{QStringLiteral("1234567890"), QStringLiteral("qwertyuiop"), QStringLiteral("asdfghjkl@"),
                               QStringLiteral("zxcvbnm.-_")};
        for (int r = 0; r < rows.size(); ++r)
            for (int c = 0; c < rows.at(r).size(); ++c)
                addKey(grid, rows.at(r).at(c), r, c);
        m_backspace = addKey(grid, tr("⌫ Delete"), 4, 0, 3);
        addKey(grid, QStringLiteral(".com"), 4, 3, 2);
        m_enter = addKey(grid, tr("Done"), 4, 5, 5);
    } else {
        for (int digit = 1; digit <= 9; ++digit)
            addKey(grid, QString::number(digit), (digit - 1) / 3, (digit - 1) % 3);
        m_backspace = addKey(grid, tr("⌫"), 3, 0);
        addKey(grid, QStringLiteral("0"), 3, 1);
        if (mode == Mode::DigitsWithDecimal)
            addKey(grid, QLocale().decimalPoint(), 3, 2);
        m_enter = addKey(grid, tr("OK"), mode == Mode::DigitsWithDecimal ? 4 : 3,
                         mode == Mode::DigitsWithDecimal ? 0 : 2, mode == Mode::DigitsWithDecimal ? 3 : 1);
    }
    m_backspace->setAccessibleName(tr("Delete the last character"));
    m_enter->setObjectName(QStringLiteral("keypadEnter"));
    m_enter->setProperty("primary", true);
    connect(m_backspace, &QPushButton::clicked, this, [this] {
        if (m_target)
            m_target->backspace();
    });
    connect(m_enter, &QPushButton::clicked, this, &OnScreenKeypad::accepted);
}

QPushButton* OnScreenKeypad::addKey(QGridLayout* grid, const QString& text, int row, int column, int span)
{
    auto* key = new QPushButton(text, this);
    const int side = mmToPixels(m_mode == Mode::Letters ? kMinTargetMm + 2 : kButtonMm + 4, screenOf(this));
    key->setMinimumSize(side * span, side);
    key->setFocusPolicy(Qt::NoFocus); // the target keeps the focus and its cursor
    key->setAutoRepeat(false);
    grid->addWidget(key, row, column, 1, span);
    m_keys << key;
    connect(key, &QPushButton::clicked, this, [this, key] {
        if (key != m_enter && key != m_backspace)
            type(key->text());
    });
    return key;
}

void OnScreenKeypad::setTarget(QLineEdit* target) { m_target = target; }

void OnScreenKeypad::setEnterText(const QString& text) { m_enter->setText(text); }

QPushButton* OnScreenKeypad::key(const QString& text) const
{
    for (QPushButton* key : m_keys)
        if (key->text() == text)
            return key;
    return nullptr;
}

void OnScreenKeypad::type(const QString& text)
{
    if (m_target && m_target->isEnabled())
        m_target->insert(text); // the line edit's validator and max length still apply
}

} // namespace marquee::client::kiosk
