package io.ludo.server.validator;

import io.ludo.server.NodeStats;
import io.ludo.server.config.Config;
import io.ludo.server.config.ConfigKey;
import io.vertx.circuitbreaker.CircuitBreaker;
import io.vertx.circuitbreaker.CircuitBreakerOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;

/**
 * An operator's external move validator (optional): before a move is applied, its game's owner
 * asks {@code POST {url}/v1/games/{game_id}/validate} with the move. 2xx applies it, 4xx refuses it
 * ({@code VALIDATOR_REJECTED}); a time-out, a 5xx, a 401, 407 or 429 (about our key, a proxy or
 * the validator's load, not the move), no connection or an open circuit is handled by the policy: {@code fail-closed} refuses it ({@code VALIDATOR_UNAVAILABLE}, retryable),
 * {@code fail-open} applies it, logs it and counts it.
 *
 * <p>The circuit breaker is vertx-circuit-breaker's rather than our own: its closed, open and
 * half-open states with a reset timer and a call time-out are exactly what is needed, it is
 * tested, and it runs each call on the caller's context, so the owner's one-command-at-a-time
 * chain is kept. One breaker per node: every game of the node shares the validator's health.
 */
public final class MoveValidator {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(MoveValidator.class);

  /** What to do with a move. */
  public enum Verdict {
    APPLY,
    REJECTED,
    UNAVAILABLE
  }

  /**
   * 4xx answers that say nothing about the move: our credentials (401), a proxy's (407), the
   * validator's load (429). They are its failure, so the policy applies and the breaker counts
   * them. 403 stays a refusal: a validator may well answer "forbidden" for a move it refuses, and
   * under fail-open a refusal must never turn into an applied move.
   */
  static final java.util.Set<Integer> NOT_ABOUT_THE_MOVE = java.util.Set.of(401, 407, 429);

  /** The validator said no: not a failure of the validator, so the circuit stays as it is. */
  private record Answer(boolean approved) {}

  private final WebClient client;
  private final CircuitBreaker breaker;
  private final String url;
  private final String apiKey;
  private final boolean failOpen;
  private final long timeoutMs;
  private final NodeStats stats;

  private MoveValidator(Vertx vertx, Config config, NodeStats stats) {
    this.url = config.string(ConfigKey.VALIDATOR_URL).replaceAll("/+$", "");
    this.apiKey = config.string(ConfigKey.VALIDATOR_API_KEY);
    this.timeoutMs = config.integer(ConfigKey.VALIDATOR_TIMEOUT_MS);
    this.stats = stats;
    String policy = config.string(ConfigKey.VALIDATOR_POLICY);
    if (!policy.equals("fail-open") && !policy.equals("fail-closed")) {
      throw new IllegalArgumentException("validator_policy must be fail-open or fail-closed, not " + policy);
    }
    this.failOpen = policy.equals("fail-open");
    this.client = WebClient.create(vertx);
    this.breaker = CircuitBreaker.create("ludo-move-validator", vertx, new CircuitBreakerOptions()
            .setMaxFailures(config.integer(ConfigKey.VALIDATOR_BREAKER_FAILURES))
            .setTimeout(timeoutMs)
            .setResetTimeout(config.integer(ConfigKey.VALIDATOR_BREAKER_RESET_MS))
            .setNotificationAddress(null))
        .openHandler(v -> LOG.warn("move validator circuit OPEN: " + url + " keeps failing; policy " + policy))
        .halfOpenHandler(v -> LOG.info("move validator circuit half-open: trying " + url + " again"))
        .closeHandler(v -> LOG.info("move validator circuit closed: " + url + " answers again"));
  }

  /** The node's validator, or none when {@link ConfigKey#VALIDATOR_URL} is not set. */
  public static MoveValidator from(Vertx vertx, Config config, NodeStats stats) {
    return config.isSet(ConfigKey.VALIDATOR_URL) ? new MoveValidator(vertx, config, stats) : null;
  }

  /**
   * Asks about a move; never fails. {@code seq} is the number its TOKEN_MOVED event will have,
   * {@code diceValue} the roll it uses.
   */
  public Future<Verdict> check(String gameId, String playerId, int tokenIndex, int diceValue, int seq) {
    JsonObject move = new JsonObject().put("player_id", playerId).put("token_index", tokenIndex)
        .put("dice_value", diceValue).put("seq", seq);
    return breaker.<Answer>execute(() -> client.postAbs(url + "/v1/games/" + gameId + "/validate")
            .putHeader("Authorization", "Bearer " + apiKey)
            .timeout(timeoutMs)
            .sendJsonObject(move)
            .compose(response -> {
              int status = response.statusCode();
              if (status >= 200 && status < 300) {
                return Future.succeededFuture(new Answer(true));
              }
              if (status >= 400 && status < 500 && !NOT_ABOUT_THE_MOVE.contains(status)) {
                return Future.succeededFuture(new Answer(false));
              }
              return Future.failedFuture("the validator answered " + status);
            }))
        .transform(ar -> {
          if (ar.succeeded()) {
            return Future.succeededFuture(ar.result().approved() ? Verdict.APPLY : Verdict.REJECTED);
          }
          if (failOpen) {
            stats.validatorFailedOpen();
            LOG.warn("move validator unavailable (" + ar.cause().getMessage() + "): applying the move of game "
                + gameId + " at seq " + seq + " unvalidated (fail-open)");
            return Future.succeededFuture(Verdict.APPLY);
          }
          return Future.succeededFuture(Verdict.UNAVAILABLE);
        });
  }

  public void close() {
    breaker.close();
    client.close();
  }
}
