-- Seating: layout lineages and their immutable versions, the layout an event sells, seat
-- claims (only seats that are not available have a row), general-admission counters, and
-- the per-event status log that live seat-map deltas are read from (docs/architecture.md).

-- A venue's drawn layout; every save adds a version. owner_id NULL: a house layout of the
-- venue (demo data), editable by admins only and usable by any organizer.
CREATE TABLE seating_layouts (
    id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    venue_id       uuid NOT NULL REFERENCES venues (id),
    name           text NOT NULL CHECK (name <> ''),
    owner_id       bigint REFERENCES users (id) ON DELETE SET NULL,
    newest_version integer NOT NULL DEFAULT 0 CHECK (newest_version >= 0),
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX seating_layouts_venue_idx ON seating_layouts (venue_id);
CREATE INDEX seating_layouts_owner_idx ON seating_layouts (owner_id) WHERE owner_id IS NOT NULL;

-- A saved version is never changed. layout: the encoded marquee.v1.SeatingLayout without its
-- background (the same bytes as the change-log payload); background: the encoded
-- LayoutBackground (organizers and admins only, through GetLayout), NULL when there is none.
CREATE TABLE seating_layout_versions (
    layout_id  uuid NOT NULL REFERENCES seating_layouts (id) ON DELETE CASCADE,
    version    integer NOT NULL CHECK (version >= 1),
    layout     bytea NOT NULL,
    background bytea,
    seat_count integer NOT NULL CHECK (seat_count >= 0),
    created_by bigint REFERENCES users (id) ON DELETE SET NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (layout_id, version)
);

-- The frozen layout version an event sells (both NULL: no seat map).
ALTER TABLE events
    ADD COLUMN layout_id uuid,
    ADD COLUMN layout_version integer,
    ADD CONSTRAINT events_layout_fk FOREIGN KEY (layout_id, layout_version)
        REFERENCES seating_layout_versions (layout_id, version),
    ADD CONSTRAINT events_layout_pair CHECK ((layout_id IS NULL) = (layout_version IS NULL));
CREATE INDEX events_layout_idx ON events (layout_id, layout_version) WHERE layout_id IS NOT NULL;

-- Per-event seat-status sequence: bumped once per committed status change (the last
-- statement of the writing transaction, so writers of one event commit in status_seq order
-- and a reader of "rows after N" can never skip one that commits late).
CREATE TABLE event_seat_state (
    event_id   uuid PRIMARY KEY REFERENCES events (id) ON DELETE CASCADE,
    status_seq bigint NOT NULL DEFAULT 0 CHECK (status_seq >= 0)
);

-- One row per seat that is not available. A release deletes the row. The unique constraint
-- on (event_id, seat_id) is the last guard of the booking path (DESIGN.md §6): whatever the
-- advisory locks do, a seat has at most one claim. seat_index is the seat's position in the
-- event's layout version (SeatIndex order), re-mapped when the event moves to another version.
-- holder_user_id: who holds, bought or leased the seat; expires_at: when a hold or lease
-- lapses (the hold sweeper deletes it); order_id: the booking saga the claim belongs to.
CREATE TABLE seat_claims (
    id             bigserial PRIMARY KEY,
    event_id       uuid NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    seat_id        text NOT NULL CHECK (seat_id <> ''),
    seat_index     integer NOT NULL CHECK (seat_index >= 0),
    kind           text NOT NULL CHECK (kind IN ('blocked', 'held', 'sold', 'leased')),
    holder_user_id bigint REFERENCES users (id) ON DELETE SET NULL,
    expires_at     timestamptz,
    order_id       uuid,
    created_by     bigint REFERENCES users (id) ON DELETE SET NULL,
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT seat_claims_live_unique UNIQUE (event_id, seat_id),
    CHECK (kind <> 'held' OR (holder_user_id IS NOT NULL AND expires_at IS NOT NULL)),
    CHECK (kind <> 'blocked' OR expires_at IS NULL)
);
CREATE INDEX seat_claims_expiry_idx ON seat_claims (expires_at) WHERE expires_at IS NOT NULL;
CREATE INDEX seat_claims_holder_idx ON seat_claims (holder_user_id) WHERE holder_user_id IS NOT NULL;

-- General-admission places per event and area (capacity copied from the layout version).
CREATE TABLE seat_ga_counters (
    event_id uuid NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    area_id  text NOT NULL,
    capacity integer NOT NULL CHECK (capacity >= 0),
    taken    integer NOT NULL DEFAULT 0 CHECK (taken >= 0 AND taken <= capacity),
    PRIMARY KEY (event_id, area_id)
);

-- What changed, per event and status_seq: one row per seat (new status byte, holder for
-- holds) or per GA area (new taken count). Read by every instance's seat feed after a
-- NOTIFY on "marquee_seats" (payload "<event id>:<status_seq>"); pruned after a few minutes
-- (never an event's newest group, so a reader that fell behind sees a gap, not silence).
-- Only the database's global id orders inserts; deltas use event_seq.
CREATE TABLE seat_status_log (
    id             bigserial PRIMARY KEY,
    event_id       uuid NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    event_seq      bigint NOT NULL,
    seat_index     integer CHECK (seat_index >= 0),
    status         smallint CHECK (status BETWEEN 0 AND 5),
    holder_user_id bigint,
    area_id        text,
    ga_capacity    integer,
    ga_taken       integer,
    created_at     timestamptz NOT NULL DEFAULT now(),
    CHECK ((seat_index IS NOT NULL AND status IS NOT NULL AND area_id IS NULL)
        OR (seat_index IS NULL AND area_id IS NOT NULL AND ga_taken IS NOT NULL AND ga_capacity IS NOT NULL))
);
CREATE INDEX seat_status_log_event_idx ON seat_status_log (event_id, event_seq);
CREATE INDEX seat_status_log_created_idx ON seat_status_log (created_at);
