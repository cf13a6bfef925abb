-- Each game's secret dice seed (docs/FAIRNESS.md). Its SHA-256 is public from GAME_CREATED on;
-- the seed itself is revealed only when the game is over. Kept here, out of the public events, so
-- that a node taking a game over rolls on with the same dice. Written in the transaction that
-- creates the game.
CREATE TABLE game_secrets (
  game_id     TEXT  PRIMARY KEY REFERENCES games (game_id),
  server_seed BYTEA NOT NULL
);
