package io.ludo.server.play;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Every Redis key and Lua script of the play services, in one holder. Keys of one service share
 * a hash tag ({@code {mm}}, {@code {lb}}) so that each script touches a single slot; scripts that
 * reach keys by prefix are given the prefix as an argument, never spell it themselves.
 */
public final class RedisScripts {
  private RedisScripts() {}

  // ---------------------------------------------------------------- matchmaking keys

  /** Hash: one ticket ({@link Matchmaking} lists its fields). */
  public static final String TICKET = "ludo:{mm}:ticket:";
  /** Sorted set per queue: waiting ticket ids by the time they were made (first come, first matched). */
  public static final String QUEUE = "ludo:{mm}:queue:";
  /** Set: the queues that may hold tickets, for every node's matcher to visit. */
  public static final String QUEUES = "ludo:{mm}:queues";
  /** Hash: a match being made (its tickets, and its game once created). */
  public static final String MATCH = "ludo:{mm}:match:";
  /** Sorted set: matches being made, by the end of the lease of the node making them. */
  public static final String MATCHES = "ludo:{mm}:matches";

  // ---------------------------------------------------------------- leaderboard keys

  /** Sorted set: wins by player name (every ranked player is here, with 0 wins too). */
  public static final String WINS = "ludo:{lb}:wins";
  /** Sorted set: games played by player name. */
  public static final String GAMES = "ludo:{lb}:games";
  /**
   * Sorted set: the ids of the games counted, by when (ms), trimmed past {@link Leaderboard#HORIZON_MS}
   * so that it does not grow with every game ever played.
   */
  public static final String COUNTED = "ludo:{lb}:counted-at";
  /** Set: the ids counted before {@link #COUNTED} had times; read, never written, and deletable one horizon after an upgrade. */
  public static final String LEGACY_COUNTED = "ludo:{lb}:counted";
  /** String: the {@code updated_at} (Postgres text) up to which finished games were synced. */
  public static final String SYNC_MARK = "ludo:{lb}:sync-mark";
  /** String with an expiry: the node syncing from Postgres right now. */
  public static final String SYNC_LOCK = "ludo:{lb}:sync-lock";

  // ---------------------------------------------------------------- rate limit keys

  /** Counter with a one-second expiry, per limited key ({@code cmd:<game>:<player>} or {@code addr:<ip>}). */
  public static final String RATE = "ludo:rl:";

  /** A Lua script with its SHA-1, for EVALSHA (EVAL when the server does not know it yet). */
  public record Script(String name, String text, String sha) {
    static Script of(String name, String text) {
      try {
        byte[] d = MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8));
        return new Script(name, text, HexFormat.of().formatHex(d));
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  /**
   * Adds a ticket: KEYS ticket, queue, queues; ARGV ticket id, queue id, score (ms), keep (ms),
   * deadline (epoch ms), then the ticket's field/value pairs. Past the deadline (Redis's clock)
   * the node that asked has answered 503 already: nothing is added, and 0 is answered, so that a
   * 503 means "no ticket" even when Redis was stalled and runs the script late.
   */
  public static final Script ENQUEUE = Script.of("enqueue", """
      local t = redis.call('TIME')
      if tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000) > tonumber(ARGV[5]) then
        return 0
      end
      redis.call('HSET', KEYS[1], unpack(ARGV, 6))
      redis.call('PEXPIRE', KEYS[1], ARGV[4])
      redis.call('ZADD', KEYS[2], ARGV[3], ARGV[1])
      redis.call('SADD', KEYS[3], ARGV[2])
      return 1
      """);

  /**
   * One matcher step on one queue, atomically: expires tickets made before {@code now - ttl};
   * takes the first {@code n} waiting tickets with distinct names (or, when too few, every waiting
   * ticket that asked for bots once the oldest of them waited {@code botWait}), marks them
   * MATCHING for the new match and records the match under a lease. A queue left empty leaves
   * the set of queues. KEYS queue, queues, matches; ARGV queue id, now, ttl, botWait, n, match
   * id, lease end, ticket prefix, match prefix, keep (ms), expiry limit, scan limit. Answers
   * {expired ids, taken ids, bots}.
   */
  public static final Script TICK_QUEUE = Script.of("tick-queue", """
      local q, now, ttl, botWait, n = KEYS[1], tonumber(ARGV[2]), tonumber(ARGV[3]), tonumber(ARGV[4]), tonumber(ARGV[5])
      local tp, mp, keep = ARGV[8], ARGV[9], ARGV[10]
      local expired = {}
      for _, id in ipairs(redis.call('ZRANGEBYSCORE', q, '-inf', now - ttl, 'LIMIT', 0, tonumber(ARGV[11]))) do
        redis.call('ZREM', q, id)
        if redis.call('HGET', tp .. id, 'status') == 'WAITING' then
          redis.call('HSET', tp .. id, 'status', 'EXPIRED')
          redis.call('PEXPIRE', tp .. id, keep)
          table.insert(expired, id)
        end
      end
      local ids = redis.call('ZRANGE', q, 0, tonumber(ARGV[12]) - 1)
      local taken, names = {}, {}
      for _, id in ipairs(ids) do
        local name = redis.call('HGET', tp .. id, 'player_name')
        if not name then
          redis.call('ZREM', q, id)
        elseif not names[name] then
          names[name] = true
          table.insert(taken, id)
          if #taken == n then break end
        end
      end
      local bots = 0
      if #taken < n then
        taken, names = {}, {}
        local due = false
        for _, id in ipairs(ids) do
          local f = redis.call('HMGET', tp .. id, 'player_name', 'fill_bots', 'created_at')
          if f[1] and f[2] == '1' and not names[f[1]] and #taken < n - 1 then
            names[f[1]] = true
            table.insert(taken, id)
            if tonumber(f[3]) + botWait <= now then due = true end
          end
        end
        if due then bots = n - #taken else taken = {} end
      end
      if #taken > 0 then
        local mid = ARGV[6]
        for _, id in ipairs(taken) do
          redis.call('ZREM', q, id)
          redis.call('HSET', tp .. id, 'status', 'MATCHING', 'match_id', mid)
        end
        redis.call('HSET', mp .. mid, 'queue', ARGV[1], 'players', n, 'bots', bots,
          'tickets', table.concat(taken, ','), 'created_at', now)
        redis.call('ZADD', KEYS[3], ARGV[7], mid)
      end
      if redis.call('ZCARD', q) == 0 then redis.call('SREM', KEYS[2], ARGV[1]) end
      return {expired, taken, bots}
      """);

  /**
   * Leases matches whose lease ended (their maker died or failed) to this node, counting the
   * attempt. KEYS matches; ARGV now, lease end, limit, match prefix. Answers {id, attempts, …}.
   */
  public static final Script CLAIM_STALE = Script.of("claim-stale", """
      local out = {}
      for _, id in ipairs(redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, tonumber(ARGV[3]))) do
        redis.call('ZADD', KEYS[1], ARGV[2], id)
        table.insert(out, id)
        table.insert(out, redis.call('HINCRBY', ARGV[4] .. id, 'attempts', 1))
      end
      return out
      """);

  /**
   * Records a match's game, unless one was recorded first (by another node finishing the same
   * match): answers the game that counts. KEYS match; ARGV game id, creator's player id, creator's seat.
   */
  public static final Script SET_GAME = Script.of("set-game", """
      if redis.call('EXISTS', KEYS[1]) == 0 then return false end
      if redis.call('HSETNX', KEYS[1], 'game_id', ARGV[1]) == 1 then
        redis.call('HSET', KEYS[1], 'creator_player_id', ARGV[2], 'creator_seat', ARGV[3])
      end
      return redis.call('HMGET', KEYS[1], 'game_id', 'creator_player_id', 'creator_seat')
      """);

  /**
   * Marks a match's tickets MATCHED with their seats, only if every one is still MATCHING for
   * this match (never after a release): answers 1, else 0. KEYS match, matches; ARGV match id,
   * ticket prefix, keep (ms), then per ticket: id, game id, player id, seat, seat token.
   */
  public static final Script FINISH = Script.of("finish", """
      if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
      for i = 4, #ARGV, 5 do
        local f = redis.call('HMGET', ARGV[2] .. ARGV[i], 'status', 'match_id')
        if f[1] ~= 'MATCHING' or f[2] ~= ARGV[1] then return 0 end
      end
      for i = 4, #ARGV, 5 do
        local tk = ARGV[2] .. ARGV[i]
        redis.call('HSET', tk, 'status', 'MATCHED', 'game_id', ARGV[i + 1], 'player_id', ARGV[i + 2],
          'seat', ARGV[i + 3], 'token', ARGV[i + 4])
        redis.call('PEXPIRE', tk, ARGV[3])
      end
      redis.call('DEL', KEYS[1])
      redis.call('ZREM', KEYS[2], ARGV[1])
      return 1
      """);

  /**
   * Gives up a match: its tickets still MATCHING for it wait again, in their old places. KEYS
   * match, matches, queues; ARGV match id, ticket prefix, queue prefix. Answers the ids put back.
   */
  public static final Script RELEASE = Script.of("release", """
      local m = redis.call('HMGET', KEYS[1], 'queue', 'tickets')
      local back = {}
      if m[1] then
        for id in string.gmatch(m[2], '[^,]+') do
          local tk = ARGV[2] .. id
          local f = redis.call('HMGET', tk, 'status', 'match_id', 'created_at')
          if f[1] == 'MATCHING' and f[2] == ARGV[1] then
            redis.call('HSET', tk, 'status', 'WAITING')
            redis.call('HDEL', tk, 'match_id')
            redis.call('ZADD', ARGV[3] .. m[1], f[3], id)
            table.insert(back, id)
          end
        end
        if #back > 0 then redis.call('SADD', KEYS[3], m[1]) end
      end
      redis.call('DEL', KEYS[1])
      redis.call('ZREM', KEYS[2], ARGV[1])
      return back
      """);

  /**
   * Cancels a waiting ticket. KEYS ticket; ARGV ticket id, queue prefix, keep (ms). Answers the
   * status afterwards (CANCELLED, or the status that could not be cancelled), nil for no ticket.
   */
  public static final Script CANCEL = Script.of("cancel", """
      local f = redis.call('HMGET', KEYS[1], 'status', 'queue')
      if not f[1] then return false end
      if f[1] == 'WAITING' then
        redis.call('ZREM', ARGV[2] .. f[2], ARGV[1])
        redis.call('HSET', KEYS[1], 'status', 'CANCELLED')
        redis.call('PEXPIRE', KEYS[1], ARGV[3])
        return 'CANCELLED'
      end
      return f[1]
      """);

  /**
   * Counts a finished game once: nothing when its id was counted already, or when it finished
   * before the horizon (it may have been counted and forgotten since). KEYS counted, legacy counted,
   * wins, games; ARGV game id, now (ms), horizon start (ms: older counts are dropped), when the game
   * finished (ms), the winner's 1-based index among the names (0: no ranked winner), names.
   * Answers 1 when counted now, 0 when it had been.
   */
  public static final Script RECORD_GAME = Script.of("record-game", """
      redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', '(' .. ARGV[3])
      if tonumber(ARGV[4]) < tonumber(ARGV[3]) then return 0 end
      if redis.call('SISMEMBER', KEYS[2], ARGV[1]) == 1 then return 0 end
      if redis.call('ZADD', KEYS[1], 'NX', ARGV[2], ARGV[1]) == 0 then return 0 end
      local winner = tonumber(ARGV[5])
      for i = 6, #ARGV do
        redis.call('ZINCRBY', KEYS[4], 1, ARGV[i])
        redis.call('ZINCRBY', KEYS[3], (i - 5 == winner) and 1 or 0, ARGV[i])
      end
      return 1
      """);

  /** The top of the board. KEYS wins, games; ARGV limit. Answers {name, wins, games, …}. */
  public static final Script TOP = Script.of("top", """
      local top = redis.call('ZREVRANGE', KEYS[1], 0, tonumber(ARGV[1]) - 1, 'WITHSCORES')
      local out = {}
      for i = 1, #top, 2 do
        table.insert(out, top[i])
        table.insert(out, top[i + 1])
        table.insert(out, redis.call('ZSCORE', KEYS[2], top[i]) or '0')
      end
      return out
      """);

  /** Which of the game ids (ARGV) were not counted yet. KEYS counted, legacy counted. */
  public static final Script UNCOUNTED = Script.of("uncounted", """
      local out = {}
      for i = 1, #ARGV do
        if not redis.call('ZSCORE', KEYS[1], ARGV[i]) and redis.call('SISMEMBER', KEYS[2], ARGV[i]) == 0 then
          table.insert(out, ARGV[i])
        end
      end
      return out
      """);

  /**
   * A fixed one-second window: counts a hit and answers {hits in the window, ms left in it}.
   * KEYS counter; ARGV window (ms).
   */
  public static final Script HIT = Script.of("hit", """
      local n = redis.call('INCR', KEYS[1])
      if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
      local left = redis.call('PTTL', KEYS[1])
      if left < 0 then
        redis.call('PEXPIRE', KEYS[1], ARGV[1])
        left = tonumber(ARGV[1])
      end
      return {n, left}
      """);
}
