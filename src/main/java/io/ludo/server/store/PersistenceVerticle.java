package io.ludo.server.store;

import io.ludo.server.NodeStats;
import io.ludo.server.bus.Addresses;
import io.ludo.server.config.Config;
import io.ludo.server.config.ConfigKey;
import io.ludo.server.errors.ErrorCode;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;

/**
 * Writes every game event to Postgres (group-committed) and reads them back for replay and reload.
 * Its addresses are node-local: each node's games write through their own node's pool.
 */
public final class PersistenceVerticle extends VerticleBase {
  /** The failure of an append whose epoch or head is no longer the game's: its writer is fenced out. */
  public static final String STALE_APPEND = "STALE_APPEND";
  /** The failure of an append never sent (its owner stopped waiting): nothing of it is stored. */
  public static final String NOT_SENT = "NOT_SENT";
  /** The failure of an append whose command id is stored already: the command was applied before. */
  public static final String DUPLICATE_COMMAND = "DUPLICATE_COMMAND";
  private static final int READ_LIMIT = 100_000;
  private static final int POOL_WAIT_S = 10;

  private final Config config;
  private final NodeStats stats;
  private Pool pool;
  private GroupCommit groupCommit;
  private EpochWatch epochs;

  public PersistenceVerticle(Config config, NodeStats stats) {
    this.config = config;
    this.stats = stats;
  }

  @Override
  public Future<?> start() {
    PgConnectOptions connect = PgConnectOptions.fromUri(config.string(ConfigKey.DB_URL))
        .setReconnectAttempts(0)
        .setPipeliningLimit(64)
        // each statement is parsed and planned once per connection, not on every append
        .setCachePreparedStatements(true);
    pool = PgBuilder.pool()
        .with(new PoolOptions().setMaxSize(config.integer(ConfigKey.DB_POOL_SIZE))
            // a command does not wait this long: the game gives up on the append first
            .setConnectionTimeout(POOL_WAIT_S).setConnectionTimeoutUnit(java.util.concurrent.TimeUnit.SECONDS))
        .connectingTo(connect)
        .using(vertx)
        .build();
    groupCommit = new GroupCommit(pool, config.integer(ConfigKey.PERSIST_BATCH_MAX),
        config.integer(ConfigKey.PERSIST_MAX_IN_FLIGHT), stats::committed);
    FriendsStore friends = new FriendsStore(pool, config.integer(ConfigKey.LOBBY_MAX_IDLE_S));
    epochs = new EpochWatch(vertx, pool, connect);
    return Migrations.apply(vertx, pool).compose(v -> Future.all(friends.register(vertx.eventBus())))
        .compose(v -> Future.all(epochs.start())).compose(v -> Future.all(java.util.List.of(
        vertx.eventBus().<AppendRequest>localConsumer(Addresses.PERSIST_APPEND, this::append).completion(),
        vertx.eventBus().<JsonObject>localConsumer(Addresses.PERSIST_READ, this::read).completion(),
        vertx.eventBus().<JsonObject>localConsumer(Addresses.PERSIST_HEAD, this::head).completion(),
        vertx.eventBus().<JsonObject>localConsumer(Addresses.PERSIST_CLAIM, this::claim).completion(),
        vertx.eventBus().<JsonObject>localConsumer(Addresses.PERSIST_COMMANDS, this::recentCommands).completion(),
        vertx.eventBus().<JsonObject>localConsumer(Addresses.PERSIST_COMMAND, this::command).completion(),
        vertx.eventBus().<JsonObject>localConsumer(Addresses.PERSIST_ORPHANS, this::orphans).completion(),
        vertx.eventBus().<JsonObject>localConsumer(Addresses.PERSIST_EXISTS, this::exists).completion(),
        vertx.eventBus().<JsonObject>localConsumer(Addresses.PERSIST_PING, this::ping).completion(),
        vertx.eventBus().<JsonObject>localConsumer(Addresses.PERSIST_FINISHED, this::finished).completion())));
  }

  @Override
  public Future<?> stop() {
    return groupCommit.drained().eventually(() -> epochs == null ? Future.succeededFuture() : epochs.stop())
        .eventually(() -> pool.close());
  }

  private void append(Message<AppendRequest> message) {
    Promise<Void> done = Promise.promise();
    long arrived = System.nanoTime();
    groupCommit.submit(Append.of(message.body(), done));
    done.future().onComplete(ar -> {
      if (ar.succeeded()) {
        stats.appended(System.nanoTime() - arrived);
        message.reply(new JsonObject().put("ok", true));
      } else if (ar.cause() instanceof StaleAppendException) {
        message.fail(ErrorCode.WRONG_PHASE.status(), STALE_APPEND);
      } else if (ar.cause() instanceof NotSentException) {
        message.fail(ErrorCode.UNAVAILABLE.status(), NOT_SENT);
      } else if (isDuplicateCommand(ar.cause())) {
        message.fail(ErrorCode.UNAVAILABLE.status(), DUPLICATE_COMMAND);
      } else {
        message.fail(ErrorCode.UNAVAILABLE.status(), ErrorCode.UNAVAILABLE.name());
      }
    });
  }

  private void read(Message<JsonObject> message) {
    JsonObject q = message.body();
    pool.preparedQuery(Sql.READ_EVENTS)
        .execute(Tuple.of(q.getString("game_id"), q.getInteger("from_seq", 1), q.getInteger("limit", READ_LIMIT)))
        .onSuccess(rows -> {
          JsonArray events = new JsonArray();
          for (Row r : rows) {
            events.add(r.getJsonObject(0));
          }
          message.reply(new JsonObject().put("events", events));
        })
        .onFailure(e -> message.fail(ErrorCode.UNAVAILABLE.status(), ErrorCode.UNAVAILABLE.name()));
  }

  /** {@code {"status","last_event"}} of a game (no {@code last_event} before its first), or GAME_NOT_FOUND. */
  /** Whether a request to persistence failed with {@code name} (STALE_APPEND, NOT_SENT, DUPLICATE_COMMAND). */
  public static boolean failedWith(Throwable failure, String name) {
    return failure instanceof io.vertx.core.eventbus.ReplyException r && name.equals(r.getMessage());
  }

  /** The unique index on a game's command ids refused the append (V6__commands_in_event_rows.sql). */
  private static boolean isDuplicateCommand(Throwable failure) {
    return failure instanceof io.vertx.pgclient.PgException pg && "23505".equals(pg.getSqlState())
        && "game_events_command".equals(pg.getConstraint());
  }

  private void command(Message<JsonObject> message) {
    JsonObject q = message.body();
    pool.preparedQuery(Sql.COMMAND_BY_ID).execute(Tuple.of(q.getString("game_id"), q.getString("command_id")))
        .onSuccess(rows -> {
          JsonObject found = new JsonObject();
          for (Row r : rows) {
            found.put("reply", r.getJsonObject(0)).put("fingerprint", r.getString(1));
          }
          message.reply(found);
        })
        .onFailure(e -> message.fail(ErrorCode.UNAVAILABLE.status(), ErrorCode.UNAVAILABLE.name()));
  }

  private void head(Message<JsonObject> message) {
    pool.preparedQuery(Sql.GAME_HEAD).execute(Tuple.of(message.body().getString("game_id")))
        .onSuccess(rows -> {
          if (rows.size() == 0) {
            message.fail(ErrorCode.GAME_NOT_FOUND.status(), ErrorCode.GAME_NOT_FOUND.name());
          } else {
            Row row = rows.iterator().next();
            message.reply(new JsonObject().put("status", row.getString(0)).put("last_event", row.getJsonObject(1)));
          }
        })
        .onFailure(e -> message.fail(ErrorCode.UNAVAILABLE.status(), ErrorCode.UNAVAILABLE.name()));
  }

  /** {@code {"games":[{"game_id","updated"},…]}}: finished games after a point, for the leaderboard. */
  private void finished(Message<JsonObject> message) {
    JsonObject q = message.body();
    pool.preparedQuery(Sql.FINISHED_GAMES_AFTER)
        .execute(Tuple.of(q.getString("after_updated"), q.getString("after_game_id"),
            q.getDouble("slack_s", 0.0), q.getInteger("limit"), q.getString("not_before", "-infinity")))
        .onSuccess(rows -> {
          JsonArray games = new JsonArray();
          for (Row r : rows) {
            games.add(new JsonObject().put("game_id", r.getString(0)).put("updated", r.getString(1)));
          }
          message.reply(new JsonObject().put("games", games));
        })
        .onFailure(e -> message.fail(ErrorCode.UNAVAILABLE.status(), ErrorCode.UNAVAILABLE.name()));
  }

  /** {@code {"live":[node ids],"limit"}} → {@code {"game_ids":[…]}}: see {@link Sql#ORPHANS_TO_DRIVE}. */
  private void orphans(Message<JsonObject> message) {
    JsonObject q = message.body();
    String[] live = q.getJsonArray("live").stream().map(String::valueOf).toArray(String[]::new);
    pool.preparedQuery(Sql.ORPHANS_TO_DRIVE).execute(Tuple.of(live, q.getInteger("limit")))
        .onSuccess(rows -> {
          JsonArray ids = new JsonArray();
          rows.forEach(r -> ids.add(r.getString(0)));
          message.reply(new JsonObject().put("game_ids", ids));
        })
        .onFailure(e -> message.fail(ErrorCode.UNAVAILABLE.status(), ErrorCode.UNAVAILABLE.name()));
  }

  /** {@code {"commands":[{"command_id","fingerprint","reply"}, …]}}, a game's latest accepted commands, newest first. */
  private void recentCommands(Message<JsonObject> message) {
    JsonObject q = message.body();
    pool.preparedQuery(Sql.RECENT_COMMANDS).execute(Tuple.of(q.getString("game_id"), q.getInteger("limit")))
        .onSuccess(rows -> {
          JsonArray commands = new JsonArray();
          for (Row r : rows) {
            commands.add(new JsonObject().put("command_id", r.getString(0)).put("reply", r.getJsonObject(1))
                .put("fingerprint", r.getString(2)));
          }
          message.reply(new JsonObject().put("commands", commands));
        })
        .onFailure(e -> message.fail(ErrorCode.UNAVAILABLE.status(), ErrorCode.UNAVAILABLE.name()));
  }

  /** Takes a stored game over for a node: answers the new epoch and the dice seed, or fails GAME_NOT_FOUND. */
  private void claim(Message<JsonObject> message) {
    JsonObject q = message.body();
    pool.preparedQuery(Sql.CLAIM_GAME).execute(Tuple.of(q.getString("game_id"), q.getString("node")))
        .onSuccess(rows -> {
          if (rows.size() == 0) {
            message.fail(ErrorCode.GAME_NOT_FOUND.status(), ErrorCode.GAME_NOT_FOUND.name());
          } else {
            Row row = rows.iterator().next();
            message.reply(new JsonObject().put("epoch", row.getLong(0)).put("server_seed", row.getString(1))
                .put("invite_code", row.getString(2)).put("visibility", row.getString(3))
                .put("rematch_game_id", row.getString(4)));
          }
        })
        .onFailure(e -> message.fail(ErrorCode.UNAVAILABLE.status(), ErrorCode.UNAVAILABLE.name()));
  }

  private void exists(Message<JsonObject> message) {
    pool.preparedQuery(Sql.GAME_EXISTS).execute(Tuple.of(message.body().getString("game_id")))
        .onSuccess(rows -> message.reply(new JsonObject().put("exists", rows.size() > 0)))
        .onFailure(e -> message.fail(ErrorCode.UNAVAILABLE.status(), ErrorCode.UNAVAILABLE.name()));
  }

  private void ping(Message<JsonObject> message) {
    pool.query(Sql.PING).execute()
        .onSuccess(r -> message.reply(new JsonObject().put("ok", true)))
        .onFailure(e -> message.fail(ErrorCode.UNAVAILABLE.status(), ErrorCode.UNAVAILABLE.name()));
  }
}
