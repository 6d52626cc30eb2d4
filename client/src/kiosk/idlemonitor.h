// IdleMonitor: watches the whole application's input (touch, mouse, keys) while a customer is
// in a session. After idleMs without input it warns ("Are you still there?") and counts down
// warningMs; any input cancels the warning, the end of the countdown emits timedOut().
// Both times are settable (tests use a few milliseconds and wait on the signals).
#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

namespace marquee::client::kiosk {

class IdleMonitor : public QObject {
    Q_OBJECT
public:
    explicit IdleMonitor(QObject* parent = nullptr);
    ~IdleMonitor() override;

    void setTimeouts(int idleMs, int warningMs);
    int idleMs() const { return m_idle.interval(); }
    int warningMs() const { return m_warningMs; }

    // Inactive on the attract screen and while a payment runs: nothing to wipe, or not yet.
    void setActive(bool active);
    bool isActive() const { return m_active; }
    bool isWarning() const { return m_warning; }
    int secondsLeft() const; // of the warning countdown

    // Input happened (the filter calls it; screens may too).
    void poke();

Q_SIGNALS:
    void warningStarted(int secondsLeft);
    void warningTick(int secondsLeft);
    void warningCancelled();
    void timedOut();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void startWarning();
    void finish();

    QTimer m_idle;
    QTimer m_tick;
    QTimer m_end;
    QElapsedTimer m_warningClock;
    int m_warningMs = 15'000;
    bool m_active = false;
    bool m_warning = false;
};

} // namespace marquee::client::kiosk
