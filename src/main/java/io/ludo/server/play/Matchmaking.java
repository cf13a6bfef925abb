package io.ludo.server.play;

import static io.ludo.server.play.RedisScripts.MATCH;
import static io.ludo.server.play.RedisScripts.MATCHES;
import static io.ludo.server.play.RedisScripts.QUEUE;
import static io.ludo.server.play.RedisScripts.QUEUES;
import static io.ludo.server.play.RedisScripts.TICKET;

import io.ludo.server.errors.ApiException;
import io.ludo.server.errors.ErrorCode;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The matchmaking store in Redis, shared by every node: tickets, their queues, and the matches
 * being made. A ticket is a hash with {@code id, secret_hash, player_name, player_id, players,
 * queue, options, turn_timeout_ms, fill_bots, client_seed, created_at, status} and, once
 * matched, {@code game_id, seat, token}. Its status is WAITING (in its queue), MATCHING (taken
 * by a match; shown as WAITING), MATCHED, CANCELLED or EXPIRED. Every change of status is one
 * script of {@link RedisScripts}, so two nodes can never take the same ticket.
 */
public final class Matchmaking {
  static final String DETAIL = "matchmaking store unreachable";
  /** How long before the node's call times out a ticket may still be added: time for the answer to travel. */
  private static final long ENQUEUE_MARGIN_MS = 300;

  /** How long a ticket's record outlives its end (so that its owner can still read the outcome). */
  static final long KEEP_MS = 3_600_000;
  /** Most tickets one queue step expires, and how deep it looks for distinct names. */
  private static final int EXPIRE_LIMIT = 100;
  private static final int SCAN_LIMIT = 64;
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

  private final PlayRedis redis;
  private final long ttlMs;
  private final long botWaitMs;

  public Matchmaking(PlayRedis redis, long ttlMs, long botWaitMs) {
    this.redis = redis;
    this.ttlMs = ttlMs;
    this.botWaitMs = botWaitMs;
  }

  /** What a ticket asks for, already validated. {@code options} is the canonical (complete) options object. */
  public record Request(String playerName, int players, JsonObject options, Integer turnTimeoutMs,
      boolean fillWithBots, String clientSeed) {
    /** Tickets that may share a game: same player count, options and turn timer. */
    String queue() {
      String canonical = options.encode() + "|" + (turnTimeoutMs == null ? "" : turnTimeoutMs);
      return players + "-" + sha256(canonical).substring(0, 16);
    }
  }

  /** Adds a waiting ticket; answers {@code {"ticket_id","ticket_token","status":"WAITING"}}. */
  public Future<JsonObject> enqueue(Request r) {
    String id = "t_" + hex(8);
    String token = id + "." + B64.encodeToString(bytes(32));
    long now = System.currentTimeMillis();
    String queue = r.queue();
    // the node answers 503 once its call times out: a script that runs later (a stalled Redis)
    // must add nothing, a margin before that for the answer to travel back
    long deadline = now + redis.timeoutMs() - ENQUEUE_MARGIN_MS;
    List<String> args = new ArrayList<>(List.of(id, queue, String.valueOf(now), String.valueOf(ttlMs + KEEP_MS),
        String.valueOf(deadline)));
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("id", id);
    fields.put("secret_hash", sha256(token));
    fields.put("player_name", r.playerName());
    fields.put("player_id", "p_" + hex(6));
    fields.put("players", String.valueOf(r.players()));
    fields.put("queue", queue);
    fields.put("options", r.options().encode());
    fields.put("turn_timeout_ms", r.turnTimeoutMs() == null ? "" : String.valueOf(r.turnTimeoutMs()));
    fields.put("fill_bots", r.fillWithBots() ? "1" : "0");
    fields.put("client_seed", r.clientSeed() == null ? "" : r.clientSeed());
    fields.put("created_at", String.valueOf(now));
    fields.put("status", "WAITING");
    fields.forEach((k, v) -> {
      args.add(k);
      args.add(v);
    });
    return redis.script(RedisScripts.ENQUEUE, List.of(TICKET + id, QUEUE + queue, QUEUES), args, DETAIL)
        .compose(added -> added.toInteger() == 1
            ? Future.succeededFuture(new JsonObject().put("ticket_id", id).put("ticket_token", token).put("status", "WAITING"))
            : Future.failedFuture(new ApiException(ErrorCode.UNAVAILABLE, DETAIL + " (too slow to add the ticket in time); retry")));
  }

  /**
   * The ticket, if {@code token} is its token: 401 without a token or with a wrong one, 403 for
   * another ticket's token, 404 for no such ticket.
   */
  public Future<Map<String, String>> authorize(String ticketId, String token) {
    ApiException refused = precheck(ticketId, token);
    if (refused != null) {
      return Future.failedFuture(refused);
    }
    return fields(TICKET + ticketId).compose(t -> {
      if (t.isEmpty()) {
        return Future.failedFuture(new ApiException(ErrorCode.TICKET_NOT_FOUND, "no such ticket"));
      }
      byte[] expected = t.getOrDefault("secret_hash", "").getBytes(StandardCharsets.US_ASCII);
      byte[] given = sha256(token).getBytes(StandardCharsets.US_ASCII);
      return MessageDigest.isEqual(expected, given)
          ? Future.succeededFuture(t)
          : Future.failedFuture(new ApiException(ErrorCode.UNAUTHORIZED, "invalid ticket token"));
    });
  }

  /**
   * What can be told of a ticket token without Redis: null when it may be the ticket's, else
   * why not (401 missing or malformed, 403 another ticket's).
   */
  public static ApiException precheck(String ticketId, String token) {
    if (token == null || token.isBlank()) {
      return new ApiException(ErrorCode.UNAUTHORIZED, "a ticket token is required");
    }
    int dot = token.indexOf('.');
    if (dot <= 0) {
      return new ApiException(ErrorCode.UNAUTHORIZED, "not a ticket token");
    }
    if (!token.substring(0, dot).equals(ticketId)) {
      return new ApiException(ErrorCode.FORBIDDEN, "this token is for another ticket");
    }
    return null;
  }

  /** The ticket as its owner sees it. */
  public Future<JsonObject> read(String ticketId, String token) {
    return authorize(ticketId, token).map(Matchmaking::view);
  }

  /** The ticket's current fields (the owner was authorized before); empty when it is gone. */
  public Future<Map<String, String>> fields(String key) {
    return redis.call(a -> a.hgetall(key), DETAIL).map(Matchmaking::asMap);
  }

  /**
   * Cancels a waiting ticket and answers it; a ticket that is no longer waiting is answered as
   * it is (MATCHED, EXPIRED, CANCELLED). One being matched at this instant: 409 WRONG_PHASE, retry.
   */
  public Future<JsonObject> cancel(String ticketId, String token) {
    return authorize(ticketId, token).compose(t -> redis.script(RedisScripts.CANCEL, List.of(TICKET + ticketId),
            List.of(ticketId, QUEUE, String.valueOf(KEEP_MS)), DETAIL))
        .compose(status -> {
          if (status == null) {
            return Future.failedFuture(new ApiException(ErrorCode.TICKET_NOT_FOUND, "no such ticket"));
          }
          if ("MATCHING".equals(status.toString())) {
            return Future.failedFuture(new ApiException(ErrorCode.WRONG_PHASE,
                "the ticket is being matched right now; read it again in a moment"));
          }
          return fields(TICKET + ticketId).map(Matchmaking::view);
        });
  }

  /** {@code {"ticket_id","status"}} and, once MATCHED, {@code game_id, player_id, token, seat}. */
  static JsonObject view(Map<String, String> t) {
    String status = t.get("status");
    JsonObject v = new JsonObject().put("ticket_id", t.get("id"))
        .put("status", "MATCHING".equals(status) ? "WAITING" : status);
    if ("MATCHED".equals(status)) {
      v.put("game_id", t.get("game_id")).put("player_id", t.get("player_id")).put("token", t.get("token"))
          .put("seat", Integer.parseInt(t.get("seat")));
    }
    return v;
  }

  static boolean isFinal(String status) {
    return "MATCHED".equals(status) || "CANCELLED".equals(status) || "EXPIRED".equals(status);
  }

  // ---------------------------------------------------------------- for the matcher

  /** A page of the queues that may hold tickets: the next cursor ("0" when round) and queue ids. */
  record Page(String cursor, List<String> queues) {}

  Future<Page> queues(String cursor, int count) {
    return redis.call(a -> a.sscan(List.of(QUEUES, cursor, "COUNT", String.valueOf(count))), DETAIL).map(r -> {
      List<String> ids = new ArrayList<>();
      r.get(1).forEach(x -> ids.add(x.toString()));
      return new Page(r.get(0).toString(), ids);
    });
  }

  /** What one step on a queue did: tickets it expired, and the match it made (none: no taken tickets). */
  record Step(List<String> expired, String matchId, List<String> taken, int bots) {}

  Future<Step> step(String queue, String matchId, long leaseUntil) {
    int players = Integer.parseInt(queue.substring(0, queue.indexOf('-')));
    long now = System.currentTimeMillis();
    return redis.script(RedisScripts.TICK_QUEUE, List.of(QUEUE + queue, QUEUES, MATCHES),
        List.of(queue, String.valueOf(now), String.valueOf(ttlMs), String.valueOf(botWaitMs), String.valueOf(players),
            matchId, String.valueOf(leaseUntil), TICKET, MATCH, String.valueOf(KEEP_MS),
            String.valueOf(EXPIRE_LIMIT), String.valueOf(SCAN_LIMIT)), DETAIL)
        .map(r -> new Step(strings(r.get(0)), matchId, strings(r.get(1)), r.get(2).toInteger()));
  }

  /** Matches whose lease ended, now leased to the caller: match id → attempts so far. */
  Future<Map<String, Integer>> claimStale(long leaseUntil, int limit) {
    return redis.script(RedisScripts.CLAIM_STALE, List.of(MATCHES),
        List.of(String.valueOf(System.currentTimeMillis()), String.valueOf(leaseUntil), String.valueOf(limit), MATCH),
        DETAIL).map(r -> {
          Map<String, Integer> out = new LinkedHashMap<>();
          for (int i = 0; i + 1 < r.size(); i += 2) {
            out.put(r.get(i).toString(), r.get(i + 1).toInteger());
          }
          return out;
        });
  }

  /** Moves a match's lease (a retry after a failure comes sooner than a dead node's takeover). */
  Future<Void> lease(String matchId, long until) {
    return redis.call(a -> a.zadd(List.of(MATCHES, "XX", String.valueOf(until), matchId)), DETAIL).mapEmpty();
  }

  Future<Map<String, String>> match(String matchId) {
    return fields(MATCH + matchId);
  }

  Future<Map<String, String>> ticket(String ticketId) {
    return fields(TICKET + ticketId);
  }

  /** The game that counts for the match (the first recorded), as {game_id, creator_player_id, creator_seat}; null: no match. */
  Future<List<String>> setGame(String matchId, String gameId, String playerId, int seat) {
    return redis.script(RedisScripts.SET_GAME, List.of(MATCH + matchId),
        List.of(gameId, playerId, String.valueOf(seat)), DETAIL).map(r -> r == null ? null : strings(r));
  }

  /** One matched ticket's place. */
  record Seat(String ticketId, String gameId, String playerId, int seat, String token) {}

  Future<Boolean> finish(String matchId, List<Seat> seats) {
    List<String> args = new ArrayList<>(List.of(matchId, TICKET, String.valueOf(KEEP_MS)));
    for (Seat s : seats) {
      args.addAll(List.of(s.ticketId(), s.gameId(), s.playerId(), String.valueOf(s.seat()), s.token()));
    }
    return redis.script(RedisScripts.FINISH, List.of(MATCH + matchId, MATCHES), args, DETAIL)
        .map(r -> r.toInteger() == 1);
  }

  Future<List<String>> release(String matchId) {
    return redis.script(RedisScripts.RELEASE, List.of(MATCH + matchId, MATCHES, QUEUES),
        List.of(matchId, TICKET, QUEUE), DETAIL).map(Matchmaking::strings);
  }

  // ---------------------------------------------------------------- helpers

  static Map<String, String> asMap(Response r) {
    Map<String, String> m = new LinkedHashMap<>();
    if (r == null) {
      return m;
    }
    if (r.type() == io.vertx.redis.client.ResponseType.MULTI && !r.isMap()) {
      // RESP2: a flat list of field, value, field, value…
      for (int i = 0; i + 1 < r.size(); i += 2) {
        m.put(r.get(i).toString(), r.get(i + 1).toString());
      }
      return m;
    }
    for (String k : r.getKeys()) {
      m.put(k, r.get(k).toString());
    }
    return m;
  }

  static List<String> strings(Response r) {
    List<String> out = new ArrayList<>();
    if (r != null) {
      r.forEach(x -> out.add(x == null ? null : x.toString()));
    }
    return out;
  }

  static String sha256(String s) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static String hex(int n) {
    return HexFormat.of().formatHex(bytes(n));
  }

  private static byte[] bytes(int n) {
    byte[] b = new byte[n];
    RANDOM.nextBytes(b);
    return b;
  }
}
