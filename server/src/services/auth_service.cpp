// Accounts and sessions: Argon2id password hashes, throttled logins, hashed bearer tokens.
#include "services/api_internal.hpp"

#include "common/log.hpp"
#include "marquee/core/validation.hpp"
#include "marquee/protocol/conversions.hpp"

#include <sodium.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <mutex>
#include <stdexcept>

namespace marquee::server::detail {

namespace {

// OWASP's Argon2id floor is m=19 MiB, t=2; we use t=3, m=64 MiB (libsodium "moderate"-ish).
constexpr unsigned long long kPwhashOps = 3;
constexpr std::size_t kPwhashMem = 64u * 1024u * 1024u;
constexpr std::size_t kTokenBytes = 16; // 128-bit bearer tokens
constexpr std::size_t kMaxDisplayName = 100;

constexpr Statement kInsertUser{
    "auth_insert_user",
    "INSERT INTO users (email, display_name, password_hash, role, language) VALUES ($1, $2, $3, $4, $5) "
    "ON CONFLICT (email) DO NOTHING RETURNING id"};
// The account's mail language follows the client's UI language at each login and Hello.
constexpr Statement kSetLanguage{"auth_set_language",
                                 "UPDATE users SET language = $2 WHERE id = $1 AND language <> $2"};
constexpr Statement kFindUser{"auth_find_user",
                              "SELECT id, password_hash, role, email FROM users WHERE email = $1"};
constexpr Statement kInsertSession{
    "auth_insert_session",
    "INSERT INTO sessions (token_hash, user_id, expires_at) "
    "VALUES ($1, $2, now() + $3::bigint * interval '1 second') "
    "RETURNING (extract(epoch FROM expires_at) * 1000)::bigint"};
constexpr Statement kAuthenticate{
    "auth_authenticate",
    "SELECT u.id, u.role, u.email, (extract(epoch FROM s.expires_at) * 1000)::bigint "
    "FROM sessions s JOIN users u ON u.id = s.user_id "
    "WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > now()"};
constexpr Statement kRevoke{"auth_revoke",
                            "UPDATE sessions SET revoked_at = now() WHERE token_hash = $1 AND revoked_at IS NULL"};
constexpr Statement kNotifyRevoked{"auth_notify_revoked", "SELECT pg_notify('marquee_revoked', $1)"};
// Throttling (login_throttle). Every attempt is counted before the password is checked, in
// one transaction that holds the counter rows: parallel attempts queue on the row lock and
// each sees the ones before it. Lock returns the previous count and its age in ms; a new
// row starts at 0.
constexpr Statement kThrottleLock{
    "auth_throttle_lock",
    "INSERT INTO login_throttle AS t (key, failures, last_failure_at) VALUES ($1, 0, now()) "
    "ON CONFLICT (key) DO UPDATE SET failures = t.failures "
    "RETURNING failures, (extract(epoch FROM now() - last_failure_at) * 1000)::bigint"};
// Failures older than forgetAfterMs count as none.
constexpr Statement kThrottleFail{
    "auth_throttle_fail",
    "UPDATE login_throttle AS t SET failures = CASE WHEN t.last_failure_at < now() - $2::bigint * "
    "interval '1 millisecond' THEN 1 ELSE t.failures + 1 END, last_failure_at = now() WHERE key = $1"};
// A successful login takes back the attempt it counted against its address.
constexpr Statement kThrottleForgive{"auth_throttle_forgive",
                                     "UPDATE login_throttle SET failures = greatest(failures - 1, 0) WHERE key = $1"};
constexpr Statement kThrottleReset{"auth_throttle_reset", "DELETE FROM login_throttle WHERE key = $1"};

std::string hashPassword(std::string_view password) {
    std::array<char, crypto_pwhash_STRBYTES> out{};
    if (crypto_pwhash_str(out.data(), password.data(), password.size(), kPwhashOps, kPwhashMem) != 0)
        throw std::runtime_error("crypto_pwhash_str failed (out of memory)");
    return std::string(out.data());
}

bool verifyPassword(const std::string& hash, std::string_view password) {
    return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

// A real hash of a random password, verified against for unknown e-mails so that a login
// for a missing account costs the same time as one for an existing account.
const std::string& dummyHash() {
    static std::once_flag once;
    static std::string hash;
    std::call_once(once, [] {
        std::array<unsigned char, 16> random{};
        randombytes_buf(random.data(), random.size());
        hash = hashPassword(toHex(std::string_view(reinterpret_cast<const char*>(random.data()), random.size())));
    });
    return hash;
}

std::string tokenHash(std::string_view rawToken) { return sha256(rawToken); }

v1::Session newSession(pqxx::work& tx, const Api::Options& options, std::int64_t userId, core::Role role,
                       const std::string& email) {
    std::array<unsigned char, kTokenBytes> raw{};
    randombytes_buf(raw.data(), raw.size());
    const std::string rawToken(reinterpret_cast<const char*>(raw.data()), raw.size());
    const auto lifetime = std::chrono::duration_cast<std::chrono::seconds>(options.sessionLifetime).count();
    const auto row = exec(tx, kInsertSession, toBinary(tokenHash(rawToken)), userId, static_cast<std::int64_t>(lifetime));
    v1::Session session;
    session.set_token(toHex(rawToken));
    session.set_user_id(userId);
    session.set_role(protocol::toProto(role));
    session.set_email(email);
    session.set_expires_at_ms(row[0][0].as<std::int64_t>());
    return session;
}

void requireValid(const core::ValidationErrors& errors) {
    if (errors.empty()) return;
    fail(v1::INVALID_ARGUMENT, errors.front().field + " " + errors.front().message, {{"field", errors.front().field}});
}

std::string normalizedValidEmail(std::string_view email) {
    auto normalized = core::normalizeEmail(email);
    if (!core::isValidEmail(normalized) || !core::isValidUtf8(normalized))
        fail(v1::INVALID_ARGUMENT, "email is not a valid e-mail address", {{"field", "email"}});
    return normalized;
}

std::string cleanDisplayName(std::string_view name) {
    const auto begin = name.find_first_not_of(" \t\r\n");
    if (begin == std::string_view::npos) return {};
    const auto end = name.find_last_not_of(" \t\r\n");
    std::string out(name.substr(begin, end - begin + 1));
    if (!core::isValidUtf8(out) || out.size() > kMaxDisplayName)
        fail(v1::INVALID_ARGUMENT, "display_name must be valid UTF-8 of at most 100 bytes", {{"field", "display_name"}});
    return out;
}

// Locks the counter, refuses when it is in its back-off, otherwise counts this attempt.
// Returns the wait in ms (0: go ahead).
std::int64_t countAttempt(pqxx::work& tx, const core::LoginThrottlePolicy& policy, const std::string& key) {
    const auto row = exec(tx, kThrottleLock, key)[0];
    const auto ageMs = row[1].as<std::int64_t>();
    const std::int64_t waitMs = ageMs >= policy.forgetAfterMs ? 0 : policy.lockoutMs(row[0].as<int>()) - ageMs;
    if (waitMs > 0) return waitMs;
    exec(tx, kThrottleFail, key, policy.forgetAfterMs);
    return 0;
}

[[noreturn]] void failThrottled(std::int64_t waitMs, const char* what) {
    fail(v1::RESOURCE_EXHAUSTED, std::string("too many ") + what + "; try again later",
         {{"retry_after_ms", std::to_string(waitMs)}});
}

// What RegisterRequest and `create-user` both check before hashing.
struct NewAccount {
    std::string email;
    std::string displayName;
    std::string language = "en";
};

NewAccount checkNewAccount(std::string_view email, std::string_view password, std::string_view displayName,
                           std::string_view language) {
    NewAccount account;
    account.email = normalizedValidEmail(email);
    requireValid(core::validatePassword(password));
    account.displayName = cleanDisplayName(displayName);
    account.language = mailLanguageOf(language).value_or("en");
    return account;
}

// Inserts the user; nullopt when the e-mail is taken.
std::optional<std::int64_t> insertUser(pqxx::work& tx, const NewAccount& account, const std::string& hash,
                                       core::Role role) {
    const auto rows = exec(tx, kInsertUser, account.email, account.displayName, hash, std::string(core::roleName(role)),
                           account.language);
    if (rows.empty()) return std::nullopt;
    return rows[0][0].as<std::int64_t>();
}

ApiStep sessionAnswer(v1::Session session) {
    return answered([&](v1::Envelope& out) { *out.mutable_session() = std::move(session); });
}

} // namespace

// The mail language of a Register/Login language field ("de", "de-AT", "fr_CH", "en"): one the
// server has mails in, English for any other well-formed tag (a client in a language the mails
// don't speak still logs in), nullopt when empty (keep the account's), INVALID_ARGUMENT for
// anything that is not a language tag.
std::optional<std::string> mailLanguageOf(std::string_view tag) {
    if (tag.empty()) return std::nullopt;
    const bool wellFormed = tag.size() <= 35 && std::all_of(tag.begin(), tag.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    });
    if (!wellFormed) fail(v1::INVALID_ARGUMENT, "language must be a language tag such as de, fr or en", {{"field", "language"}});
    std::string primary(tag.substr(0, tag.find_first_of("-_")));
    for (auto& c : primary) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return primary == "de" || primary == "fr" ? primary : std::string("en");
}

void setMailLanguage(pqxx::transaction_base& tx, std::int64_t userId, const std::string& language) {
    exec(tx, kSetLanguage, userId, language);
}

ApiStep registerUser(const Api::Options& options, const RequestMeta& meta, const v1::RegisterRequest& request) {
    auto account = checkNewAccount(request.email(), request.password(), request.display_name(), request.language());
    const auto addressKey = "reg:" + meta.throttleAddress();
    ApiStep step;
    // 1. Count the attempt per address (before any hashing work), 2. hash without a
    // connection, 3. insert.
    step.db = [options, account = std::move(account), addressKey, password = request.password()](pqxx::connection& conn) {
        {
            pqxx::work tx(conn);
            if (const auto waitMs = countAttempt(tx, options.registrationThrottle, addressKey); waitMs > 0)
                failThrottled(waitMs, "registrations from this address");
            tx.commit();
        }
        ApiStep hashStep;
        hashStep.cpu = [options, account, password] {
            ApiStep insertStep;
            insertStep.db = [options, account, hash = hashPassword(password)](pqxx::connection& c) {
                pqxx::work tx(c);
                const auto userId = insertUser(tx, account, hash, core::Role::Attendee);
                if (!userId)
                    fail(v1::ALREADY_EXISTS, "an account with this e-mail address already exists", {{"field", "email"}});
                auto session = newSession(tx, options, *userId, core::Role::Attendee, account.email);
                tx.commit();
                return sessionAnswer(std::move(session));
            };
            return insertStep;
        };
        return hashStep;
    };
    return step;
}

ApiStep login(const Api::Options& options, const RequestMeta& meta, const v1::LoginRequest& request) {
    struct Attempt {
        std::string email;
        std::string accountKey;
        std::string addressKey;
        std::optional<std::int64_t> userId;
        std::string hash;
        core::Role role = core::Role::Attendee;
        std::optional<std::string> language;
    };
    Attempt attempt;
    attempt.language = mailLanguageOf(request.language());
    attempt.email = core::normalizeEmail(request.email());
    attempt.accountKey = "acct:" + attempt.email;
    attempt.addressKey = "addr:" + meta.throttleAddress();

    ApiStep step;
    step.db = [options, attempt = std::move(attempt), password = request.password()](pqxx::connection& conn) mutable {
        {
            // The attempt counts as a failure until the password is verified; always account
            // first, then address, so two logins never lock the rows in opposite orders.
            pqxx::work tx(conn);
            std::int64_t waitMs = countAttempt(tx, options.throttle, attempt.accountKey);
            if (waitMs == 0) waitMs = countAttempt(tx, options.throttle, attempt.addressKey);
            if (waitMs > 0) failThrottled(waitMs, "failed logins");
            const auto rows = exec(tx, kFindUser, attempt.email);
            attempt.hash = dummyHash();
            if (!rows.empty()) {
                attempt.userId = rows[0][0].as<std::int64_t>();
                attempt.hash = rows[0][1].as<std::string>();
                attempt.role = core::roleFromName(rows[0][2].as<std::string>()).value_or(core::Role::Attendee);
            }
            tx.commit();
        }
        ApiStep verifyStep;
        verifyStep.cpu = [options, attempt, password] {
            // Always verify, even for an unknown e-mail, so timing does not reveal which accounts exist.
            const bool passwordOk = verifyPassword(attempt.hash, password);
            if (!attempt.userId || !passwordOk) fail(v1::UNAUTHENTICATED, "wrong e-mail address or password");
            ApiStep sessionStep;
            sessionStep.db = [options, attempt](pqxx::connection& c) {
                pqxx::work tx(c);
                exec(tx, kThrottleReset, attempt.accountKey);
                exec(tx, kThrottleForgive, attempt.addressKey);
                if (attempt.language) setMailLanguage(tx, *attempt.userId, *attempt.language);
                auto session = newSession(tx, options, *attempt.userId, attempt.role, attempt.email);
                tx.commit();
                return sessionAnswer(std::move(session));
            };
            return sessionStep;
        };
        return verifyStep;
    };
    return step;
}
v1::Ack logout(pqxx::connection& conn, const Principal& who) {
    if (!who.isAuthenticated()) fail(v1::UNAUTHENTICATED, "not logged in");
    const auto hash = fromHex(who.tokenHash);
    if (!hash) fail(v1::UNAUTHENTICATED, "not logged in");
    pqxx::work tx(conn);
    exec(tx, kRevoke, toBinary(*hash));
    // Every instance closes its other open connections with this token (after commit).
    exec(tx, kNotifyRevoked, who.tokenHash);
    tx.commit();
    return v1::Ack{};
}

std::optional<Principal> authenticate(pqxx::connection& conn, std::string_view bearerToken) {
    if (bearerToken.size() != kTokenBytes * 2) return std::nullopt;
    const auto raw = fromHex(bearerToken);
    if (!raw) return std::nullopt;
    const auto hash = tokenHash(*raw);
    pqxx::read_transaction tx(conn);
    const auto rows = exec(tx, kAuthenticate, toBinary(hash));
    if (rows.empty()) return std::nullopt;
    Principal who;
    who.userId = rows[0][0].as<std::int64_t>();
    who.role = core::roleFromName(rows[0][1].as<std::string>()).value_or(core::Role::Attendee);
    who.email = rows[0][2].as<std::string>();
    who.tokenHash = toHex(hash);
    who.expiresAtMs = rows[0][3].as<std::int64_t>();
    return who;
}

std::int64_t createUser(pqxx::connection& conn, std::string_view email, std::string_view password, core::Role role,
                        std::string_view displayName) {
    if (role == core::Role::Anonymous) throw std::invalid_argument("role must be attendee, staff, organizer or admin");
    NewAccount account;
    try {
        account = checkNewAccount(email, password, displayName, "en");
    } catch (const ApiError& e) {
        throw std::invalid_argument(e.message);
    }
    const auto hash = hashPassword(password);
    pqxx::work tx(conn);
    const auto userId = insertUser(tx, account, hash, role);
    if (!userId) throw std::invalid_argument("an account with e-mail " + account.email + " already exists");
    tx.commit();
    return *userId;
}

} // namespace marquee::server::detail
