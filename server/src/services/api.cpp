// Api: dispatches one request to its service and turns every failure into a typed v1::Error.
#include "services/api.hpp"

#include "common/log.hpp"
#include "marquee/core/validation.hpp"
#include "marquee/protocol/conversions.hpp"
#include "orders/payment_registry.hpp"
#include "services/api_internal.hpp"
#include "services/boxoffice.hpp"

#include <stdexcept>

namespace marquee::server {

namespace {

constexpr int kMaxAttempts = 4; // serialization failures and deadlocks are retried

std::int64_t systemNowMs() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

ApiStep errorStep(v1::ErrorCode code, std::string message, const std::map<std::string, std::string>& details = {}) {
    return detail::answered([&](v1::Envelope& out) { protocol::setError(out, code, std::move(message), details); });
}

// Runs one step with the error mapping every request shares.
template <typename Run>
ApiStep guarded(const v1::Envelope& request, Run&& run) {
    const auto type = protocol::bodyName(request);
    for (int attempt = 1;; ++attempt) {
        try {
            return run();
        } catch (const detail::ApiError& e) {
            return errorStep(e.code, e.message, e.details);
        } catch (const pqxx::transaction_rollback& e) {
            // serialization_failure / deadlock_detected: the transaction rolled back whole.
            if (attempt < kMaxAttempts) {
                log::debug("retrying request after transaction rollback",
                           {{"request", type}, {"attempt", attempt}, {"error", e.what()}});
                continue;
            }
            log::error("request failed after retries", {{"request", type}, {"error", e.what()}});
            return errorStep(v1::UNAVAILABLE, "the server is busy; try again");
        } catch (const pqxx::broken_connection& e) {
            log::warn("database unavailable", {{"request", type}, {"error", e.what()}});
            return errorStep(v1::UNAVAILABLE, "the database is unavailable; try again later");
        } catch (const pqxx::in_doubt_error& e) {
            // The commit may or may not have happened; idempotent retries make that safe.
            log::warn("commit outcome unknown", {{"request", type}, {"error", e.what()}});
            return errorStep(v1::UNAVAILABLE, "the database connection was lost; try again");
        } catch (const pqxx::data_exception& e) {
            // Input PostgreSQL refused (a malformed uuid, a value out of range, ...): the
            // client's fault, not ours. The SQL text stays in the log.
            log::debug("request refused by the database", {{"request", type}, {"error", e.what()}});
            return errorStep(v1::INVALID_ARGUMENT, "a value in the request is not acceptable");
        } catch (const pqxx::integrity_constraint_violation& e) {
            log::debug("request violates a constraint", {{"request", type}, {"error", e.what()}});
            return errorStep(v1::INVALID_ARGUMENT, "the request conflicts with the stored data");
        } catch (const std::exception& e) {
            log::error("request failed", {{"request", type}, {"error", e.what()}});
            return errorStep(v1::INTERNAL, "internal server error");
        }
    }
}

ApiStep dbStep(std::function<void(pqxx::connection&, v1::Envelope&)> body) {
    ApiStep step;
    step.db = [body = std::move(body)](pqxx::connection& conn) {
        ApiStep done;
        done.answer.emplace();
        body(conn, *done.answer);
        return done;
    };
    return step;
}

} // namespace

Api::Api() : Api(Options{}) {}

Api::Api(Options options) : m_options(std::move(options)) {
    if (m_options.pullLimitCap == 0) m_options.pullLimitCap = kPullLimitCap;
    if (!m_options.payments) m_options.payments = orders::PaymentRegistry::withCash();
}

std::optional<Principal> Api::authenticate(pqxx::connection& conn, std::string_view bearerToken) {
    return detail::authenticate(conn, bearerToken);
}

ApiStep Api::finish(const v1::Envelope& request, v1::Envelope answer) const {
    answer.set_request_id(request.request_id());
    ApiStep step;
    step.answer = std::move(answer);
    return step;
}

ApiStep Api::begin(const Principal& who, const RequestMeta& meta, const v1::Envelope& request) {
    auto step = guarded(request, [&]() -> ApiStep {
        if (who.isExpired(systemNowMs())) detail::fail(v1::UNAUTHENTICATED, "the session has expired; log in again");
        const auto& options = m_options;
        switch (request.body_case()) {
        case v1::Envelope::kRegister:
        case v1::Envelope::kLogin:
            // A token belongs to one identity for the life of its connection.
            if (who.isAuthenticated())
                detail::fail(v1::FAILED_PRECONDITION, "Register and Login are for anonymous connections");
            return request.has_register_() ? detail::registerUser(options, meta, request.register_())
                                           : detail::login(options, meta, request.login());
        case v1::Envelope::kLogout:
            return dbStep([who](pqxx::connection& conn, v1::Envelope& out) {
                *out.mutable_ack() = detail::logout(conn, who);
            });
        case v1::Envelope::kPullChanges:
            return dbStep([options, who, pull = request.pull_changes()](pqxx::connection& conn, v1::Envelope& out) {
                *out.mutable_change_batch() = detail::pullChanges(conn, options, who, pull);
            });
        case v1::Envelope::kWishlistMutation:
            return dbStep([who, mutation = request.wishlist_mutation()](pqxx::connection& conn, v1::Envelope& out) {
                *out.mutable_ack() = detail::wishlistMutation(conn, who, mutation);
            });
        case v1::Envelope::kUpsertEvent:
            return dbStep([who, upsert = request.upsert_event()](pqxx::connection& conn, v1::Envelope& out) {
                *out.mutable_ack() = detail::upsertEvent(conn, who, upsert);
            });
        case v1::Envelope::kDeleteEvent:
            return dbStep([who, del = request.delete_event()](pqxx::connection& conn, v1::Envelope& out) {
                *out.mutable_ack() = detail::deleteEvent(conn, who, del);
            });
        case v1::Envelope::kSaveLayout:
            return dbStep([who, save = request.save_layout()](pqxx::connection& conn, v1::Envelope& out) {
                *out.mutable_ack() = detail::saveLayout(conn, who, save);
            });
        case v1::Envelope::kGetLayout:
            return dbStep([who, get = request.get_layout()](pqxx::connection& conn, v1::Envelope& out) {
                *out.mutable_seating_layout() = detail::getLayout(conn, who, get);
            });
        case v1::Envelope::kAssignEventLayout:
            return dbStep([who, assign = request.assign_event_layout()](pqxx::connection& conn, v1::Envelope& out) {
                *out.mutable_ack() = detail::assignEventLayout(conn, who, assign);
            });
        case v1::Envelope::kSetSeatsBlocked:
            return dbStep([who, block = request.set_seats_blocked()](pqxx::connection& conn, v1::Envelope& out) {
                *out.mutable_ack() = detail::setSeatsBlocked(conn, who, block);
            });
        case v1::Envelope::kSubscribeSeats:
            return dbStep([who, subscribe = request.subscribe_seats()](pqxx::connection& conn, v1::Envelope& out) {
                *out.mutable_seat_snapshot() = detail::subscribeSeats(conn, who, subscribe);
            });
        case v1::Envelope::kUnsubscribeSeats:
            // The connection drops its subscription itself (websocket_session); nothing to store.
            return detail::answered([&](v1::Envelope& out) {
                out.mutable_ack()->set_id(core::lowerAscii(request.unsubscribe_seats().event_id()));
            });
        case v1::Envelope::kSearchRequest:
            return dbStep([search = request.search_request()](pqxx::connection& conn, v1::Envelope& out) {
                *out.mutable_search_response() = detail::search(conn, search, systemNowMs());
            });
        case v1::Envelope::kSuggestRequest:
            return dbStep([suggest = request.suggest_request()](pqxx::connection& conn, v1::Envelope& out) {
                *out.mutable_suggest_response() = detail::suggest(conn, suggest, systemNowMs());
            });
        case v1::Envelope::kListSources:
            detail::requireAdmin(who);
            return dbStep([who](pqxx::connection& conn, v1::Envelope& out) {
                *out.mutable_source_list() = detail::listIngestSources(conn, who);
            });
        case v1::Envelope::kRunSource:
            // Holds a pool connection for the fetch and ingest (bounded by the 30 s fetch
            // timeout plus the payload's ingest); runs are admin-initiated and rare.
            detail::requireAdmin(who);
            return dbStep([who, run = request.run_source()](pqxx::connection& conn, v1::Envelope& out) {
                *out.mutable_source_run_result() = detail::runIngestSource(conn, who, run);
            });
        case v1::Envelope::kListQuarantine:
            detail::requireAdmin(who);
            return dbStep([who, list = request.list_quarantine()](pqxx::connection& conn, v1::Envelope& out) {
                *out.mutable_quarantine_list() = detail::listQuarantine(conn, who, list);
            });
        case v1::Envelope::kRetryQuarantined:
            detail::requireAdmin(who);
            return dbStep([who, retry = request.retry_quarantined()](pqxx::connection& conn, v1::Envelope& out) {
                *out.mutable_retry_results() = detail::retryQuarantined(conn, who, retry);
            });
        case v1::Envelope::kSetCategoryMapping:
            detail::requireAdmin(who);
            return dbStep([who, mapping = request.set_category_mapping()](pqxx::connection& conn, v1::Envelope& out) {
                *out.mutable_ack() = detail::setCategoryMapping(conn, who, mapping);
            });
        case v1::Envelope::kAddSource:
            detail::requireAdmin(who);
            return dbStep([who, add = request.add_source()](pqxx::connection& conn, v1::Envelope& out) {
                *out.mutable_source_list() = detail::addIngestSource(conn, who, add);
            });
        case v1::Envelope::kSetSourcePaused:
            detail::requireAdmin(who);
            return dbStep([who, pause = request.set_source_paused()](pqxx::connection& conn, v1::Envelope& out) {
                *out.mutable_ack() = detail::setIngestSourcePaused(conn, who, pause);
            });
        case v1::Envelope::kListCategoryMappings:
            detail::requireAdmin(who);
            return dbStep([who, list = request.list_category_mappings()](pqxx::connection& conn, v1::Envelope& out) {
                *out.mutable_category_mapping_list() = detail::listCategoryMappings(conn, who, list);
            });
        case v1::Envelope::kListIngestRuns:
            detail::requireAdmin(who);
            return dbStep([who, list = request.list_ingest_runs()](pqxx::connection& conn, v1::Envelope& out) {
                *out.mutable_ingest_run_list() = detail::listIngestRuns(conn, who, list);
            });
        case v1::Envelope::kRecordSignals:
            return dbStep([who, signals = request.record_signals()](pqxx::connection& conn, v1::Envelope& out) {
                *out.mutable_ack() = detail::recordSignals(conn, who, signals, systemNowMs());
            });
        case v1::Envelope::kGetRecommendations:
            return dbStep([who, get = request.get_recommendations()](pqxx::connection& conn, v1::Envelope& out) {
                *out.mutable_recommendation_list() = detail::getRecommendations(conn, who, get, systemNowMs());
            });
        case v1::Envelope::kGetSimilarEvents:
            return dbStep([get = request.get_similar_events()](pqxx::connection& conn, v1::Envelope& out) {
                *out.mutable_recommendation_list() = detail::getSimilarEvents(conn, get, systemNowMs());
            });
        case v1::Envelope::kGetTrending:
            return dbStep([get = request.get_trending()](pqxx::connection& conn, v1::Envelope& out) {
                *out.mutable_recommendation_list() = detail::getTrending(conn, get, systemNowMs());
            });
        case v1::Envelope::kGetRecommendationSettings:
            return dbStep([who](pqxx::connection& conn, v1::Envelope& out) {
                *out.mutable_recommendation_settings() = detail::getRecommendationSettings(conn, who);
            });
        case v1::Envelope::kSetRecommendationSettings:
            return dbStep([who, set = request.set_recommendation_settings()](pqxx::connection& conn, v1::Envelope& out) {
                *out.mutable_recommendation_settings() = detail::setRecommendationSettings(conn, who, set);
            });
        case v1::Envelope::kDeleteMyHistory:
            return dbStep([who](pqxx::connection& conn, v1::Envelope& out) {
                *out.mutable_ack() = detail::deleteMyHistory(conn, who);
            });
        case v1::Envelope::kHoldSeats:
            return dbStep([who, hold = request.hold_seats()](pqxx::connection& conn, v1::Envelope& out) {
                *out.mutable_hold_result() = detail::holdSeats(conn, who, hold);
            });
        case v1::Envelope::kExtendHold:
            return dbStep([who, extend = request.extend_hold()](pqxx::connection& conn, v1::Envelope& out) {
                *out.mutable_hold_result() = detail::extendHold(conn, who, extend);
            });
        case v1::Envelope::kReleaseHold:
            return dbStep([who, release = request.release_hold()](pqxx::connection& conn, v1::Envelope& out) {
                *out.mutable_ack() = detail::releaseHold(conn, who, release);
            });
        // Orders (104-113, 119-121; the waitlist's 114-118 are the waitlist service's).
        case v1::Envelope::kCreateOrder:
            return dbStep([who, device = meta.deviceId, payments = options.payments,
                           create = request.create_order()](pqxx::connection& conn, v1::Envelope& out) {
                *out.mutable_order() = detail::createOrder(conn, *payments, who, device, create);
            });
        case v1::Envelope::kGetOrder:
            return dbStep([who, get = request.get_order()](pqxx::connection& conn, v1::Envelope& out) {
                *out.mutable_order() = detail::getOrder(conn, who, get);
            });
        case v1::Envelope::kListOrders:
            return dbStep([who, list = request.list_orders()](pqxx::connection& conn, v1::Envelope& out) {
                *out.mutable_order_list() = detail::listOrders(conn, who, list);
            });
        case v1::Envelope::kFindOrders:
            return dbStep([who, find = request.find_orders()](pqxx::connection& conn, v1::Envelope& out) {
                *out.mutable_order_list() = detail::findOrders(conn, who, find);
            });
        case v1::Envelope::kCancelOrder:
            return dbStep([who, device = meta.deviceId, payments = options.payments,
                           cancel = request.cancel_order()](pqxx::connection& conn, v1::Envelope& out) {
                *out.mutable_order() = detail::cancelOrder(conn, *payments, who, device, cancel);
            });
        case v1::Envelope::kCancelEvent:
            return dbStep([who, cancel = request.cancel_event()](pqxx::connection& conn, v1::Envelope& out) {
                *out.mutable_ack() = detail::cancelEvent(conn, who, cancel);
            });
        case v1::Envelope::kSetBookingRules:
            return dbStep([who, set = request.set_booking_rules()](pqxx::connection& conn, v1::Envelope& out) {
                *out.mutable_booking_rules() = detail::setBookingRules(conn, who, set);
            });
        case v1::Envelope::kGetBookingRules:
            return dbStep([who, get = request.get_booking_rules()](pqxx::connection& conn, v1::Envelope& out) {
                *out.mutable_booking_rules() = detail::getBookingRules(conn, who, get);
            });
        case v1::Envelope::kGetPaymentConfig:
            return detail::answered([&](v1::Envelope& out) {
                *out.mutable_payment_config() = detail::getPaymentConfig(*options.payments, who);
            });
        case v1::Envelope::kJoinWaitlist:
            return dbStep([who, join = request.join_waitlist()](pqxx::connection& conn, v1::Envelope& out) {
                *out.mutable_waitlist_entry() = detail::joinWaitlist(conn, who, join);
            });
        case v1::Envelope::kLeaveWaitlist:
            return dbStep([who, leave = request.leave_waitlist()](pqxx::connection& conn, v1::Envelope& out) {
                *out.mutable_waitlist_entry() = detail::leaveWaitlist(conn, who, leave);
            });
        case v1::Envelope::kListWaitlist:
            return dbStep([who, list = request.list_waitlist()](pqxx::connection& conn, v1::Envelope& out) {
                *out.mutable_waitlist_list() = detail::listWaitlist(conn, who, list);
            });
        // Box office (160-169, 176-178; check-in 170-175 is the check-in service's).
        case v1::Envelope::kRegisterDevice:
            return dbStep([caller = detail::requireBoxOffice(who, meta.deviceId),
                           reg = request.register_device()](pqxx::connection& conn, v1::Envelope& out) {
                *out.mutable_device_certificate() = detail::registerDevice(conn, caller, reg);
            });
        case v1::Envelope::kLeaseSeats:
            return dbStep([caller = detail::requireBoxOffice(who, meta.deviceId),
                           lease = request.lease_seats()](pqxx::connection& conn, v1::Envelope& out) {
                *out.mutable_lease() = detail::leaseSeats(conn, caller, lease);
            });
        case v1::Envelope::kReturnLease:
            return dbStep([caller = detail::requireBoxOffice(who, meta.deviceId),
                           ret = request.return_lease()](pqxx::connection& conn, v1::Envelope& out) {
                *out.mutable_lease() = detail::returnLease(conn, caller, ret);
            });
        case v1::Envelope::kListLeases:
            return dbStep([caller = detail::requireBoxOffice(who, meta.deviceId),
                           list = request.list_leases()](pqxx::connection& conn, v1::Envelope& out) {
                *out.mutable_lease_list() = detail::listLeases(conn, caller, list);
            });
        case v1::Envelope::kUploadOfflineSales:
            return dbStep([caller = detail::requireBoxOffice(who, meta.deviceId),
                           upload = request.upload_offline_sales()](pqxx::connection& conn, v1::Envelope& out) {
                *out.mutable_offline_sale_results() = detail::uploadOfflineSales(conn, caller, upload);
            });
        case v1::Envelope::kExchangeSeats:
            return dbStep([caller = detail::requireBoxOffice(who, meta.deviceId), payments = options.payments,
                           exchange = request.exchange_seats()](pqxx::connection& conn, v1::Envelope& out) {
                *out.mutable_order() = detail::exchangeSeats(conn, *payments, caller, exchange);
            });
        case v1::Envelope::kGetDayReport:
            return dbStep([caller = detail::requireBoxOffice(who, meta.deviceId),
                           get = request.get_day_report()](pqxx::connection& conn, v1::Envelope& out) {
                *out.mutable_day_report() = detail::getDayReport(conn, caller, get);
            });
        case v1::Envelope::kRecordCashCount:
            return dbStep([caller = detail::requireBoxOffice(who, meta.deviceId),
                           count = request.record_cash_count()](pqxx::connection& conn, v1::Envelope& out) {
                *out.mutable_ack() = detail::recordCashCount(conn, caller, count);
            });
        // Device revocation (179-182, device_revocation_service.cpp): organizers and admins.
        case v1::Envelope::kListDevices:
            return dbStep([who, list = request.list_devices()](pqxx::connection& conn, v1::Envelope& out) {
                *out.mutable_device_list() = detail::listDevices(conn, who, list);
            });
        case v1::Envelope::kRevokeDevice:
            return dbStep([who, revoke = request.revoke_device()](pqxx::connection& conn, v1::Envelope& out) {
                *out.mutable_device_info() = detail::revokeDevice(conn, who, revoke);
            });
        // Check-in (170-175, check_in_service.cpp); the connection registers WatchCheckIns itself.
        case v1::Envelope::kCheckIn:
            return dbStep([who, device = meta.deviceId, check = request.check_in()](pqxx::connection& conn,
                                                                                    v1::Envelope& out) {
                *out.mutable_check_in_result() = detail::checkIn(conn, who, device, check);
            });
        case v1::Envelope::kUploadCheckIns:
            return dbStep([who, device = meta.deviceId, upload = request.upload_check_ins()](pqxx::connection& conn,
                                                                                             v1::Envelope& out) {
                *out.mutable_check_in_results() = detail::uploadCheckIns(conn, who, device, upload);
            });
        case v1::Envelope::kWatchCheckIns:
            return dbStep([who, device = meta.deviceId, watch = request.watch_check_ins()](pqxx::connection& conn,
                                                                                           v1::Envelope& out) {
                *out.mutable_check_in_batch() = detail::watchCheckIns(conn, who, device, watch);
            });
        case v1::Envelope::kHello:
            detail::fail(v1::FAILED_PRECONDITION, "Hello is answered by the connection, not the API");
        case v1::Envelope::BODY_NOT_SET: detail::fail(v1::UNIMPLEMENTED, "unknown or empty request");
        default: detail::fail(v1::UNIMPLEMENTED, "this message is not a request");
        }
    });
    if (step.answer) return finish(request, std::move(*step.answer));
    return step;
}

ApiStep Api::runDb(pqxx::connection& conn, const v1::Envelope& request,
                   const std::function<ApiStep(pqxx::connection&)>& step) {
    auto next = guarded(request, [&] { return step(conn); });
    if (next.answer) return finish(request, std::move(*next.answer));
    return next;
}

ApiStep Api::runCpu(const v1::Envelope& request, const std::function<ApiStep()>& step) {
    auto next = guarded(request, [&] { return step(); });
    if (next.answer) return finish(request, std::move(*next.answer));
    return next;
}

v1::Envelope Api::handle(pqxx::connection& conn, const Principal& who, const RequestMeta& meta,
                         const v1::Envelope& request) {
    auto step = begin(who, meta, request);
    while (!step.answer) step = step.db ? runDb(conn, request, step.db) : runCpu(request, step.cpu);
    return std::move(*step.answer);
}

FeedRange Api::changesInRange(pqxx::connection& conn, std::uint64_t after, std::uint64_t upTo) {
    return detail::changesInRange(conn, after, upTo, m_options.fanOutRowCap, m_options.pullByteBudget);
}

std::uint64_t Api::head(pqxx::connection& conn) { return detail::head(conn); }

v1::Envelope Api::hello(pqxx::connection& conn, const Principal& who, const v1::Envelope& request) {
    auto step = guarded(request, [&] {
        return detail::answered([&](v1::Envelope& out) { *out.mutable_hello_ok() = detail::hello(conn, who, request.hello()); });
    });
    return std::move(*finish(request, std::move(*step.answer)).answer);
}

SeatChangeRange Api::seatChangesAfter(pqxx::connection& conn, const std::string& eventId, std::uint64_t after,
                                      std::size_t maxRows) {
    return detail::seatChangesAfter(conn, eventId, after, maxRows);
}

std::vector<std::pair<std::string, std::uint64_t>> Api::seatStatusSeqs(pqxx::connection& conn,
                                                                       const std::vector<std::string>& eventIds) {
    return detail::seatStatusSeqs(conn, eventIds);
}

std::size_t Api::pruneSeatStatusLog(pqxx::connection& conn, std::chrono::seconds retention) {
    return detail::pruneSeatStatusLog(conn, retention);
}

std::size_t Api::stampSeatChanges(pqxx::connection& conn, std::size_t maxEvents) {
    return detail::stampSeatChanges(conn, maxEvents);
}

std::size_t Api::sweepExpiredHolds(pqxx::connection& conn, std::size_t maxHolds) {
    return detail::sweepExpiredHolds(conn, maxHolds);
}

std::size_t Api::sweepExpiredLeases(pqxx::connection& conn, std::size_t maxLeases) {
    return detail::sweepExpiredLeases(conn, maxLeases);
}

v1::CheckInBatch Api::checkInsAfter(pqxx::connection& conn, const std::string& eventId, std::uint64_t after) {
    pqxx::read_transaction tx(conn);
    return detail::checkInsAfter(tx, eventId, after);
}

std::int64_t Api::createUser(pqxx::connection& conn, std::string_view email, std::string_view password,
                             core::Role role) {
    return detail::createUser(conn, email, password, role, {});
}

} // namespace marquee::server
