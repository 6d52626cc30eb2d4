// Accounts and sessions: Argon2id password hashes, throttled logins, hashed bearer tokens.
#include "services/api_internal.hpp"

#include "common/log.hpp"
#include "marquee/core/validation.hpp"
#include "marquee/protocol/conversions.hpp"

#include <sodium.h>

#include <array>
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
    "INSERT INTO users (email, display_name, password_hash, role) VALUES ($1, $2, $3, $4) "
    "ON CONFLICT (email) DO NOTHING RETURNING id"};
constexpr Statement kFindUser{"auth_find_user",
                              "SELECT id, password_hash, role, email FROM users WHERE email = $1"};
constexpr Statement kInsertSession{
    "auth_insert_session",
    "INSERT INTO sessions (token_hash, user_id, expires_at) "
    "VALUES ($1, $2, now() + $3::bigint * interval '1 second') "
    "RETURNING (extract(epoch FROM expires_at) * 1000)::bigint"};
constexpr Statement kAuthenticate{
    "auth_authenticate",
    "SELECT u.id, u.role, u.email FROM sessions s JOIN users u ON u.id = s.user_id "
    "WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > now()"};
constexpr Statement kRevoke{"auth_revoke",
                            "UPDATE sessions SET revoked_at = now() WHERE token_hash = $1 AND revoked_at IS NULL"};
// Failures older than forgetAfterMs count as none; ages in milliseconds.
constexpr Statement kThrottleRead{
    "auth_throttle_read",
    "SELECT key, failures, (extract(epoch FROM now() - last_failure_at) * 1000)::bigint "
    "FROM login_throttle WHERE key = $1 OR key = $2"};
constexpr Statement kThrottleFail{
    "auth_throttle_fail",
    "INSERT INTO login_throttle AS t (key, failures, last_failure_at) VALUES ($1, 1, now()) "
    "ON CONFLICT (key) DO UPDATE SET failures = CASE WHEN t.last_failure_at < now() - $2::bigint * "
    "interval '1 millisecond' THEN 1 ELSE t.failures + 1 END, last_failure_at = now()"};
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

std::string tokenHash(std::string_view rawToken) {
    std::array<unsigned char, crypto_hash_sha256_BYTES> digest{};
    crypto_hash_sha256(digest.data(), reinterpret_cast<const unsigned char*>(rawToken.data()), rawToken.size());
    return std::string(reinterpret_cast<const char*>(digest.data()), digest.size());
}

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

} // namespace

v1::Session registerUser(pqxx::connection& conn, const Api::Options& options, const v1::RegisterRequest& request) {
    const auto email = normalizedValidEmail(request.email());
    requireValid(core::validatePassword(request.password()));
    const auto displayName = cleanDisplayName(request.display_name());
    const auto hash = hashPassword(request.password()); // slow on purpose: outside any transaction

    pqxx::work tx(conn);
    const auto inserted = exec(tx, kInsertUser, email, displayName, hash, std::string(core::roleName(core::Role::Attendee)));
    if (inserted.empty()) fail(v1::ALREADY_EXISTS, "an account with this e-mail address already exists", {{"field", "email"}});
    auto session = newSession(tx, options, inserted[0][0].as<std::int64_t>(), core::Role::Attendee, email);
    tx.commit();
    return session;
}

v1::Session login(pqxx::connection& conn, const Api::Options& options, const RequestMeta& meta,
                  const v1::LoginRequest& request) {
    const auto& policy = options.throttle;
    const std::string email = core::normalizeEmail(request.email());
    const std::string accountKey = "acct:" + email;
    const std::string addressKey = "addr:" + meta.peerAddress;

    {
        pqxx::read_transaction tx(conn);
        std::int64_t waitMs = 0;
        for (const auto& row : exec(tx, kThrottleRead, accountKey, addressKey)) {
            const auto ageMs = row[2].as<std::int64_t>();
            if (ageMs >= policy.forgetAfterMs) continue;
            const auto lockout = policy.lockoutMs(row[1].as<int>());
            waitMs = std::max(waitMs, lockout - ageMs);
        }
        if (waitMs > 0)
            fail(v1::RESOURCE_EXHAUSTED, "too many failed logins; try again later",
                 {{"retry_after_ms", std::to_string(waitMs)}});
    }

    std::optional<std::int64_t> userId;
    std::string hash = dummyHash();
    core::Role role = core::Role::Attendee;
    {
        pqxx::read_transaction tx(conn);
        const auto rows = exec(tx, kFindUser, email);
        if (!rows.empty()) {
            userId = rows[0][0].as<std::int64_t>();
            hash = rows[0][1].as<std::string>();
            role = core::roleFromName(rows[0][2].as<std::string>()).value_or(core::Role::Attendee);
        }
    }
    // Always verify, even for an unknown e-mail, so timing does not reveal which accounts exist.
    const bool passwordOk = verifyPassword(hash, request.password());

    pqxx::work tx(conn);
    if (!userId || !passwordOk) {
        exec(tx, kThrottleFail, accountKey, policy.forgetAfterMs);
        exec(tx, kThrottleFail, addressKey, policy.forgetAfterMs);
        tx.commit();
        fail(v1::UNAUTHENTICATED, "wrong e-mail address or password");
    }
    exec(tx, kThrottleReset, accountKey);
    auto session = newSession(tx, options, *userId, role, email);
    tx.commit();
    return session;
}

v1::Ack logout(pqxx::connection& conn, const Principal& who) {
    if (!who.isAuthenticated()) fail(v1::UNAUTHENTICATED, "not logged in");
    const auto hash = fromHex(who.tokenHash);
    if (!hash) fail(v1::UNAUTHENTICATED, "not logged in");
    pqxx::work tx(conn);
    exec(tx, kRevoke, toBinary(*hash));
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
    return who;
}

std::int64_t createUser(pqxx::connection& conn, std::string_view email, std::string_view password, core::Role role,
                        std::string_view displayName) {
    const auto normalized = core::normalizeEmail(email);
    if (!core::isValidEmail(normalized)) throw std::invalid_argument("'" + std::string(email) + "' is not a valid e-mail address");
    if (const auto errors = core::validatePassword(password); !errors.empty())
        throw std::invalid_argument("password " + errors.front().message);
    if (role == core::Role::Anonymous) throw std::invalid_argument("role must be attendee, staff, organizer or admin");
    const auto hash = hashPassword(password);
    pqxx::work tx(conn);
    const auto rows = exec(tx, kInsertUser, normalized, std::string(displayName), hash, std::string(core::roleName(role)));
    if (rows.empty()) throw std::invalid_argument("an account with e-mail " + normalized + " already exists");
    tx.commit();
    return rows[0][0].as<std::int64_t>();
}

} // namespace marquee::server::detail
