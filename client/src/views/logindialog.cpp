// LoginDialog implementation.
#include "views/logindialog.h"

#include "services/accountservice.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QVBoxLayout>

namespace marquee::client {

namespace {

QLabel* makeErrorLabel(QWidget* parent)
{
    auto* label = new QLabel(parent);
    label->setWordWrap(true);
    label->setStyleSheet(QStringLiteral("color:#b03a2e;"));
    label->setVisible(false);
    return label;
}

} // namespace

LoginDialog::LoginDialog(AccountService* account, Mode mode, QWidget* parent)
    : QDialog(parent), m_account(account), m_tabs(new QTabWidget(this))
{
    setWindowTitle(tr("Marquee account"));
    auto* loginPage = new QWidget(m_tabs);
    auto* loginForm = new QFormLayout(loginPage);
    m_loginEmail = new QLineEdit(loginPage);
    m_loginEmail->setPlaceholderText(tr("name@example.com"));
    m_loginPassword = new QLineEdit(loginPage);
    m_loginPassword->setEchoMode(QLineEdit::Password);
    m_loginError = makeErrorLabel(loginPage);
    loginForm->addRow(tr("E-mail:"), m_loginEmail);
    loginForm->addRow(tr("Password:"), m_loginPassword);
    loginForm->addRow(m_loginError);
    m_tabs->addTab(loginPage, tr("Log in"));

    auto* regPage = new QWidget(m_tabs);
    auto* regForm = new QFormLayout(regPage);
    m_regEmail = new QLineEdit(regPage);
    m_regEmail->setPlaceholderText(tr("name@example.com"));
    m_regName = new QLineEdit(regPage);
    m_regName->setPlaceholderText(tr("optional"));
    m_regPassword = new QLineEdit(regPage);
    m_regPassword->setEchoMode(QLineEdit::Password);
    m_regPassword->setPlaceholderText(tr("at least 10 characters"));
    m_regError = makeErrorLabel(regPage);
    regForm->addRow(tr("E-mail:"), m_regEmail);
    regForm->addRow(tr("Name:"), m_regName);
    regForm->addRow(tr("Password:"), m_regPassword);
    regForm->addRow(m_regError);
    m_tabs->addTab(regPage, tr("Register"));

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_submit = buttons->addButton(tr("Log in"), QDialogButtonBox::AcceptRole);
    m_submit->setDefault(true);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_submit, &QPushButton::clicked, this, &LoginDialog::submit);
    connect(m_tabs, &QTabWidget::currentChanged, this, [this] {
        m_submit->setText(this->mode() == Mode::Login ? tr("Log in") : tr("Create account"));
    });

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_tabs);
    layout->addWidget(buttons);
    setMinimumWidth(420);

    connect(m_account, &AccountService::loggedIn, this, &QDialog::accept);
    connect(m_account, &AccountService::loginFailed, this, [this](const QString& message) { showError(message); });
    connect(m_account, &AccountService::registrationFailed, this, &LoginDialog::showError);
    connect(m_account, &AccountService::busyChanged, this, &LoginDialog::setBusy);
    setMode(mode);
}

LoginDialog::Mode LoginDialog::mode() const { return m_tabs->currentIndex() == 0 ? Mode::Login : Mode::Register; }

void LoginDialog::setMode(Mode mode) { m_tabs->setCurrentIndex(mode == Mode::Login ? 0 : 1); }

QLineEdit* LoginDialog::emailEdit() const { return mode() == Mode::Login ? m_loginEmail : m_regEmail; }

QLineEdit* LoginDialog::passwordEdit() const { return mode() == Mode::Login ? m_loginPassword : m_regPassword; }

QString LoginDialog::errorText() const
{
    const QLabel* label = mode() == Mode::Login ? m_loginError : m_regError;
    return label->isVisible() || !label->isHidden() ? label->text() : QString();
}

void LoginDialog::submit()
{
    m_loginError->hide();
    m_regError->hide();
    if (mode() == Mode::Login)
        m_account->login(m_loginEmail->text(), m_loginPassword->text());
    else
        m_account->registerAccount(m_regEmail->text(), m_regPassword->text(), m_regName->text());
}

void LoginDialog::showError(const QString& message, const QString& field)
{
    QLabel* label = mode() == Mode::Login ? m_loginError : m_regError;
    label->setText(message);
    label->show();
    QLineEdit* focus = field == QLatin1String("email") ? emailEdit() : passwordEdit();
    focus->setFocus();
    focus->selectAll();
}

void LoginDialog::setBusy(bool busy)
{
    m_submit->setEnabled(!busy);
    m_tabs->setEnabled(!busy);
}

} // namespace marquee::client
