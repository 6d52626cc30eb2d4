// CashProvider (see cash_provider.hpp). Stateless: the drawer is the staff member's.
#include "orders/cash_provider.hpp"

#include "common/digest.hpp"

namespace marquee::server::orders {

namespace {

payments::Result succeeded(std::string reference, std::string message) {
    payments::Result result;
    result.outcome = payments::Outcome::Succeeded;
    result.providerReference = std::move(reference);
    result.message = std::move(message);
    return result;
}

} // namespace

std::string CashProvider::receiptNumber(const std::string& idempotencyKey) {
    // 12 hex digits of SHA-256: distinct per key for any realistic number of sales.
    return "CR-" + sha256Hex(idempotencyKey).substr(0, 12);
}

payments::Result CashProvider::authorize(const payments::AuthorizeRequest& request) {
    if (request.amountMinor < 0 || request.cashTenderedMinor < request.amountMinor) {
        payments::Result result;
        result.outcome = payments::Outcome::Declined;
        result.declineCode = "insufficient_cash";
        result.message = "tendered " + std::to_string(request.cashTenderedMinor) + " is less than the total " +
                         std::to_string(request.amountMinor);
        return result;
    }
    auto result = succeeded(receiptNumber(request.idempotencyKey), "cash received");
    result.changeDueMinor = request.cashTenderedMinor - request.amountMinor;
    return result;
}

payments::Result CashProvider::capture(const payments::FollowUpRequest& request) {
    // Cash was taken at authorization; capturing moves nothing.
    return succeeded(request.providerReference, "cash needs no capture");
}

payments::Result CashProvider::voidAuthorization(const payments::FollowUpRequest& request) {
    return succeeded(receiptNumber(request.idempotencyKey),
                     "hand back " + std::to_string(request.amountMinor) + " in cash");
}

payments::Result CashProvider::refund(const payments::FollowUpRequest& request) {
    return succeeded(receiptNumber(request.idempotencyKey),
                     "pay out " + std::to_string(request.amountMinor) + " in cash");
}

} // namespace marquee::server::orders
