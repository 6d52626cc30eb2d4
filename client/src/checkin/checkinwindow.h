// CheckInWindow: the door staff's screen. Event and gate, a scanner input that keeps the focus
// (keyboard-wedge scanners type the code and Enter), a large result panel (colour and text),
// the admitted count, the online/offline state with queued check-ins, and the flagged list.
#pragma once

#include "checkin/checkinservice.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;

namespace marquee::client {

class CheckInWindow : public QWidget {
    Q_OBJECT
public:
    explicit CheckInWindow(CheckInService* service, QWidget* parent = nullptr);

    // For tests: what the result panel says now.
    QString resultHeadline() const;
    QString resultDetail() const;
    QLineEdit* scannerInput() const { return m_scanner; }
    QListWidget* flaggedList() const { return m_flagged; }
    QComboBox* eventBox() const { return m_event; }
    QString statusText() const;
    QString countText() const;

    // The headline a result shows ("Admitted", "Already admitted at 19:42 at North door", ...).
    static QString headlineFor(const CheckInService::Result& result);

protected:
    void showEvent(QShowEvent* event) override;

private:
    void reloadEvents();
    void submit();
    void showResult(const CheckInService::Result& result);
    void refreshCounts();
    void refreshFlags();
    void refreshStatus();
    void focusScanner();

    CheckInService* m_service;
    QComboBox* m_event;
    QLineEdit* m_gate;
    QLabel* m_status;
    QLineEdit* m_scanner;
    QPushButton* m_checkButton;
    QWidget* m_resultPanel;
    QLabel* m_headline;
    QLabel* m_detail;
    QLabel* m_count;
    QListWidget* m_flagged;
};

} // namespace marquee::client
