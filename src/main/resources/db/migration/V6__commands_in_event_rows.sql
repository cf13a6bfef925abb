-- A command's id, what it asked for and its reply live in the row of its last event, written by
-- the same single statement as its events: one statement per group commit, no second table to
-- keep in step or to prune. The unique index keeps a command from being applied twice.
ALTER TABLE game_events ADD COLUMN command_id TEXT, ADD COLUMN fingerprint TEXT, ADD COLUMN reply JSON;
UPDATE game_events e SET command_id = c.command_id, fingerprint = c.fingerprint, reply = c.reply
  FROM game_commands c WHERE e.game_id = c.game_id AND e.seq = c.seq;
CREATE UNIQUE INDEX game_events_command ON game_events (game_id, command_id) WHERE command_id IS NOT NULL;
DROP TABLE game_commands;
