package io.ludo.server.play;

import io.ludo.server.config.Config;
import io.ludo.server.config.ConfigKey;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.redis.client.RedisAPI;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rate limits shared by every node, in Redis: a one-second window per key ({@link RedisScripts#HIT}),
 * commands per seat ({@code LUDO_RATE_LIMIT_COMMANDS_PER_S}: REST commands with a seat token,
 * WebSocket frames of a seated player and bridge commands all count against their seat) and
 * requests per client address ({@code LUDO_RATE_LIMIT_REQUESTS_PER_S}); 0 turns a limit off.
 * A window allows up to its limit of hits (twice that across a window's edge, at worst).
 *
 * <p>When Redis does not answer, requests pass (games must not fail because a limiter is
 * away): each such pass is counted, logged at most every ten seconds, and for a second after a
 * failure Redis is not asked at all, so an outage costs no waiting.
 */
public final class RateLimiter {
  private static final Logger LOG = LoggerFactory.getLogger(RateLimiter.class);
  private static final long WINDOW_MS = 1_000;
  /** A limiter never holds a request longer than this for Redis. */
  private static final long TIMEOUT_MS = 500;
  private static final long WARN_EVERY_MS = 10_000;
  /** Requests let through because Redis did not answer, on this node. */
  private static final AtomicLong PASSED_UNCHECKED = new AtomicLong();

  /** Allowed, or refused with the seconds until the window ends. */
  public record Verdict(boolean allowed, long retryAfterS) {
    public static final Verdict ALLOW = new Verdict(true, 0);
  }

  private final PlayRedis redis;
  private final int commandsPerS;
  private final int requestsPerS;
  private final TrustedProxies proxies;
  /** Most addresses remembered as over their limit, for handshakes. */
  private static final int MAX_BLOCKED = 10_000;
  private final java.util.Map<String, Long> blockedUntil = new java.util.concurrent.ConcurrentHashMap<>();
  private volatile long skipUntil;
  private volatile long lastWarn;

  RateLimiter(PlayRedis redis, int commandsPerS, int requestsPerS, TrustedProxies proxies) {
    this.redis = redis;
    this.commandsPerS = commandsPerS;
    this.requestsPerS = requestsPerS;
    this.proxies = proxies;
  }

  public static RateLimiter create(Vertx vertx, Config config, RedisAPI api) {
    List<String> proxies = config.list(ConfigKey.TRUSTED_PROXIES).stream().map(String::valueOf).toList();
    return new RateLimiter(new PlayRedis(api, TIMEOUT_MS), config.integer(ConfigKey.RATE_LIMIT_COMMANDS_PER_S),
        config.integer(ConfigKey.RATE_LIMIT_REQUESTS_PER_S), TrustedProxies.of(proxies));
  }

  public boolean limitsRequests() {
    return requestsPerS > 0;
  }

  public boolean limitsCommands() {
    return commandsPerS > 0;
  }

  /** The client address of a request, {@code X-Forwarded-For} believed only from a trusted proxy. */
  public String client(String peer, String forwardedFor) {
    return proxies.client(peer, forwardedFor);
  }

  /** One command of a seat (any door). */
  public Future<Verdict> command(String gameId, String playerId) {
    return hit("cmd:" + gameId + ":" + playerId, commandsPerS);
  }

  /**
   * One frame of a socket that holds no seat (a spectator's WebSocket, a bridge socket's
   * registrations): a budget of its own, as large as a seat's, named by its client address and socket.
   */
  public Future<Verdict> watcher(String clientAddress, String socket) {
    return hit("watch:" + clientAddress + ":" + socket, commandsPerS);
  }

  /** Chat lines a seat may send within {@link #CHAT_WINDOW_MS} (API.md), whatever the operator's limits. */
  public static final int CHAT_PER_WINDOW = 5;
  public static final long CHAT_WINDOW_MS = 5_000;

  /** One chat line of a seat, counted across the cluster: always limited. */
  public Future<Verdict> chat(String gameId, String playerId) {
    return hit("chat:" + gameId + ":" + playerId, CHAT_PER_WINDOW, CHAT_WINDOW_MS);
  }

  /** One HTTP request from a client address. */
  public Future<Verdict> request(String clientAddress) {
    return hit("addr:" + clientAddress, requestsPerS).andThen(ar -> {
      if (ar.succeeded() && !ar.result().allowed()) {
        block(clientAddress, ar.result().retryAfterS());
      }
    });
  }

  /**
   * One WebSocket handshake from a client address, decided at once (an upgrade deferred behind
   * I/O can lose its connection): refused while the address is known to be over its limit in the
   * current window, from any earlier answer of Redis; the hit is counted all the same.
   */
  public Verdict requestNow(String clientAddress) {
    Long until = blockedUntil.get(clientAddress);
    request(clientAddress);
    long now = System.currentTimeMillis();
    return until != null && until > now ? new Verdict(false, Math.max(1, (until - now + 999) / 1000)) : Verdict.ALLOW;
  }

  private void block(String clientAddress, long seconds) {
    long now = System.currentTimeMillis();
    if (blockedUntil.size() >= MAX_BLOCKED) {
      blockedUntil.values().removeIf(until -> until <= now);
      if (blockedUntil.size() >= MAX_BLOCKED) {
        blockedUntil.clear();
      }
    }
    blockedUntil.put(clientAddress, now + seconds * 1000);
  }

  /** Requests let through unchecked on this node since it started, because Redis did not answer. */
  public static long passedUnchecked() {
    return PASSED_UNCHECKED.get();
  }

  private Future<Verdict> hit(String key, int limit) {
    return hit(key, limit, WINDOW_MS);
  }

  private Future<Verdict> hit(String key, int limit, long windowMs) {
    if (limit <= 0) {
      return Future.succeededFuture(Verdict.ALLOW);
    }
    long now = System.currentTimeMillis();
    if (now < skipUntil) {
      return Future.succeededFuture(unchecked(now, null));
    }
    return redis.script(RedisScripts.HIT, List.of(RedisScripts.RATE + key), List.of(String.valueOf(windowMs)),
            "rate limit store unreachable")
        .map(r -> {
          long hits = r.get(0).toLong();
          long leftMs = r.get(1).toLong();
          return hits <= limit ? Verdict.ALLOW : new Verdict(false, Math.max(1, (leftMs + 999) / 1000));
        })
        .recover(e -> {
          skipUntil = System.currentTimeMillis() + WINDOW_MS;
          return Future.succeededFuture(unchecked(System.currentTimeMillis(), e));
        });
  }

  private static String rootCause(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.toString();
  }

  private Verdict unchecked(long now, Throwable cause) {
    long n = PASSED_UNCHECKED.incrementAndGet();
    if (cause != null && now - lastWarn > WARN_EVERY_MS) {
      lastWarn = now;
      LOG.warn("rate limits not checked: Redis does not answer ({}); letting requests through ({} so far)",
          rootCause(cause), n);
    }
    return Verdict.ALLOW;
  }
}
