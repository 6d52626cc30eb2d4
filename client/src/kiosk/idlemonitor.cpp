// IdleMonitor implementation: an application-wide event filter and three timers.
#include "kiosk/idlemonitor.h"

#include <QCoreApplication>
#include <QEvent>

#include <algorithm>

namespace marquee::client::kiosk {

IdleMonitor::IdleMonitor(QObject* parent) : QObject(parent)
{
    m_idle.setSingleShot(true);
    m_idle.setInterval(60'000);
    m_end.setSingleShot(true);
    m_tick.setInterval(1000);
    connect(&m_idle, &QTimer::timeout, this, &IdleMonitor::startWarning);
    connect(&m_end, &QTimer::timeout, this, &IdleMonitor::finish);
    connect(&m_tick, &QTimer::timeout, this, [this] { Q_EMIT warningTick(secondsLeft()); });
    QCoreApplication::instance()->installEventFilter(this);
}

IdleMonitor::~IdleMonitor()
{
    if (QCoreApplication::instance())
        QCoreApplication::instance()->removeEventFilter(this);
}

void IdleMonitor::setTimeouts(int idleMs, int warningMs)
{
    m_idle.setInterval(std::max(1, idleMs));
    m_warningMs = std::max(1, warningMs);
    if (m_active && !m_warning)
        m_idle.start();
}

void IdleMonitor::setActive(bool active)
{
    m_active = active;
    const bool wasWarning = std::exchange(m_warning, false);
    m_tick.stop();
    m_end.stop();
    if (active)
        m_idle.start();
    else
        m_idle.stop();
    if (wasWarning)
        Q_EMIT warningCancelled();
}

int IdleMonitor::secondsLeft() const
{
    if (!m_warning)
        return 0;
    const qint64 left = m_warningMs - m_warningClock.elapsed();
    return left <= 0 ? 0 : static_cast<int>((left + 999) / 1000);
}

void IdleMonitor::poke()
{
    if (!m_active)
        return;
    if (m_warning) {
        m_warning = false;
        m_tick.stop();
        m_end.stop();
        Q_EMIT warningCancelled();
    }
    m_idle.start();
}

void IdleMonitor::startWarning()
{
    if (!m_active)
        return;
    m_warning = true;
    m_warningClock.start();
    m_end.start(m_warningMs);
    m_tick.start();
    Q_EMIT warningStarted(secondsLeft());
}

void IdleMonitor::finish()
{
    m_tick.stop();
    m_warning = false;
    m_active = false; // the owner starts it again with the next customer
    Q_EMIT timedOut();
}

bool IdleMonitor::eventFilter(QObject* watched, QEvent* event)
{
    switch (event->type()) {
    case QEvent::MouseButtonPress:
    case QEvent::MouseMove:
    case QEvent::TouchBegin:
    case QEvent::TouchUpdate:
    case QEvent::KeyPress:
    case QEvent::Wheel:
        if (event->spontaneous() || watched->isWidgetType())
            poke();
        break;
    default:
        break;
    }
    return QObject::eventFilter(watched, event);
}

} // namespace marquee::client::kiosk
