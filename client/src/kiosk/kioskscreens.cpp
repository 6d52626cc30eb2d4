// The kiosk's customer screens (see kioskscreens.h).
#include "kiosk/kioskscreens.h"

#include "kiosk/keypad.h"
#include "kiosk/touchmetrics.h"
#include "models/eventformat.h"
#include "seatmap/seatmaplegend.h"
#include "seatmap/seatmapview.h"

#include "marquee/core/seating/layout.hpp"

#include <QDate>
#include <QDateTime>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMouseEvent>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QStyle>
#include <QTimeZone>
#include <QVBoxLayout>

#include <algorithm>

namespace marquee::client::kiosk {

namespace {

QLabel* makeText(const QString& text, QWidget* parent, const char* role = nullptr)
{
    auto* label = new QLabel(text, parent);
    label->setWordWrap(true);
    if (role)
        label->setProperty("role", QString::fromLatin1(role));
    return label;
}

// "12.50" / "12,50" (the locale's decimal point) to minor units, without floating point.
std::optional<qint64> parseAmount(QString text, int digits)
{
    text = text.trimmed();
    text.replace(QLocale().decimalPoint(), QStringLiteral("."));
    static const QRegularExpression pattern(QStringLiteral("^(\\d{1,7})(?:\\.(\\d{0,3}))?$"));
    const auto match = pattern.match(text);
    if (!match.hasMatch() || match.captured(2).size() > digits)
        return std::nullopt;
    qint64 minor = match.captured(1).toLongLong();
    for (int i = 0; i < digits; ++i)
        minor *= 10;
    return minor + (digits > 0 ? match.captured(2).leftJustified(digits, QLatin1Char('0')).toLongLong() : 0);
}

bool isToday(const EventRow& event)
{
    const QTimeZone zone(event.timeZone.toUtf8());
    const QDateTime start = QDateTime::fromMSecsSinceEpoch(event.startsAtMs, zone.isValid() ? zone : QTimeZone::systemTimeZone());
    return start.date() == QDateTime::currentDateTimeUtc().toTimeZone(start.timeZone()).date();
}

} // namespace

void setStyleRole(QWidget* widget, const char* property, const QVariant& value)
{
    widget->setProperty(property, value);
    // Style sheets match dynamic properties only when the widget is polished again.
    widget->style()->unpolish(widget);
    widget->style()->polish(widget);
}

QLabel* makeTitle(const QString& text, QWidget* parent)
{
    auto* label = makeText(text, parent, "title");
    return label;
}

QPushButton* makeButton(const QString& text, QWidget* parent, bool primary)
{
    auto* button = new QPushButton(text, parent);
    button->setMinimumHeight(mmToPixels(kButtonMm, screenOf(parent)));
    button->setMinimumWidth(mmToPixels(kButtonMm * 2, screenOf(parent)));
    button->setFocusPolicy(Qt::NoFocus);
    if (primary)
        button->setProperty("primary", true);
    return button;
}

// ---------------------------------------------------------------------------- Attract

AttractScreen::AttractScreen(QWidget* parent) : QWidget(parent)
{
    auto* layout = new QVBoxLayout(this);
    auto* top = new QHBoxLayout;
    top->addStretch(1);
    // Staff only: discreet, but still a full touch target; it opens the PIN pad after a long press.
    m_staff = new QPushButton(tr("Staff"), this);
    m_staff->setObjectName(QStringLiteral("staffCorner"));
    m_staff->setFocusPolicy(Qt::NoFocus);
    m_staff->setAccessibleName(tr("Staff menu (press and hold)"));
    const int side = mmToPixels(kMinTargetMm + 3, screenOf(this));
    m_staff->setMinimumSize(side * 2, side);
    top->addWidget(m_staff);
    layout->addLayout(top);
    layout->addStretch(1);
    auto* welcome = makeText(tr("Tickets here"), this, "hero");
    welcome->setAlignment(Qt::AlignCenter);
    layout->addWidget(welcome);
    auto* hint = makeText(tr("Buy tickets for today's and upcoming events. Touch the screen to start."), this, "lead");
    hint->setAlignment(Qt::AlignCenter);
    layout->addWidget(hint);
    m_notice = makeText(QString(), this, "problem");
    m_notice->setAlignment(Qt::AlignCenter);
    m_notice->hide();
    layout->addWidget(m_notice);
    m_upcoming = makeText(QString(), this, "upcoming");
    m_upcoming->setAlignment(Qt::AlignCenter);
    m_upcoming->setTextFormat(Qt::RichText);
    layout->addWidget(m_upcoming);
    layout->addStretch(1);
    m_start = makeButton(tr("Touch to start"), this, true);
    m_start->setMinimumWidth(mmToPixels(90, screenOf(this)));
    layout->addWidget(m_start, 0, Qt::AlignHCenter);
    layout->addStretch(1);
    connect(m_start, &QPushButton::clicked, this, &AttractScreen::started);
}

void AttractScreen::setUpcoming(const QList<EventRow>& events)
{
    QStringList rows;
    for (qsizetype i = 0; i < events.size() && i < 4; ++i) {
        const EventRow& e = events.at(i);
        rows << tr("<b>%1</b> — %2")
                    .arg(e.title.toHtmlEscaped(),
                         format::eventDateTime(e.startsAtMs, e.timeZone, QLocale(), QLocale::ShortFormat, false).toHtmlEscaped());
    }
    m_upcoming->setText(rows.isEmpty() ? QString() : tr("Coming up:") + QStringLiteral("<br>") + rows.join(QStringLiteral("<br>")));
}

void AttractScreen::setNotice(const QString& text, bool blocking)
{
    m_notice->setText(text);
    m_notice->setVisible(!text.isEmpty());
    setStyleRole(m_notice, "role", blocking ? QStringLiteral("problem") : QStringLiteral("offline"));
    m_start->setEnabled(!blocking);
}

QString AttractScreen::noticeText() const { return m_notice->isVisible() ? m_notice->text() : QString(); }

QString AttractScreen::upcomingText() const { return m_upcoming->text(); }

void AttractScreen::mousePressEvent(QMouseEvent* event)
{
    // Anywhere on the screen starts (children such as the staff button take their own taps).
    if (m_start->isEnabled())
        Q_EMIT started();
    QWidget::mousePressEvent(event);
}

// ---------------------------------------------------------------------------- Events

EventsScreen::EventsScreen(QWidget* parent) : QWidget(parent)
{
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(makeTitle(tr("Choose an event"), this));
    m_empty = makeText(tr("There are no events on sale at this kiosk right now."), this, "lead");
    layout->addWidget(m_empty);
    m_grid = new QGridLayout;
    m_grid->setSpacing(mmToPixels(4, screenOf(this)));
    for (int i = 0; i < kTilesPerPage; ++i) {
        auto* tile = new QPushButton(this);
        tile->setProperty("tile", true);
        // Rich text (a bold title) on a button: a label inside it that lets the taps through.
        auto* text = new QLabel(tile);
        text->setObjectName(QStringLiteral("tileText"));
        text->setTextFormat(Qt::RichText);
        text->setWordWrap(true);
        text->setAttribute(Qt::WA_TransparentForMouseEvents);
        auto* tileLayout = new QVBoxLayout(tile);
        tileLayout->addWidget(text);
        tile->setFocusPolicy(Qt::NoFocus);
        tile->setMinimumHeight(mmToPixels(38, screenOf(this)));
        tile->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
        m_grid->addWidget(tile, i / 2, i % 2);
        m_tiles << tile;
        connect(tile, &QPushButton::clicked, this, [this, i] {
            const qsizetype index = static_cast<qsizetype>(m_page) * kTilesPerPage + i;
            if (index < m_events.size())
                Q_EMIT eventChosen(m_events.at(index).id);
        });
    }
    layout->addLayout(m_grid, 1);
    auto* nav = new QHBoxLayout;
    m_startOver = makeButton(tr("Start over"), this);
    m_previous = makeButton(tr("◀ Previous"), this);
    m_pageLabel = makeText(QString(), this);
    m_pageLabel->setAlignment(Qt::AlignCenter);
    m_next = makeButton(tr("More events ▶"), this);
    nav->addWidget(m_startOver);
    nav->addStretch(1);
    nav->addWidget(m_previous);
    nav->addWidget(m_pageLabel);
    nav->addWidget(m_next);
    layout->addLayout(nav);
    connect(m_startOver, &QPushButton::clicked, this, &EventsScreen::startOver);
    connect(m_previous, &QPushButton::clicked, this, [this] { showPage(m_page - 1); });
    connect(m_next, &QPushButton::clicked, this, [this] { showPage(m_page + 1); });
    setEvents({});
}

void EventsScreen::setEvents(const QList<EventRow>& events)
{
    m_events = events;
    showPage(0);
}

int EventsScreen::pageCount() const
{
    return std::max<int>(1, static_cast<int>((m_events.size() + kTilesPerPage - 1) / kTilesPerPage));
}

QList<QPushButton*> EventsScreen::tiles() const
{
    QList<QPushButton*> out;
    for (QPushButton* tile : m_tiles)
        if (!tile->isHidden())
            out << tile;
    return out;
}

void EventsScreen::showPage(int page)
{
    m_page = std::clamp(page, 0, pageCount() - 1);
    for (int i = 0; i < kTilesPerPage; ++i) {
        const qsizetype index = static_cast<qsizetype>(m_page) * kTilesPerPage + i;
        QPushButton* tile = m_tiles.at(i);
        if (index >= m_events.size()) {
            tile->hide();
            continue;
        }
        const EventRow& e = m_events.at(index);
        const QString when = format::eventDateTime(e.startsAtMs, e.timeZone, QLocale(), QLocale::ShortFormat, false);
        QStringList lines{isToday(e) ? tr("TODAY %1").arg(when) : when};
        if (!e.venueName.isEmpty())
            lines << e.venueName;
        if (e.priceMaxMinor > 0)
            lines << format::priceRange(e.priceMinMinor, e.priceMaxMinor, e.currency);
        QStringList escaped;
        for (const QString& line : std::as_const(lines))
            escaped << line.toHtmlEscaped();
        tile->findChild<QLabel*>(QStringLiteral("tileText"))
            ->setText(QStringLiteral("<big><b>%1</b></big><br>%2").arg(e.title.toHtmlEscaped(), escaped.join(QStringLiteral("<br>"))));
        tile->setAccessibleName(e.title + QLatin1Char('\n') + lines.join(QLatin1Char('\n')));
        tile->setProperty("today", isToday(e));
        tile->show();
    }
    m_empty->setVisible(m_events.isEmpty());
    m_pageLabel->setText(tr("Page %1 of %2").arg(m_page + 1).arg(pageCount()));
    m_previous->setEnabled(m_page > 0);
    m_next->setEnabled(m_page + 1 < pageCount());
    m_pageLabel->setVisible(pageCount() > 1);
    m_previous->setVisible(pageCount() > 1);
    m_next->setVisible(pageCount() > 1);
}

// ---------------------------------------------------------------------------- Seats

SeatsScreen::SeatsScreen(QWidget* parent) : QWidget(parent)
{
    auto* layout = new QVBoxLayout(this);
    m_title = makeTitle(QString(), this);
    layout->addWidget(m_title);
    auto* body = new QHBoxLayout;
    m_view = new SeatMapView(this);
    m_view->setSelectionMode(SeatMapView::SelectionMode::Multiple);
    m_view->setMinimapVisible(false);
    auto* mapColumn = new QVBoxLayout;
    mapColumn->addWidget(m_view, 1);
    auto* zoom = new QHBoxLayout;
    auto* zoomIn = makeButton(tr("Zoom in"), this);
    auto* zoomOut = makeButton(tr("Zoom out"), this);
    auto* whole = makeButton(tr("Whole venue"), this);
    zoom->addWidget(zoomIn);
    zoom->addWidget(zoomOut);
    zoom->addWidget(whole);
    zoom->addStretch(1);
    mapColumn->addLayout(zoom);
    body->addLayout(mapColumn, 3);
    connect(zoomIn, &QPushButton::clicked, this, [this] { m_view->zoomStep(1.6, m_view->rect().center()); });
    connect(zoomOut, &QPushButton::clicked, this, [this] { m_view->zoomStep(1 / 1.6, m_view->rect().center()); });
    connect(whole, &QPushButton::clicked, m_view, &SeatMapView::fitToView);

    auto* side = new QVBoxLayout;
    side->addWidget(makeText(tr("How many tickets?"), this, "lead"));
    auto* stepper = new QHBoxLayout;
    m_minus = makeButton(tr("−"), this);
    m_minus->setAccessibleName(tr("One ticket fewer"));
    m_minus->setMinimumWidth(mmToPixels(kButtonMm, screenOf(this)));
    m_countLabel = makeText(QString(), this, "count");
    m_countLabel->setAlignment(Qt::AlignCenter);
    m_plus = makeButton(tr("+"), this);
    m_plus->setAccessibleName(tr("One ticket more"));
    m_plus->setMinimumWidth(mmToPixels(kButtonMm, screenOf(this)));
    stepper->addWidget(m_minus);
    stepper->addWidget(m_countLabel, 1);
    stepper->addWidget(m_plus);
    side->addLayout(stepper);
    m_best = makeButton(QString(), this, true);
    side->addWidget(m_best);
    m_standingColumn = new QVBoxLayout;
    side->addLayout(m_standingColumn);
    side->addSpacing(mmToPixels(6, screenOf(this)));
    side->addWidget(makeText(tr("Or tap seats on the map, then:"), this));
    m_selected = makeButton(QString(), this);
    side->addWidget(m_selected);
    m_message = makeText(QString(), this);
    m_message->setMinimumHeight(mmToPixels(20, screenOf(this)));
    m_message->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    side->addWidget(m_message);
    m_legend = new SeatMapLegend(m_view, this);
    side->addWidget(m_legend);
    side->addStretch(1);
    m_back = makeButton(tr("◀ Back to events"), this);
    side->addWidget(m_back);
    body->addLayout(side, 2);
    layout->addLayout(body, 1);

    connect(m_minus, &QPushButton::clicked, this, [this] { setCount(m_count - 1); });
    connect(m_plus, &QPushButton::clicked, this, [this] { setCount(m_count + 1); });
    connect(m_best, &QPushButton::clicked, this, [this] { Q_EMIT bestAvailableRequested(m_count); });
    connect(m_selected, &QPushButton::clicked, this, [this] { Q_EMIT selectedSeatsRequested(m_view->selectedSeats()); });
    connect(m_back, &QPushButton::clicked, this, &SeatsScreen::back);
    connect(m_view, &SeatMapView::selectionChanged, this, &SeatsScreen::updateButtons);
    setCount(2);
}

void SeatsScreen::setEvent(const QString& title, std::shared_ptr<const core::seating::Layout> layout)
{
    m_title->setText(title);
    // Standing areas are sold by number of places, not picked on the map.
    for (QPushButton* button : std::as_const(m_standing)) {
        button->hide();
        button->deleteLater();
    }
    m_standing.clear();
    m_standingLabels.clear();
    if (layout)
        for (const auto& area : layout->areas) {
            if (area.kind != core::seating::AreaKind::GeneralAdmission)
                continue;
            auto* button = makeButton(QString(), this);
            const QString areaId = QString::fromStdString(area.id);
            connect(button, &QPushButton::clicked, this, [this, areaId] { Q_EMIT standingRequested(areaId, m_count); });
            m_standingColumn->addWidget(button);
            m_standing << button;
            m_standingLabels << QString::fromStdString(area.label);
        }
    m_view->setSeatingLayout(std::move(layout));
    m_view->setStatus({});
    m_legend->rebuild();
    m_view->clearSelection();
    m_offline = false;
    setMessage(QString(), false);
    setCount(2);
}

void SeatsScreen::setCount(int count)
{
    m_count = std::clamp(count, 1, kMaxSeats);
    m_countLabel->setText(QString::number(m_count));
    m_best->setText(tr("Best available (%1)").arg(m_count));
    for (int i = 0; i < m_standing.size(); ++i)
        m_standing.at(i)->setText(tr("%n standing place(s), %1", nullptr, m_count).arg(m_standingLabels.at(i)));
    updateButtons();
}

void SeatsScreen::setBusy(bool busy)
{
    m_busy = busy;
    updateButtons();
}

void SeatsScreen::setMessage(const QString& text, bool problem)
{
    m_message->setText(text);
    setStyleRole(m_message, "role", problem ? QStringLiteral("problem") : QString());
}

QString SeatsScreen::messageText() const { return m_message->text(); }

void SeatsScreen::setOfflineNote(const QString& text)
{
    m_offline = !text.isEmpty();
    setMessage(text, false);
    updateButtons();
}

void SeatsScreen::updateButtons()
{
    const auto selected = static_cast<int>(m_view->selectedSeats().size());
    m_minus->setEnabled(!m_busy && m_count > 1);
    m_plus->setEnabled(!m_busy && m_count < kMaxSeats);
    m_best->setEnabled(!m_busy && (m_view->hasStatus() || m_offline));
    m_selected->setText(selected == 0 ? tr("Book the seats I tapped") : tr("Book %n tapped seat(s)", nullptr, selected));
    m_selected->setEnabled(!m_busy && selected > 0 && selected <= kMaxSeats);
    for (QPushButton* button : std::as_const(m_standing))
        button->setEnabled(!m_busy && !m_offline && m_view->hasStatus()); // a lease holds seats, not places
}

// ---------------------------------------------------------------------------- Summary

SummaryScreen::SummaryScreen(QWidget* parent) : QWidget(parent)
{
    auto* layout = new QVBoxLayout(this);
    m_title = makeTitle(QString(), this);
    layout->addWidget(m_title);
    m_countdown = makeText(QString(), this, "countdown");
    layout->addWidget(m_countdown);
    auto* body = new QHBoxLayout;
    auto* left = new QVBoxLayout;
    m_lines = makeText(QString(), this);
    m_lines->setTextFormat(Qt::RichText);
    m_lines->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    left->addWidget(m_lines, 1);
    m_total = makeText(QString(), this, "total");
    left->addWidget(m_total);
    m_emailToggle = makeButton(tr("E-mail me the tickets too (optional)"), this);
    left->addWidget(m_emailToggle);
    m_email = new QLineEdit(this);
    m_email->setPlaceholderText(tr("name@example.com"));
    m_email->setMaxLength(254);
    m_email->setMinimumHeight(mmToPixels(kButtonMm, screenOf(this)));
    m_email->hide();
    left->addWidget(m_email);
    m_keyboard = new OnScreenKeypad(OnScreenKeypad::Mode::Letters, this);
    m_keyboard->setTarget(m_email);
    m_keyboard->hide();
    left->addWidget(m_keyboard);
    body->addLayout(left, 3);

    auto* right = new QVBoxLayout;
    right->addWidget(makeText(tr("How would you like to pay?"), this, "lead"));
    m_card = makeButton(tr("Pay by card"), this, true);
    m_card->setMinimumHeight(mmToPixels(kButtonMm * 1.6, screenOf(this)));
    right->addWidget(m_card);
    m_cardNote = makeText(QString(), this, "problem");
    m_cardNote->hide();
    right->addWidget(m_cardNote);
    m_cash = makeButton(tr("Pay cash (staff)"), this);
    m_cash->setMinimumHeight(mmToPixels(kButtonMm * 1.6, screenOf(this)));
    right->addWidget(m_cash);
    right->addStretch(1);
    m_cancel = makeButton(tr("Cancel and release the seats"), this);
    right->addWidget(m_cancel);
    body->addLayout(right, 2);
    layout->addLayout(body, 1);

    connect(m_emailToggle, &QPushButton::clicked, this, [this] {
        const bool show = m_email->isHidden();
        m_email->setVisible(show);
        m_keyboard->setVisible(show);
        if (show)
            m_email->setFocus();
    });
    connect(m_keyboard, &OnScreenKeypad::accepted, this, [this] { m_keyboard->hide(); });
    connect(m_card, &QPushButton::clicked, this, &SummaryScreen::payByCard);
    connect(m_cash, &QPushButton::clicked, this, &SummaryScreen::payByCash);
    connect(m_cancel, &QPushButton::clicked, this, &SummaryScreen::cancelled);
}

void SummaryScreen::setSummary(const QString& title, const QList<QStringList>& lines, const QString& total)
{
    m_title->setText(title);
    QString html = QStringLiteral("<table width='100%' cellspacing='0' cellpadding='6'>");
    for (const QStringList& line : lines)
        html += QStringLiteral("<tr><td>%1</td><td>%2</td><td align='right'>%3</td></tr>")
                    .arg(line.value(0).toHtmlEscaped(), line.value(1).toHtmlEscaped(), line.value(2).toHtmlEscaped());
    m_lines->setText(html + QStringLiteral("</table>"));
    m_total->setText(total);
}

void SummaryScreen::setCountdown(int seconds)
{
    const QString clock = QStringLiteral("%1:%2").arg(seconds / 60).arg(seconds % 60, 2, 10, QLatin1Char('0'));
    m_countdown->setText(tr("Your seats are held for %1").arg(clock));
    m_countdown->setProperty("urgent", seconds < 60);
    setStyleRole(m_countdown, "role", QStringLiteral("countdown"));
}

void SummaryScreen::setNote(const QString& text)
{
    m_countdown->setText(text);
    m_countdown->setProperty("urgent", false);
    setStyleRole(m_countdown, "role", QStringLiteral("offline"));
}

void SummaryScreen::setCashAvailable(bool available) { m_cash->setVisible(available); }

void SummaryScreen::setCardAvailable(bool available, const QString& whyNot)
{
    m_card->setEnabled(available);
    m_cardNote->setText(whyNot);
    m_cardNote->setVisible(!available && !whyNot.isEmpty());
}

QString SummaryScreen::email() const { return m_email->text().trimmed(); }

void SummaryScreen::clear()
{
    m_email->clear();
    m_email->hide();
    m_keyboard->hide();
    m_lines->clear();
    m_total->clear();
    m_countdown->clear();
}

QString SummaryScreen::linesText() const { return m_lines->text(); }

QString SummaryScreen::countdownText() const { return m_countdown->text(); }

// ---------------------------------------------------------------------------- Cash

CashScreen::CashScreen(QWidget* parent) : QWidget(parent)
{
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(makeTitle(tr("Cash payment"), this));
    auto* body = new QHBoxLayout;
    auto* left = new QVBoxLayout;
    m_totalLabel = makeText(QString(), this, "total");
    left->addWidget(m_totalLabel);
    left->addWidget(makeText(tr("Amount received:"), this, "lead"));
    m_amount = new QLineEdit(this);
    m_amount->setMinimumHeight(mmToPixels(kButtonMm, screenOf(this)));
    m_amount->setMaxLength(11);
    m_amount->setAlignment(Qt::AlignRight);
    left->addWidget(m_amount);
    m_change = makeText(QString(), this, "total");
    left->addWidget(m_change);
    left->addStretch(1);
    auto* back = makeButton(tr("◀ Back"), this);
    left->addWidget(back);
    body->addLayout(left, 1);
    auto* right = new QVBoxLayout;
    m_keypad = new OnScreenKeypad(OnScreenKeypad::Mode::DigitsWithDecimal, this);
    m_keypad->setTarget(m_amount);
    m_keypad->setEnterText(tr("Cash received"));
    m_confirm = m_keypad->enterKey();
    right->addWidget(m_keypad);
    right->addStretch(1);
    body->addLayout(right, 1);
    layout->addLayout(body, 1);
    connect(m_amount, &QLineEdit::textChanged, this, &CashScreen::update);
    connect(back, &QPushButton::clicked, this, &CashScreen::back);
    connect(m_keypad, &OnScreenKeypad::accepted, this, [this] {
        const auto tendered = tenderedMinor();
        if (tendered && *tendered >= m_total)
            Q_EMIT confirmed(*tendered);
    });
}

void CashScreen::setTotal(qint64 totalMinor, const QString& currency)
{
    m_total = totalMinor;
    m_currency = currency;
    m_amount->clear();
    m_totalLabel->setText(tr("To pay: %1").arg(format::money(totalMinor, currency)));
    update();
}

std::optional<qint64> CashScreen::tenderedMinor() const
{
    return parseAmount(m_amount->text(), format::currencyDigits(m_currency));
}

QString CashScreen::changeText() const { return m_change->text(); }

void CashScreen::update()
{
    const auto tendered = tenderedMinor();
    if (!tendered)
        m_change->setText(m_amount->text().isEmpty() ? QString() : tr("Enter an amount like %1").arg(QLocale().toString(50.0, 'f', 2)));
    else if (*tendered < m_total)
        m_change->setText(tr("%1 short").arg(format::money(m_total - *tendered, m_currency)));
    else
        m_change->setText(tr("Change due: %1").arg(format::money(*tendered - m_total, m_currency)));
    m_confirm->setEnabled(tendered && *tendered >= m_total);
}

// ---------------------------------------------------------------------------- Processing

ProcessingScreen::ProcessingScreen(QWidget* parent) : QWidget(parent)
{
    auto* layout = new QVBoxLayout(this);
    layout->addStretch(1);
    m_title = makeText(QString(), this, "hero");
    m_title->setAlignment(Qt::AlignCenter);
    layout->addWidget(m_title);
    m_detail = makeText(QString(), this, "lead");
    m_detail->setAlignment(Qt::AlignCenter);
    layout->addWidget(m_detail);
    m_progress = new QProgressBar(this);
    m_progress->setRange(0, 0); // busy
    m_progress->setTextVisible(false);
    m_progress->setMinimumHeight(mmToPixels(4, screenOf(this)));
    layout->addWidget(m_progress);
    auto* buttons = new QHBoxLayout;
    m_cancel = makeButton(tr("Cancel"), this);
    m_retry = makeButton(tr("Try again"), this, true);
    for (QPushButton* button : {m_cancel, m_retry})
        button->setMinimumSize(mmToPixels(60, screenOf(this)), mmToPixels(kButtonMm * 1.4, screenOf(this)));
    buttons->addStretch(1);
    buttons->addWidget(m_cancel);
    buttons->addWidget(m_retry);
    buttons->addStretch(1);
    layout->addLayout(buttons);
    layout->addStretch(1);
    connect(m_retry, &QPushButton::clicked, this, &ProcessingScreen::retry);
    connect(m_cancel, &QPushButton::clicked, this, &ProcessingScreen::cancelled);
}

void ProcessingScreen::showWorking(const QString& title, const QString& detail)
{
    m_mode = Mode::Working;
    m_title->setText(title);
    setStyleRole(m_title, "role", QStringLiteral("hero"));
    m_detail->setText(detail);
    m_progress->show();
    m_retry->hide();
    m_cancel->hide();
}

void ProcessingScreen::showProblem(const QString& title, const QString& detail, bool retry)
{
    m_mode = Mode::Problem;
    m_title->setText(title);
    setStyleRole(m_title, "role", QStringLiteral("heroProblem"));
    m_detail->setText(detail);
    m_progress->hide();
    m_retry->setVisible(retry);
    m_cancel->show();
    m_cancel->setText(retry ? tr("Cancel and release the seats") : tr("Start over"));
}

QString ProcessingScreen::titleText() const { return m_title->text(); }
QString ProcessingScreen::detailText() const { return m_detail->text(); }

// ---------------------------------------------------------------------------- Done

DoneScreen::DoneScreen(QWidget* parent) : QWidget(parent)
{
    auto* layout = new QVBoxLayout(this);
    layout->addStretch(1);
    auto* thanks = makeText(tr("Thank you!"), this, "hero");
    thanks->setAlignment(Qt::AlignCenter);
    layout->addWidget(thanks);
    m_detail = makeText(QString(), this, "lead");
    m_detail->setAlignment(Qt::AlignCenter);
    m_detail->setTextFormat(Qt::RichText);
    layout->addWidget(m_detail);
    m_print = makeText(QString(), this, "lead");
    m_print->setAlignment(Qt::AlignCenter);
    layout->addWidget(m_print);
    layout->addStretch(1);
    m_done = makeButton(tr("Done"), this, true);
    m_done->setMinimumWidth(mmToPixels(70, screenOf(this)));
    layout->addWidget(m_done, 0, Qt::AlignHCenter);
    layout->addStretch(1);
    connect(m_done, &QPushButton::clicked, this, &DoneScreen::done);
}

void DoneScreen::showOrder(const OrderInfo& order, const QString& printNote, bool printProblem)
{
    QString text = tr("Order <b>%1</b>: %n ticket(s) for %2, %3 paid.", nullptr, static_cast<int>(order.tickets.size()))
                       .arg(order.code.toHtmlEscaped(), order.eventTitle.toHtmlEscaped(),
                            format::money(order.totalMinor, order.currency).toHtmlEscaped());
    if (order.payment.method == PaymentMethod::Cash && order.payment.changeDueMinor > 0)
        text += QStringLiteral("<br>") + tr("Change due: <b>%1</b>").arg(format::money(order.payment.changeDueMinor, order.currency));
    m_detail->setText(text);
    m_print->setText(printNote);
    setStyleRole(m_print, "role", printProblem ? QStringLiteral("problem") : QStringLiteral("lead"));
}

QString DoneScreen::detailText() const { return m_detail->text() + QLatin1Char('\n') + m_print->text(); }

} // namespace marquee::client::kiosk
