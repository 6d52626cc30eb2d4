// Locale-aware formatting of event fields (time in the event's zone, money from minor units,
// status) shared by the list model and the detail pane.
#pragma once

#include "marquee/core/domain.hpp"

#include <QLocale>
#include <QString>

#include <optional>

namespace marquee::client::format {

// "Sat, 1 March 2030 20:00 CET" in the event's own time zone, the user's locale.
QString eventDateTime(qint64 utcMs, const QString& ianaZone, const QLocale& locale = QLocale(),
                      QLocale::FormatType format = QLocale::LongFormat, bool withZone = true);
// "€15.00 – €45.00", "Free", "€20.00"; amounts are integer minor units.
QString priceRange(qint64 minMinor, qint64 maxMinor, const QString& currency, const QLocale& locale = QLocale());
QString money(qint64 minor, const QString& currency, const QLocale& locale = QLocale());
QString status(core::EventStatus status); // empty for Scheduled
int currencyDigits(const QString& currency);
// "12.50" / "12,50" in the user's locale to minor units, without floating point; nullopt
// when it is not an amount with at most `digits` decimals.
std::optional<qint64> parseMoney(QString text, int digits);

} // namespace marquee::client::format
