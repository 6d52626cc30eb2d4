// AccountService: register, log in and log out; keeps the session token in the store and
// reconnects the SyncClient with it. Errors come out as translated sentences.
#pragma once

#include "store/records.h"

#include <QObject>

namespace marquee::client {

class LocalStore;
class SyncClient;

class AccountService : public QObject {
    Q_OBJECT
    Q_PROPERTY(bool loggedIn READ isLoggedIn NOTIFY sessionChanged)
    Q_PROPERTY(QString email READ email NOTIFY sessionChanged)
public:
    AccountService(LocalStore* store, SyncClient* sync, QObject* parent = nullptr);

    void load(); // restore the saved session (works offline)
    bool isLoggedIn() const { return m_userId != 0; }
    qint64 userId() const { return m_userId; }
    QString email() const { return m_email; }
    core::Role role() const { return m_role; }
    bool isBusy() const { return m_pendingRequest != 0; }

    // Results arrive as loggedIn() or loginFailed()/registrationFailed().
    void login(const QString& email, const QString& password);
    void registerAccount(const QString& email, const QString& password, const QString& displayName = {});
    // Works offline too: the token is forgotten locally either way.
    void logout();

    // Translated sentence for an error answer to a login or registration.
    QString errorMessage(const ErrorInfo& error) const;

Q_SIGNALS:
    void sessionChanged();
    void loggedIn();
    void loggedOut();
    void loginFailed(const QString& message);
    // field: "email", "password" or empty, so a dialog can put the message next to it
    void registrationFailed(const QString& message, const QString& field);
    void sessionExpired(const QString& message);
    void busyChanged(bool busy);

private:
    enum class Pending { None, Login, Register, Logout };
    void onSession(quint64 requestId, const SessionInfo& session);
    void onFailed(quint64 requestId, const ErrorInfo& error);
    void finishLogout();
    void setPending(Pending what, quint64 requestId);

    LocalStore* m_store;
    SyncClient* m_sync;
    qint64 m_userId = 0;
    QString m_email;
    core::Role m_role = core::Role::Anonymous;
    Pending m_pending = Pending::None;
    quint64 m_pendingRequest = 0;
};

} // namespace marquee::client
