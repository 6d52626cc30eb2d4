// AccountService implementation.
#include "services/accountservice.h"

#include "net/syncclient.h"
#include "store/localstore.h"

#include "marquee/core/validation.hpp"

namespace marquee::client {

AccountService::AccountService(LocalStore* store, SyncClient* sync, QObject* parent)
    : QObject(parent), m_store(store), m_sync(sync)
{
    connect(m_sync, &SyncClient::sessionReceived, this, &AccountService::onSession);
    connect(m_sync, &SyncClient::requestFailed, this, &AccountService::onFailed);
    connect(m_sync, &SyncClient::ackReceived, this, [this](quint64 id, const AckInfo&) {
        if (id == m_pendingRequest && m_pending == Pending::Logout)
            finishLogout();
    });
    connect(m_sync, &SyncClient::authenticationRejected, this, [this] {
        if (!isLoggedIn())
            return;
        finishLogout();
        Q_EMIT sessionExpired(tr("Your session has expired. Please log in again."));
    });
}

void AccountService::load()
{
    const SyncState s = m_store->syncState();
    if (!s.token.isEmpty()) {
        m_userId = s.userId;
        m_email = s.email;
        m_role = s.role;
        m_sync->setToken(s.token);
    }
    Q_EMIT sessionChanged();
}

void AccountService::setPending(Pending what, quint64 requestId)
{
    const bool wasBusy = isBusy();
    m_pending = what;
    m_pendingRequest = requestId;
    if (wasBusy != isBusy())
        Q_EMIT busyChanged(isBusy());
}

void AccountService::login(const QString& email, const QString& password)
{
    if (!core::isValidEmail(email.trimmed().toStdString())) {
        Q_EMIT loginFailed(tr("Enter a valid e-mail address."));
        return;
    }
    setPending(Pending::Login, m_sync->login(email.trimmed(), password));
}

void AccountService::registerAccount(const QString& email, const QString& password, const QString& displayName)
{
    // Early feedback with the same rules the server enforces.
    if (!core::isValidEmail(email.trimmed().toStdString())) {
        Q_EMIT registrationFailed(tr("Enter a valid e-mail address."), QStringLiteral("email"));
        return;
    }
    if (!core::validatePassword(password.toStdString()).empty()) {
        Q_EMIT registrationFailed(tr("The password is too weak: use at least %n characters.", nullptr,
                                     static_cast<int>(core::kMinPasswordLength)),
                                  QStringLiteral("password"));
        return;
    }
    setPending(Pending::Register, m_sync->registerAccount(email.trimmed(), password, displayName));
}

void AccountService::logout()
{
    if (!isLoggedIn())
        return;
    if (m_sync->isConnected() && m_sync->hello().userId == m_userId) {
        // Revoke the token on the server; the local state goes when the answer comes.
        setPending(Pending::Logout, m_sync->logout());
        return;
    }
    finishLogout();
}

void AccountService::finishLogout()
{
    const qint64 oldUser = m_userId;
    setPending(Pending::None, 0);
    m_store->clearSession();
    m_store->clearUserData(oldUser); // outbox entries stay: they are sent after the next login
    m_userId = 0;
    m_email.clear();
    m_role = core::Role::Anonymous;
    m_sync->setToken({});
    m_sync->reconnect();
    Q_EMIT sessionChanged();
    Q_EMIT loggedOut();
}

void AccountService::onSession(quint64 requestId, const SessionInfo& session)
{
    if (requestId != m_pendingRequest)
        return;
    setPending(Pending::None, 0);
    m_store->saveSession(session);
    m_userId = session.userId;
    m_email = session.email;
    m_role = session.role;
    m_store->reapplyPendingWishlist(m_userId);
    m_sync->setToken(session.token);
    m_sync->reconnect(); // the server authenticates at the upgrade only
    Q_EMIT sessionChanged();
    Q_EMIT loggedIn();
}

void AccountService::onFailed(quint64 requestId, const ErrorInfo& error)
{
    if (requestId == 0 || requestId != m_pendingRequest)
        return;
    const Pending what = m_pending;
    setPending(Pending::None, 0);
    switch (what) {
    case Pending::Login:
        Q_EMIT loginFailed(errorMessage(error));
        break;
    case Pending::Register:
        Q_EMIT registrationFailed(errorMessage(error), error.details.value(QStringLiteral("field")));
        break;
    case Pending::Logout:
        finishLogout(); // the token is forgotten locally anyway
        break;
    case Pending::None:
        break;
    }
}

QString AccountService::errorMessage(const ErrorInfo& error) const
{
    switch (error.code) {
    case ErrorCode::Unauthenticated:
        return tr("Wrong e-mail address or password.");
    case ErrorCode::ResourceExhausted: {
        const qint64 ms = error.retryAfterMs();
        const int seconds = static_cast<int>(std::max<qint64>(1, (ms + 999) / 1000));
        return tr("Too many attempts. Try again in %n second(s).", nullptr, seconds);
    }
    case ErrorCode::AlreadyExists:
        return tr("An account with this e-mail address already exists.");
    case ErrorCode::InvalidArgument: {
        const QString field = error.details.value(QStringLiteral("field"));
        if (field == QLatin1String("password"))
            return tr("The password is too weak: use at least %n characters.", nullptr,
                      static_cast<int>(core::kMinPasswordLength));
        if (field == QLatin1String("email"))
            return tr("Enter a valid e-mail address.");
        return tr("The server rejected the request: %1").arg(error.message);
    }
    case ErrorCode::ConnectionLost:
    case ErrorCode::Timeout:
        return tr("The server cannot be reached. Check your connection and try again.");
    case ErrorCode::Unavailable:
        return tr("The server is busy. Try again in a moment.");
    default:
        return tr("Something went wrong: %1").arg(error.message);
    }
}

} // namespace marquee::client
