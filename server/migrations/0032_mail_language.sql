-- The language of the mails a user gets (docs/mail.md, "Languages"): the client sends its UI
-- language at login and registration. An order keeps the language it was bought in, so its
-- later mails (cancellation, refund) match the confirmation even if the account's language
-- changes: the account that placed it (the buyer, or the staff member of a walk-up box-office
-- sale) gives it, filled in by a trigger so every path that inserts orders (online, box office,
-- offline sales synced later) gets it without repeating the lookup.
ALTER TABLE users ADD COLUMN language text NOT NULL DEFAULT 'en' CHECK (language IN ('en', 'de', 'fr'));
ALTER TABLE orders ADD COLUMN language text NOT NULL DEFAULT 'en' CHECK (language IN ('en', 'de', 'fr'));

CREATE FUNCTION orders_language_of_account() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    SELECT u.language INTO NEW.language FROM users u WHERE u.id = NEW.user_id;
    NEW.language := coalesce(NEW.language, 'en');
    RETURN NEW;
END $$;

CREATE TRIGGER orders_language BEFORE INSERT ON orders
    FOR EACH ROW EXECUTE FUNCTION orders_language_of_account();
