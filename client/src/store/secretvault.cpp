// SecretVault implementation (see secretvault.h).
#include "store/secretvault.h"

#include <QFile>
#include <QFileInfo>
#include <QTemporaryFile>

#include <sodium.h>

#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <unistd.h>

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
    // The key file appears whole or not at all (createKey), so whoever finds it can read it.
    // Losing the race to create it means reading the winner's key.
    if (QFile::exists(m_keyFile))
        return readKey();
    switch (createKey()) {
    case Creation::Created:
        return true;
    case Creation::Exists:
        return readKey();
    case Creation::Failed:
        break;
    }
    return false;
}

bool SecretVault::readKey()
{
    QFile file(m_keyFile);
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

SecretVault::Creation SecretVault::createKey()
{
    // Written whole into an owner-only temporary file beside it and synced, then published
    // under its name with link(2), which fails with EEXIST instead of replacing a file another
    // store made meanwhile: two stores never end up with two keys, nor read a half-written one.
    QTemporaryFile temporary(m_keyFile + QStringLiteral(".XXXXXX"));
    if (!temporary.open() || !temporary.setPermissions(kOwnerOnly)) {
        m_error = temporary.errorString();
        return Creation::Failed;
    }
    QByteArray key(static_cast<qsizetype>(crypto_secretbox_KEYBYTES), '\0');
    randombytes_buf(key.data(), static_cast<std::size_t>(key.size()));
    if (temporary.write(key) != key.size() || !temporary.flush() || ::fsync(temporary.handle()) != 0) {
        m_error = temporary.errorString();
        return Creation::Failed;
    }
    if (::link(QFile::encodeName(temporary.fileName()).constData(), QFile::encodeName(m_keyFile).constData()) != 0) {
        if (errno == EEXIST)
            return Creation::Exists;
        m_error = QStringLiteral("the key file %1 could not be made: %2").arg(m_keyFile, QString::fromLocal8Bit(std::strerror(errno)));
        return Creation::Failed;
    }
    // The new name must survive a power loss too: the secrets sealed under this key are
    // committed to SQLite with synchronous=FULL right after.
    const int directory = ::open(QFile::encodeName(QFileInfo(m_keyFile).absolutePath()).constData(), O_RDONLY | O_DIRECTORY);
    const bool synced = directory >= 0 && ::fsync(directory) == 0;
    const int syncError = errno;
    if (directory >= 0)
        ::close(directory);
    if (!synced) {
        m_error = QStringLiteral("the key file %1 could not be synced: %2").arg(m_keyFile, QString::fromLocal8Bit(std::strerror(syncError)));
        return Creation::Failed;
    }
    m_key = key;
    return Creation::Created; // the temporary name goes with `temporary`
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
