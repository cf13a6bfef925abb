package io.ludo.server.ws;

import io.ludo.server.NodeStats;
import io.ludo.server.bus.Addresses;
import io.ludo.server.room.RoomFeed;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The sockets of one HTTP verticle (one event loop) by game, with one event-bus consumer per game
 * (not per socket): each event is encoded once and the same text goes to every socket of the
 * game. The consumer is this node's only: the game's room sends its frames to the nodes where it
 * counts the game's sockets (each socket's presence), and this node's feed relay publishes them
 * here. It lives on the HTTP verticle's context, where its sockets live: an event is written to
 * them without crossing threads, and the bookkeeping needs no locks.
 */
public final class SocketHub {
  private final Vertx vertx;
  private final Context context;
  private final NodeStats stats;
  private final Map<String, Room> rooms = new HashMap<>();

  private record Room(MessageConsumer<JsonObject> consumer, Set<WebSocketSession> sessions) {}

  public SocketHub(Vertx vertx, Context context, NodeStats stats) {
    this.vertx = vertx;
    this.context = context;
    this.stats = stats;
  }

  void join(String gameId, WebSocketSession session) {
    stats.socketOpened();
    context.runOnContext(v -> rooms.computeIfAbsent(gameId, this::open).sessions().add(session));
  }

  void leave(String gameId, WebSocketSession session) {
    stats.socketClosed();
    context.runOnContext(v -> {
      Room room = rooms.get(gameId);
      if (room != null && room.sessions().remove(session) && room.sessions().isEmpty()) {
        rooms.remove(gameId);
        room.consumer().unregister();
      }
    });
  }

  /** Sockets open on this node, for operators and metrics. */
  public int sockets() {
    return rooms.values().stream().mapToInt(r -> r.sessions().size()).sum();
  }

  private Room open(String gameId) {
    Set<WebSocketSession> sessions = new HashSet<>();
    MessageConsumer<JsonObject> consumer = vertx.eventBus().localConsumer(Addresses.gameEvents(gameId), message -> {
      JsonObject event = message.body();
      if (RoomFeed.PRESENCE_REQUEST.equals(event.getString("type"))) {
        sessions.forEach(WebSocketSession::announce);
        return;
      }
      String text = event.encode();
      if ("reconnect".equals(event.getString("type"))) {
        // the owner was fenced out: clients reconnect (reaching the new owner) and sync
        List.copyOf(sessions).forEach(s -> s.goAway(text));
        return;
      }
      int seq = event.getInteger("seq", 0);
      for (WebSocketSession s : sessions) {
        s.deliver(seq, text);
      }
    });
    return new Room(consumer, sessions);
  }

  public void closeAll() {
    context.runOnContext(v -> {
      rooms.values().forEach(r -> {
        r.consumer().unregister();
        r.sessions().forEach(WebSocketSession::close);
      });
      rooms.clear();
    });
  }
}
