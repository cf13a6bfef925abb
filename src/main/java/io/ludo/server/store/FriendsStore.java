package io.ludo.server.store;

import io.ludo.server.bus.Addresses;
import io.ludo.server.errors.ErrorCode;
import io.ludo.server.room.ChatMessage;
import io.vertx.core.Future;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.List;

/**
 * The tables of playing with friends, read and written for this node's edges and rooms: invite
 * codes and the lobby from the games' rows (Postgres, so every node reads the same at once),
 * rematch links, and chat lines.
 */
final class FriendsStore {
  private final Pool pool;
  /** A waiting game with no event for this long is abandoned: the lobby leaves it out. */
  private final long lobbyMaxIdleS;

  FriendsStore(Pool pool, long lobbyMaxIdleS) {
    this.pool = pool;
    this.lobbyMaxIdleS = lobbyMaxIdleS;
  }

  List<Future<Void>> register(EventBus bus) {
    return List.of(
        bus.<JsonObject>localConsumer(Addresses.PERSIST_INVITE, this::invite).completion(),
        bus.<JsonObject>localConsumer(Addresses.PERSIST_LOBBY, this::lobby).completion(),
        bus.<JsonObject>localConsumer(Addresses.PERSIST_REMATCH, this::rematch).completion(),
        bus.<JsonObject>localConsumer(Addresses.PERSIST_CHAT_ADD, this::addChat).completion(),
        bus.<JsonObject>localConsumer(Addresses.PERSIST_CHAT_READ, this::readChat).completion());
  }

  private void invite(Message<JsonObject> message) {
    answer(message, pool.preparedQuery(Sql.GAME_BY_INVITE).execute(Tuple.of(message.body().getString("code")))
        .map(rows -> new JsonObject().put("game_id", rows.size() == 0 ? null : rows.iterator().next().getString(0))));
  }

  private void lobby(Message<JsonObject> message) {
    JsonObject q = message.body();
    answer(message, pool.preparedQuery(Sql.LOBBY).execute(Tuple.of(q.getInteger("players"), q.getInteger("limit"), lobbyMaxIdleS))
        .map(rows -> {
          JsonArray games = new JsonArray();
          for (Row r : rows) {
            String options = r.getString("options");
            games.add(new JsonObject().put("game_id", r.getString("game_id")).put("room_name", r.getString("room_name"))
                .put("max_players", r.getInteger("max_players")).put("seated", r.getInteger("seated"))
                .put("options", options == null ? new JsonObject() : new JsonObject(options))
                .put("created_at", r.getLong("created_at")));
          }
          return new JsonObject().put("games", games);
        }));
  }

  private void rematch(Message<JsonObject> message) {
    JsonObject q = message.body();
    answer(message, pool.preparedQuery(Sql.SET_REMATCH).execute(Tuple.of(q.getString("game_id"), q.getString("rematch_game_id")))
        .map(rows -> new JsonObject().put("rematch_game_id", rows.size() == 0 ? null : rows.iterator().next().getString(0))));
  }

  private void addChat(Message<JsonObject> message) {
    JsonObject m = message.body();
    answer(message, pool.preparedQuery(Sql.ADD_CHAT)
        .execute(Tuple.of(m.getString("game_id"), m.getInteger("seat"), m.getString("player_name"), m.getString("text"),
            m.getLong("at")))
        .map(rows -> new JsonObject().put("ok", true)));
  }

  private void readChat(Message<JsonObject> message) {
    JsonObject q = message.body();
    answer(message, pool.preparedQuery(Sql.READ_CHAT).execute(Tuple.of(q.getString("game_id"), q.getInteger("limit")))
        .map(rows -> {
          JsonArray lines = new JsonArray();
          for (Row r : rows) {
            lines.add(new ChatMessage(r.getInteger(0), r.getString(1), r.getString(2), r.getLong(3)).frame());
          }
          return new JsonObject().put("messages", lines);
        }));
  }

  private static void answer(Message<JsonObject> message, Future<JsonObject> answer) {
    answer.onSuccess(message::reply)
        .onFailure(e -> message.fail(ErrorCode.UNAVAILABLE.status(), ErrorCode.UNAVAILABLE.name()));
  }
}
