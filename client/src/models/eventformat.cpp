// Formatting helpers; translated strings use the "EventFormat" context.
#include "models/eventformat.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QRegularExpression>
#include <QTimeZone>

#include <cmath>

namespace marquee::client::format {

namespace {

QString symbolFor(const QString& currency, const QLocale& locale)
{
    if (currency == locale.currencySymbol(QLocale::CurrencyIsoCode))
        return locale.currencySymbol(QLocale::CurrencySymbol);
    // Symbols that are unambiguous for our markets; otherwise the ISO code is clearest.
    if (currency == QLatin1String("EUR"))
        return QStringLiteral("€");
    if (currency == QLatin1String("GBP"))
        return QStringLiteral("£");
    if (currency == QLatin1String("USD"))
        return QStringLiteral("US$");
    if (currency == QLatin1String("JPY"))
        return QStringLiteral("¥");
    return currency;
}

} // namespace

int currencyDigits(const QString& currency)
{
    // ISO 4217 minor units for the exceptions; two digits otherwise.
    static const QStringList zero{QStringLiteral("JPY"), QStringLiteral("KRW"), QStringLiteral("ISK"),
                                  QStringLiteral("CLP"), QStringLiteral("VND"), QStringLiteral("HUF")};
    static const QStringList three{QStringLiteral("BHD"), QStringLiteral("KWD"), QStringLiteral("OMR"),
                                   QStringLiteral("JOD"), QStringLiteral("TND")};
    if (zero.contains(currency))
        return 0;
    if (three.contains(currency))
        return 3;
    return 2;
}

QString money(qint64 minor, const QString& currency, const QLocale& locale)
{
    const int digits = currencyDigits(currency);
    const double amount = static_cast<double>(minor) / std::pow(10.0, digits);
    return locale.toCurrencyString(amount, symbolFor(currency, locale), digits);
}

QString priceRange(qint64 minMinor, qint64 maxMinor, const QString& currency, const QLocale& locale)
{
    if (maxMinor == 0)
        return QCoreApplication::translate("EventFormat", "Free");
    if (minMinor == maxMinor)
        return money(maxMinor, currency, locale);
    return QCoreApplication::translate("EventFormat", "%1 – %2", "price range")
        .arg(money(minMinor, currency, locale), money(maxMinor, currency, locale));
}

QString eventDateTime(qint64 utcMs, const QString& ianaZone, const QLocale& locale, QLocale::FormatType format, bool withZone)
{
    const QTimeZone zone(ianaZone.toUtf8());
    const QDateTime utc = QDateTime::fromMSecsSinceEpoch(utcMs, Qt::UTC);
    const QDateTime local = zone.isValid() ? utc.toTimeZone(zone) : utc.toLocalTime();
    // Date in the requested length, time always short: seconds mean nothing for an event.
    QString text = locale.toString(local.date(), format) + QLatin1Char(' ') + locale.toString(local.time(), QLocale::ShortFormat);
    if (zone.isValid() && withZone)
        text += QLatin1Char(' ') + zone.displayName(local, QTimeZone::ShortName, locale);
    return text;
}

QString status(core::EventStatus s)
{
    switch (s) {
    case core::EventStatus::Cancelled:
        return QCoreApplication::translate("EventFormat", "Cancelled");
    case core::EventStatus::Postponed:
        return QCoreApplication::translate("EventFormat", "Postponed");
    case core::EventStatus::SoldOut:
        return QCoreApplication::translate("EventFormat", "Sold out");
    case core::EventStatus::Scheduled:
        break;
    }
    return {};
}

std::optional<qint64> parseMoney(QString text, int digits)
{
    const QLocale locale;
    text = text.trimmed().remove(locale.groupSeparator());
    if (text.isEmpty())
        return std::nullopt;
    text.replace(locale.decimalPoint(), QStringLiteral("."));
    static const QRegularExpression pattern(QStringLiteral("^(\\d{1,9})(?:\\.(\\d{0,3}))?$"));
    const auto match = pattern.match(text);
    if (!match.hasMatch() || match.captured(2).size() > digits)
        return std::nullopt;
    qint64 minor = match.captured(1).toLongLong();
    QString fraction = match.captured(2);
    fraction = fraction.leftJustified(digits, QLatin1Char('0'));
    for (int i = 0; i < digits; ++i)
        minor *= 10;
    return minor + (digits > 0 ? fraction.toLongLong() : 0);
}

} // namespace marquee::client::format
