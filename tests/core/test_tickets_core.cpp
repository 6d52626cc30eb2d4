// Ticket codes (sign/verify, tampering, hostile input), the QR matrix (decoded back with
// zbar) and the ticket page layout.
#include "marquee/core/base64.hpp"
#include "marquee/core/tickets/qr_code.hpp"
#include "marquee/core/tickets/ticket_code.hpp"
#include "marquee/core/tickets/ticket_layout.hpp"
#include "marquee/core/tickets/ticket_trust.hpp"

#include "qr_scan.hpp"

#include <QTest>

#include <map>
#include <random>
#include <set>
#include <stdexcept>

using namespace marquee::core;
using namespace marquee::core::tickets;

namespace {

TicketClaims sampleClaims(const KeyPair& key) {
    TicketClaims claims;
    claims.ticketId = "0f8e2a4c-1b3d-4e5f-8a9b-0c1d2e3f4a5b";
    claims.eventId = "a1b2c3d4-e5f6-4711-8899-aabbccddeeff";
    claims.lineNo = 7;
    claims.issuedAtMs = 1749900000123;
    claims.keyId = key.keyId;
    return claims;
}

auto lookupOf(const std::vector<KeyPair>& keys) {
    return [keys](std::string_view keyId) -> std::optional<PublicKey> {
        for (const auto& key : keys)
            if (key.keyId == keyId) return key.publicKey;
        return std::nullopt;
    };
}

// Decodes every QR symbol zbar finds in the matrix drawn at `scale` pixels per module.
std::vector<std::string> decodeWithZbar(const QrMatrix& matrix, int scale) {
    const int side = matrix.sizeWithQuietZone() * scale;
    std::vector<std::uint8_t> pixels(static_cast<std::size_t>(side * side), 255);
    for (int y = 0; y < matrix.size; ++y)
        for (int x = 0; x < matrix.size; ++x)
            if (matrix.isDark(x, y))
                for (int dy = 0; dy < scale; ++dy)
                    for (int dx = 0; dx < scale; ++dx)
                        pixels[static_cast<std::size_t>(((y + QrMatrix::kQuietZone) * scale + dy) * side +
                                                        (x + QrMatrix::kQuietZone) * scale + dx)] = 0;
    return marquee::test::scanQrCodes(pixels.data(), side, side);
}

bool inside(const MmRect& inner, double width, double height) {
    constexpr double kEpsilon = 1e-6;
    return inner.x >= -kEpsilon && inner.y >= -kEpsilon && inner.x + inner.width <= width + kEpsilon &&
           inner.y + inner.height <= height + kEpsilon;
}

bool overlaps(const MmRect& a, const MmRect& b) {
    return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

TicketFields sampleFields(bool voided) {
    TicketFields fields;
    fields.eventTitle = "Die Zauberflöte — a very long title that has to wrap onto a second line or be elided";
    fields.venueName = "Staatsoper Unter den Linden";
    fields.venueAddress = "Unter den Linden 7, 10117 Berlin";
    fields.dateTime = "Sat 14 Jun 2025, 19:30";
    fields.seatLabel = "Parkett · Reihe 12 · Platz 7";
    fields.category = "Category 1";
    fields.holderName = "Ana Müller";
    fields.orderCode = "MQ-7K3F9X";
    fields.priceText = "€89.00";
    fields.code = std::string(kTicketCodePrefix) + std::string(151, 'A');
    fields.voided = voided;
    return fields;
}

} // namespace

class TestTicketsCore : public QObject {
    Q_OBJECT
private slots:
    void base64UrlRoundTrip() {
        for (std::size_t length = 0; length < 70; ++length) {
            std::string bytes;
            for (std::size_t i = 0; i < length; ++i) bytes += static_cast<char>((i * 37 + length) & 0xff);
            const std::string text = base64UrlEncode(bytes);
            QVERIFY(text.find_first_of("+/=") == std::string::npos);
            QCOMPARE(base64UrlDecode(text).value_or("<failed>"), bytes);
        }
        QVERIFY(!base64UrlDecode("AB=").has_value());   // padding refused
        QVERIFY(!base64UrlDecode("A+B/").has_value());  // standard alphabet refused
        QVERIFY(base64UrlDecode("AA").has_value());
        QVERIFY(!base64UrlDecode("AB").has_value());    // non-zero trailing bits: not canonical
    }

    void keyIdIsStableAndDerived() {
        const KeyPair key = generateKeyPair();
        QCOMPARE(key.keyId.size(), std::size_t{8});
        QCOMPARE(key.keyId.find_first_not_of("0123456789abcdef"), std::string::npos);
        QCOMPARE(keyIdOf(key.publicKey), key.keyId);
        const KeyPair restored = keyPairFromSecretKey(key.secretKey);
        QCOMPARE(restored.keyId, key.keyId);
        QVERIFY(restored.publicKey == key.publicKey);
        QVERIFY(generateKeyPair().keyId != key.keyId);
    }

    void signVerifyRoundTrip() {
        const KeyPair key = generateKeyPair();
        const TicketClaims claims = sampleClaims(key);
        const std::string code = signTicket(claims, key);
        QVERIFY(code.starts_with(kTicketCodePrefix));
        QCOMPARE(code.size(), std::size_t{156}); // 5 + 64 + 1 + 86, what docs/tickets.md promises
        QCOMPARE(code.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.", 5),
                 std::string::npos);
        const Verification result = verifyTicket(code, lookupOf({generateKeyPair(), key}));
        QCOMPARE(result.verdict, Verdict::Valid);
        QCOMPARE(result.claims, claims);
        // Upper-case ids are accepted and come back lower case; whitespace around is ignored.
        TicketClaims upper = claims;
        upper.ticketId = "0F8E2A4C-1B3D-4E5F-8A9B-0C1D2E3F4A5B";
        const Verification spaced = verifyTicket("  \n" + signTicket(upper, key) + "\r\n", lookupOf({key}));
        QCOMPARE(spaced.verdict, Verdict::Valid);
        QCOMPARE(spaced.claims.ticketId, claims.ticketId);
        // Extremes of the numeric fields survive.
        TicketClaims extreme = claims;
        extreme.lineNo = 0xffffffffU;
        extreme.issuedAtMs = -1;
        const Verification extremeResult = verifyTicket(signTicket(extreme, key), lookupOf({key}));
        QCOMPARE(extremeResult.verdict, Verdict::Valid);
        QCOMPARE(extremeResult.claims, extreme);
    }

    void signRefusesBadClaims() {
        const KeyPair key = generateKeyPair();
        TicketClaims claims = sampleClaims(key);
        claims.ticketId = "not-a-uuid";
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, signTicket(claims, key));
        claims = sampleClaims(key);
        claims.eventId = "";
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, signTicket(claims, key));
        claims = sampleClaims(key);
        claims.keyId = generateKeyPair().keyId;
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, signTicket(claims, key));
    }

    // Every byte of payload and signature altered, one at a time: never Valid. With a lookup
    // that knows only the signing key, an altered key id is UnknownKey and everything else is
    // BadSignature; with a lookup that answers the signing key for any id, all are BadSignature.
    void everyTamperedByteIsRejected() {
        const KeyPair key = generateKeyPair();
        const std::string code = signTicket(sampleClaims(key), key);
        const auto dot = code.find('.', kTicketCodePrefix.size());
        const std::string payload = *base64UrlDecode(code.substr(kTicketCodePrefix.size(), dot - kTicketCodePrefix.size()));
        const std::string signature = *base64UrlDecode(code.substr(dot + 1));
        const auto anyId = [&key](std::string_view) -> std::optional<PublicKey> { return key.publicKey; };
        int checked = 0;
        for (int part = 0; part < 2; ++part) {
            const std::string& original = part == 0 ? payload : signature;
            for (std::size_t i = 0; i < original.size(); ++i) {
                for (const int flip : {0x01, 0x80, 0xff}) {
                    std::string altered = original;
                    altered[i] = static_cast<char>(static_cast<unsigned char>(altered[i]) ^ static_cast<unsigned>(flip));
                    const std::string forged = std::string(kTicketCodePrefix) +
                                               base64UrlEncode(part == 0 ? altered : payload) + '.' +
                                               base64UrlEncode(part == 1 ? altered : signature);
                    const bool keyIdByte = part == 0 && i >= 44;
                    QCOMPARE(verifyTicket(forged, lookupOf({key})).verdict,
                             keyIdByte ? Verdict::UnknownKey : Verdict::BadSignature);
                    QCOMPARE(verifyTicket(forged, anyId).verdict, Verdict::BadSignature);
                    ++checked;
                }
            }
        }
        QCOMPARE(checked, (48 + 64) * 3);
        // Every character of the text replaced: never Valid (mostly BadSignature, Malformed
        // where the base64 stops being canonical or the structure breaks).
        for (std::size_t i = 0; i < code.size(); ++i) {
            std::string altered = code;
            altered[i] = altered[i] == 'A' ? 'B' : 'A';
            QVERIFY2(verifyTicket(altered, anyId).verdict != Verdict::Valid, altered.c_str());
        }
    }

    void signatureFromAnotherKeyIsBad() {
        const KeyPair key = generateKeyPair();
        KeyPair impostor = generateKeyPair();
        impostor.keyId = key.keyId; // claims to be the real key
        const std::string forged = signTicket(sampleClaims(key), impostor);
        QCOMPARE(verifyTicket(forged, lookupOf({key})).verdict, Verdict::BadSignature);
    }

    void unknownKey() {
        const KeyPair key = generateKeyPair();
        const TicketClaims claims = sampleClaims(key);
        const Verification result = verifyTicket(signTicket(claims, key), lookupOf({generateKeyPair()}));
        QCOMPARE(result.verdict, Verdict::UnknownKey);
        QCOMPARE(result.claims, claims); // readable, so a kiosk can say which key it lacks
        QCOMPARE(verifyTicket(signTicket(claims, key), nullptr).verdict, Verdict::UnknownKey);
        const auto throwing = [](std::string_view) -> std::optional<PublicKey> { throw std::runtime_error("db gone"); };
        QCOMPARE(verifyTicket(signTicket(claims, key), throwing).verdict, Verdict::UnknownKey);
    }

    void hostileInput_data() {
        QTest::addColumn<QByteArray>("code");
        const KeyPair key = generateKeyPair();
        const std::string valid = signTicket(sampleClaims(key), key);
        const auto row = [](const char* name, const std::string& text) {
            QTest::newRow(name) << QByteArray(text.data(), static_cast<qsizetype>(text.size()));
        };
        row("empty", "");
        row("spaces", "   \t\n ");
        row("prefix only", "MQT1.");
        row("prefix and dot", "MQT1..");
        row("dots", std::string(300, '.'));
        row("lower-case prefix", "mqt1." + valid.substr(5));
        row("other version", "MQT2." + valid.substr(5));
        row("no signature", valid.substr(0, valid.find('.', 5)));
        row("extra part", valid + ".AAAA");
        row("truncated", valid.substr(0, valid.size() - 1));
        row("one extra char", valid + "A");
        row("padding", valid + "==");
        row("inner space", valid.substr(0, 40) + " " + valid.substr(40));
        row("nul byte", valid.substr(0, 30) + std::string(1, '\0') + valid.substr(31));
        row("standard alphabet", "MQT1.++//" + valid.substr(9));
        row("utf-8", "MQT1.ÄÖÜ€.日本語");
        row("huge", "MQT1." + std::string(10'000'000, 'A') + "." + std::string(86, 'A'));
        row("long but under cap", "MQT1." + std::string(400, 'A') + "." + std::string(86, 'A'));
        row("binary", std::string("\xff\xfe\x00\x01MQT1.", 9));
        row("url", "https://example.org/t/" + valid);
    }
    void hostileInput() {
        QFETCH(QByteArray, code);
        const KeyPair key = generateKeyPair();
        const Verification result =
            verifyTicket(std::string_view(code.constData(), static_cast<std::size_t>(code.size())), lookupOf({key}));
        QCOMPARE(result.verdict, Verdict::Malformed);
    }

    void randomGarbageNeverValid() {
        const KeyPair key = generateKeyPair();
        std::mt19937 random(42);
        const std::string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.";
        for (int i = 0; i < 2000; ++i) {
            std::string text = std::string(kTicketCodePrefix);
            const auto length = random() % 200;
            for (std::uint32_t j = 0; j < length; ++j) text += alphabet[random() % alphabet.size()];
            QVERIFY(verifyTicket(text, lookupOf({key})).verdict != Verdict::Valid);
        }
    }

    void qrDecodesBackToTheCode() {
        const KeyPair key = generateKeyPair();
        const std::string code = signTicket(sampleClaims(key), key);
        const QrMatrix matrix = encodeQr(code);
        QVERIFY(matrix.version >= 1 && matrix.version <= 40);
        QCOMPARE(matrix.size, 17 + 4 * matrix.version);
        QCOMPARE(matrix.dark.size(), static_cast<std::size_t>(matrix.size * matrix.size));
        // Finder patterns: the 7x7 corner squares are dark on their border.
        for (int i = 0; i < 7; ++i) {
            QVERIFY(matrix.isDark(i, 0) && matrix.isDark(0, i) && matrix.isDark(matrix.size - 1 - i, 0) &&
                    matrix.isDark(0, matrix.size - 1 - i));
        }
        QVERIFY(!matrix.isDark(-1, 0) && !matrix.isDark(matrix.size, 0));
        const auto decoded = decodeWithZbar(matrix, 4);
        QCOMPARE(decoded.size(), std::size_t{1});
        QCOMPARE(decoded.front(), code);
        QCOMPARE(verifyTicket(decoded.front(), lookupOf({key})).verdict, Verdict::Valid);
    }

    void qrLimits() {
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, encodeQr(""));
        QVERIFY_THROWS_EXCEPTION(std::length_error, encodeQr(std::string(3000, 'x'))); // > 2331 bytes at level M
        const QrMatrix biggest = encodeQr(std::string(2331, 'x'));
        QCOMPARE(biggest.version, 40);
        QCOMPARE(encodeQr("x").version, 1);
    }

    void layoutStaysOnThePage_data() {
        QTest::addColumn<int>("format");
        QTest::addColumn<bool>("voided");
        QTest::newRow("A6") << static_cast<int>(TicketFormat::A6) << false;
        QTest::newRow("A6 void") << static_cast<int>(TicketFormat::A6) << true;
        QTest::newRow("receipt") << static_cast<int>(TicketFormat::Receipt80mm) << false;
        QTest::newRow("receipt void") << static_cast<int>(TicketFormat::Receipt80mm) << true;
    }
    void layoutStaysOnThePage() {
        QFETCH(int, format);
        QFETCH(bool, voided);
        const auto ticketFormat = static_cast<TicketFormat>(format);
        const TicketPage page = layoutTicket(sampleFields(voided), TicketCaptions{}, ticketFormat);
        if (ticketFormat == TicketFormat::A6) {
            QCOMPARE(page.widthMm, 105.0);
            QCOMPARE(page.heightMm, 148.0);
        } else {
            QCOMPARE(page.widthMm, 80.0);
            QVERIFY(page.heightMm > 100 && page.heightMm < 200);
        }
        QVERIFY(inside(page.qr, page.widthMm, page.heightMm));
        QCOMPARE(page.qr.width, page.qr.height);
        QVERIFY(page.qr.width >= 35); // about 0.6 mm per module for a 156-character code
        const double printableLeft = ticketFormat == TicketFormat::A6 ? 0 : 4;
        std::map<std::string, int> found;
        for (const TextBox& text : page.texts) {
            found[text.text]++;
            QVERIFY2(inside(text.box, page.widthMm, page.heightMm), text.text.c_str());
            QVERIFY(text.maxLines >= 1 && text.lineHeightMm > 0 && text.pointSize >= 5);
            QCOMPARE(text.box.height, text.lineHeightMm * text.maxLines);
            if (text.rotationDegrees == 0) {
                QVERIFY(text.box.x >= printableLeft && text.box.x + text.box.width <= page.widthMm - printableLeft);
                QVERIFY2(!overlaps(text.box, page.qr), text.text.c_str());
            }
        }
        // Boxes of the body never overlap each other.
        for (std::size_t i = 0; i < page.texts.size(); ++i)
            for (std::size_t j = i + 1; j < page.texts.size(); ++j)
                if (page.texts[i].rotationDegrees == 0 && page.texts[j].rotationDegrees == 0)
                    QVERIFY2(!overlaps(page.texts[i].box, page.texts[j].box),
                             (page.texts[i].text + " / " + page.texts[j].text).c_str());
        const TicketFields fields = sampleFields(voided);
        for (const auto& value : {fields.eventTitle, fields.venueName, fields.venueAddress, fields.dateTime,
                                  fields.seatLabel, fields.category, fields.holderName, fields.orderCode,
                                  fields.priceText, fields.code})
            QVERIFY2(found.count(value) == 1, value.c_str());
        const TicketCaptions captions;
        QCOMPARE(found.count(captions.voided), std::size_t{voided ? 1U : 0U});
        QCOMPARE(found.count(captions.voidedNote), std::size_t{voided ? 1U : 0U});
        QCOMPARE(found.count(captions.scanHint), std::size_t{voided ? 0U : 1U});
        // A void ticket's QR is crossed out in the alert colour.
        int alertRules = 0;
        for (const RuleLine& rule : page.rules)
            if (rule.ink == Ink::Alert) ++alertRules;
        QCOMPARE(alertRules, voided ? 2 : 0);
    }

    void layoutTextIsOneParagraph() {
        TicketFields fields = sampleFields(false);
        fields.venueAddress = "\n  Unter den Linden 7\r\n10117\tBerlin \x01 ";
        const TicketPage page = layoutTicket(fields, TicketCaptions{}, TicketFormat::A6);
        int seen = 0;
        for (const TextBox& text : page.texts) seen += text.text == "Unter den Linden 7 10117 Berlin" ? 1 : 0;
        QCOMPARE(seen, 1);
    }

    void deviceCertificateVerifiesOnlyWhatTheServerSigned() {
        const KeyPair server = generateKeyPair();
        const KeyPair device = generateKeyPair();
        DeviceCertificateClaims claims{"kiosk-1.north:door", device.publicKey, 1'800'000'000'000};
        const Signature certificate = signDeviceCertificate(claims, server);
        QVERIFY(verifyDeviceCertificate(claims, certificate, server.publicKey));

        // Another server key, another device id, key, expiry or a flipped signature bit: refused.
        QVERIFY(!verifyDeviceCertificate(claims, certificate, generateKeyPair().publicKey));
        DeviceCertificateClaims otherDevice = claims;
        otherDevice.deviceId = "kiosk-2";
        QVERIFY(!verifyDeviceCertificate(otherDevice, certificate, server.publicKey));
        DeviceCertificateClaims otherKey = claims;
        otherKey.devicePublicKey = generateKeyPair().publicKey;
        QVERIFY(!verifyDeviceCertificate(otherKey, certificate, server.publicKey));
        DeviceCertificateClaims longer = claims;
        longer.validUntilMs += 1;
        QVERIFY(!verifyDeviceCertificate(longer, certificate, server.publicKey));
        Signature flipped = certificate;
        flipped[17] ^= 0x20;
        QVERIFY(!verifyDeviceCertificate(claims, flipped, server.publicKey));

        // The id is NUL-terminated in the message, so "a" + key cannot pass as "a\0..." + key.
        DeviceCertificateClaims withNul = claims;
        withNul.deviceId = std::string("kiosk\0", 6);
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, signDeviceCertificate(withNul, server));
        QVERIFY(!verifyDeviceCertificate(withNul, certificate, server.publicKey));

        // A ticket signed by the certified device key verifies with it like a server-signed one.
        TicketClaims ticket = sampleClaims(device);
        QCOMPARE(verifyTicket(signTicket(ticket, device), lookupOf({server, device})).verdict, Verdict::Valid);
    }

    // verifyTrusted (issue 7 check-in): server keys, certified device keys, and every way a
    // device key can fail to be trusted.
    void trustedVerificationFollowsTheCertificate() {
        const KeyPair server = generateKeyPair();
        const KeyPair device = generateKeyPair();
        const std::int64_t validUntil = 1'900'000'000'000;
        std::map<std::string, TrustedKey> keys;
        keys[server.keyId] = TrustedKey{server.publicKey, 0, {}, {}, std::nullopt, 0};
        TrustedKey deviceEntry{device.publicKey, 0, "kiosk-1", server.keyId,
                               signDeviceCertificate({"kiosk-1", device.publicKey, validUntil}, server), validUntil};
        keys[device.keyId] = deviceEntry;
        const auto findKey = [&](std::string_view id) -> std::optional<TrustedKey> {
            const auto it = keys.find(std::string(id));
            return it == keys.end() ? std::nullopt : std::optional<TrustedKey>(it->second);
        };
        TicketClaims claims = sampleClaims(server);
        auto result = verifyTrusted(signTicket(claims, server), findKey);
        QCOMPARE(result.trust, Trust::Valid);
        QVERIFY(!result.deviceKey);

        claims = sampleClaims(device);
        result = verifyTrusted(signTicket(claims, device), findKey);
        QCOMPARE(result.trust, Trust::Valid);
        QVERIFY(result.deviceKey);
        QCOMPARE(result.deviceId, std::string("kiosk-1"));

        claims.issuedAtMs = validUntil; // issued when the certificate ran out
        QCOMPARE(verifyTrusted(signTicket(claims, device), findKey).trust, Trust::AfterDeviceCertificate);
        claims = sampleClaims(device);

        // The certificate names another device, is missing, or was signed by the device itself.
        keys[device.keyId].deviceId = "kiosk-2";
        QCOMPARE(verifyTrusted(signTicket(claims, device), findKey).trust, Trust::UncertifiedDeviceKey);
        keys[device.keyId] = deviceEntry;
        keys[device.keyId].certificate.reset();
        QCOMPARE(verifyTrusted(signTicket(claims, device), findKey).trust, Trust::UncertifiedDeviceKey);
        keys[device.keyId] = deviceEntry;
        keys[device.keyId].certificate = signDeviceCertificate({"kiosk-1", device.publicKey, validUntil}, device);
        QCOMPARE(verifyTrusted(signTicket(claims, device), findKey).trust, Trust::UncertifiedDeviceKey);
        // A device key never certifies another device key.
        const KeyPair second = generateKeyPair();
        keys[device.keyId] = deviceEntry;
        keys[second.keyId] = TrustedKey{second.publicKey, 0, "kiosk-3", device.keyId,
                                        signDeviceCertificate({"kiosk-3", second.publicKey, validUntil}, device), validUntil};
        QCOMPARE(verifyTrusted(signTicket(sampleClaims(second), second), findKey).trust, Trust::UncertifiedDeviceKey);
        // The certifying server key unknown here.
        keys.erase(server.keyId);
        QCOMPARE(verifyTrusted(signTicket(claims, device), findKey).trust, Trust::UncertifiedDeviceKey);
        // Hostile input never throws.
        QCOMPARE(verifyTrusted(std::string(10 * 1024, 'A'), findKey).trust, Trust::Malformed);
        QCOMPARE(verifyTrusted("MQT1.\0", nullptr).trust, Trust::Malformed);
    }

    // A revoked device key (TicketKey.revoked_at_ms): its holder may be a thief who backdates
    // issued_at, so only the verifier's catalog of confirmed sales counts, never the date.
    void aRevokedDeviceKeyAdmitsOnlyConfirmedSales() {
        const KeyPair server = generateKeyPair();
        const KeyPair device = generateKeyPair();
        const std::int64_t validUntil = 1'900'000'000'000;
        std::map<std::string, TrustedKey> keys;
        keys[server.keyId] = TrustedKey{server.publicKey, 0, {}, {}, std::nullopt, 0};
        keys[device.keyId] = TrustedKey{device.publicKey, 0, "till-9", server.keyId,
                                        signDeviceCertificate({"till-9", device.publicKey, validUntil}, server),
                                        validUntil, 1'800'000'000'000};
        const auto findKey = [&](std::string_view id) -> std::optional<TrustedKey> {
            const auto it = keys.find(std::string(id));
            return it == keys.end() ? std::nullopt : std::optional<TrustedKey>(it->second);
        };
        TicketClaims sold = sampleClaims(device);
        sold.issuedAtMs = 1'700'000'000'000; // before the revocation
        const auto soldCode = signTicket(sold, device);
        TicketClaims forged = sold;
        forged.ticketId = "3f2b0c4e-9a55-4c1e-8f00-00000000f0f0"; // backdated just the same
        const auto forgedCode = signTicket(forged, device);
        std::set<std::string> catalog{soldCode};
        std::string asked;
        const auto confirmed = [&](std::string_view code, const TicketClaims& claims) {
            asked = claims.ticketId;
            return catalog.count(std::string(code)) > 0;
        };

        auto result = verifyTrusted("  " + soldCode + "\r\n", findKey, confirmed); // a scanner's Enter
        QCOMPARE(result.trust, Trust::Valid);
        QVERIFY(result.deviceKey);
        QCOMPARE(asked, sold.ticketId);
        result = verifyTrusted(forgedCode, findKey, confirmed);
        QCOMPARE(result.trust, Trust::RevokedDeviceKey);
        QCOMPARE(result.claims.ticketId, forged.ticketId);
        QCOMPARE(result.deviceId, std::string("till-9"));
        // No catalog, or one that throws: refused.
        QCOMPARE(verifyTrusted(soldCode, findKey).trust, Trust::RevokedDeviceKey);
        QCOMPARE(verifyTrusted(soldCode, findKey, [](std::string_view, const TicketClaims&) -> bool {
                     throw std::runtime_error("catalog unavailable");
                 }).trust,
                 Trust::RevokedDeviceKey);
        // An altered code still fails its signature before the catalog is asked.
        asked.clear();
        auto altered = soldCode;
        altered[altered.size() - 3] = altered[altered.size() - 3] == 'A' ? 'B' : 'A';
        QVERIFY(verifyTrusted(altered, findKey, confirmed).trust != Trust::Valid);
        // Server keys are never asked about.
        asked.clear();
        QCOMPARE(verifyTrusted(signTicket(sampleClaims(server), server), findKey, confirmed).trust, Trust::Valid);
        QVERIFY(asked.empty());
    }

    void layoutUsesTheCaptionsGiven() {
        TicketCaptions captions;
        captions.seat = "Platz";
        captions.heading = "EINTRITTSKARTE";
        const TicketPage page = layoutTicket(sampleFields(false), captions, TicketFormat::A6);
        int seen = 0;
        for (const TextBox& text : page.texts) {
            if (text.text == "Platz" || text.text == "EINTRITTSKARTE") ++seen;
            QVERIFY(text.text != "Seat");
        }
        QCOMPARE(seen, 2);
    }
};

QTEST_GUILESS_MAIN(TestTicketsCore)
#include "test_tickets_core.moc"
