// JoinWaitlistDialog implementation.
#include "waitlist/joinwaitlistdialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include <algorithm>

namespace marquee::client {

namespace {
constexpr int kMaxSeatsWanted = 10; // the server's limit (JoinWaitlist.seats)
}

JoinWaitlistDialog::JoinWaitlistDialog(WaitlistService* waitlist, const QString& eventId, const QString& eventTitle,
                                       const QList<Category>& categories, QWidget* parent)
    : QDialog(parent), m_waitlist(waitlist), m_eventId(eventId)
{
    setWindowTitle(tr("Join the waitlist"));
    setMinimumWidth(420);
    auto* intro = new QLabel(tr("<b>%1</b> is sold out. Join the waitlist and we will hold seats for you as soon "
                                "as some come free, side by side when we can. You get an e-mail and a notice here, "
                                "and have a while to complete the booking.")
                                 .arg(eventTitle.toHtmlEscaped()),
                             this);
    intro->setWordWrap(true);

    m_seats = new QSpinBox(this);
    m_seats->setRange(1, kMaxSeatsWanted);
    m_seats->setValue(2);
    m_seats->setAccessibleName(tr("Seats wanted"));
    m_category = new QComboBox(this);
    m_category->addItem(tr("Any category"), QString());
    for (const auto& c : categories)
        m_category->addItem(c.name, c.id);
    m_category->setAccessibleName(tr("Price category"));

    auto* form = new QFormLayout;
    form->addRow(tr("Seats wanted:"), m_seats);
    form->addRow(tr("Category:"), m_category);

    m_message = new QLabel(this);
    m_message->setWordWrap(true);
    m_message->setObjectName(QStringLiteral("waitlistMessage"));
    m_message->setStyleSheet(QStringLiteral("color: palette(highlight);"));
    m_message->hide();

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    auto* joinButton = m_buttons->addButton(tr("Join waitlist"), QDialogButtonBox::AcceptRole);
    joinButton->setDefault(true);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &JoinWaitlistDialog::submit);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_message);
    layout->addWidget(m_buttons);

    connect(m_waitlist, &WaitlistService::joined, this, [this](const WaitlistEntryInfo& entry) {
        if (!m_busy)
            return;
        setBusy(false);
        Q_EMIT joinedWaitlist(entry);
        accept();
    });
    connect(m_waitlist, &WaitlistService::joinFailed, this, [this](WaitlistService::Problem problem, const QString& text) {
        if (!m_busy)
            return;
        setBusy(false);
        m_message->setText(text);
        m_message->show();
        if (problem == WaitlistService::Problem::AlreadyWaiting)
            m_buttons->button(QDialogButtonBox::Cancel)->setText(tr("Close"));
    });
}

void JoinWaitlistDialog::setWish(int seats, const QString& priceCategoryId)
{
    m_seats->setValue(std::clamp(seats, 1, kMaxSeatsWanted));
    const int index = m_category->findData(priceCategoryId);
    m_category->setCurrentIndex(index < 0 ? 0 : index);
}

int JoinWaitlistDialog::seats() const
{
    return m_seats->value();
}

QString JoinWaitlistDialog::priceCategoryId() const
{
    return m_category->currentData().toString();
}

QString JoinWaitlistDialog::message() const
{
    return m_message->isVisible() ? m_message->text() : QString();
}

void JoinWaitlistDialog::submit()
{
    if (m_busy)
        return;
    m_message->hide();
    setBusy(true);
    if (!m_waitlist->join(m_eventId, priceCategoryId(), seats()))
        setBusy(false); // joinFailed has said why
}

void JoinWaitlistDialog::setBusy(bool busy)
{
    m_busy = busy;
    for (auto* button : m_buttons->buttons())
        if (m_buttons->buttonRole(button) == QDialogButtonBox::AcceptRole)
            button->setEnabled(!busy);
    m_seats->setEnabled(!busy);
    m_category->setEnabled(!busy);
}

} // namespace marquee::client
