// ConnectionIndicator implementation.
#include "views/connectionindicator.h"

#include "services/clientsession.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>

namespace marquee::client {

ConnectionIndicator::ConnectionIndicator(QWidget* parent)
    : QWidget(parent), m_dot(new QLabel(this)), m_label(new QLabel(this)), m_progress(new QProgressBar(this))
{
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 0, 4, 0);
    layout->setSpacing(6);
    m_dot->setFixedSize(12, 12);
    m_progress->setRange(0, 100);
    m_progress->setFixedWidth(120);
    m_progress->setMaximumHeight(14);
    m_progress->setTextVisible(false);
    layout->addWidget(m_dot);
    layout->addWidget(m_label);
    layout->addWidget(m_progress);
    updateView();
}

void ConnectionIndicator::setSession(ClientSession* session)
{
    connect(session, &ClientSession::stateChanged, this, &ConnectionIndicator::setState);
    connect(session, &ClientSession::syncProgress, this, [this](int percent) { setProgress(percent); });
    connect(session, &ClientSession::lastSyncAtChanged, this, &ConnectionIndicator::setLastSyncAt);
    m_state = session->state();
    m_percent = session->syncPercent();
    m_lastSyncAt = session->lastSyncAt();
    updateView();
}

void ConnectionIndicator::setState(SyncClient::State state)
{
    m_state = state;
    updateView();
}

void ConnectionIndicator::setProgress(int percent)
{
    m_percent = percent;
    updateView();
}

void ConnectionIndicator::setLastSyncAt(const QDateTime& at)
{
    m_lastSyncAt = at;
    updateView();
}

QString ConnectionIndicator::text() const { return m_label->text(); }

void ConnectionIndicator::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        updateView();
    QWidget::changeEvent(event);
}

void ConnectionIndicator::updateView()
{
    QString text;
    QColor color;
    switch (m_state) {
    case SyncClient::State::Online:
        text = tr("Online");
        color = QColor(0x2e, 0x9d, 0x4a);
        break;
    case SyncClient::State::Syncing:
        text = tr("Syncing… %1").arg(QLocale().toString(m_percent) + QLocale().percent());
        color = QColor(0x2f, 0x7c, 0xd6);
        break;
    case SyncClient::State::Connecting:
        text = tr("Connecting…");
        color = QColor(0xe0, 0xa0, 0x1e);
        break;
    case SyncClient::State::Offline:
        text = tr("Offline");
        color = QColor(0x9a, 0x9a, 0x9a);
        break;
    }
    if (m_lastSyncAt.isValid()) {
        const QDateTime local = m_lastSyncAt.toLocalTime();
        const QString when = local.date() == QDate::currentDate() ? QLocale().toString(local.time(), QLocale::ShortFormat)
                                                                  : QLocale().toString(local, QLocale::ShortFormat);
        text += QStringLiteral(" · ") + tr("last sync %1").arg(when);
    } else if (m_state != SyncClient::State::Syncing) {
        text += QStringLiteral(" · ") + tr("never synced");
    }
    m_label->setText(text);
    m_dot->setStyleSheet(QStringLiteral("background:%1; border-radius:6px;").arg(color.name()));
    m_progress->setVisible(m_state == SyncClient::State::Syncing);
    m_progress->setValue(m_percent);
    setToolTip(text);
}

} // namespace marquee::client
