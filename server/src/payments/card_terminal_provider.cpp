// Card terminal payments over the terminal API (POST /v1/terminal/readers/{id}/process_payment).
#include "payments/card_terminal_provider.hpp"

#include "common/log.hpp"

#include <algorithm>

namespace marquee::server::payments {
namespace {

Result declined(const std::string& code, const std::string& message) {
    Result result;
    result.outcome = Outcome::Declined;
    result.declineCode = code;
    result.message = message;
    return result;
}

// An approved / declined / expired / cancelled transaction object as a Result.
Result fromTransaction(const nlohmann::json& transaction) {
    Result result;
    result.providerReference = transaction.value("id", "");
    const auto status = transaction.value("status", "");
    if (status == "approved") {
        result.outcome = Outcome::Succeeded;
        if (const auto card = transaction.find("card"); card != transaction.end() && card->is_object()) {
            result.cardBrand = card->value("brand", "");
            result.cardLast4 = card->value("last4", "");
        }
        return result;
    }
    const auto declineCode = transaction.contains("decline_code") && transaction["decline_code"].is_string()
                                 ? transaction["decline_code"].get<std::string>()
                                 : std::string();
    result.outcome = Outcome::Declined;
    result.declineCode = marqueeDeclineCode(declineCode, declineCode);
    result.message = "terminal transaction " + status;
    return result;
}

} // namespace

CardTerminalProvider::CardTerminalProvider(CardTerminalOptions options)
    : m_api(options.apiUrl, options.secretKey,
            HttpClient::Options{options.timeout, options.connectTimeout, 1024 * 1024, "marquee-server"}),
      m_lookupApi(options.apiUrl, options.secretKey,
                  HttpClient::Options{options.lookupTimeout, options.connectTimeout, 1024 * 1024,
                                      "marquee-server"}),
      m_terminalIds(std::move(options.terminalIds)) {}

Result CardTerminalProvider::authorize(const AuthorizeRequest& request) {
    if (std::find(m_terminalIds.begin(), m_terminalIds.end(), request.terminalId) == m_terminalIds.end())
        return declined("processing_error", "unknown card terminal '" + request.terminalId + "'");
    if (request.idempotencyKey.empty()) return declined("processing_error", "no idempotency key");
    FormParams params{{"amount", std::to_string(request.amountMinor)},
                      {"currency", currencyParam(request.currency)},
                      {"metadata[order_id]", request.orderId}};
    if (!request.orderCode.empty()) params.emplace_back("metadata[order_code]", request.orderCode);
    if (!request.description.empty()) params.emplace_back("description", request.description);
    const auto reply = m_api.post("/v1/terminal/readers/" + request.terminalId + "/process_payment", params,
                                  request.idempotencyKey);
    if (reply.outcome == Outcome::Succeeded) return fromTransaction(reply.body);
    if (reply.outcome == Outcome::Declined) {
        Result result;
        if (const auto error = reply.body.find("error"); error != reply.body.end() && error->is_object())
            if (const auto transaction = error->find("transaction"); transaction != error->end() && transaction->is_object())
                result = fromTransaction(*transaction);
        result.outcome = Outcome::Declined;
        result.declineCode = reply.declineCode;
        result.message = reply.message;
        return result;
    }
    // No answer (the reader timed out, the connection broke) or 5xx: the customer may have paid.
    if (reply.transport == HttpResponse::Transport::ConnectFailed) {
        Result result;
        result.message = reply.message;
        return result; // RetryLater: nothing reached the terminal service
    }
    return lookUp(request.idempotencyKey, reply.message);
}

Result CardTerminalProvider::lookUp(const std::string& idempotencyKey, const std::string& why) {
    const auto reply = m_lookupApi.get("/v1/terminal/transactions?" + formEncode({{"idempotency_key", idempotencyKey}}));
    Result result;
    result.message = why;
    if (reply.outcome != Outcome::Succeeded) {
        result.message = why + "; looking the transaction up failed: " + reply.message;
        return result; // RetryLater
    }
    const auto data = reply.body.find("data");
    if (data == reply.body.end() || !data->is_array() || data->empty()) {
        result.message = why + "; the terminal service has no transaction for this key";
        return result; // RetryLater: the repeated call starts it with the same key
    }
    auto found = fromTransaction(data->front());
    log::info("terminal payment resolved by lookup",
              {{"key", idempotencyKey}, {"transaction", found.providerReference}, {"why", why}});
    return found;
}

Result CardTerminalProvider::capture(const FollowUpRequest& request) {
    // The terminal captured when it approved; nothing moves now.
    Result result;
    result.outcome = Outcome::Succeeded;
    result.providerReference = request.providerReference;
    return result;
}

Result CardTerminalProvider::voidAuthorization(const FollowUpRequest& request) {
    return refundTransaction(request, 0); // the whole amount back
}

Result CardTerminalProvider::refund(const FollowUpRequest& request) { return refundTransaction(request, request.amountMinor); }

Result CardTerminalProvider::refundTransaction(const FollowUpRequest& request, std::int64_t amountMinor) {
    if (request.providerReference.empty()) return declined("processing_error", "no terminal transaction to refund");
    FormParams params;
    if (amountMinor > 0) params.emplace_back("amount", std::to_string(amountMinor));
    if (!request.reason.empty()) params.emplace_back("reason", request.reason);
    params.emplace_back("metadata[order_id]", request.orderId);
    const auto reply = m_lookupApi.post("/v1/terminal/transactions/" + request.providerReference + "/refund", params,
                                        request.idempotencyKey);
    Result result;
    result.outcome = reply.outcome;
    result.declineCode = reply.declineCode;
    result.message = reply.message;
    if (reply.outcome == Outcome::Succeeded) result.providerReference = reply.body.value("id", "");
    return result;
}

} // namespace marquee::server::payments
