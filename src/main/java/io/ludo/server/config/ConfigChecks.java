package io.ludo.server.config;

import static io.ludo.server.config.Check.bool;
import static io.ludo.server.config.Check.hostPort;
import static io.ludo.server.config.Check.integer;
import static io.ludo.server.config.Check.listOf;
import static io.ludo.server.config.Check.nonBlank;
import static io.ludo.server.config.Check.oneOf;
import static io.ludo.server.config.Check.port;
import static io.ludo.server.config.Check.text;
import static io.ludo.server.config.Check.urlOrEmpty;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * What each setting accepts, checked once when the configuration is loaded. A key not named here
 * is checked by the type of its default (an integer, true/false, or any text).
 */
final class ConfigChecks {
  private static final int MAX = Integer.MAX_VALUE;
  private static final int MIB = 1 << 20;

  /** Settings whose value is never repeated in an error message. */
  static final Set<ConfigKey> SECRETS = Set.of(ConfigKey.JWT_KEY, ConfigKey.SIGNING_KEYS,
      ConfigKey.VALIDATOR_API_KEY, ConfigKey.DB_URL, ConfigKey.REDIS_URL);

  private static final Map<ConfigKey, Check> CHECKS = new EnumMap<>(ConfigKey.class);

  static {
    CHECKS.put(ConfigKey.CLUSTERED, bool());
    CHECKS.put(ConfigKey.CLUSTER_HOST, nonBlank());
    CHECKS.put(ConfigKey.CLUSTER_PORT, port(false));
    CHECKS.put(ConfigKey.CLUSTER_MEMBERS, listOf(hostPort()));
    CHECKS.put(ConfigKey.CLUSTER_DISCOVERY, oneOf("tcp", "multicast"));
    CHECKS.put(ConfigKey.LOG_FORMAT, oneOf("text", "json"));
    CHECKS.put(ConfigKey.HTTP_HOST, nonBlank());
    CHECKS.put(ConfigKey.HTTP_PORT, port(true));
    CHECKS.put(ConfigKey.ADMIN_HOST, nonBlank());
    CHECKS.put(ConfigKey.ADMIN_PORT, port(true));
    CHECKS.put(ConfigKey.HTTP_INSTANCES, integer(0, 1024));
    CHECKS.put(ConfigKey.EVENT_LOOPS, integer(0, 1024));
    CHECKS.put(ConfigKey.HTTP_BODY_LIMIT, integer(1, 64 * MIB));
    CHECKS.put(ConfigKey.BRIDGE_MAX_HANDLERS, integer(1, 10_000));
    CHECKS.put(ConfigKey.BRIDGE_MAX_MESSAGE, integer(1, 64 * MIB));
    CHECKS.put(ConfigKey.DB_URL, urlOrEmpty("postgresql", "postgres"));
    CHECKS.put(ConfigKey.DB_POOL_SIZE, integer(1, 1000));
    CHECKS.put(ConfigKey.DATA_DIR, nonBlank());
    CHECKS.put(ConfigKey.EMBEDDED_DB_PORT, port(true));
    CHECKS.put(ConfigKey.EMBEDDED_REDIS_PORT, port(true));
    CHECKS.put(ConfigKey.REDIS_URL, urlOrEmpty("redis", "rediss"));
    // empty: the node generates a key once and keeps it in its data directory
    CHECKS.put(ConfigKey.JWT_KEY, new Check("empty (a key generated and kept in LUDO_DATA_DIR) or at least "
        + io.ludo.server.auth.SeatTokens.MIN_KEY_BYTES + " bytes (e.g. openssl rand -base64 48)",
        v -> v.isEmpty() || io.ludo.server.auth.SeatTokens.keyProblem(v) == null));
    CHECKS.put(ConfigKey.JWT_TTL_S, integer(1, MAX));
    CHECKS.put(ConfigKey.WS_MAX_FRAME, integer(1, 64 * MIB));
    CHECKS.put(ConfigKey.WS_IDLE_TIMEOUT_S, integer(0, 86_400));
    CHECKS.put(ConfigKey.WS_SYNC_MAX_EVENTS, integer(0, MAX));
    CHECKS.put(ConfigKey.PERSIST_BATCH_MAX, integer(1, 100_000));
    CHECKS.put(ConfigKey.PERSIST_MAX_IN_FLIGHT, integer(1, 1000));
    CHECKS.put(ConfigKey.COMMAND_TIMEOUT_MS, integer(100, 600_000));
    CHECKS.put(ConfigKey.GAME_IDLE_TIMEOUT_S, integer(1, MAX / 1000));
    CHECKS.put(ConfigKey.GAME_LINGER_S, integer(0, MAX / 1000));
    CHECKS.put(ConfigKey.LOBBY_MAX_IDLE_S, integer(1, MAX / 1000));
    CHECKS.put(ConfigKey.BOT_DELAY_MS, integer(0, 600_000));
    CHECKS.put(ConfigKey.ORPHAN_SWEEP_MS, integer(1, MAX));
    CHECKS.put(ConfigKey.RATE_LIMIT_COMMANDS_PER_S, integer(0, MAX));
    CHECKS.put(ConfigKey.RATE_LIMIT_REQUESTS_PER_S, integer(0, MAX));
    CHECKS.put(ConfigKey.VALIDATOR_URL, urlOrEmpty("http", "https"));
    CHECKS.put(ConfigKey.VALIDATOR_POLICY, oneOf("fail-closed", "fail-open"));
    CHECKS.put(ConfigKey.VALIDATOR_TIMEOUT_MS, integer(1, 600_000));
    CHECKS.put(ConfigKey.VALIDATOR_BREAKER_FAILURES, integer(1, 10_000));
    CHECKS.put(ConfigKey.VALIDATOR_BREAKER_RESET_MS, integer(1, MAX));
    CHECKS.put(ConfigKey.MATCHMAKING_BOT_WAIT_MS, integer(0, MAX));
    CHECKS.put(ConfigKey.MATCHMAKING_TICKET_TTL_MS, integer(1, MAX));
    CHECKS.put(ConfigKey.MATCHMAKING_TICK_MS, integer(1, 3_600_000));
    CHECKS.put(ConfigKey.LEADERBOARD_SYNC_S, integer(1, MAX / 1000));
    CHECKS.put(ConfigKey.TEST_DICE, new Check("empty, seed:N or script:d,d,…",
        v -> v.isBlank() || v.trim().matches("seed:\\s*-?\\d+|script:\\s*[1-6](\\s*,\\s*[1-6])*")));
  }

  private ConfigChecks() {}

  /** The check of {@code key}, whose default is {@code like}. */
  static Check of(ConfigKey key, Object like) {
    Check check = CHECKS.get(key);
    if (check != null) {
      return check;
    }
    if (like instanceof Integer || like instanceof Long) {
      return integer(Integer.MIN_VALUE, MAX);
    }
    return like instanceof Boolean ? bool() : text();
  }

  /** Throws the one-line {@link ConfigException} unless {@code value} suits {@code key}. */
  static void verify(ConfigKey key, Object like, String value) {
    Check check = of(key, like);
    if (!check.accepts().test(value)) {
      String shown = SECRETS.contains(key) ? "" : " (not \"" + value + "\")";
      throw new ConfigException(key.env() + " must be " + check.expects() + shown);
    }
  }
}
