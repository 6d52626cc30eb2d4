// The customer's screens of the kiosk, one widget each in KioskWindow's stack: attract, event
// tiles, seats, summary with the hold countdown, cash entry, payment progress, thank-you.
// They show what they are given and emit what was tapped; KioskWindow drives the booking.
#pragma once

#include "store/bookingrecords.h"
#include "store/records.h"

#include <QVariant>
#include <QWidget>

#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

class QGridLayout;
class QLabel;
class QLineEdit;
class QProgressBar;
class QVBoxLayout;
class QPushButton;

namespace marquee::core::seating {
struct Layout;
}

namespace marquee::client {
class SeatMapLegend;
class SeatMapView;
}

namespace marquee::client::kiosk {

class OnScreenKeypad;

// A large title for the top of a screen.
QLabel* makeTitle(const QString& text, QWidget* parent);
// Sets a property the kiosk style sheet selects on (role, urgent) and restyles the widget.
void setStyleRole(QWidget* widget, const char* property, const QVariant& value);
// A touch button; primary buttons are the screen's main action.
QPushButton* makeButton(const QString& text, QWidget* parent, bool primary = false);

class AttractScreen : public QWidget {
    Q_OBJECT
public:
    explicit AttractScreen(QWidget* parent = nullptr);
    void setUpcoming(const QList<EventRow>& events);
    // What the customer must know first; blocking (out of service) disables starting.
    void setNotice(const QString& text, bool blocking);
    QString noticeText() const;
    QPushButton* startButton() const { return m_start; }
    QPushButton* staffButton() const { return m_staff; }
    QString upcomingText() const;

Q_SIGNALS:
    void started();

protected:
    void mousePressEvent(QMouseEvent* event) override;

private:
    QLabel* m_upcoming;
    QLabel* m_notice;
    QPushButton* m_start;
    QPushButton* m_staff;
};

class EventsScreen : public QWidget {
    Q_OBJECT
public:
    static constexpr int kTilesPerPage = 6;

    explicit EventsScreen(QWidget* parent = nullptr);
    void setEvents(const QList<EventRow>& events);
    QList<QPushButton*> tiles() const; // of the page shown
    int page() const { return m_page; }
    int pageCount() const;
    QPushButton* nextButton() const { return m_next; }
    QPushButton* previousButton() const { return m_previous; }
    QPushButton* startOverButton() const { return m_startOver; }

Q_SIGNALS:
    void eventChosen(const QString& eventId);
    void startOver();

private:
    void showPage(int page);

    QList<EventRow> m_events;
    int m_page = 0;
    QGridLayout* m_grid;
    QList<QPushButton*> m_tiles;
    QLabel* m_empty;
    QLabel* m_pageLabel;
    QPushButton* m_previous;
    QPushButton* m_next;
    QPushButton* m_startOver;
};

class SeatsScreen : public QWidget {
    Q_OBJECT
public:
    static constexpr int kMaxSeats = 10;

    explicit SeatsScreen(QWidget* parent = nullptr);
    void setEvent(const QString& title, std::shared_ptr<const core::seating::Layout> layout);
    SeatMapView* seatMap() const { return m_view; }
    int count() const { return m_count; }
    void setCount(int count);
    void setBusy(bool busy);
    void setMessage(const QString& text, bool problem);
    QString messageText() const;
    // Offline: no live status; best available picks from this device's lease.
    void setOfflineNote(const QString& text);
    QPushButton* plusButton() const { return m_plus; }
    QPushButton* minusButton() const { return m_minus; }
    QPushButton* bestButton() const { return m_best; }
    QPushButton* selectedButton() const { return m_selected; }
    QPushButton* backButton() const { return m_back; }
    // One per general-admission (standing) area of the map: "N standing places, Floor"; online only.
    QList<QPushButton*> standingButtons() const { return m_standing; }

Q_SIGNALS:
    void bestAvailableRequested(int count);
    void standingRequested(const QString& areaId, int count);
    void selectedSeatsRequested(const std::vector<std::uint32_t>& seats);
    void back();

private:
    void updateButtons();

    QLabel* m_title;
    SeatMapView* m_view;
    QLabel* m_countLabel;
    QPushButton* m_minus;
    QPushButton* m_plus;
    QPushButton* m_best;
    QPushButton* m_selected;
    QVBoxLayout* m_standingColumn;
    QList<QPushButton*> m_standing;
    QList<QString> m_standingLabels; // the areas' names, for the buttons' text
    QPushButton* m_back;
    QLabel* m_message;
    SeatMapLegend* m_legend;
    int m_count = 2;
    bool m_busy = false;
    bool m_offline = false;
};

class SummaryScreen : public QWidget {
    Q_OBJECT
public:
    explicit SummaryScreen(QWidget* parent = nullptr);
    // Seat label, category and price per line; the total so far (fees come with the order).
    void setSummary(const QString& title, const QList<QStringList>& lines, const QString& total);
    void setCountdown(int seconds);
    void setNote(const QString& text); // instead of a countdown (an offline sale has no hold)
    void setCashAvailable(bool available);
    void setCardAvailable(bool available, const QString& whyNot = {});
    QString email() const;
    void clear();
    QString countdownText() const;
    QString linesText() const; // the held seats or places as shown (rich text)
    QLineEdit* emailEdit() const { return m_email; }
    OnScreenKeypad* keyboard() const { return m_keyboard; }
    QPushButton* cardButton() const { return m_card; }
    QPushButton* cashButton() const { return m_cash; }
    QPushButton* cancelButton() const { return m_cancel; }
    QPushButton* emailButton() const { return m_emailToggle; }

Q_SIGNALS:
    void payByCard();
    void payByCash();
    void cancelled();

private:
    QLabel* m_title;
    QLabel* m_countdown;
    QLabel* m_lines;
    QLabel* m_total;
    QPushButton* m_emailToggle;
    QLineEdit* m_email;
    OnScreenKeypad* m_keyboard;
    QLabel* m_cardNote;
    QPushButton* m_card;
    QPushButton* m_cash;
    QPushButton* m_cancel;
};

// Cash at a staffed kiosk: the amount tendered on the keypad, the change due as it is typed.
class CashScreen : public QWidget {
    Q_OBJECT
public:
    explicit CashScreen(QWidget* parent = nullptr);
    void setTotal(qint64 totalMinor, const QString& currency);
    std::optional<qint64> tenderedMinor() const;
    QLineEdit* amountEdit() const { return m_amount; }
    OnScreenKeypad* keypad() const { return m_keypad; }
    QPushButton* confirmButton() const { return m_confirm; }
    QString changeText() const;

Q_SIGNALS:
    void confirmed(qint64 tenderedMinor);
    void back();

private:
    void update();

    qint64 m_total = 0;
    QString m_currency;
    QLabel* m_totalLabel;
    QLineEdit* m_amount;
    QLabel* m_change;
    OnScreenKeypad* m_keypad;
    QPushButton* m_confirm;
};

class ProcessingScreen : public QWidget {
    Q_OBJECT
public:
    enum class Mode { Working, Problem };

    explicit ProcessingScreen(QWidget* parent = nullptr);
    void showWorking(const QString& title, const QString& detail);
    // A problem the customer can act on: try again (when retry is offered) or cancel.
    void showProblem(const QString& title, const QString& detail, bool retry);
    Mode mode() const { return m_mode; }
    QString titleText() const;
    QString detailText() const;
    QPushButton* retryButton() const { return m_retry; }
    QPushButton* cancelButton() const { return m_cancel; }

Q_SIGNALS:
    void retry();
    void cancelled();

private:
    Mode m_mode = Mode::Working;
    QLabel* m_title;
    QLabel* m_detail;
    QProgressBar* m_progress;
    QPushButton* m_retry;
    QPushButton* m_cancel;
};

class DoneScreen : public QWidget {
    Q_OBJECT
public:
    explicit DoneScreen(QWidget* parent = nullptr);
    void showOrder(const OrderInfo& order, const QString& printNote, bool printProblem);
    QString detailText() const;
    QPushButton* doneButton() const { return m_done; }

Q_SIGNALS:
    void done();

private:
    QLabel* m_detail;
    QLabel* m_print;
    QPushButton* m_done;
};

} // namespace marquee::client::kiosk
