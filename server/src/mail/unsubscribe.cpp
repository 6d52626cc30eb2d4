// One-click unsubscribe links (see unsubscribe.hpp). Token: base64url of
// [version 1][user id, 8 bytes big-endian][setting][HMAC-SHA-256 of the first 10 bytes].
#include "mail/unsubscribe.hpp"

#include "mail/mail_language.hpp"
#include "mail/notifications.hpp"

#include <sodium.h>

#include <array>
#include <mutex>
#include <stdexcept>

namespace marquee::server::mail {
namespace {

constexpr std::uint8_t kTokenVersion = 1;
constexpr std::size_t kSignedBytes = 10;
constexpr std::size_t kTokenBytes = kSignedBytes + crypto_auth_hmacsha256_BYTES;
constexpr std::size_t kMaxTokenText = 128;

std::mutex g_baseMutex;
std::string g_base;

using Key = std::array<unsigned char, crypto_auth_hmacsha256_KEYBYTES>;

Key unsubscribeKey(pqxx::transaction_base& tx) {
    const auto rows = tx.exec("SELECT secret FROM server_secrets WHERE name = 'mail_unsubscribe'");
    if (rows.empty()) throw std::runtime_error("server_secrets has no mail_unsubscribe key (migration 0031)");
    const pqxx::binarystring secret(rows[0][0]);
    if (secret.size() < Key{}.size()) throw std::runtime_error("the mail_unsubscribe key is too short");
    Key key{};
    std::copy_n(secret.data(), key.size(), key.begin());
    return key;
}

std::optional<MailSetting> settingFromByte(std::uint8_t byte) {
    if (byte < 1 || byte > 5) return std::nullopt;
    return static_cast<MailSetting>(byte);
}

// The column behind each setting: a closed set, never built from input.
const char* settingColumn(MailSetting setting) {
    switch (setting) {
    case MailSetting::AlertSellingOut: return "alert_selling_out";
    case MailSetting::AlertPriceDrop: return "alert_price_drop";
    case MailSetting::AlertScheduleChange: return "alert_schedule_change";
    case MailSetting::AlertCancelled: return "alert_cancelled";
    case MailSetting::WeeklyDigest: return "weekly_digest";
    }
    throw std::logic_error("unknown mail setting");
}

// recommendation_settings' defaults: every alert on, the digest off.
bool settingDefault(MailSetting setting) { return setting != MailSetting::WeeklyDigest; }

std::string maskAddress(const std::string& address) {
    const auto at = address.find('@');
    if (at == std::string::npos || at == 0) return "***";
    // The first whole UTF-8 character (an internationalised address may start with "é").
    std::size_t first = 1;
    while (first < at && (static_cast<unsigned char>(address[first]) & 0xC0) == 0x80) ++first;
    return address.substr(0, first) + "***" + address.substr(at);
}

struct Decoded {
    std::int64_t userId = 0;
    MailSetting setting{};
};

std::optional<Decoded> decodeToken(pqxx::transaction_base& tx, std::string_view token) {
    if (token.empty() || token.size() > kMaxTokenText) return std::nullopt;
    std::array<unsigned char, kTokenBytes> raw{};
    std::size_t length = 0;
    if (sodium_base642bin(raw.data(), raw.size(), token.data(), token.size(), nullptr, &length, nullptr,
                          sodium_base64_VARIANT_URLSAFE_NO_PADDING) != 0 ||
        length != kTokenBytes || raw[0] != kTokenVersion)
        return std::nullopt;
    const auto key = unsubscribeKey(tx);
    if (crypto_auth_hmacsha256_verify(raw.data() + kSignedBytes, raw.data(), kSignedBytes, key.data()) != 0)
        return std::nullopt;
    std::uint64_t user = 0;
    for (std::size_t i = 1; i < 9; ++i) user = (user << 8) | raw[i];
    const auto setting = settingFromByte(raw[9]);
    if (!setting || user == 0 || user > static_cast<std::uint64_t>(INT64_MAX)) return std::nullopt;
    return Decoded{static_cast<std::int64_t>(user), *setting};
}

// The user's address and the setting's current value, or nullopt for a deleted user.
std::optional<UnsubscribeTarget> lookUp(pqxx::transaction_base& tx, const Decoded& decoded) {
    const auto rows = tx.exec_params(std::string("SELECT u.email, u.language, r.") + settingColumn(decoded.setting) +
                                         " FROM users u LEFT JOIN recommendation_settings r ON r.user_id = u.id "
                                         "WHERE u.id = $1",
                                     decoded.userId);
    if (rows.empty()) return std::nullopt;
    UnsubscribeTarget target;
    target.userId = decoded.userId;
    target.setting = decoded.setting;
    target.maskedAddress = maskAddress(rows[0][0].as<std::string>());
    target.language = rows[0][1].as<std::string>();
    target.alreadyOff = !(rows[0][2].is_null() ? settingDefault(decoded.setting) : rows[0][2].as<bool>());
    return target;
}

std::string page(const MailLanguage& lang, const std::string& title, const std::string& bodyHtml) {
    return "<!DOCTYPE html>\n<html lang=\"" + lang.code() + "\"><head><meta charset=\"utf-8\">"
           "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>" +
           htmlEscape(title) + "</title></head>\n<body style=\"font-family: sans-serif; max-width: 36em; margin: 3em auto\">"
           "\n<h1>" + htmlEscape(title) + "</h1>\n" + bodyHtml + "\n</body></html>\n";
}

std::string paragraph(const std::string& text) { return "<p>" + htmlEscape(text) + "</p>\n"; }

} // namespace

void setPublicBaseUrl(std::string url) {
    const std::lock_guard lock(g_baseMutex);
    g_base = std::move(url);
}

std::string publicBaseUrl() {
    const std::lock_guard lock(g_baseMutex);
    return g_base;
}

std::optional<std::string> normalisePublicBaseUrl(std::string_view url) {
    std::string_view rest;
    if (url.rfind("https://", 0) == 0) rest = url.substr(8);
    else if (url.rfind("http://", 0) == 0) rest = url.substr(7);
    else return std::nullopt;
    if (rest.empty() || rest.front() == '/' || url.size() > 512) return std::nullopt;
    for (const char c : url)
        if (c <= ' ' || c == '?' || c == '#' || c == '<' || c == '>' || c == '"' || c == '\\' || c == 0x7f)
            return std::nullopt;
    std::string result(url);
    while (result.back() == '/') result.pop_back();
    return result;
}

UnsubscribeLinks::UnsubscribeLinks(pqxx::transaction_base& tx) : m_base(publicBaseUrl()) {
    static_assert(sizeof(m_key) == crypto_auth_hmacsha256_KEYBYTES);
    if (!m_base.empty()) m_key = unsubscribeKey(tx);
}

std::string UnsubscribeLinks::link(std::int64_t userId, MailSetting setting) const {
    if (m_base.empty()) return {};
    if (userId <= 0) throw std::invalid_argument("an unsubscribe link needs a user");
    std::array<unsigned char, kTokenBytes> raw{};
    raw[0] = kTokenVersion;
    const auto user = static_cast<std::uint64_t>(userId);
    for (std::size_t i = 0; i < 8; ++i) raw[1 + i] = static_cast<unsigned char>(user >> (8 * (7 - i)));
    raw[9] = static_cast<unsigned char>(setting);
    crypto_auth_hmacsha256(raw.data() + kSignedBytes, raw.data(), kSignedBytes, m_key.data());
    std::array<char, sodium_base64_ENCODED_LEN(kTokenBytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING)> text{};
    sodium_bin2base64(text.data(), text.size(), raw.data(), raw.size(), sodium_base64_VARIANT_URLSAFE_NO_PADDING);
    return m_base + "/unsubscribe?t=" + text.data();
}

std::optional<UnsubscribeTarget> checkUnsubscribe(pqxx::connection& conn, std::string_view token) {
    pqxx::read_transaction tx(conn);
    const auto decoded = decodeToken(tx, token);
    return decoded ? lookUp(tx, *decoded) : std::nullopt;
}

std::optional<UnsubscribeTarget> applyUnsubscribe(pqxx::connection& conn, std::string_view token) {
    pqxx::work tx(conn);
    const auto decoded = decodeToken(tx, token);
    if (!decoded) return std::nullopt;
    auto target = lookUp(tx, *decoded);
    if (!target) return std::nullopt;
    if (!target->alreadyOff) {
        const std::string column = settingColumn(decoded->setting);
        tx.exec_params("INSERT INTO recommendation_settings (user_id, " + column + ") VALUES ($1, false) "
                       "ON CONFLICT (user_id) DO UPDATE SET " + column + " = false, updated_at = now()",
                       decoded->userId);
    }
    tx.commit();
    return target;
}

namespace {

// What the setting switches off, in words ("the weekly digest of recommended events").
std::string describeSetting(const MailLanguage& lang, MailSetting setting) {
    switch (setting) {
    case MailSetting::AlertSellingOut: return lang.tr("wishlist alerts when events are about to sell out");
    case MailSetting::AlertPriceDrop: return lang.tr("wishlist alerts when events drop in price");
    case MailSetting::AlertScheduleChange: return lang.tr("wishlist alerts when events change date or venue");
    case MailSetting::AlertCancelled: return lang.tr("wishlist alerts when events are cancelled");
    case MailSetting::WeeklyDigest: return lang.tr("the weekly digest of recommended events");
    }
    return {};
}

} // namespace

} // namespace marquee::server::mail

namespace marquee::server::mail {

UnsubscribeAnswer answerUnsubscribe(pqxx::connection& conn, std::string_view token, bool apply,
                                    std::string_view acceptLanguage) {
    const auto target = apply ? applyUnsubscribe(conn, token) : checkUnsubscribe(conn, token);
    if (!target) {
        // No account to ask: the browser's first preference (Accept-Language: "de-DE,de;q=0.9").
        const auto& lang = MailLanguage::of(acceptLanguage.substr(0, acceptLanguage.find_first_of(",;")));
        return {400, page(lang, lang.tr("This link does not work"),
                          paragraph(lang.tr("The unsubscribe link is incomplete, out of date or belongs to an account "
                                            "that no longer exists. Nothing was changed.")) +
                              paragraph(lang.tr("You can switch off any Marquee mail in the client: open "
                                                "Recommendation Settings and untick it.")))};
    }
    const auto& lang = MailLanguage::of(target->language);
    const auto what = describeSetting(lang, target->setting);
    if (apply)
        return {200, page(lang, lang.tr("You are unsubscribed"),
                          paragraph(lang.tr("{1} will no longer get {2}.", target->maskedAddress, what)) +
                              paragraph(lang.tr("Your other mail settings are unchanged. To switch it on again, tick "
                                                "it in the client's Recommendation Settings.")))};
    if (target->alreadyOff)
        return {200, page(lang, lang.tr("Already unsubscribed"),
                          paragraph(lang.tr("{1} does not get {2}.", target->maskedAddress, what)) +
                              paragraph(lang.tr("Nothing to do.")))};
    return {200, page(lang, lang.tr("Unsubscribe?"),
                      paragraph(lang.tr("Stop sending {1} to {2}?", what, target->maskedAddress)) +
                          "<form method=\"post\"><input type=\"hidden\" name=\"List-Unsubscribe\" "
                          "value=\"One-Click\"><button type=\"submit\">" + htmlEscape(lang.tr("Unsubscribe")) +
                          "</button></form>\n")};
}

std::string unsubscribeToken(std::string_view target) {
    const auto query = target.find('?');
    if (query == std::string_view::npos) return {};
    auto rest = target.substr(query + 1);
    while (!rest.empty()) {
        const auto amp = rest.find('&');
        const auto param = rest.substr(0, amp);
        if (param.rfind("t=", 0) == 0) return std::string(param.substr(2));
        if (amp == std::string_view::npos) break;
        rest.remove_prefix(amp + 1);
    }
    return {};
}

} // namespace marquee::server::mail
