package io.ludo.server.store;

import java.util.List;

/** Every SQL statement of the node, in one holder. */
public final class Sql {
  private Sql() {}

  /** Migration files under {@code db/migration/}, applied in this order, each once. */
  public static final List<String> MIGRATIONS = List.of("V1__games_and_events.sql", "V2__game_owners.sql", "V3__game_commands.sql",
      "V4__game_secrets.sql", "V5__command_fingerprints.sql", "V6__commands_in_event_rows.sql", "V7__playing_with_friends.sql");

  public static final String CREATE_MIGRATIONS_TABLE = """
      CREATE TABLE IF NOT EXISTS schema_migrations (
        version    TEXT PRIMARY KEY,
        applied_at TIMESTAMPTZ NOT NULL DEFAULT now())""";

  /** Serializes migrations of nodes starting at once (the key is arbitrary but fixed). */
  public static final String LOCK_MIGRATIONS = "SELECT pg_advisory_xact_lock(7426811)";

  public static final String APPLIED_MIGRATIONS = "SELECT version FROM schema_migrations";

  public static final String RECORD_MIGRATION = "INSERT INTO schema_migrations (version) VALUES ($1)";

  /**
   * Takes a game over: the new epoch fences every earlier owner out. Answers the epoch and the
   * game's dice seed (hex; null for a game recorded before fair dice), so the new owner rolls on
   * with the same dice.
   */
  public static final String CLAIM_GAME =
      "UPDATE games SET owner_epoch = owner_epoch + 1, owner_node = $2 WHERE game_id = $1"
      + " RETURNING owner_epoch, (SELECT encode(server_seed, 'hex') FROM game_secrets s WHERE s.game_id = $1),"
      + " invite_code, visibility, rematch_game_id,"
      // every node hears of it (LISTEN): a room still holding an older epoch stops answering at once
      + " pg_notify('" + "ludo_epochs" + "', game_id || ' ' || owner_epoch || ' ' || $2)";

  /** The channel of {@link #CLAIM_GAME}'s notifications: "game_id epoch node". */
  public static final String EPOCH_CHANNEL = "ludo_epochs";

  /** A game's ownership epoch as stored. */
  public static final String OWNER_EPOCH = "SELECT owner_epoch FROM games WHERE game_id = $1";

  /**
   * A whole group commit in one statement (so one round trip and no BEGIN/COMMIT): the appends'
   * heads ($1–$8 and $16–$17, one element each) and their events ($9–$15, one element each). New games
   * (expected seq 0) are inserted with their secret seeds, invite codes and visibility, unless
   * their code is held by a waiting game (refused alone: its creator draws another); every other game's head moves from
   * its expected seq under its owner's epoch, or stays (a stale or fenced writer). Events are
   * inserted only for the games written, the command's id, fingerprint and reply on its last
   * event. Answers the ids of the games written: an append whose game is missing was refused alone.
   */
  public static final String APPEND_BATCH = """
      WITH h AS (
        SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::int[], $5::int[], $6::bigint[], $7::text[], $8::bytea[],
            $16::text[], $17::text[])
          AS h(game_id, room_name, status, expected_seq, last_seq, epoch, node, seed, invite_code, visibility)),
      created AS (
        INSERT INTO games (game_id, room_name, status, last_seq, owner_node, owner_epoch, invite_code, visibility)
        SELECT game_id, room_name, status, last_seq, node, 1, invite_code, coalesce(visibility, 'private') FROM h
        WHERE expected_seq = 0 AND NOT EXISTS (
          SELECT 1 FROM games w WHERE w.invite_code = h.invite_code AND w.status = 'WAITING')
        RETURNING game_id),
      seeds AS (
        INSERT INTO game_secrets (game_id, server_seed)
        SELECT game_id, seed FROM h WHERE expected_seq = 0 AND seed IS NOT NULL
        RETURNING game_id),
      moved AS (
        UPDATE games g SET last_seq = h.last_seq, status = h.status, updated_at = now()
        FROM h WHERE h.expected_seq > 0 AND g.game_id = h.game_id AND g.last_seq = h.expected_seq AND g.owner_epoch = h.epoch
        RETURNING g.game_id),
      written AS (SELECT game_id FROM created UNION ALL SELECT game_id FROM moved),
      stored AS (
        INSERT INTO game_events (game_id, seq, type, payload, command_id, fingerprint, reply)
        SELECT e.game_id, e.seq, e.type, e.payload::json, e.command_id, e.fingerprint, e.reply::json
        FROM unnest($9::text[], $10::int[], $11::text[], $12::text[], $13::text[], $14::text[], $15::text[])
          AS e(game_id, seq, type, payload, command_id, fingerprint, reply)
        WHERE e.game_id IN (SELECT game_id FROM written)
        RETURNING 1)
      SELECT game_id FROM written""";

  public static final String READ_EVENTS =
      "SELECT payload FROM game_events WHERE game_id = $1 AND seq >= $2 ORDER BY seq LIMIT $3";

  /** A game's status and its last event (null before its first): what a certificate signs. */
  public static final String GAME_HEAD = "SELECT g.status, e.payload FROM games g"
      + " LEFT JOIN game_events e ON e.game_id = g.game_id AND e.seq = g.last_seq WHERE g.game_id = $1";

  /** One accepted command's reply and fingerprint, by its id (the unique index on the command id). */
  public static final String COMMAND_BY_ID =
      "SELECT reply, fingerprint FROM game_events WHERE game_id = $1 AND command_id = $2";

  /** The latest accepted commands of a game, from its event rows, for a new owner to answer their resends. */
  public static final String RECENT_COMMANDS = "SELECT command_id, reply, fingerprint FROM game_events"
      + " WHERE game_id = $1 AND command_id IS NOT NULL ORDER BY seq DESC LIMIT $2";

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

  // ---------------------------------------------------------------- playing with friends

  /** The waiting game that holds an invite code (upper case), if any. */
  public static final String GAME_BY_INVITE =
      "SELECT game_id FROM games WHERE invite_code = $1 AND status = 'WAITING'";

  /**
   * The lobby: public games still waiting, with someone seated and an event within the last $3
   * seconds (else abandoned), newest first; $1 filters by max_players (null: any), $2 is the
   * limit. Seats and options come from the game's own events.
   */
  public static final String LOBBY = """
      SELECT * FROM (
        SELECT g.game_id, g.room_name, (c.payload->>'max_players')::int AS max_players,
          (SELECT count(*) FILTER (WHERE e.type = 'PLAYER_JOINED') - count(*) FILTER (WHERE e.type = 'PLAYER_LEFT')
             FROM game_events e WHERE e.game_id = g.game_id)::int AS seated,
          (c.payload->'options')::text AS options, (extract(epoch FROM g.created_at) * 1000)::bigint AS created_at,
          g.created_at AS created
        FROM games g JOIN game_events c ON c.game_id = g.game_id AND c.seq = 1
        WHERE g.status = 'WAITING' AND g.visibility = 'public' AND g.updated_at > now() - make_interval(secs => $3::float8)
          AND ($1::int IS NULL OR (c.payload->>'max_players')::int = $1::int)) waiting
      WHERE seated > 0
      ORDER BY created DESC, game_id LIMIT $2""";

  /** Names a finished game's rematch once: answers the rematch it names from now on (the first one set). */
  public static final String SET_REMATCH = "UPDATE games SET rematch_game_id = coalesce(rematch_game_id, $2)"
      + " WHERE game_id = $1 RETURNING rematch_game_id";

  public static final String ADD_CHAT =
      "INSERT INTO game_chat (game_id, seat, player_name, text, at) VALUES ($1, $2, $3, $4, $5)";

  /** A game's latest $2 chat messages, oldest first. */
  public static final String READ_CHAT = "SELECT seat, player_name, text, at FROM (SELECT id, seat, player_name, text, at"
      + " FROM game_chat WHERE game_id = $1 ORDER BY id DESC LIMIT $2) m ORDER BY id";
}
