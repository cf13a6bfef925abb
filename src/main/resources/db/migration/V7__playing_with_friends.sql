-- Playing with friends (API.md). A game's invite code is unique among the games still waiting
-- (the partial index frees it the moment the game's status moves on, in the statement that
-- moves it); the lobby lists the public games still waiting; a finished game names its rematch
-- (set once: its record stays final). Chat is kept apart from the events: it is not part of a
-- game's record or its hash chain.
ALTER TABLE games ADD COLUMN invite_code TEXT, ADD COLUMN visibility TEXT NOT NULL DEFAULT 'private',
  ADD COLUMN rematch_game_id TEXT;
CREATE UNIQUE INDEX games_waiting_invite ON games (invite_code) WHERE status = 'WAITING';
CREATE INDEX games_lobby ON games (created_at DESC) WHERE status = 'WAITING' AND visibility = 'public';
CREATE TABLE game_chat (
  id          BIGSERIAL PRIMARY KEY,
  game_id     TEXT    NOT NULL REFERENCES games (game_id),
  seat        INTEGER NOT NULL,
  player_name TEXT    NOT NULL,
  text        TEXT    NOT NULL,
  at          BIGINT  NOT NULL
);
CREATE INDEX game_chat_by_game ON game_chat (game_id, id DESC);
