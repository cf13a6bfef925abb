package io.ludo.server.config;

/**
 * Every setting of a node. Each has a default in {@code conf/config.json} under its {@link #key}
 * and is overridden by the environment variable {@link #env()} ({@code LUDO_} + key in capitals).
 */
public enum ConfigKey {
  NODE_ID,
  /** Whether the node joins a Hazelcast cluster (a cluster of one when no members are named). */
  CLUSTERED,
  CLUSTER_HOST,
  CLUSTER_PORT,
  /** Comma-separated {@code host:port} members for TCP-IP discovery; empty: this node alone. */
  CLUSTER_MEMBERS,
  /** {@code tcp} (the members above) or {@code multicast} (a docker compose network). */
  CLUSTER_DISCOVERY,
  HTTP_HOST,
  HTTP_PORT,
  /** Where the operator endpoints ({@code /metrics}, {@code /cluster/nodes}) listen: loopback unless opened up. */
  ADMIN_HOST,
  /** The operator endpoints' port; 0: not served. */
  ADMIN_PORT,
  HTTP_INSTANCES,
  /** Vert.x event loops of the node; 0: one per core. */
  EVENT_LOOPS,
  HTTP_BODY_LIMIT,
  CORS_ORIGINS,
  /** Origins allowed to open the event-bus bridge: empty = the page's own origin only, {@code *} = any. */
  BRIDGE_ORIGINS,
  /** Addresses one bridge socket may register at once. */
  BRIDGE_MAX_HANDLERS,
  /** Largest bridge frame (bytes) accepted from a client. */
  BRIDGE_MAX_MESSAGE,
  DB_URL,
  DB_POOL_SIZE,
  DATA_DIR,
  EMBEDDED_DB_PORT,
  EMBEDDED_REDIS_PORT,
  REDIS_URL,
  JWT_KEY,
  JWT_TTL_S,
  WS_MAX_FRAME,
  WS_IDLE_TIMEOUT_S,
  WS_SYNC_MAX_EVENTS,
  PERSIST_BATCH_MAX,
  /** Group-commit transactions committing at once (each on its own connection; at most the pool's size). */
  PERSIST_MAX_IN_FLIGHT,
  COMMAND_TIMEOUT_MS,
  GAME_IDLE_TIMEOUT_S,
  GAME_LINGER_S,
  /** A waiting game with no event for this long is abandoned: the lobby no longer lists it. */
  LOBBY_MAX_IDLE_S,
  /**
   * {@code text} (one line per record) or {@code json} (one JSON object per line). The logging
   * backend reads it from the environment ({@code LUDO_LOG_FORMAT}) before the node starts; the
   * node only refuses a value that is neither.
   */
  LOG_FORMAT,
  BOT_DELAY_MS,
  /** How often the cluster's first node looks for server-driven games (timers, bots) whose owner died. */
  ORPHAN_SWEEP_MS,
  RATE_LIMIT_COMMANDS_PER_S,
  RATE_LIMIT_REQUESTS_PER_S,
  TRUSTED_PROXIES,
  /**
   * Ed25519 keys that sign finished games' records: a JSON array of {@code {"kid","private_key"}}
   * (PKCS#8 DER in base64), the active key first, retired ones after it (still published). Empty: a
   * development key derived from {@link #JWT_KEY}.
   */
  SIGNING_KEYS,
  /** An external move validator's base URL; empty: moves are not sent to one. */
  VALIDATOR_URL,
  /** Sent to the validator as {@code Authorization: Bearer …}. */
  VALIDATOR_API_KEY,
  /** {@code fail-closed} (refuse moves while the validator is unavailable) or {@code fail-open} (apply them). */
  VALIDATOR_POLICY,
  /** How long one validation may take before it counts as unavailable. */
  VALIDATOR_TIMEOUT_MS,
  /** Consecutive validator failures (time-outs, 5xx, no connection) that open the circuit. */
  VALIDATOR_BREAKER_FAILURES,
  /** How long an open circuit waits before letting one validation through to try again. */
  VALIDATOR_BREAKER_RESET_MS,
  /** How long a matchmaking ticket that asked for bots waits for people before bots complete its game. */
  MATCHMAKING_BOT_WAIT_MS,
  /** A ticket still waiting this long after it was made expires. */
  MATCHMAKING_TICKET_TTL_MS,
  /** How often each node's matcher looks at the queues. */
  MATCHMAKING_TICK_MS,
  /** How often a node makes sure every finished game in Postgres is on the leaderboard. */
  LEADERBOARD_SYNC_S,
  /** Test-only: {@code seed:N} or {@code script:6,3,…} makes dice repeatable. Never set in production. */
  TEST_DICE;

  /** The name in {@code conf/config.json}. */
  public String key() {
    return name().toLowerCase();
  }

  /** The environment variable that overrides it. */
  public String env() {
    return "LUDO_" + name();
  }
}
