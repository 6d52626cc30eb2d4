// JoinWaitlistDialog: "Join waitlist" for a sold-out event or category: how many seats, which
// price category (or any), and what the server said when it refused.
#pragma once

#include "waitlist/waitlistservice.h"

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QSpinBox;

namespace marquee::client {

class JoinWaitlistDialog : public QDialog {
    Q_OBJECT
public:
    struct Category {
        QString id;
        QString name;
    };

    JoinWaitlistDialog(WaitlistService* waitlist, const QString& eventId, const QString& eventTitle,
                       const QList<Category>& categories, QWidget* parent = nullptr);

    // Preselects what the user tried to hold (a sold-out best-available request).
    void setWish(int seats, const QString& priceCategoryId);
    int seats() const;
    QString priceCategoryId() const;
    QString message() const; // what is shown under the form (a refusal), for tests

Q_SIGNALS:
    void joinedWaitlist(const marquee::client::WaitlistEntryInfo& entry);

private:
    void submit();
    void setBusy(bool busy);

    WaitlistService* m_waitlist;
    QString m_eventId;
    QSpinBox* m_seats;
    QComboBox* m_category;
    QLabel* m_message;
    QDialogButtonBox* m_buttons;
    bool m_busy = false;
};

} // namespace marquee::client
