-- Who owns a game, fenced: a node that takes a game over bumps owner_epoch, and every append
-- names the epoch it holds, so a stale or cut-off owner can never append again.
ALTER TABLE games ADD COLUMN owner_node TEXT;
ALTER TABLE games ADD COLUMN owner_epoch BIGINT NOT NULL DEFAULT 0;
