// The kiosk's own settings (an INI file beside the cache, changed from the staff menu) and
// the staff PIN: stored only as an Argon2id hash (libsodium crypto_pwhash_str), checked with
// a rate limit that grows with each wrong PIN.
#pragma once

#include "printing/printtarget.h"

#include <QString>

#include <functional>

namespace marquee::client::kiosk {

struct KioskSettings {
    int idleSeconds = 60;          // without input before "Are you still there?"
    int warningSeconds = 15;       // the countdown before the session is wiped
    bool staffedCash = false;      // cash only when staff stand by the kiosk
    QString terminalId;            // card terminal; empty: the first the server offers
    QString deviceName;            // on receipts
    QString venueId;               // only this venue's events; empty: all
    QString pinHash;               // Argon2id (crypto_pwhash_str); empty: no PIN set
    printing::PrintTarget print;   // printer, or PDF folder; ticket paper

    static constexpr int kMinIdleSeconds = 10;
    static constexpr int kMaxIdleSeconds = 3600;

    // Missing keys keep the defaults; out-of-range numbers are clamped.
    static KioskSettings load(const QString& path);
    bool save(const QString& path, QString* error = nullptr) const;
    // <data dir>/kiosk.ini (dataDir empty: the application's data location).
    static QString defaultPath(const QString& dataDir = {});
};

// 4 to 12 digits.
bool isAcceptablePin(const QString& pin);
// The Argon2id hash string of `pin` (libsodium's interactive limits); empty if hashing failed.
QString hashPin(const QString& pin);
bool pinMatches(const QString& hash, const QString& pin);

// Checks PINs against a hash with a growing lock-out: after three wrong PINs in a row the
// keypad locks for 30 s, doubling with each further wrong PIN up to 15 minutes. The count and
// the lock are kept in the settings file when one is given, so restarting the kiosk (pulling
// its plug) does not reset them. The clock is injectable for tests.
class PinGate {
public:
    enum class Result { Accepted, Wrong, LockedOut, NoPinSet };

    explicit PinGate(std::function<qint64()> nowMs = {});
    void setClock(std::function<qint64()> nowMs);
    // Loads the failures and the lock from `path` ([pinGate] in kiosk.ini) and keeps them there.
    void setStatePath(const QString& path);

    Result check(const QString& hash, const QString& pin);
    int failures() const { return m_failures; }
    qint64 lockedForMs() const; // 0 when a PIN may be tried now

    static constexpr int kFreeAttempts = 3;
    static constexpr qint64 kFirstLockMs = 30'000;
    static constexpr qint64 kMaxLockMs = 15 * 60'000;

private:
    void saveState() const;

    std::function<qint64()> m_now;
    QString m_statePath;
    int m_failures = 0;
    qint64 m_lockedUntilMs = 0;
};

} // namespace marquee::client::kiosk
