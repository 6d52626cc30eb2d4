-- A walk-up buyer at the box office may leave no e-mail address: the order keeps an empty
-- buyer_email (never a stand-in such as the staff member's address) and nothing is mailed; the
-- tickets are printed or shown at the counter (docs/boxoffice.md). Only a box-office sale (one
-- with a seller: an online counter sale or an uploaded offline sale) may go without.
ALTER TABLE orders ADD CONSTRAINT orders_email_or_counter_sale
    CHECK (buyer_email <> '' OR sold_by_user_id IS NOT NULL);
