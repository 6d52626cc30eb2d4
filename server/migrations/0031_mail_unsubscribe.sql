-- One-click unsubscribe for the wishlist alerts and the weekly digest (RFC 8058; docs/mail.md,
-- "Unsubscribing"). Each such mail carries a link whose token is the user, the setting and an
-- HMAC over both under this key, so no row is written per mail and any server instance can
-- check a link. The key comes from PostgreSQL's strong random source (gen_random_uuid is
-- pg_strong_random underneath; two of them give 244 random bits); rotating it (UPDATE) voids
-- every link sent so far.
CREATE TABLE server_secrets (
    name       text PRIMARY KEY,
    secret     bytea NOT NULL CHECK (length(secret) >= 32),
    created_at timestamptz NOT NULL DEFAULT now()
);

INSERT INTO server_secrets (name, secret)
VALUES ('mail_unsubscribe',
        decode(replace(gen_random_uuid()::text, '-', '') || replace(gen_random_uuid()::text, '-', ''), 'hex'));
