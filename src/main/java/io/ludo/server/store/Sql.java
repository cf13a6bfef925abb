package io.ludo.server.store;

import java.util.List;

/** Every SQL statement of the node, in one holder. */
public final class Sql {
  private Sql() {}

  /** Migration files under {@code db/migration/}, applied in this order, each once. */
  public static final List<String> MIGRATIONS = List.of("V1__games_and_events.sql", "V2__game_owners.sql", "V3__game_commands.sql",
      "V4__game_secrets.sql", "V5__command_fingerprints.sql");

  public static final String CREATE_MIGRATIONS_TABLE = """
      CREATE TABLE IF NOT EXISTS schema_migrations (
        version    TEXT PRIMARY KEY,
        applied_at TIMESTAMPTZ NOT NULL DEFAULT now())""";

  /** Serializes migrations of nodes starting at once (the key is arbitrary but fixed). */
  public static final String LOCK_MIGRATIONS = "SELECT pg_advisory_xact_lock(7426811)";

  public static final String APPLIED_MIGRATIONS = "SELECT version FROM schema_migrations";

  public static final String RECORD_MIGRATION = "INSERT INTO schema_migrations (version) VALUES ($1)";

  /** A new game, owned by its creator at epoch 1. */
  public static final String INSERT_GAME =
      "INSERT INTO games (game_id, room_name, status, last_seq, owner_node, owner_epoch) VALUES ($1, $2, $3, 0, $4, 1)";

  /** A new game's secret dice seed, kept out of its public events. */
  public static final String INSERT_SECRET = "INSERT INTO game_secrets (game_id, server_seed) VALUES ($1, $2)";

  /**
   * Takes a game over: the new epoch fences every earlier owner out. Answers the epoch and the
   * game's dice seed (hex; null for a game recorded before fair dice), so the new owner rolls on
   * with the same dice.
   */
  public static final String CLAIM_GAME =
      "UPDATE games SET owner_epoch = owner_epoch + 1, owner_node = $2 WHERE game_id = $1"
      + " RETURNING owner_epoch, (SELECT encode(server_seed, 'hex') FROM game_secrets s WHERE s.game_id = $1)";

  public static final String INSERT_EVENT =
      "INSERT INTO game_events (game_id, seq, type, payload) VALUES ($1, $2, $3, $4)";

  /**
   * Moves a game's head from the expected seq, for the owner of the expected epoch; zero rows
   * means another writer got there first or took the game over.
   */
  public static final String ADVANCE_GAME = "UPDATE games SET last_seq = $2, status = $3, updated_at = now()"
      + " WHERE game_id = $1 AND last_seq = $4 AND owner_epoch = $5";

  public static final String READ_EVENTS =
      "SELECT payload FROM game_events WHERE game_id = $1 AND seq >= $2 ORDER BY seq LIMIT $3";

  public static final String INSERT_COMMAND =
      "INSERT INTO game_commands (game_id, command_id, seq, reply, fingerprint) VALUES ($1, $2, $3, $4, $5)";

  /**
   * Forgets a game's accepted commands older than its latest $2 (each command has its own seq):
   * run in the transaction that records new ones, so the table holds at most $2 per game.
   */
  public static final String PRUNE_COMMANDS = "DELETE FROM game_commands WHERE game_id = $1 AND seq < ("
      + "SELECT seq FROM game_commands WHERE game_id = $1 ORDER BY seq DESC OFFSET ($2::int - 1) LIMIT 1)";

  /** A game's status and its last event (null before its first): what a certificate signs. */
  public static final String GAME_HEAD = "SELECT g.status, e.payload FROM games g"
      + " LEFT JOIN game_events e ON e.game_id = g.game_id AND e.seq = g.last_seq WHERE g.game_id = $1";

  /** The latest accepted commands of a game, for a new owner to answer their resends. */
  public static final String RECENT_COMMANDS =
      "SELECT command_id, reply, fingerprint FROM game_commands WHERE game_id = $1 ORDER BY seq DESC LIMIT $2";

  /**
   * Finished games after a point (their {@code updated_at} as text, minus a slack in seconds,
   * then the game id) and not before $5 (text), in that order: the leaderboard's catch-up pages through them.
   */
  public static final String FINISHED_GAMES_AFTER = "SELECT game_id, updated_at::text FROM games"
      + " WHERE status = 'FINISHED' AND (updated_at, game_id) > ($1::text::timestamptz - make_interval(secs => $3::float8), $2::text)"
      + " AND updated_at >= $5::text::timestamptz ORDER BY updated_at, game_id LIMIT $4::int";

  /**
   * Games in play whose owner is not among the live nodes ($1) and that the server must drive
   * (a turn timer or a bot, both decided in the first events): someone must take them over.
   */
  public static final String ORPHANS_TO_DRIVE = "SELECT g.game_id FROM games g WHERE g.status = 'PLAYING'"
      + " AND NOT (g.owner_node = ANY($1)) AND EXISTS (SELECT 1 FROM game_events e WHERE e.game_id = g.game_id"
      + " AND e.seq <= 8 AND (e.type = 'TURN_TIMER_SET' OR (e.type = 'PLAYER_JOINED' AND e.payload->>'bot' = 'true')))"
      + " LIMIT $2";

  /** Whether a game is stored (its primary key: one index probe). */
  public static final String GAME_EXISTS = "SELECT 1 FROM games WHERE game_id = $1";

  public static final String PING = "SELECT 1";
}
