// OnScreenKeypad: the kiosk's keyboard. Digits (PIN, quantities, cash with a decimal key) or
// a simple letter keyboard (an e-mail address), every key a touch target of at least 9 mm.
// Keys type into the target line edit; Enter emits accepted().
#pragma once

#include <QLineEdit>
#include <QPointer>
#include <QWidget>

class QGridLayout;
class QPushButton;

namespace marquee::client::kiosk {

class OnScreenKeypad : public QWidget {
    Q_OBJECT
public:
    enum class Mode { Digits, DigitsWithDecimal, Letters };

    explicit OnScreenKeypad(Mode mode, QWidget* parent = nullptr);

    void setTarget(QLineEdit* target);
    QLineEdit* target() const { return m_target; }
    Mode mode() const { return m_mode; }
    // The key that types `text` ("7", "a", "@"), or the Enter / backspace key.
    QPushButton* key(const QString& text) const;
    QPushButton* enterKey() const { return m_enter; }
    QPushButton* backspaceKey() const { return m_backspace; }
    void setEnterText(const QString& text);

Q_SIGNALS:
    void accepted();

private:
    QPushButton* addKey(QGridLayout* grid, const QString& text, int row, int column, int span = 1);
    void type(const QString& text);

    Mode m_mode;
    QPointer<QLineEdit> m_target;
    QList<QPushButton*> m_keys;
    QPushButton* m_enter = nullptr;
    QPushButton* m_backspace = nullptr;
};

} // namespace marquee::client::kiosk
