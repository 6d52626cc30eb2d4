// HMAC-SHA256 webhook signatures through OpenSSL; constant-time comparison (CRYPTO_memcmp).
#include "payments/webhook_signature.hpp"

#include "common/digest.hpp"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <charconv>
#include <vector>

namespace marquee::server::payments {

std::string webhookSignature(std::string_view secret, std::int64_t timestamp, std::string_view body) {
    const std::string payload = std::to_string(timestamp) + "." + std::string(body);
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    HMAC(EVP_sha256(), secret.data(), static_cast<int>(secret.size()),
         reinterpret_cast<const unsigned char*>(payload.data()), payload.size(), digest, &length);
    return toHex(std::string_view(reinterpret_cast<const char*>(digest), length));
}

std::string signWebhook(std::string_view secret, std::int64_t timestamp, std::string_view body) {
    return "t=" + std::to_string(timestamp) + ",v1=" + webhookSignature(secret, timestamp, body);
}

SignatureCheck verifyWebhookSignature(std::string_view header, std::string_view body, std::string_view secret,
                                      std::int64_t now, std::chrono::seconds tolerance) {
    std::int64_t timestamp = 0;
    bool haveTimestamp = false;
    std::vector<std::string_view> candidates;
    while (!header.empty()) {
        const auto comma = header.find(',');
        auto item = header.substr(0, comma);
        header = comma == std::string_view::npos ? std::string_view() : header.substr(comma + 1);
        while (!item.empty() && item.front() == ' ') item.remove_prefix(1);
        const auto eq = item.find('=');
        if (eq == std::string_view::npos) continue;
        const auto key = item.substr(0, eq);
        const auto value = item.substr(eq + 1);
        if (key == "t") {
            if (haveTimestamp) return SignatureCheck::Malformed;
            const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), timestamp);
            if (ec != std::errc() || end != value.data() + value.size() || value.empty())
                return SignatureCheck::Malformed;
            haveTimestamp = true;
        } else if (key == "v1") {
            candidates.push_back(value); // other schemes (v0: test mode) are ignored, as Stripe's libraries do
        }
    }
    if (!haveTimestamp || candidates.empty()) return SignatureCheck::Malformed;
    const auto expected = webhookSignature(secret, timestamp, body);
    bool matched = false;
    for (const auto candidate : candidates)
        if (candidate.size() == expected.size() && CRYPTO_memcmp(candidate.data(), expected.data(), expected.size()) == 0)
            matched = true; // no early exit: the time taken does not tell which entry matched
    if (!matched) return SignatureCheck::Mismatch;
    const auto age = now - timestamp;
    if (age > tolerance.count() || -age > tolerance.count()) return SignatureCheck::Stale;
    return SignatureCheck::Valid;
}

std::string_view signatureCheckName(SignatureCheck check) {
    switch (check) {
    case SignatureCheck::Valid: return "valid";
    case SignatureCheck::Malformed: return "malformed";
    case SignatureCheck::Mismatch: return "mismatch";
    case SignatureCheck::Stale: return "stale";
    }
    return "unknown";
}

} // namespace marquee::server::payments
