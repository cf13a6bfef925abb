-- The reply to every accepted command, by its id: a command resent after a time-out or a
-- failover is answered from here instead of being applied twice. Written in the same
-- transaction as the command's events; the primary key makes a second application impossible.
CREATE TABLE game_commands (
  game_id    TEXT    NOT NULL REFERENCES games (game_id),
  command_id TEXT    NOT NULL,
  seq        INTEGER NOT NULL,
  reply      JSON    NOT NULL,
  PRIMARY KEY (game_id, command_id)
);
