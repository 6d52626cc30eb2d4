// LoginDialog: "Log in" and "Register" tabs with inline errors; talks to AccountService only.
#pragma once

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;
class QTabWidget;

namespace marquee::client {

class AccountService;

class LoginDialog : public QDialog {
    Q_OBJECT
public:
    enum class Mode { Login, Register };
    explicit LoginDialog(AccountService* account, Mode mode = Mode::Login, QWidget* parent = nullptr);

    Mode mode() const;
    QString errorText() const; // the inline error of the current tab
    QLineEdit* emailEdit() const;
    QLineEdit* passwordEdit() const;
    QLineEdit* displayNameEdit() const { return m_regName; }
    void setMode(Mode mode);

public Q_SLOTS:
    void submit();

private:
    void showError(const QString& message, const QString& field = {});
    void setBusy(bool busy);

    AccountService* m_account;
    QTabWidget* m_tabs;
    QLineEdit* m_loginEmail;
    QLineEdit* m_loginPassword;
    QLabel* m_loginError;
    QLineEdit* m_regEmail;
    QLineEdit* m_regName;
    QLineEdit* m_regPassword;
    QLabel* m_regError;
    QPushButton* m_submit;
};

} // namespace marquee::client
