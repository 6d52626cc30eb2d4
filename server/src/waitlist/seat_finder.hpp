// Which seats a waitlist entry could be offered right now, read from the event's claims: N
// adjacent seats of the wanted category (core::seating::bestAvailable), otherwise N seats of it
// apart, otherwise general-admission places. JoinWaitlist asks it too (not_sold_out).
#pragma once

#include "marquee/core/seating/seat_index.hpp"
#include "services/api_internal.hpp"

#include <pqxx/pqxx>

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace marquee::server::waitlist {

// An event's seating as the offer worker sees it: live claims count as taken, lapsed holds
// the sweeper has not released yet as free (HoldSeats releases them on the way).
struct EventSeating {
    std::string eventId;
    std::shared_ptr<const detail::LoadedLayout> layout;
    std::vector<core::seating::SeatStatus> status;  // Available or Held, one per seat
    std::map<std::string, std::uint32_t> gaFree;     // general-admission area -> free places

    // Marks seats as taken (after they were offered, or lost to another hold).
    void take(const std::vector<std::uint32_t>& seats);
};

// nullopt when the event has no seat map (nothing can be held).
std::optional<EventSeating> loadEventSeating(pqxx::transaction_base& tx, const std::string& eventId);

struct SeatOffer {
    std::vector<std::uint32_t> seats; // flat seat indexes (seated offers)
    std::string gaAreaId;             // general admission: the area, `count` places
    std::uint32_t count = 0;
    bool apart = false;               // seated, but not N adjacent seats
};

// What `count` seats or places of `priceCategoryId` (empty: any) would be offered now, or
// nullopt. Wheelchair spaces and companion seats are never offered (as in best available).
std::optional<SeatOffer> findSeats(const EventSeating& seating, const std::string& priceCategoryId,
                                   std::uint32_t count);

// N free seats of the category (empty: any) wherever they are, or nullopt when fewer are free:
// from the rows with the most free seats first (a group stays in as few rows as it can),
// nearest the focal point within a row; sorted by index. Wheelchair spaces and companion seats
// are left out. Leases by category fall back on it too.
std::optional<std::vector<std::uint32_t>> seatsApart(const EventSeating& seating, const std::string& priceCategoryId,
                                                     std::uint32_t count);

// True when the seats sit side by side in one row, no aisle between neighbours (as best
// available judges adjacency: at most 1.5 seat pitches apart).
bool sideBySide(const EventSeating& seating, std::vector<std::uint32_t> seats);

// Seats and places of the category that exist at all (free or not), for "more than the venue has".
std::uint32_t categoryCapacity(const EventSeating& seating, const std::string& priceCategoryId);

} // namespace marquee::server::waitlist
