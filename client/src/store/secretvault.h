// SecretVault: seals secrets kept in the LocalStore file (the box-office device's Ed25519 secret
// key) with libsodium's secretbox (XSalsa20-Poly1305) under a 32-byte key kept in a file of its
// own, mode 0600, next to the database. A copy of the SQLite file alone (a support bundle, a
// dump, a synced cache folder) then holds no usable secret. It does not protect against someone
// who has the whole disk: that is what device revocation is for (docs/boxoffice.md).
#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

namespace marquee::client {

class SecretVault {
public:
    // `keyFile`: where the wrapping key lives (created on first use with mode 0600; stores
    // racing to create it all end up with the one key that was published first).
    explicit SecretVault(QString keyFile);
    // The vault of a LocalStore file: its key lives in "<database file>-secret.key".
    static SecretVault forDatabase(const QString& databasePath);

    // "MQS1" || nonce (24) || secretbox(secret); empty when the key file cannot be read or made.
    QByteArray seal(const QByteArray& secret);
    // The secret sealed by seal() with this key; nullopt when it is not sealed, was sealed under
    // another key, or was altered.
    std::optional<QByteArray> open(const QByteArray& sealed);
    static bool isSealed(const QByteArray& stored);

    QString keyFile() const { return m_keyFile; }
    QString lastError() const { return m_error; }

private:
    enum class Creation { Created, Exists, Failed };
    bool loadKey();
    bool readKey();
    // A new key, published atomically under m_keyFile; Exists when another store's came first.
    Creation createKey();

    QString m_keyFile;
    QByteArray m_key; // loaded on first use
    QString m_error;
};

} // namespace marquee::client
