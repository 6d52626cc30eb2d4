// CheckInWindow: layout, scanner focus, result colours and texts, counters and flags.
#include "checkin/checkinwindow.h"

#include <QComboBox>
#include <QDateTime>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QSignalBlocker>
#include <QShowEvent>
#include <QTimer>
#include <QVBoxLayout>

namespace marquee::client {

namespace {

QString timeOf(qint64 ms)
{
    return QLocale().toString(QDateTime::fromMSecsSinceEpoch(ms).time(), QLocale::ShortFormat);
}

// Background of the result panel: green admits, amber says "seen before", red refuses.
QString panelStyle(CheckInService::Outcome outcome)
{
    const char* colour = "#b3261e";
    if (outcome == CheckInService::Outcome::Admitted)
        colour = "#1b7f3b";
    else if (outcome == CheckInService::Outcome::AlreadyAdmitted)
        colour = "#a15c00";
    return QStringLiteral("#checkInResult { background: %1; border-radius: 8px; } "
                          "#checkInResult QLabel { color: white; }")
        .arg(QLatin1String(colour));
}

} // namespace

CheckInWindow::CheckInWindow(CheckInService* service, QWidget* parent) : QWidget(parent, Qt::Window), m_service(service)
{
    setWindowTitle(tr("Check-in"));
    resize(760, 620);

    m_event = new QComboBox(this);
    m_event->setMinimumWidth(320);
    m_gate = new QLineEdit(this);
    m_gate->setPlaceholderText(tr("e.g. North door"));
    m_gate->setText(m_service->gate());
    m_status = new QLabel(this);
    auto* form = new QFormLayout;
    form->addRow(tr("Event:"), m_event);
    form->addRow(tr("Gate:"), m_gate);

    auto* top = new QHBoxLayout;
    top->addLayout(form, 1);
    top->addWidget(m_status, 0, Qt::AlignRight | Qt::AlignTop);

    m_scanner = new QLineEdit(this);
    m_scanner->setPlaceholderText(tr("Scan a ticket or type its code, then press Enter"));
    QFont scanFont = m_scanner->font();
    scanFont.setPointSizeF(scanFont.pointSizeF() * 1.4);
    m_scanner->setFont(scanFont);
    m_scanner->setMinimumHeight(44);
    m_checkButton = new QPushButton(tr("Check in"), this);
    m_checkButton->setMinimumHeight(44);
    m_checkButton->setFocusPolicy(Qt::NoFocus); // the scanner keeps the focus
    auto* scanRow = new QHBoxLayout;
    scanRow->addWidget(m_scanner, 1);
    scanRow->addWidget(m_checkButton);

    m_resultPanel = new QWidget(this);
    m_resultPanel->setObjectName(QStringLiteral("checkInResult"));
    m_resultPanel->setAttribute(Qt::WA_StyledBackground);
    m_resultPanel->setMinimumHeight(170);
    m_headline = new QLabel(tr("Ready to scan"), m_resultPanel);
    QFont big = m_headline->font();
    big.setPointSizeF(big.pointSizeF() * 2.4);
    big.setBold(true);
    m_headline->setFont(big);
    m_headline->setWordWrap(true);
    m_headline->setAlignment(Qt::AlignCenter);
    m_detail = new QLabel(m_resultPanel);
    QFont medium = m_detail->font();
    medium.setPointSizeF(medium.pointSizeF() * 1.3);
    m_detail->setFont(medium);
    m_detail->setWordWrap(true);
    m_detail->setAlignment(Qt::AlignCenter);
    auto* resultLayout = new QVBoxLayout(m_resultPanel);
    resultLayout->addStretch();
    resultLayout->addWidget(m_headline);
    resultLayout->addWidget(m_detail);
    resultLayout->addStretch();
    m_resultPanel->setStyleSheet(QStringLiteral("#checkInResult { background: palette(mid); border-radius: 8px; }"));

    m_count = new QLabel(this);
    QFont countFont = m_count->font();
    countFont.setPointSizeF(countFont.pointSizeF() * 1.3);
    m_count->setFont(countFont);

    m_flagged = new QListWidget(this);
    m_flagged->setFocusPolicy(Qt::NoFocus);
    m_flagged->setWordWrap(true);
    m_flagged->setMaximumHeight(150);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addLayout(scanRow);
    layout->addWidget(m_resultPanel, 1);
    layout->addWidget(m_count);
    layout->addWidget(new QLabel(tr("Flagged for staff (duplicate entries found on sync, refused uploads):"), this));
    layout->addWidget(m_flagged);

    connect(m_scanner, &QLineEdit::returnPressed, this, &CheckInWindow::submit);
    connect(m_checkButton, &QPushButton::clicked, this, &CheckInWindow::submit);
    connect(m_event, &QComboBox::currentIndexChanged, this, [this] {
        m_service->setEvent(m_event->currentData().toString());
        focusScanner();
    });
    connect(m_gate, &QLineEdit::textChanged, m_service, &CheckInService::setGate);
    connect(m_gate, &QLineEdit::editingFinished, this, &CheckInWindow::focusScanner);
    connect(m_service, &CheckInService::resultReady, this, &CheckInWindow::showResult);
    connect(m_service, &CheckInService::countsChanged, this, [this] {
        refreshCounts();
        refreshStatus();
    });
    connect(m_service, &CheckInService::flagsChanged, this, &CheckInWindow::refreshFlags);
    connect(m_service, &CheckInService::onlineChanged, this, &CheckInWindow::refreshStatus);
    connect(m_service, &CheckInService::uploadFinished, this, &CheckInWindow::refreshStatus);

    reloadEvents();
    refreshCounts();
    refreshFlags();
    refreshStatus();
}

void CheckInWindow::reloadEvents()
{
    const QString current = m_service->eventId();
    {
        const QSignalBlocker quiet(m_event); // filling the list is not a choice of event
        m_event->clear();
        for (const auto& event : m_service->doorEvents()) {
            const QString when = QLocale().toString(QDateTime::fromMSecsSinceEpoch(event.startsAtMs), QLocale::ShortFormat);
            m_event->addItem(tr("%1 — %2").arg(event.title, when), event.id);
        }
        const int index = m_event->findData(current);
        if (index >= 0)
            m_event->setCurrentIndex(index);
    }
    if (m_event->findData(current) < 0 && m_event->count() > 0)
        m_service->setEvent(m_event->currentData().toString());
}

void CheckInWindow::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    focusScanner();
}

void CheckInWindow::focusScanner()
{
    m_scanner->setFocus(Qt::OtherFocusReason);
}

void CheckInWindow::submit()
{
    const QString code = m_scanner->text().trimmed();
    m_scanner->clear();
    focusScanner();
    if (code.isEmpty())
        return;
    if (!m_service->scan(code)) {
        m_headline->setText(tr("Choose an event first"));
        m_detail->clear();
    }
}

QString CheckInWindow::headlineFor(const CheckInService::Result& result)
{
    switch (result.outcome) {
    case CheckInService::Outcome::Admitted:
        return tr("Admitted");
    case CheckInService::Outcome::AlreadyAdmitted:
        if (result.first.gate.isEmpty())
            return tr("Already admitted at %1").arg(timeOf(result.first.checkedInAtMs));
        return tr("Already admitted at %1 at %2").arg(timeOf(result.first.checkedInAtMs), result.first.gate);
    case CheckInService::Outcome::WrongEvent:
        if (result.ticketEventTitle.isEmpty())
            return tr("Wrong event: this ticket is for another event");
        return tr("Wrong event: ticket for “%1”").arg(result.ticketEventTitle);
    case CheckInService::Outcome::Void:
        return tr("Void");
    case CheckInService::Outcome::Invalid:
        break;
    }
    return tr("Not a valid ticket");
}

void CheckInWindow::showResult(const CheckInService::Result& result)
{
    m_resultPanel->setStyleSheet(panelStyle(result.outcome));
    m_headline->setText(headlineFor(result));
    QStringList details;
    switch (result.outcome) {
    case CheckInService::Outcome::Admitted:
        if (!result.label.isEmpty())
            details << tr("Seat: %1").arg(result.label);
        if (result.soldOffline)
            details << tr("Sold offline at a box office; its sale is not synced yet.");
        break;
    case CheckInService::Outcome::AlreadyAdmitted:
        if (!result.first.deviceId.isEmpty())
            details << tr("Admitted by device %1.").arg(result.first.deviceId);
        if (!result.label.isEmpty())
            details << tr("Seat: %1").arg(result.label);
        break;
    case CheckInService::Outcome::Void:
        details << tr("The ticket was refunded or cancelled.");
        break;
    case CheckInService::Outcome::WrongEvent:
        details << tr("Send the guest to the right entrance.");
        break;
    case CheckInService::Outcome::Invalid:
        details << result.detail;
        break;
    }
    if (result.queued)
        details << tr("Offline: recorded on this device, it syncs when the connection is back.");
    else if (result.decidedOffline)
        details << tr("Checked on this device (offline).");
    m_detail->setText(details.join(QLatin1Char('\n')));
    refreshCounts();
    refreshStatus();
}

void CheckInWindow::refreshCounts()
{
    m_count->setText(tr("Admitted so far: %1").arg(QLocale().toString(m_service->admittedCount())));
}

void CheckInWindow::refreshStatus()
{
    const int queued = m_service->queuedCount();
    QString text = m_service->isOnline() ? tr("● Online") : tr("● Offline — checking on this device");
    if (queued > 0)
        text += QLatin1Char('\n') + tr("%n check-in(s) waiting to sync", nullptr, queued);
    m_status->setText(text);
    m_status->setStyleSheet(m_service->isOnline() ? QStringLiteral("color: #1b7f3b; font-weight: bold;")
                                                  : QStringLiteral("color: #b3261e; font-weight: bold;"));
}

void CheckInWindow::refreshFlags()
{
    m_flagged->clear();
    for (const auto& row : m_service->flaggedDuplicates()) {
        const QString where = row.gate.isEmpty() ? row.deviceId : row.gate;
        m_flagged->addItem(tr("Duplicate entry: ticket %1 admitted again at %2 at %3 (device %4)")
                               .arg(row.ticketId.left(8), timeOf(row.checkedInAtMs), where, row.deviceId));
    }
    for (const auto& refusal : m_service->refusedUploads()) {
        CheckInService::Result refused;
        refused.outcome = CheckInService::outcomeOf(refusal.outcome);
        m_flagged->addItem(tr("Admitted offline at %1, refused on sync: %2 (ticket %3)")
                               .arg(timeOf(refusal.checkedInAtMs), headlineFor(refused), refusal.ticketId.left(8)));
    }
}

QString CheckInWindow::resultHeadline() const { return m_headline->text(); }
QString CheckInWindow::resultDetail() const { return m_detail->text(); }
QString CheckInWindow::statusText() const { return m_status->text(); }
QString CheckInWindow::countText() const { return m_count->text(); }

} // namespace marquee::client
