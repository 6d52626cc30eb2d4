// A stand-in for the card network in the order tests (the one thing that cannot run here):
// it answers like a provider with Idempotency-Key semantics — a repeated key gets the first
// answer back, RetryLater answers are not remembered — and follows a script of outcomes the
// test sets. It counts authorizations per order, so tests can check "at most one".
#pragma once

#include "payments/payment_provider.hpp"

#include <atomic>
#include <deque>
#include <functional>
#include <map>
#include <mutex>
#include <utility>
#include <string>
#include <vector>

namespace marquee::test {

class ScriptedCardProvider final : public server::payments::PaymentProvider {
public:
    using Result = server::payments::Result;
    using Outcome = server::payments::Outcome;

    std::string_view name() const override { return "scripted_card"; }

    // The next authorize answers (default: approve). Declined entries carry a decline code.
    void scriptAuthorize(Outcome outcome, std::string declineCode = {}) {
        const std::lock_guard lock(m_mutex);
        m_authorizeScript.push_back({outcome, std::move(declineCode)});
    }
    // Runs during the next authorize call (before it answers): lets a test make the world
    // change while the payment is under way (the hold lapsing).
    void duringNextAuthorize(std::function<void()> hook) {
        const std::lock_guard lock(m_mutex);
        m_hook = std::move(hook);
    }

    Result authorize(const server::payments::AuthorizeRequest& request) override {
        std::function<void()> hook;
        Step step{Outcome::Succeeded, {}};
        {
            const std::lock_guard lock(m_mutex);
            ++m_calls[request.idempotencyKey];
            if (const auto it = m_answers.find(request.idempotencyKey); it != m_answers.end()) return it->second;
            if (!m_authorizeScript.empty()) {
                step = m_authorizeScript.front();
                m_authorizeScript.pop_front();
            }
            hook = std::exchange(m_hook, nullptr);
        }
        if (hook) hook();
        Result result;
        result.outcome = step.outcome;
        if (step.outcome == Outcome::Succeeded) {
            result.providerReference = "pi_test_" + std::to_string(++m_sequence);
            result.cardBrand = "visa";
            result.cardLast4 = "4242";
            const std::lock_guard lock(m_mutex);
            ++m_authorizations[request.orderId];
        } else if (step.outcome == Outcome::Declined) {
            result.declineCode = step.declineCode;
            result.message = "Your card was declined.";
        } else {
            result.message = "connection reset by peer";
            return result; // an unknown outcome is not remembered: the repeat decides
        }
        const std::lock_guard lock(m_mutex);
        m_answers[request.idempotencyKey] = result;
        return result;
    }

    Result capture(const server::payments::FollowUpRequest& request) override {
        return followUp(request, "captured");
    }
    Result voidAuthorization(const server::payments::FollowUpRequest& request) override {
        return followUp(request, "voided");
    }
    Result refund(const server::payments::FollowUpRequest& request) override {
        return followUp(request, "refunded");
    }

    int authorizations(const std::string& orderId) const {
        const std::lock_guard lock(m_mutex);
        const auto it = m_authorizations.find(orderId);
        return it == m_authorizations.end() ? 0 : it->second;
    }
    int callsWithKey(const std::string& key) const {
        const std::lock_guard lock(m_mutex);
        const auto it = m_calls.find(key);
        return it == m_calls.end() ? 0 : it->second;
    }
    // "<what>:<reference>" for every capture/void/refund that moved money, in order.
    std::vector<std::string> followUps() const {
        const std::lock_guard lock(m_mutex);
        return m_followUps;
    }

private:
    struct Step {
        Outcome outcome;
        std::string declineCode;
    };

    Result followUp(const server::payments::FollowUpRequest& request, const std::string& what) {
        const std::lock_guard lock(m_mutex);
        ++m_calls[request.idempotencyKey];
        if (const auto it = m_answers.find(request.idempotencyKey); it != m_answers.end()) return it->second;
        Result result;
        if (request.providerReference.rfind("pi_test_", 0) != 0) {
            // Like a real provider: an unknown payment is refused.
            result.outcome = Outcome::Declined;
            result.declineCode = "resource_missing";
            result.message = "No such payment_intent";
        } else {
            result.outcome = Outcome::Succeeded;
            result.providerReference = what == "refunded" ? "re_test_" + std::to_string(++m_sequence)
                                                          : request.providerReference;
            m_followUps.push_back(what + ":" + request.providerReference);
        }
        m_answers[request.idempotencyKey] = result;
        return result;
    }

    mutable std::mutex m_mutex;
    std::deque<Step> m_authorizeScript;
    std::function<void()> m_hook;
    std::map<std::string, Result> m_answers;
    std::map<std::string, int> m_calls;
    std::map<std::string, int> m_authorizations;
    std::vector<std::string> m_followUps;
    std::atomic<int> m_sequence{0};
};

} // namespace marquee::test
