// Kiosk settings in QSettings (INI), and the PIN hash and gate.
#include "kiosk/kiosksettings.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QSettings>
#include <QStandardPaths>

#include <sodium.h>

#include <algorithm>

namespace marquee::client::kiosk {

namespace {

const QString kIdle = QStringLiteral("kiosk/idleSeconds");
const QString kWarning = QStringLiteral("kiosk/warningSeconds");
const QString kCash = QStringLiteral("kiosk/staffedCash");
const QString kTerminal = QStringLiteral("kiosk/terminalId");
const QString kDevice = QStringLiteral("kiosk/deviceName");
const QString kVenue = QStringLiteral("kiosk/venueId");
const QString kPin = QStringLiteral("kiosk/pinHash");
const QString kPrinter = QStringLiteral("printing/printer");
const QString kPdfDir = QStringLiteral("printing/pdfDirectory");
const QString kPaper = QStringLiteral("printing/ticketPaper");

} // namespace

KioskSettings KioskSettings::load(const QString& path)
{
    const QSettings s(path, QSettings::IniFormat);
    KioskSettings k;
    k.idleSeconds = std::clamp(s.value(kIdle, k.idleSeconds).toInt(), kMinIdleSeconds, kMaxIdleSeconds);
    k.warningSeconds = std::clamp(s.value(kWarning, k.warningSeconds).toInt(), 5, 120);
    k.staffedCash = s.value(kCash, false).toBool();
    k.terminalId = s.value(kTerminal).toString();
    k.deviceName = s.value(kDevice).toString();
    k.venueId = s.value(kVenue).toString();
    k.pinHash = s.value(kPin).toString();
    k.print.printerName = s.value(kPrinter).toString();
    k.print.pdfDirectory = s.value(kPdfDir).toString();
    if (k.print.pdfDirectory.isEmpty())
        k.print.pdfDirectory = QDir(QFileInfo(path).absolutePath()).filePath(QStringLiteral("printed"));
    k.print.ticketPaper = printing::paperFromKey(s.value(kPaper).toString(), printing::Paper::A6);
    return k;
}

bool KioskSettings::save(const QString& path, QString* error) const
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QSettings s(path, QSettings::IniFormat);
    s.setValue(kIdle, idleSeconds);
    s.setValue(kWarning, warningSeconds);
    s.setValue(kCash, staffedCash);
    s.setValue(kTerminal, terminalId);
    s.setValue(kDevice, deviceName);
    s.setValue(kVenue, venueId);
    s.setValue(kPin, pinHash);
    s.setValue(kPrinter, print.printerName);
    s.setValue(kPdfDir, print.pdfDirectory);
    s.setValue(kPaper, printing::paperKey(print.ticketPaper));
    s.sync();
    if (s.status() != QSettings::NoError) {
        if (error)
            *error = QDir::toNativeSeparators(path);
        return false;
    }
    return true;
}

QString KioskSettings::defaultPath(const QString& dataDir)
{
    const QString dir = dataDir.isEmpty() ? QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) : dataDir;
    return QDir(dir).filePath(QStringLiteral("kiosk.ini"));
}

bool isAcceptablePin(const QString& pin)
{
    return pin.size() >= 4 && pin.size() <= 12
        && std::all_of(pin.cbegin(), pin.cend(), [](QChar c) { return c >= QLatin1Char('0') && c <= QLatin1Char('9'); });
}

QString hashPin(const QString& pin)
{
    if (sodium_init() < 0)
        return {};
    const QByteArray bytes = pin.toUtf8();
    char out[crypto_pwhash_STRBYTES] = {};
    if (crypto_pwhash_str_alg(out, bytes.constData(), static_cast<unsigned long long>(bytes.size()),
                              crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE,
                              crypto_pwhash_ALG_ARGON2ID13)
        != 0)
        return {};
    return QString::fromLatin1(out);
}

bool pinMatches(const QString& hash, const QString& pin)
{
    if (hash.isEmpty() || sodium_init() < 0)
        return false;
    const QByteArray stored = hash.toLatin1();
    const QByteArray bytes = pin.toUtf8();
    return crypto_pwhash_str_verify(stored.constData(), bytes.constData(), static_cast<unsigned long long>(bytes.size()))
        == 0;
}

PinGate::PinGate(std::function<qint64()> nowMs) { setClock(std::move(nowMs)); }

void PinGate::setClock(std::function<qint64()> nowMs)
{
    m_now = nowMs ? std::move(nowMs) : [] { return QDateTime::currentMSecsSinceEpoch(); };
}

void PinGate::setStatePath(const QString& path)
{
    m_statePath = path;
    const QSettings s(path, QSettings::IniFormat);
    m_failures = std::max(0, s.value(QStringLiteral("pinGate/failures"), 0).toInt());
    m_lockedUntilMs = s.value(QStringLiteral("pinGate/lockedUntilMs"), 0).toLongLong();
}

void PinGate::saveState() const
{
    if (m_statePath.isEmpty())
        return;
    QSettings s(m_statePath, QSettings::IniFormat);
    s.setValue(QStringLiteral("pinGate/failures"), m_failures);
    s.setValue(QStringLiteral("pinGate/lockedUntilMs"), m_lockedUntilMs);
}

qint64 PinGate::lockedForMs() const { return std::max<qint64>(0, m_lockedUntilMs - m_now()); }

PinGate::Result PinGate::check(const QString& hash, const QString& pin)
{
    if (hash.isEmpty())
        return Result::NoPinSet;
    if (lockedForMs() > 0)
        return Result::LockedOut; // not even hashed: a locked keypad costs an attacker nothing to probe
    if (pinMatches(hash, pin)) {
        m_failures = 0;
        m_lockedUntilMs = 0;
        saveState();
        return Result::Accepted;
    }
    ++m_failures;
    if (m_failures >= kFreeAttempts) {
        const int doublings = std::min(m_failures - kFreeAttempts, 10);
        m_lockedUntilMs = m_now() + std::min(kMaxLockMs, kFirstLockMs << doublings);
    }
    saveState();
    return Result::Wrong;
}

} // namespace marquee::client::kiosk
