-- What each remembered command asked for (its type and arguments, not its key): a key resent
-- with another request is refused (IDEMPOTENCY_KEY_REUSED) instead of answered with the reply
-- of the first. Rows written before this column answer any request with their key, as before.
ALTER TABLE game_commands ADD COLUMN fingerprint TEXT;
