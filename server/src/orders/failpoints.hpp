// Crash points for the saga's SIGKILL tests: MARQUEE_FAILPOINTS=saga.authorize.called,...
// makes the process kill itself (SIGKILL, no clean-up) when it reaches a named point. Unset
// (production), a failpoint costs one branch on a flag read once.
#pragma once

#include <string_view>

namespace marquee::server::orders {

// Names: "saga.<step>.<where>", step one of authorize, confirm, capture, issue_tickets, mail,
// void_payment, release_seats, refund; where: before (nothing of the step recorded), started
// (its start committed, provider not called yet), called (provider answered, answer not
// recorded), inside (a database-only step's transaction, before commit), after (committed).
void failpoint(std::string_view name);

} // namespace marquee::server::orders
