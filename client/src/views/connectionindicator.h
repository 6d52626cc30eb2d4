// ConnectionIndicator: status-bar widget showing online / offline / syncing (with %) and
// the time of the last sync.
#pragma once

#include "net/syncclient.h"

#include <QDateTime>
#include <QWidget>

class QLabel;
class QProgressBar;

namespace marquee::client {

class ClientSession;

class ConnectionIndicator : public QWidget {
    Q_OBJECT
public:
    explicit ConnectionIndicator(QWidget* parent = nullptr);

    // Feeds from a session; the setters exist so tests can drive every state.
    void setSession(ClientSession* session);
    void setState(SyncClient::State state);
    void setProgress(int percent);
    void setLastSyncAt(const QDateTime& at);

    SyncClient::State state() const { return m_state; }
    QString text() const;

protected:
    void changeEvent(QEvent* event) override;

private:
    void updateView();

    SyncClient::State m_state = SyncClient::State::Offline;
    int m_percent = 0;
    QDateTime m_lastSyncAt;
    QLabel* m_dot;
    QLabel* m_label;
    QProgressBar* m_progress;
};

} // namespace marquee::client
