-- A game's row: what operators list and what fences appends (last_seq grows by each batch).
CREATE TABLE games (
  game_id     TEXT PRIMARY KEY,
  room_name   TEXT,
  status      TEXT        NOT NULL,
  last_seq    INTEGER     NOT NULL,
  created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
  updated_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Every event of every game, gapless per game; the unique key makes a doubled append impossible.
CREATE TABLE game_events (
  game_id     TEXT        NOT NULL REFERENCES games (game_id),
  seq         INTEGER     NOT NULL,
  type        TEXT        NOT NULL,
  payload     JSON        NOT NULL,
  recorded_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  CONSTRAINT game_events_game_seq UNIQUE (game_id, seq)
);

CREATE INDEX games_status ON games (status);
