// The payment sandbox's Stripe-style API: state machine, test cards, idempotency, faults,
// terminal scripts, events and the audit. Messages and codes follow Stripe's API reference
// so the providers are tested against the errors they meet in production.
#include "sandbox.hpp"

#include "payments/form_encoding.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <ctime>

namespace marquee::sandbox {
namespace {

constexpr std::int64_t kMinimumAmount = 50;        // Stripe's minimum charge (USD/EUR: 0.50)
constexpr std::int64_t kMaximumAmount = 99'999'999; // Stripe's maximum (999,999.99)
constexpr std::size_t kMaxIdempotencyKey = 255;

// Outcome of charging a test card (https://stripe.com/docs/testing).
struct CardBehaviour {
    const char* number;
    const char* code;         // "" = approved, "requires_action" = 3-D Secure
    const char* declineCode;
    const char* message;
};
constexpr CardBehaviour kTestCards[] = {
    {"4242424242424242", "", "", ""},
    {"4000056655665556", "", "", ""},
    {"5555555555554444", "", "", ""},
    {"2223003122003222", "", "", ""},
    {"5200828282828210", "", "", ""},
    {"378282246310005", "", "", ""},
    {"6011111111111117", "", "", ""},
    {"4000000000000002", "card_declined", "generic_decline", "Your card was declined."},
    {"4000000000009995", "card_declined", "insufficient_funds", "Your card has insufficient funds."},
    {"4000000000000069", "expired_card", "expired_card", "Your card has expired."},
    {"4000000000000127", "incorrect_cvc", "incorrect_cvc", "Your card's security code is incorrect."},
    {"4000000000000119", "processing_error", "processing_error",
     "An error occurred while processing your card. Try again in a little bit."},
    {"4000002500003155", "requires_action", "", ""},
};

ApiAnswer error(unsigned status, const std::string& type, const std::string& message, const std::string& code = {},
                const std::string& param = {}) {
    ApiAnswer answer;
    answer.status = status;
    Json e{{"type", type}, {"message", message}};
    if (!code.empty()) {
        e["code"] = code;
        e["doc_url"] = "https://stripe.com/docs/error-codes/" + code;
    }
    if (!param.empty()) e["param"] = param;
    answer.body = Json{{"error", e}};
    return answer;
}

// A parameter problem found before anything ran: not stored for replays.
ApiAnswer invalidParam(const std::string& message, const std::string& param, const std::string& code = "parameter_invalid") {
    auto answer = error(400, "invalid_request_error", message, code, param);
    answer.storable = false;
    return answer;
}

ApiAnswer missingParam(const std::string& param) {
    return invalidParam("Missing required param: " + param + ".", param, "parameter_missing");
}

ApiAnswer noSuch(const std::string& kind, const std::string& id, const std::string& param) {
    auto answer = error(404, "invalid_request_error", "No such " + kind + ": '" + id + "'", "resource_missing", param);
    answer.storable = false;
    return answer;
}

ApiAnswer ok(Json body) {
    ApiAnswer answer;
    answer.body = std::move(body);
    return answer;
}

std::vector<std::string> splitPath(const std::string& path) {
    std::vector<std::string> out;
    std::size_t start = 1;
    while (start <= path.size()) {
        const auto slash = path.find('/', start);
        const auto end = slash == std::string::npos ? path.size() : slash;
        if (end > start) out.push_back(path.substr(start, end - start));
        start = end + 1;
    }
    return out;
}

// Stripe refuses parameters it does not know ("Received unknown parameter").
std::optional<ApiAnswer> checkParams(const Params& params, std::initializer_list<const char*> names,
                                     std::initializer_list<const char*> prefixes = {}) {
    for (const auto& [name, value] : params) {
        const bool known = std::any_of(names.begin(), names.end(), [&](const char* n) { return name == n; }) ||
                           std::any_of(prefixes.begin(), prefixes.end(),
                                       [&](const char* p) { return name.rfind(p, 0) == 0; });
        if (!known) return invalidParam("Received unknown parameter: " + name, name, "parameter_unknown");
    }
    return std::nullopt;
}

std::optional<std::int64_t> parseInteger(const std::string& text) {
    std::int64_t value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
    return value;
}

std::string param(const Params& params, const std::string& name) {
    const auto it = params.find(name);
    return it == params.end() ? std::string() : it->second;
}

Params prefixed(const Params& params, const std::string& prefix) { // metadata[k] → k
    Params out;
    for (const auto& [name, value] : params)
        if (name.rfind(prefix + "[", 0) == 0 && name.back() == ']')
            out[name.substr(prefix.size() + 1, name.size() - prefix.size() - 2)] = value;
    return out;
}

bool expands(const Params& params, const std::string& field) {
    return std::any_of(params.begin(), params.end(), [&](const auto& p) {
        return p.first.rfind("expand[", 0) == 0 && p.second == field;
    });
}

bool luhnValid(const std::string& digits) {
    int sum = 0;
    bool doubleIt = false;
    for (auto it = digits.rbegin(); it != digits.rend(); ++it) {
        int d = *it - '0';
        if (doubleIt) {
            d *= 2;
            if (d > 9) d -= 9;
        }
        sum += d;
        doubleIt = !doubleIt;
    }
    return sum % 10 == 0;
}

std::string brandOf(const std::string& number) {
    const auto prefix = [&](std::size_t n) { return std::stoi(number.substr(0, n)); };
    if (number[0] == '4') return "visa";
    if (prefix(2) >= 51 && prefix(2) <= 55) return "mastercard";
    if (prefix(4) >= 2221 && prefix(4) <= 2720) return "mastercard";
    if (prefix(2) == 34 || prefix(2) == 37) return "amex";
    if (prefix(4) == 6011 || prefix(2) == 65) return "discover";
    return "unknown";
}

ApiAnswer validAmount(const Params& params, const std::string& name, std::int64_t* amount, bool required = true) {
    const auto it = params.find(name);
    if (it == params.end()) {
        if (required) return missingParam(name);
        *amount = -1;
        return ok({});
    }
    const auto value = parseInteger(it->second);
    if (!value) return invalidParam("Invalid integer: " + it->second, name, "parameter_invalid_integer");
    *amount = *value;
    return ok({});
}

ApiAnswer validCurrency(const Params& params, std::string* currency) {
    auto value = param(params, "currency");
    if (value.empty()) return missingParam("currency");
    std::transform(value.begin(), value.end(), value.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (value.size() != 3 || !std::all_of(value.begin(), value.end(), [](char c) { return c >= 'a' && c <= 'z'; }))
        return invalidParam("Invalid currency: " + value + ". Stripe currently supports these currencies: eur, usd, gbp, ...",
                            "currency", "invalid_currency");
    *currency = value;
    return ok({});
}

std::string statusList(std::initializer_list<const char*> statuses) {
    std::string out;
    for (const char* s : statuses) out += (out.empty() ? "" : ", ") + std::string(s);
    return out;
}

ApiAnswer unexpectedState(const std::string& message, const Json& intent) {
    auto answer = error(400, "invalid_request_error", message, "payment_intent_unexpected_state");
    answer.body["error"]["payment_intent"] = intent;
    return answer;
}

Json metadataJson(const Params& metadata) {
    Json out = Json::object();
    for (const auto& [k, v] : metadata) out[k] = v;
    return out;
}

std::string orderOf(const Params& metadata) {
    const auto it = metadata.find("order_id");
    return it == metadata.end() ? std::string() : it->second;
}

} // namespace

Sandbox::Sandbox(SandboxConfig config) : m_config(std::move(config)), m_random(std::random_device{}()) {}

std::int64_t Sandbox::now() { return static_cast<std::int64_t>(std::time(nullptr)); }

std::string Sandbox::newId(const std::string& prefix) {
    static constexpr char kAlphabet[] = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    std::uniform_int_distribution<std::size_t> pick(0, sizeof(kAlphabet) - 2);
    std::string id = prefix + "_";
    for (int i = 0; i < 24; ++i) id += kAlphabet[pick(m_random)];
    return id;
}

// ---- Authentication, faults, idempotency -----------------------------------------------

std::optional<ApiAnswer> Sandbox::authenticate(const ApiCall& call) const {
    const auto& header = call.authorization;
    if (header.empty()) {
        auto answer = error(401, "invalid_request_error",
                            "You did not provide an API key. You need to provide your API key in the Authorization "
                            "header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY').");
        answer.storable = false;
        return answer;
    }
    std::string key;
    if (header.size() > 7 && (header.rfind("Bearer ", 0) == 0 || header.rfind("bearer ", 0) == 0)) key = header.substr(7);
    if (key == m_config.secretKey) return std::nullopt;
    if (key == m_config.publishableKey) {
        if (call.method == "POST" && call.path == "/v1/payment_methods") return std::nullopt;
        auto answer = error(401, "invalid_request_error",
                            "This API call cannot be made with a publishable API key. Please use a secret API key. "
                            "You can find a list of your API keys at https://dashboard.stripe.com/account/apikeys.",
                            "secret_key_required");
        answer.storable = false;
        return answer;
    }
    std::string masked = key.size() > 12 ? key.substr(0, 8) + std::string(key.size() - 12, '*') + key.substr(key.size() - 4)
                                         : std::string(key.size(), '*');
    auto answer = error(401, "invalid_request_error", "Invalid API Key provided: " + masked);
    answer.storable = false;
    return answer;
}

std::optional<Fault> Sandbox::takeFault(const std::string& path) {
    for (auto it = m_faults.begin(); it != m_faults.end(); ++it) {
        if (path.rfind(it->pathPrefix, 0) != 0) continue;
        Fault taken = *it;
        if (--it->remaining <= 0) m_faults.erase(it);
        return taken;
    }
    return std::nullopt;
}

namespace {
std::string fingerprintOf(const ApiCall& call) {
    payments::FormParams sorted(call.params.begin(), call.params.end());
    return call.method + " " + call.path + "\n" + payments::formEncode(sorted);
}
std::string keyScope(const ApiCall& call) { return call.authorization + "\n" + call.idempotencyKey; }
} // namespace

ApiAnswer Sandbox::begin(const ApiCall& call) {
    std::lock_guard lock(m_mutex);
    ++m_requestCounts[call.method + " " + call.path];
    if (auto refused = authenticate(call)) return *refused;

    bool dropAfter = false;
    std::chrono::milliseconds delay{0};
    if (const auto fault = takeFault(call.path)) {
        if (fault->kind == "http_500" || fault->kind == "http_503") {
            auto answer = error(fault->kind == "http_500" ? 500 : 503, "api_error",
                                "An unknown error occurred while processing your request. Please try again.");
            answer.storable = false;
            return answer;
        }
        if (fault->kind == "http_429") {
            auto answer = error(429, "invalid_request_error",
                                "Too many requests hit the API too quickly. We recommend an exponential backoff of "
                                "your requests.",
                                "rate_limit");
            answer.storable = false;
            return answer;
        }
        if (fault->kind == "drop_before") {
            ApiAnswer answer;
            answer.wire = ApiAnswer::Wire::DropBefore;
            answer.storable = false;
            return answer;
        }
        dropAfter = fault->kind == "drop_after";
        if (fault->kind == "delay") delay = fault->delay;
    }

    const bool idempotent = call.method == "POST" && !call.idempotencyKey.empty();
    if (idempotent) {
        if (call.idempotencyKey.size() > kMaxIdempotencyKey)
            return invalidParam("Idempotency-Key must be at most 255 characters long.", "Idempotency-Key");
        const auto fingerprint = fingerprintOf(call);
        const auto it = m_idempotency.find(keyScope(call));
        if (it != m_idempotency.end()) {
            if (it->second.inFlight) {
                auto answer = error(409, "idempotency_error",
                                    "There is currently another in-progress request using this Stripe API key and "
                                    "idempotency key. Try again once the first request has completed.");
                answer.storable = false;
                return answer;
            }
            if (it->second.fingerprint != fingerprint) {
                auto answer = error(400, "idempotency_error",
                                    "Keys for idempotent requests can only be used with the same parameters they were "
                                    "first used with. Try using a key other than '" +
                                        call.idempotencyKey + "' if you meant to execute a different request.");
                answer.storable = false;
                return answer;
            }
            auto replay = it->second.answer;
            replay.headers["Idempotent-Replayed"] = "true";
            replay.headers["Idempotency-Key"] = call.idempotencyKey;
            if (dropAfter) replay.wire = ApiAnswer::Wire::DropAfter;
            return replay;
        }
        m_idempotency[keyScope(call)] = StoredAnswer{fingerprint, {}, true};
    }
    if (delay.count() > 0) {
        ApiAnswer waiting;
        waiting.delay = delay;
        return waiting;
    }
    auto answer = execute(call);
    if (idempotent) {
        if (answer.storable) {
            auto stored = answer;
            stored.wire = ApiAnswer::Wire::Respond; // a replay answers even when the first call hung
            m_idempotency[keyScope(call)] = StoredAnswer{fingerprintOf(call), stored, false};
        } else {
            m_idempotency.erase(keyScope(call));
        }
        answer.headers["Idempotency-Key"] = call.idempotencyKey;
    }
    if (dropAfter && answer.wire == ApiAnswer::Wire::Respond) answer.wire = ApiAnswer::Wire::DropAfter;
    return answer;
}

ApiAnswer Sandbox::finishDelayed(const ApiCall& call) {
    std::lock_guard lock(m_mutex);
    auto answer = execute(call);
    if (call.method == "POST" && !call.idempotencyKey.empty()) {
        if (answer.storable) {
            auto stored = answer;
            stored.wire = ApiAnswer::Wire::Respond;
            m_idempotency[keyScope(call)] = StoredAnswer{fingerprintOf(call), stored, false};
        } else {
            m_idempotency.erase(keyScope(call));
        }
        answer.headers["Idempotency-Key"] = call.idempotencyKey;
    }
    return answer;
}

// ---- Routing -----------------------------------------------------------------------------

ApiAnswer Sandbox::execute(const ApiCall& call) {
    const auto seg = splitPath(call.path);
    const auto& m = call.method;
    const auto n = seg.size();
    if (n >= 2 && seg[0] == "v1") {
        const auto& resource = seg[1];
        if (resource == "payment_methods") {
            if (n == 2 && m == "POST") return createPaymentMethod(call);
            if (n == 3 && m == "GET") {
                const auto it = m_paymentMethods.find(seg[2]);
                if (it == m_paymentMethods.end()) return noSuch("PaymentMethod", seg[2], "payment_method");
                return ok(paymentMethodJson(it->second));
            }
        } else if (resource == "payment_intents") {
            if (n == 2 && m == "POST") return createPaymentIntent(call);
            if (n == 2 && m == "GET") {
                Json data = Json::array();
                for (auto it = m_intentOrder.rbegin(); it != m_intentOrder.rend() && data.size() < 100; ++it)
                    data.push_back(paymentIntentJson(m_intents.at(*it), false));
                return ok(Json{{"object", "list"}, {"url", "/v1/payment_intents"}, {"has_more", false}, {"data", data}});
            }
            if (n >= 3) {
                const auto it = m_intents.find(seg[2]);
                if (it == m_intents.end()) return noSuch("payment_intent", seg[2], "intent");
                auto& intent = it->second;
                if (n == 3 && m == "GET") return ok(paymentIntentJson(intent, expands(call.params, "latest_charge")));
                if (n == 4 && m == "POST" && seg[3] == "confirm") return confirmPaymentIntent(intent, call);
                if (n == 4 && m == "POST" && seg[3] == "capture") return capturePaymentIntent(intent, call);
                if (n == 4 && m == "POST" && seg[3] == "cancel") return cancelPaymentIntent(intent, call);
            }
        } else if (resource == "refunds") {
            if (n == 2 && m == "POST") return createRefund(call);
            if (n == 3 && m == "GET") {
                const auto it = m_refunds.find(seg[2]);
                if (it == m_refunds.end()) return noSuch("refund", seg[2], "refund");
                return ok(refundJson(it->second));
            }
        } else if (resource == "charges" && n == 3 && m == "GET") {
            const auto it = m_charges.find(seg[2]);
            if (it == m_charges.end()) return noSuch("charge", seg[2], "charge");
            return ok(chargeJson(it->second));
        } else if (resource == "events") {
            if (n == 2 && m == "GET") return listEvents(call);
            if (n == 3 && m == "GET") {
                const auto it = m_events.find(seg[2]);
                if (it == m_events.end()) return noSuch("event", seg[2], "id");
                return ok(Json::parse(it->second.body));
            }
        } else if (resource == "terminal" && n >= 3) {
            if (seg[2] == "readers") {
                if (n == 3 && m == "GET") {
                    Json data = Json::array();
                    for (const auto& reader : m_config.readers)
                        data.push_back({{"id", reader}, {"object", "terminal.reader"}, {"status", "online"},
                                        {"device_type", "simulated_wisepos_e"}, {"label", reader}});
                    return ok(Json{{"object", "list"}, {"url", "/v1/terminal/readers"}, {"has_more", false}, {"data", data}});
                }
                if (n == 5 && m == "POST" && seg[4] == "process_payment") return processTerminalPayment(seg[3], call);
            } else if (seg[2] == "transactions") {
                if (n == 3 && m == "GET") return listTerminalTransactions(call);
                if (n >= 4) {
                    const auto it = m_terminalTransactions.find(seg[3]);
                    if (it == m_terminalTransactions.end()) return noSuch("terminal.transaction", seg[3], "id");
                    if (n == 4 && m == "GET") return ok(terminalTransactionJson(it->second));
                    if (n == 5 && m == "POST" && seg[4] == "refund") return refundTerminalTransaction(it->second, call);
                }
            }
        }
    }
    auto answer = error(404, "invalid_request_error",
                        "Unrecognized request URL (" + m + ": " + call.path +
                            "). Please see https://stripe.com/docs or we can help at https://support.stripe.com/.");
    answer.storable = false;
    return answer;
}

// ---- PaymentMethods ---------------------------------------------------------------------

ApiAnswer Sandbox::createPaymentMethod(const ApiCall& call) {
    const auto& p = call.params;
    if (auto bad = checkParams(p, {"type", "card[number]", "card[exp_month]", "card[exp_year]", "card[cvc]"},
                               {"billing_details[", "metadata["}))
        return *bad;
    if (param(p, "type").empty()) return missingParam("type");
    if (param(p, "type") != "card")
        return invalidParam("Invalid type: must be one of card (this sandbox tokenises cards only)", "type");
    if (!p.count("card[number]")) return missingParam("card[number]");
    if (!p.count("card[exp_month]")) return missingParam("card[exp_month]");
    if (!p.count("card[exp_year]")) return missingParam("card[exp_year]");

    const auto cardError = [](const std::string& code, const std::string& message, const std::string& name) {
        return error(402, "card_error", message, code, name);
    };
    std::string number;
    for (const char c : param(p, "card[number]"))
        if (c != ' ' && c != '-') number += c;
    if (number.size() < 12 || number.size() > 19 || !std::all_of(number.begin(), number.end(), [](char c) { return c >= '0' && c <= '9'; }) ||
        !luhnValid(number))
        return cardError("incorrect_number", "Your card number is incorrect.", "card[number]");
    const auto month = parseInteger(param(p, "card[exp_month]"));
    if (!month || *month < 1 || *month > 12)
        return cardError("invalid_expiry_month", "Your card's expiration month is invalid.", "card[exp_month]");
    auto year = parseInteger(param(p, "card[exp_year]"));
    if (year && *year >= 0 && *year < 100) *year += 2000;
    std::time_t t = std::time(nullptr);
    std::tm utc{};
    gmtime_r(&t, &utc);
    const int thisYear = utc.tm_year + 1900;
    const int thisMonth = utc.tm_mon + 1;
    if (!year || *year < thisYear || *year > thisYear + 50)
        return cardError("invalid_expiry_year", "Your card's expiration year is invalid.", "card[exp_year]");
    if (*year == thisYear && *month < thisMonth)
        return cardError("invalid_expiry_month", "Your card's expiration month is invalid.", "card[exp_month]");
    if (p.count("card[cvc]")) {
        const auto& cvc = p.at("card[cvc]");
        const std::size_t wanted = brandOf(number) == "amex" ? 4 : 3;
        if (cvc.size() != wanted || !std::all_of(cvc.begin(), cvc.end(), [](char c) { return c >= '0' && c <= '9'; }))
            return cardError("invalid_cvc", "Your card's security code is invalid.", "card[cvc]");
    }
    PaymentMethod method;
    method.id = newId("pm");
    method.created = now();
    method.card.number = number;
    method.card.brand = brandOf(number);
    method.card.last4 = number.substr(number.size() - 4);
    method.card.funding = number == "4000056655665556" ? "debit" : "credit";
    method.card.expMonth = static_cast<int>(*month);
    method.card.expYear = static_cast<int>(*year);
    const auto& stored = m_paymentMethods[method.id] = method;
    return ok(paymentMethodJson(stored));
}

// ---- PaymentIntents ---------------------------------------------------------------------

ApiAnswer Sandbox::createPaymentIntent(const ApiCall& call) {
    const auto& p = call.params;
    if (auto bad = checkParams(p, {"amount", "currency", "payment_method", "confirm", "capture_method", "description",
                                   "receipt_email", "statement_descriptor"},
                               {"metadata[", "expand[", "payment_method_types["}))
        return *bad;
    std::int64_t amount = 0;
    if (auto bad = validAmount(p, "amount", &amount); bad.status != 200) return bad;
    if (amount < kMinimumAmount)
        return invalidParam("Amount must be at least 50 minor units (0.50) of the currency.", "amount", "amount_too_small");
    if (amount > kMaximumAmount)
        return invalidParam("Amount must be no more than 99999999 minor units (999,999.99).", "amount", "amount_too_large");
    std::string currency;
    if (auto bad = validCurrency(p, &currency); bad.status != 200) return bad;
    const auto captureMethod = p.count("capture_method") ? p.at("capture_method") : std::string("automatic");
    if (captureMethod != "automatic" && captureMethod != "automatic_async" && captureMethod != "manual")
        return invalidParam("Invalid capture_method: must be one of automatic, automatic_async, or manual", "capture_method");
    const auto confirm = param(p, "confirm");
    if (!confirm.empty() && confirm != "true" && confirm != "false")
        return invalidParam("Invalid boolean: " + confirm, "confirm", "parameter_invalid_boolean");
    const auto methodId = param(p, "payment_method");
    if (!methodId.empty() && !m_paymentMethods.count(methodId))
        return noSuch("PaymentMethod", methodId, "payment_method");
    if (confirm == "true" && methodId.empty())
        return invalidParam("You cannot confirm this PaymentIntent because it's missing a payment method. Update the "
                            "PaymentIntent with a payment method and then confirm it again.",
                            "payment_method", "payment_intent_unexpected_state");
    for (const auto& [key, value] : prefixed(p, "metadata"))
        if (key.size() > 40 || value.size() > 500)
            return invalidParam("Metadata keys may be up to 40 characters and values up to 500 characters.",
                                "metadata[" + key + "]");

    PaymentIntent intent;
    intent.id = newId("pi");
    intent.amount = amount;
    intent.currency = currency;
    intent.captureMethod = captureMethod;
    intent.paymentMethod = methodId;
    intent.description = param(p, "description");
    intent.metadata = prefixed(p, "metadata");
    intent.created = now();
    intent.status = methodId.empty() ? "requires_payment_method" : "requires_confirmation";
    m_intentOrder.push_back(intent.id);
    auto& stored = m_intents[intent.id] = intent;
    emitEvent("payment_intent.created", paymentIntentJson(stored, false), call);
    if (confirm == "true") return charge(stored, call);
    return ok(paymentIntentJson(stored, expands(p, "latest_charge")));
}

ApiAnswer Sandbox::charge(PaymentIntent& intent, const ApiCall& call) {
    const auto& method = m_paymentMethods.at(intent.paymentMethod);
    const CardBehaviour* behaviour = nullptr;
    for (const auto& card : kTestCards)
        if (method.card.number == card.number) behaviour = &card;
    std::string code;
    std::string declineCode;
    std::string message;
    if (!behaviour) {
        code = "card_declined";
        declineCode = "test_mode_live_card";
        message = "Your card was declined. Your request was in test mode, but used a non test (live) card. For a "
                  "list of valid test cards, visit: https://stripe.com/docs/testing.";
    } else {
        code = behaviour->code;
        declineCode = behaviour->declineCode;
        message = behaviour->message;
    }
    if (code == "requires_action") {
        intent.status = "requires_action";
        emitEvent("payment_intent.requires_action", paymentIntentJson(intent, false), call);
        auto answer = ok(paymentIntentJson(intent, expands(call.params, "latest_charge")));
        answer.body["next_action"] = Json{{"type", "use_stripe_sdk"}};
        return answer;
    }

    Charge c;
    c.id = newId("ch");
    c.paymentIntent = intent.id;
    c.paymentMethod = intent.paymentMethod;
    c.amount = intent.amount;
    c.currency = intent.currency;
    c.created = now();
    intent.latestCharge = c.id;
    if (!code.empty()) {
        c.status = "failed";
        c.failureCode = code;
        c.failureMessage = message;
        m_charges[c.id] = c;
        intent.status = "requires_payment_method";
        Json lastError{{"type", "card_error"}, {"code", code}, {"message", message}, {"charge", c.id},
                       {"payment_method", paymentMethodJson(method)}};
        if (!declineCode.empty()) lastError["decline_code"] = declineCode;
        intent.lastPaymentError = lastError;
        emitEvent("payment_intent.payment_failed", paymentIntentJson(intent, false), call);
        auto answer = error(402, "card_error", message, code);
        if (!declineCode.empty()) answer.body["error"]["decline_code"] = declineCode;
        answer.body["error"]["charge"] = c.id;
        answer.body["error"]["payment_intent"] = paymentIntentJson(intent, false);
        answer.body["error"]["payment_method"] = paymentMethodJson(method);
        return answer;
    }
    c.status = "succeeded";
    intent.lastPaymentError = nullptr;
    intent.authorized = true;
    if (intent.captureMethod == "manual") {
        intent.status = "requires_capture";
        intent.amountCapturable = intent.amount;
        m_charges[c.id] = c;
        emitEvent("payment_intent.amount_capturable_updated", paymentIntentJson(intent, false), call);
    } else {
        intent.status = "succeeded";
        intent.amountReceived = intent.amount;
        c.captured = true;
        c.amountCaptured = c.amount;
        m_charges[c.id] = c;
        emitEvent("payment_intent.succeeded", paymentIntentJson(intent, false), call);
    }
    return ok(paymentIntentJson(intent, expands(call.params, "latest_charge")));
}

ApiAnswer Sandbox::confirmPaymentIntent(PaymentIntent& intent, const ApiCall& call) {
    if (auto bad = checkParams(call.params, {"payment_method"}, {"expand["})) return *bad;
    if (intent.status != "requires_payment_method" && intent.status != "requires_confirmation" &&
        intent.status != "requires_action")
        return unexpectedState("You cannot confirm this PaymentIntent because it has a status of " + intent.status +
                                   ". Only a PaymentIntent with one of the following statuses may be confirmed: " +
                                   statusList({"requires_payment_method", "requires_confirmation", "requires_action"}) + ".",
                               paymentIntentJson(intent, false));
    const auto methodId = param(call.params, "payment_method");
    if (!methodId.empty()) {
        if (!m_paymentMethods.count(methodId)) return noSuch("PaymentMethod", methodId, "payment_method");
        intent.paymentMethod = methodId;
    } else if (intent.status == "requires_payment_method") {
        // A failed attempt leaves the old method behind; a confirm without a new one is refused.
        return unexpectedState("You cannot confirm this PaymentIntent because it's missing a payment method. Update "
                               "the PaymentIntent with a payment method and then confirm it again.",
                               paymentIntentJson(intent, false));
    }
    if (intent.status == "requires_action") {
        // The sandbox has no 3-D Secure challenge to complete: the customer never authenticated.
        intent.status = "requires_payment_method";
        intent.lastPaymentError = Json{{"type", "card_error"}, {"code", "payment_intent_authentication_failure"},
                                       {"message", "The provided PaymentMethod has failed authentication."}};
        emitEvent("payment_intent.payment_failed", paymentIntentJson(intent, false), call);
        auto answer = error(402, "card_error", "The provided PaymentMethod has failed authentication.",
                            "payment_intent_authentication_failure");
        answer.body["error"]["decline_code"] = "authentication_required";
        answer.body["error"]["payment_intent"] = paymentIntentJson(intent, false);
        return answer;
    }
    return charge(intent, call);
}

ApiAnswer Sandbox::capturePaymentIntent(PaymentIntent& intent, const ApiCall& call) {
    if (auto bad = checkParams(call.params, {"amount_to_capture"}, {"expand[", "metadata["})) return *bad;
    if (intent.status != "requires_capture")
        return unexpectedState("This PaymentIntent could not be captured because it has a status of " + intent.status +
                                   ". Only a PaymentIntent with one of the following statuses may be captured: "
                                   "requires_capture.",
                               paymentIntentJson(intent, false));
    std::int64_t amount = 0;
    if (auto bad = validAmount(call.params, "amount_to_capture", &amount, false); bad.status != 200) return bad;
    if (amount < 0) amount = intent.amountCapturable;
    if (amount == 0) return invalidParam("amount_to_capture must be greater than 0.", "amount_to_capture");
    if (amount > intent.amountCapturable)
        return invalidParam("The amount_to_capture (" + std::to_string(amount) + ") must be less than or equal to the "
                                "amount_capturable (" + std::to_string(intent.amountCapturable) + ").",
                            "amount_to_capture", "amount_too_large");
    for (const auto& [key, value] : prefixed(call.params, "metadata")) intent.metadata[key] = value;
    intent.status = "succeeded";
    intent.amountReceived = amount;
    intent.amountCapturable = 0;
    auto& c = m_charges.at(intent.latestCharge);
    c.captured = true;
    c.amountCaptured = amount;
    emitEvent("payment_intent.succeeded", paymentIntentJson(intent, false), call);
    return ok(paymentIntentJson(intent, expands(call.params, "latest_charge")));
}

ApiAnswer Sandbox::cancelPaymentIntent(PaymentIntent& intent, const ApiCall& call) {
    if (auto bad = checkParams(call.params, {"cancellation_reason"}, {"expand["})) return *bad;
    const auto reason = param(call.params, "cancellation_reason");
    if (!reason.empty() && reason != "duplicate" && reason != "fraudulent" && reason != "requested_by_customer" &&
        reason != "abandoned")
        return invalidParam("Invalid cancellation_reason: must be one of duplicate, fraudulent, requested_by_customer, "
                            "or abandoned",
                            "cancellation_reason");
    if (intent.status != "requires_payment_method" && intent.status != "requires_capture" &&
        intent.status != "requires_confirmation" && intent.status != "requires_action" && intent.status != "processing")
        return unexpectedState("You cannot cancel this PaymentIntent because it has a status of " + intent.status +
                                   ". Only a PaymentIntent with one of the following statuses may be canceled: " +
                                   statusList({"requires_payment_method", "requires_capture", "requires_confirmation",
                                               "requires_action", "processing"}) + ".",
                               paymentIntentJson(intent, false));
    if (intent.status == "requires_capture") {
        auto& c = m_charges.at(intent.latestCharge);
        c.amountRefunded = c.amount; // an uncaptured charge is released in full
    }
    intent.status = "canceled";
    intent.amountCapturable = 0;
    intent.canceledAt = now();
    intent.cancellationReason = reason;
    emitEvent("payment_intent.canceled", paymentIntentJson(intent, false), call);
    return ok(paymentIntentJson(intent, expands(call.params, "latest_charge")));
}

// ---- Refunds ------------------------------------------------------------------------------

ApiAnswer Sandbox::createRefund(const ApiCall& call) {
    const auto& p = call.params;
    if (auto bad = checkParams(p, {"payment_intent", "charge", "amount", "reason"}, {"metadata[", "expand["})) return *bad;
    PaymentIntent* intent = nullptr;
    if (const auto piId = param(p, "payment_intent"); !piId.empty()) {
        const auto it = m_intents.find(piId);
        if (it == m_intents.end()) return noSuch("payment_intent", piId, "payment_intent");
        intent = &it->second;
    } else if (const auto chargeId = param(p, "charge"); !chargeId.empty()) {
        const auto it = m_charges.find(chargeId);
        if (it == m_charges.end()) return noSuch("charge", chargeId, "charge");
        intent = &m_intents.at(it->second.paymentIntent);
    } else {
        return invalidParam("Must provide one of `charge` or `payment_intent`.", "payment_intent", "parameter_missing");
    }
    const auto reason = param(p, "reason");
    if (!reason.empty() && reason != "duplicate" && reason != "fraudulent" && reason != "requested_by_customer")
        return invalidParam("Invalid reason: must be one of duplicate, fraudulent, or requested_by_customer", "reason");
    std::int64_t amount = 0;
    if (auto bad = validAmount(p, "amount", &amount, false); bad.status != 200) return bad;
    if (intent->status != "succeeded")
        return error(400, "invalid_request_error",
                     "This PaymentIntent does not have a successful charge to refund (its status is " + intent->status + ").",
                     "charge_not_refundable", "payment_intent");
    auto& c = m_charges.at(intent->latestCharge);
    const auto refundable = c.amountCaptured - c.amountRefunded;
    if (refundable <= 0)
        return error(400, "invalid_request_error", "Charge " + c.id + " has already been refunded.",
                     "charge_already_refunded");
    if (amount < 0) amount = refundable;
    if (amount == 0) return invalidParam("Refund amount must be greater than 0.", "amount");
    if (amount > refundable)
        return invalidParam("Refund amount (" + std::to_string(amount) + ") is greater than unrefunded amount on charge (" +
                                std::to_string(refundable) + ")",
                            "amount", "amount_too_large");
    Refund refund;
    refund.id = newId("re");
    refund.amount = amount;
    refund.charge = c.id;
    refund.paymentIntent = intent->id;
    refund.currency = intent->currency;
    refund.reason = reason;
    refund.metadata = prefixed(p, "metadata");
    refund.created = now();
    c.amountRefunded += amount;
    m_refunds[refund.id] = refund;
    emitEvent("charge.refunded", chargeJson(c), call);
    return ok(refundJson(refund));
}

// ---- Card terminals -----------------------------------------------------------------------

ApiAnswer Sandbox::processTerminalPayment(const std::string& reader, const ApiCall& call) {
    const auto& p = call.params;
    if (std::find(m_config.readers.begin(), m_config.readers.end(), reader) == m_config.readers.end())
        return noSuch("terminal.reader", reader, "reader");
    if (auto bad = checkParams(p, {"amount", "currency", "description"}, {"metadata["})) return *bad;
    std::int64_t amount = 0;
    if (auto bad = validAmount(p, "amount", &amount); bad.status != 200) return bad;
    if (amount <= 0 || amount > kMaximumAmount) return invalidParam("Invalid amount: must be from 1 to 99999999.", "amount");
    std::string currency;
    if (auto bad = validCurrency(p, &currency); bad.status != 200) return bad;

    TerminalScript script{"approve", ""};
    if (auto& queue = m_terminalScripts[reader]; !queue.empty()) {
        script = queue.front();
        queue.pop_front();
    }
    if (script.outcome == "offline") {
        auto answer = error(400, "invalid_request_error",
                            "Reader is currently offline, please ensure the reader is powered on and connected to the "
                            "internet before retrying your request.",
                            "terminal_reader_offline");
        answer.storable = false; // nothing happened; the same key may be used once the reader is back
        return answer;
    }
    TerminalTransaction transaction;
    transaction.id = newId("tmtx");
    transaction.reader = reader;
    transaction.amount = amount;
    transaction.currency = currency;
    transaction.idempotencyKey = call.idempotencyKey;
    transaction.description = param(p, "description");
    transaction.metadata = prefixed(p, "metadata");
    transaction.created = now();
    std::string result = script.outcome;
    if (script.outcome == "timeout") result = script.timeoutResult.empty() ? "approve" : script.timeoutResult;
    if (result == "approve" || result == "approved") {
        transaction.status = "approved";
    } else if (result == "expired") {
        transaction.status = "expired";
        transaction.declineCode = "terminal_timeout";
    } else if (result == "cancel") {
        transaction.status = "cancelled";
        transaction.declineCode = "terminal_cancelled";
    } else {
        transaction.status = "declined";
        transaction.declineCode = result == "insufficient_funds" ? "insufficient_funds" : "card_declined";
    }
    m_terminalOrder.push_back(transaction.id);
    const auto& stored = m_terminalTransactions[transaction.id] = transaction;
    ApiAnswer answer;
    if (stored.status == "approved") {
        answer = ok(terminalTransactionJson(stored));
    } else {
        static const std::map<std::string, std::string> messages{
            {"terminal_timeout", "The reader timed out waiting for the customer's card."},
            {"terminal_cancelled", "The customer cancelled the payment on the reader."},
            {"insufficient_funds", "The card has insufficient funds."},
            {"card_declined", "The card was declined."}};
        const bool cardDecline = stored.declineCode == "card_declined" || stored.declineCode == "insufficient_funds";
        answer = error(402, "card_error", messages.at(stored.declineCode), cardDecline ? "card_declined" : stored.declineCode);
        if (cardDecline) answer.body["error"]["decline_code"] = stored.declineCode == "card_declined" ? "generic_decline" : "insufficient_funds";
        answer.body["error"]["transaction"] = terminalTransactionJson(stored);
    }
    if (script.outcome == "timeout") answer.wire = ApiAnswer::Wire::Hang;
    return answer;
}

ApiAnswer Sandbox::refundTerminalTransaction(TerminalTransaction& transaction, const ApiCall& call) {
    if (auto bad = checkParams(call.params, {"amount", "reason"}, {"metadata["})) return *bad;
    std::int64_t amount = 0;
    if (auto bad = validAmount(call.params, "amount", &amount, false); bad.status != 200) return bad;
    if (transaction.status != "approved")
        return error(400, "invalid_request_error",
                     "Terminal transaction " + transaction.id + " was not approved (status " + transaction.status +
                         "); there is nothing to refund.",
                     "charge_not_refundable");
    const auto refundable = transaction.amount - transaction.amountRefunded;
    if (refundable <= 0)
        return error(400, "invalid_request_error", "Terminal transaction " + transaction.id + " has already been refunded.",
                     "charge_already_refunded");
    if (amount < 0) amount = refundable;
    if (amount == 0) return invalidParam("Refund amount must be greater than 0.", "amount");
    if (amount > refundable)
        return invalidParam("Refund amount (" + std::to_string(amount) + ") is greater than unrefunded amount (" +
                                std::to_string(refundable) + ")",
                            "amount", "amount_too_large");
    transaction.amountRefunded += amount;
    Json refund{{"id", newId("tmrf")}, {"object", "terminal.refund"}, {"transaction", transaction.id},
                {"amount", amount}, {"currency", transaction.currency}, {"status", "succeeded"},
                {"reason", param(call.params, "reason")}, {"created", now()}};
    return ok(refund);
}

ApiAnswer Sandbox::listTerminalTransactions(const ApiCall& call) const {
    if (auto bad = checkParams(call.params, {"idempotency_key", "reader", "limit"})) return *bad;
    const auto key = param(call.params, "idempotency_key");
    const auto reader = param(call.params, "reader");
    Json data = Json::array();
    for (auto it = m_terminalOrder.rbegin(); it != m_terminalOrder.rend() && data.size() < 100; ++it) {
        const auto& t = m_terminalTransactions.at(*it);
        if ((!key.empty() && t.idempotencyKey != key) || (!reader.empty() && t.reader != reader)) continue;
        data.push_back(terminalTransactionJson(t));
    }
    return ok(Json{{"object", "list"}, {"url", "/v1/terminal/transactions"}, {"has_more", false}, {"data", data}});
}

// ---- Events ---------------------------------------------------------------------------------

void Sandbox::emitEvent(const std::string& type, Json object, const ApiCall& call) {
    Event event;
    event.id = newId("evt");
    event.type = type;
    event.created = now();
    Json body{{"id", event.id},
              {"object", "event"},
              {"api_version", "2023-10-16"},
              {"created", event.created},
              {"data", {{"object", std::move(object)}}},
              {"livemode", false},
              {"pending_webhooks", 1},
              {"request", {{"id", newId("req")}, {"idempotency_key", call.idempotencyKey.empty() ? Json(nullptr) : Json(call.idempotencyKey)}}},
              {"type", type}};
    event.body = body.dump();
    m_eventOrder.push_back(event.id);
    m_events[event.id] = std::move(event);
    if (m_outbox) m_outbox->enqueue(Delivery{m_eventOrder.back()});
}

ApiAnswer Sandbox::listEvents(const ApiCall& call) const {
    if (auto bad = checkParams(call.params, {"type", "limit"})) return *bad;
    std::int64_t limit = 10;
    if (call.params.count("limit")) {
        const auto value = parseInteger(call.params.at("limit"));
        if (!value || *value < 1 || *value > 100) return invalidParam("Invalid limit: must be from 1 to 100.", "limit");
        limit = *value;
    }
    const auto type = param(call.params, "type");
    Json data = Json::array();
    bool more = false;
    for (auto it = m_eventOrder.rbegin(); it != m_eventOrder.rend(); ++it) {
        const auto& e = m_events.at(*it);
        if (!type.empty() && e.type != type) continue;
        if (static_cast<std::int64_t>(data.size()) == limit) {
            more = true;
            break;
        }
        data.push_back(Json::parse(e.body));
    }
    return ok(Json{{"object", "list"}, {"url", "/v1/events"}, {"has_more", more}, {"data", data}});
}

std::optional<std::string> Sandbox::eventBody(const std::string& eventId) const {
    std::lock_guard lock(m_mutex);
    const auto it = m_events.find(eventId);
    if (it == m_events.end()) return std::nullopt;
    return it->second.body;
}

void Sandbox::recordDelivery(const std::string& eventId, const DeliveryRecord& record) {
    std::lock_guard lock(m_mutex);
    const auto it = m_events.find(eventId);
    if (it != m_events.end()) it->second.deliveries.push_back(record);
}

// ---- JSON ------------------------------------------------------------------------------------

Json Sandbox::paymentMethodJson(const PaymentMethod& method) const {
    return Json{{"id", method.id},
                {"object", "payment_method"},
                {"type", "card"},
                {"created", method.created},
                {"livemode", false},
                {"card",
                 {{"brand", method.card.brand},
                  {"last4", method.card.last4},
                  {"exp_month", method.card.expMonth},
                  {"exp_year", method.card.expYear},
                  {"funding", method.card.funding},
                  {"country", "US"}}}};
}

Json Sandbox::chargeJson(const Charge& c) const {
    Json card = nullptr;
    if (const auto it = m_paymentMethods.find(c.paymentMethod); it != m_paymentMethods.end())
        card = Json{{"brand", it->second.card.brand}, {"last4", it->second.card.last4},
                    {"exp_month", it->second.card.expMonth}, {"exp_year", it->second.card.expYear}};
    return Json{{"id", c.id},
                {"object", "charge"},
                {"amount", c.amount},
                {"amount_captured", c.amountCaptured},
                {"amount_refunded", c.amountRefunded},
                {"captured", c.captured},
                {"refunded", c.amountRefunded > 0 && c.amountRefunded >= (c.captured ? c.amountCaptured : c.amount)},
                {"currency", c.currency},
                {"status", c.status},
                {"paid", c.status == "succeeded"},
                {"payment_intent", c.paymentIntent},
                {"payment_method", c.paymentMethod},
                {"payment_method_details", {{"type", "card"}, {"card", card}}},
                {"failure_code", c.failureCode.empty() ? Json(nullptr) : Json(c.failureCode)},
                {"failure_message", c.failureMessage.empty() ? Json(nullptr) : Json(c.failureMessage)},
                {"metadata", m_intents.count(c.paymentIntent) ? metadataJson(m_intents.at(c.paymentIntent).metadata) : Json::object()},
                {"created", c.created},
                {"livemode", false}};
}

Json Sandbox::paymentIntentJson(const PaymentIntent& intent, bool expandCharge) const {
    Json latestCharge = nullptr;
    if (!intent.latestCharge.empty())
        latestCharge = expandCharge ? chargeJson(m_charges.at(intent.latestCharge)) : Json(intent.latestCharge);
    return Json{{"id", intent.id},
                {"object", "payment_intent"},
                {"amount", intent.amount},
                {"amount_capturable", intent.amountCapturable},
                {"amount_received", intent.amountReceived},
                {"currency", intent.currency},
                {"status", intent.status},
                {"capture_method", intent.captureMethod},
                {"confirmation_method", "automatic"},
                {"payment_method", intent.paymentMethod.empty() ? Json(nullptr) : Json(intent.paymentMethod)},
                {"payment_method_types", Json::array({"card"})},
                {"description", intent.description.empty() ? Json(nullptr) : Json(intent.description)},
                {"metadata", metadataJson(intent.metadata)},
                {"latest_charge", latestCharge},
                {"last_payment_error", intent.lastPaymentError},
                {"canceled_at", intent.canceledAt == 0 ? Json(nullptr) : Json(intent.canceledAt)},
                {"cancellation_reason", intent.cancellationReason.empty() ? Json(nullptr) : Json(intent.cancellationReason)},
                {"created", intent.created},
                {"livemode", false}};
}

Json Sandbox::refundJson(const Refund& refund) const {
    return Json{{"id", refund.id},
                {"object", "refund"},
                {"amount", refund.amount},
                {"charge", refund.charge},
                {"payment_intent", refund.paymentIntent},
                {"currency", refund.currency},
                {"reason", refund.reason.empty() ? Json(nullptr) : Json(refund.reason)},
                {"metadata", metadataJson(refund.metadata)},
                {"status", "succeeded"},
                {"created", refund.created}};
}

Json Sandbox::terminalTransactionJson(const TerminalTransaction& t) const {
    return Json{{"id", t.id},
                {"object", "terminal.transaction"},
                {"reader", t.reader},
                {"amount", t.amount},
                {"amount_refunded", t.amountRefunded},
                {"currency", t.currency},
                {"status", t.status},
                {"decline_code", t.declineCode.empty() ? Json(nullptr) : Json(t.declineCode)},
                {"card", t.status == "approved" ? Json{{"brand", "visa"}, {"last4", "0077"}, {"read_method", "contactless_emv"}}
                                                : Json(nullptr)},
                {"idempotency_key", t.idempotencyKey},
                {"description", t.description},
                {"metadata", metadataJson(t.metadata)},
                {"created", t.created}};
}

// ---- Control endpoints --------------------------------------------------------------------

void Sandbox::control(const std::string& method, const std::string& path, const Params& params,
                      const std::function<void(ApiAnswer)>& respond) {
    const auto seg = splitPath(path);
    // POST /_sandbox/events/{id}/deliver: one delivery now, answered with the receiver's reply.
    if (method == "POST" && seg.size() == 4 && seg[1] == "events" && seg[3] == "deliver") {
        const auto signature = params.count("signature") ? params.at("signature") : std::string("valid");
        if (signature != "valid" && signature != "bad" && signature != "stale") {
            respond(invalidParam("signature must be valid, bad or stale", "signature"));
            return;
        }
        {
            std::lock_guard lock(m_mutex);
            if (!m_events.count(seg[2])) {
                respond(noSuch("event", seg[2], "id"));
                return;
            }
        }
        if (!m_outbox) {
            respond(error(409, "invalid_request_error", "no webhook endpoint is configured"));
            return;
        }
        const auto eventId = seg[2];
        m_outbox->deliverNow(Delivery{eventId, signature, 1, false}, [respond, eventId, signature](const DeliveryRecord& r) {
            respond(ok(Json{{"event", eventId}, {"signature", signature}, {"status", r.status}, {"error", r.error}}));
        });
        return;
    }
    std::lock_guard lock(m_mutex);
    respond(controlLocked(method, path, params));
}

ApiAnswer Sandbox::controlLocked(const std::string& method, const std::string& path, const Params& params) {
    const auto seg = splitPath(path);
    const auto n = seg.size();
    if (n == 2 && seg[1] == "reset" && method == "POST") {
        m_faults.clear();
        m_terminalScripts.clear();
        if (m_outbox) m_outbox->setPaused(false, false);
        return ok(Json{{"reset", true}});
    }
    if (n == 2 && seg[1] == "faults") {
        if (method == "DELETE") {
            m_faults.clear();
            return ok(Json{{"faults", Json::array()}});
        }
        if (method == "POST") {
            Fault fault;
            fault.kind = param(params, "kind");
            static const std::set<std::string> kinds{"http_500", "http_503", "http_429", "delay", "drop_before", "drop_after"};
            if (!kinds.count(fault.kind))
                return invalidParam("kind must be one of http_500, http_503, http_429, delay, drop_before, drop_after", "kind");
            if (params.count("count")) {
                const auto count = parseInteger(params.at("count"));
                if (!count || *count < 1 || *count > 1000) return invalidParam("count must be from 1 to 1000", "count");
                fault.remaining = static_cast<int>(*count);
            }
            if (fault.kind == "delay") {
                const auto ms = parseInteger(param(params, "delay_ms"));
                if (!ms || *ms < 1 || *ms > 600'000) return invalidParam("delay needs delay_ms from 1 to 600000", "delay_ms");
                fault.delay = std::chrono::milliseconds(*ms);
            }
            if (params.count("path_prefix")) fault.pathPrefix = params.at("path_prefix");
            m_faults.push_back(fault);
        } else if (method != "GET") {
            return error(405, "invalid_request_error", "GET, POST or DELETE");
        }
        Json list = Json::array();
        for (const auto& f : m_faults)
            list.push_back({{"kind", f.kind}, {"remaining", f.remaining}, {"delay_ms", f.delay.count()}, {"path_prefix", f.pathPrefix}});
        return ok(Json{{"faults", list}});
    }
    if (n == 4 && seg[1] == "terminals" && seg[3] == "next" && method == "POST") {
        if (std::find(m_config.readers.begin(), m_config.readers.end(), seg[2]) == m_config.readers.end())
            return noSuch("terminal.reader", seg[2], "reader");
        TerminalScript script{param(params, "outcome"), param(params, "result")};
        static const std::set<std::string> outcomes{"approve", "decline", "insufficient_funds", "timeout", "offline", "cancel"};
        if (!outcomes.count(script.outcome))
            return invalidParam("outcome must be approve, decline, insufficient_funds, timeout, offline or cancel", "outcome");
        if (!script.timeoutResult.empty() && (script.outcome != "timeout" ||
                                              (script.timeoutResult != "approve" && script.timeoutResult != "decline" &&
                                               script.timeoutResult != "expired")))
            return invalidParam("result (approve, decline or expired) goes with outcome=timeout only", "result");
        auto& queue = m_terminalScripts[seg[2]];
        queue.push_back(script);
        return ok(Json{{"reader", seg[2]}, {"queued", queue.size()}});
    }
    if (n == 2 && seg[1] == "audit" && method == "GET") return audit(params);
    if (n == 2 && seg[1] == "requests" && method == "GET") {
        Json counts = Json::object();
        for (const auto& [call, count] : m_requestCounts) counts[call] = count;
        return ok(Json{{"requests", counts}});
    }
    if (n >= 2 && seg[1] == "events" && method == "GET") {
        const auto describe = [&](const Event& e) {
            Json deliveries = Json::array();
            for (const auto& d : e.deliveries)
                deliveries.push_back({{"at", d.at}, {"signature", d.signature}, {"status", d.status}, {"error", d.error}});
            return Json{{"id", e.id}, {"type", e.type}, {"created", e.created}, {"deliveries", deliveries},
                        {"object", Json::parse(e.body)["data"]["object"]}};
        };
        if (n == 3) {
            const auto it = m_events.find(seg[2]);
            if (it == m_events.end()) return noSuch("event", seg[2], "id");
            return ok(describe(it->second));
        }
        const auto type = param(params, "type");
        Json list = Json::array();
        for (const auto& id : m_eventOrder)
            if (type.empty() || m_events.at(id).type == type) list.push_back(describe(m_events.at(id)));
        return ok(Json{{"events", list}});
    }
    if (n == 4 && seg[1] == "events" && seg[3] == "redeliver" && method == "POST") {
        if (!m_events.count(seg[2])) return noSuch("event", seg[2], "id");
        if (!m_outbox) return error(409, "invalid_request_error", "no webhook endpoint is configured");
        m_outbox->enqueue(Delivery{seg[2]});
        return ok(Json{{"event", seg[2]}, {"queued", true}});
    }
    if (n == 2 && seg[1] == "webhooks" && method == "POST") {
        if (!m_outbox) return error(409, "invalid_request_error", "no webhook dispatcher");
        if (auto bad = checkParams(params, {"url", "paused", "order"})) return *bad;
        if (params.count("url")) m_outbox->setUrl(params.at("url"));
        const auto paused = param(params, "paused");
        const auto order = param(params, "order");
        if (!order.empty() && order != "reverse" && order != "created") return invalidParam("order must be reverse or created", "order");
        if (paused == "true") m_outbox->setPaused(true, false);
        else if (paused == "false") m_outbox->setPaused(false, order == "reverse");
        else if (!paused.empty()) return invalidParam("paused must be true or false", "paused");
        return ok(Json{{"ok", true}});
    }
    auto answer = error(404, "invalid_request_error", "Unrecognized sandbox control URL (" + method + ": " + path + ")");
    return answer;
}

ApiAnswer Sandbox::audit(const Params& params) const {
    const auto wanted = param(params, "order_id");
    std::map<std::string, Json> orders;
    const auto entry = [&](const std::string& order) -> Json& {
        auto& e = orders[order];
        if (e.is_null())
            e = Json{{"authorizations", 0}, {"captured_minor", 0}, {"refunded_minor", 0}, {"voided", 0},
                     {"payment_intents", Json::array()}, {"terminal_transactions", Json::array()}};
        return e;
    };
    for (const auto& id : m_intentOrder) {
        const auto& intent = m_intents.at(id);
        const auto order = orderOf(intent.metadata);
        if (order.empty() || (!wanted.empty() && order != wanted)) continue;
        auto& e = entry(order);
        e["payment_intents"].push_back({{"id", intent.id}, {"status", intent.status}, {"amount", intent.amount}});
        if (!intent.authorized) continue;
        e["authorizations"] = e["authorizations"].get<int>() + 1;
        e["captured_minor"] = e["captured_minor"].get<std::int64_t>() + intent.amountReceived;
        if (intent.status == "canceled") e["voided"] = e["voided"].get<int>() + 1;
        if (!intent.latestCharge.empty())
            e["refunded_minor"] = e["refunded_minor"].get<std::int64_t>() +
                                  (intent.status == "succeeded" ? m_charges.at(intent.latestCharge).amountRefunded : 0);
    }
    for (const auto& id : m_terminalOrder) {
        const auto& t = m_terminalTransactions.at(id);
        const auto order = orderOf(t.metadata);
        if (order.empty() || (!wanted.empty() && order != wanted)) continue;
        auto& e = entry(order);
        e["terminal_transactions"].push_back({{"id", t.id}, {"status", t.status}, {"amount", t.amount}});
        if (t.status != "approved") continue;
        e["authorizations"] = e["authorizations"].get<int>() + 1;
        e["captured_minor"] = e["captured_minor"].get<std::int64_t>() + t.amount;
        e["refunded_minor"] = e["refunded_minor"].get<std::int64_t>() + t.amountRefunded;
    }
    if (!wanted.empty()) {
        auto e = orders.count(wanted) ? orders.at(wanted) : entry(wanted);
        e["order_id"] = wanted;
        return ok(e);
    }
    Json all = Json::object();
    for (auto& [order, e] : orders) all[order] = e;
    return ok(Json{{"orders", all}});
}

} // namespace marquee::sandbox
