// One-click unsubscribe (RFC 8058, RFC 2369) for the mails a user opted into: the wishlist
// alerts and the weekly digest. A link names the user and the setting and carries an HMAC of
// both under a key kept in the database (migration 0031), so links need no row per mail and
// every server instance can check them. Answering it switches that one setting off, as
// unticking the box in the client's Recommendation Settings would.
#pragma once

#include <pqxx/pqxx>

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace marquee::server::mail {

// The recommendation_settings switches a mail can turn off.
enum class MailSetting : std::uint8_t {
    AlertSellingOut = 1,
    AlertPriceDrop = 2,
    AlertScheduleChange = 3,
    AlertCancelled = 4,
    WeeklyDigest = 5,
};

// The externally reachable base of the server's HTTP side (--public-url), e.g.
// "https://tickets.example.org"; set once at start-up. Empty (the default): mails carry no
// unsubscribe link, because a link to an address recipients can't reach is worse than none.
void setPublicBaseUrl(std::string url);
std::string publicBaseUrl();
// nullopt unless `url` is http(s)://host[:port][/path] without query or fragment; the result
// has no trailing '/'.
std::optional<std::string> normalisePublicBaseUrl(std::string_view url);

// The links of one alert or digest pass: the public URL and the key are read once, when it is
// made (reading server_secrets for every mail of a pass was the review's finding), so make one
// per pass, not one for the life of the process: a key rotated (UPDATE server_secrets) voids
// every link made before it, and the next pass signs with the new key.
class UnsubscribeLinks {
public:
    // Reads the key in `tx` only when the server has a public URL (without one there are no links).
    explicit UnsubscribeLinks(pqxx::transaction_base& tx);
    // "<base>/unsubscribe?t=<token>" for this user and setting, or empty without a public URL.
    std::string link(std::int64_t userId, MailSetting setting) const;

private:
    std::string m_base;
    std::array<unsigned char, 32> m_key{}; // crypto_auth_hmacsha256_KEYBYTES
};

struct UnsubscribeTarget {
    std::int64_t userId = 0;
    MailSetting setting{};
    std::string maskedAddress; // "z***@example.org": enough to recognise, not to harvest
    std::string language;      // users.language: the pages answer in it
    bool alreadyOff = false;
};

// The link's user and setting when the token is genuine and the user exists; nullopt for a
// malformed, forged or stale (key rotated) token, or a deleted user. Reads only.
std::optional<UnsubscribeTarget> checkUnsubscribe(pqxx::connection& conn, std::string_view token);
// Switches the setting off (idempotent; the user's other settings stay as they are) and
// returns what it switched off, or nullopt exactly when checkUnsubscribe would (nothing changes).
std::optional<UnsubscribeTarget> applyUnsubscribe(pqxx::connection& conn, std::string_view token);

// The HTTP side of a link (`GET|POST /unsubscribe?t=TOKEN`): GET shows what the link would
// switch off and a button that POSTs (a link scanner's GET must change nothing); POST, the
// button's or a mail client's RFC 8058 one-click, switches it off. A bad token is a 400 page
// and changes nothing. HTML in the user's language (docs/mail.md "Languages"); a link that
// names no user answers in the browser's `acceptLanguage` (the Accept-Language header).
struct UnsubscribeAnswer {
    unsigned status = 200;
    std::string html;
};
UnsubscribeAnswer answerUnsubscribe(pqxx::connection& conn, std::string_view token, bool apply,
                                    std::string_view acceptLanguage);
// The token of a request target "/unsubscribe?t=TOKEN" (other parameters ignored), or empty.
std::string unsubscribeToken(std::string_view target);

} // namespace marquee::server::mail
