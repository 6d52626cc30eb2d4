// SecretVault implementation (see secretvault.h).
#include "store/secretvault.h"

#include <QFile>
#include <QFileInfo>

#include <sodium.h>

namespace marquee::client {

namespace {

constexpr char kMagic[] = "MQS1";
constexpr qsizetype kMagicSize = 4;
constexpr QFileDevice::Permissions kOwnerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;

} // namespace

SecretVault::SecretVault(QString keyFile) : m_keyFile(std::move(keyFile)) {}

SecretVault SecretVault::forDatabase(const QString& databasePath)
{
    return SecretVault(databasePath + QStringLiteral("-secret.key"));
}

bool SecretVault::isSealed(const QByteArray& stored)
{
    return stored.size() == kMagicSize + static_cast<qsizetype>(crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES)
               + 64
        && stored.startsWith(kMagic);
}

bool SecretVault::loadKey()
{
    if (m_key.size() == static_cast<qsizetype>(crypto_secretbox_KEYBYTES))
        return true;
    if (sodium_init() < 0) {
        m_error = QStringLiteral("libsodium could not be initialised");
        return false;
    }
    QFile file(m_keyFile);
    if (file.exists()) {
        // Another user able to read the key could open every sealed secret: tighten it.
        if ((file.permissions() & ~(kOwnerOnly | QFileDevice::ReadUser | QFileDevice::WriteUser)) != 0)
            file.setPermissions(kOwnerOnly);
        if (!file.open(QIODevice::ReadOnly)) {
            m_error = file.errorString();
            return false;
        }
        const QByteArray key = file.read(static_cast<qint64>(crypto_secretbox_KEYBYTES) + 1);
        if (key.size() != static_cast<qsizetype>(crypto_secretbox_KEYBYTES)) {
            m_error = QStringLiteral("the key file %1 is damaged").arg(m_keyFile);
            return false;
        }
        m_key = key;
        return true;
    }
    // New key: the file is made owner-only before the key is written into it.
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly) || !file.setPermissions(kOwnerOnly)) {
        m_error = file.errorString();
        return false;
    }
    QByteArray key(static_cast<qsizetype>(crypto_secretbox_KEYBYTES), '\0');
    randombytes_buf(key.data(), static_cast<std::size_t>(key.size()));
    if (file.write(key) != key.size() || !file.flush()) {
        m_error = file.errorString();
        file.remove();
        return false;
    }
    m_key = key;
    return true;
}

QByteArray SecretVault::seal(const QByteArray& secret)
{
    if (!loadKey())
        return {};
    QByteArray out(kMagic, kMagicSize);
    QByteArray nonce(static_cast<qsizetype>(crypto_secretbox_NONCEBYTES), '\0');
    randombytes_buf(nonce.data(), static_cast<std::size_t>(nonce.size()));
    QByteArray box(secret.size() + static_cast<qsizetype>(crypto_secretbox_MACBYTES), '\0');
    crypto_secretbox_easy(reinterpret_cast<unsigned char*>(box.data()),
                          reinterpret_cast<const unsigned char*>(secret.constData()),
                          static_cast<unsigned long long>(secret.size()),
                          reinterpret_cast<const unsigned char*>(nonce.constData()),
                          reinterpret_cast<const unsigned char*>(m_key.constData()));
    return out + nonce + box;
}

std::optional<QByteArray> SecretVault::open(const QByteArray& sealed)
{
    if (!sealed.startsWith(kMagic) || !loadKey())
        return std::nullopt;
    const auto headerSize = kMagicSize + static_cast<qsizetype>(crypto_secretbox_NONCEBYTES);
    if (sealed.size() < headerSize + static_cast<qsizetype>(crypto_secretbox_MACBYTES))
        return std::nullopt;
    const QByteArray nonce = sealed.mid(kMagicSize, static_cast<qsizetype>(crypto_secretbox_NONCEBYTES));
    const QByteArray box = sealed.mid(headerSize);
    QByteArray secret(box.size() - static_cast<qsizetype>(crypto_secretbox_MACBYTES), '\0');
    if (crypto_secretbox_open_easy(reinterpret_cast<unsigned char*>(secret.data()),
                                   reinterpret_cast<const unsigned char*>(box.constData()),
                                   static_cast<unsigned long long>(box.size()),
                                   reinterpret_cast<const unsigned char*>(nonce.constData()),
                                   reinterpret_cast<const unsigned char*>(m_key.constData()))
        != 0) {
        m_error = QStringLiteral("the sealed secret does not open with the key in %1").arg(m_keyFile);
        return std::nullopt;
    }
    return secret;
}

} // namespace marquee::client
