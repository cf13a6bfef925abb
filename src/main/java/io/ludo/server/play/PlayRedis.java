package io.ludo.server.play;

import io.ludo.server.errors.ApiException;
import io.ludo.server.errors.ErrorCode;
import io.vertx.core.Future;
import io.vertx.redis.client.RedisAPI;
import io.vertx.redis.client.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The play services' way to Redis: every call bounded in time, and any failure turned into a
 * retryable {@link ErrorCode#UNAVAILABLE} that says which store is unreachable.
 */
public final class PlayRedis {
  /** No Redis call of a request waits longer than this. */
  static final long CALL_TIMEOUT_MS = 2_000;

  /**
   * How many calls may wait for a pooled connection. The client's default (24) was reached by a
   * single socket's burst of 40 registrations: the calls past it failed, the limiter let
   * everything through for a second, and a flood was never refused.
   */
  static final int MAX_WAITING_CALLS = 8_192;

  /** A client of the Redis at {@code url}, with room for bursts. */
  public static io.vertx.redis.client.Redis client(io.vertx.core.Vertx vertx, String url) {
    return io.vertx.redis.client.Redis.createClient(vertx, new io.vertx.redis.client.RedisOptions()
        .setConnectionString(url).setMaxPoolSize(8).setMaxPoolWaiting(MAX_WAITING_CALLS));
  }

  private final RedisAPI api;
  private final long timeoutMs;

  public PlayRedis(RedisAPI api) {
    this(api, CALL_TIMEOUT_MS);
  }

  /** How long a call waits for Redis before it fails. */
  long timeoutMs() {
    return timeoutMs;
  }

  public PlayRedis(RedisAPI api, long timeoutMs) {
    this.api = api;
    this.timeoutMs = timeoutMs;
  }

  /** A call; its failure is UNAVAILABLE with {@code detail}. */
  public Future<Response> call(Function<RedisAPI, Future<Response>> call, String detail) {
    Future<Response> f;
    try {
      f = call.apply(api);
    } catch (RuntimeException e) {
      f = Future.failedFuture(e);
    }
    return f.timeout(timeoutMs, TimeUnit.MILLISECONDS)
        .recover(e -> Future.failedFuture(new ApiException(ErrorCode.UNAVAILABLE, detail, e)));
  }

  /** Runs a script by its SHA-1, sending its text only when the server does not know it yet. */
  public Future<Response> script(RedisScripts.Script script, List<String> keys, List<String> args, String detail) {
    List<String> tail = new ArrayList<>(2 + keys.size() + args.size());
    tail.add(String.valueOf(keys.size()));
    tail.addAll(keys);
    tail.addAll(args);
    return call(a -> {
      List<String> bySha = new ArrayList<>(tail.size() + 1);
      bySha.add(script.sha());
      bySha.addAll(tail);
      return a.evalsha(bySha).recover(e -> {
        if (String.valueOf(e.getMessage()).startsWith("NOSCRIPT")) {
          List<String> byText = new ArrayList<>(tail.size() + 1);
          byText.add(script.text());
          byText.addAll(tail);
          return a.eval(byText);
        }
        return Future.failedFuture(e);
      });
    }, detail);
  }
}
