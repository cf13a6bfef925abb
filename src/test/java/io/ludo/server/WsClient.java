package io.ludo.server;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/** A test WebSocket client: records every frame and lets a test await the next one that matches. */
public final class WsClient {
  private static final AtomicInteger IDS = new AtomicInteger();

  public final List<JsonObject> received = new ArrayList<>();
  private final List<Object[]> waiters = new ArrayList<>();
  private WebSocket ws;
  /** Held for the socket's life: Vert.x closes a client it finds unreachable, connections and all. */
  private WebSocketClient client;
  public Promise<Short> closed = Promise.promise();

  public static Future<WsClient> connect(Vertx vertx, int port, String uri) {
    WebSocketClient client = vertx.createWebSocketClient();
    WsClient c = new WsClient();
    c.client = client;
    return client.connect(port, "127.0.0.1", uri).map(ws -> {
      c.ws = ws;
      ws.textMessageHandler(text -> c.onFrame(new JsonObject(text)));
      // the bridge's raw WebSocket transport sends its JSON frames as binary messages
      ws.binaryMessageHandler(bytes -> c.onFrame(new JsonObject(bytes)));
      ws.closeHandler(v -> c.closed.tryComplete(ws.closeStatusCode()));
      return c;
    });
  }

  private synchronized void onFrame(JsonObject frame) {
    received.add(frame);
    for (var it = waiters.iterator(); it.hasNext(); ) {
      Object[] w = it.next();
      @SuppressWarnings("unchecked") Predicate<JsonObject> p = (Predicate<JsonObject>) w[0];
      if (p.test(frame)) {
        it.remove();
        @SuppressWarnings("unchecked") Promise<JsonObject> promise = (Promise<JsonObject>) w[1];
        promise.complete(frame);
        return;
      }
    }
  }

  /** The first frame, received already or to come, that matches. */
  public synchronized Future<JsonObject> await(Predicate<JsonObject> match) {
    for (JsonObject f : received) {
      if (match.test(f)) {
        return Future.succeededFuture(f);
      }
    }
    Promise<JsonObject> p = Promise.promise();
    waiters.add(new Object[] {match, p});
    return p.future();
  }

  /** The first frame from now on that matches (frames received already are not considered). */
  public synchronized Future<JsonObject> awaitNew(Predicate<JsonObject> match) {
    Promise<JsonObject> p = Promise.promise();
    waiters.add(new Object[] {match, p});
    return p.future();
  }

  /** Sends a message with a fresh id and answers its ack or error. */
  public Future<JsonObject> request(JsonObject message) {
    String id = "m" + IDS.incrementAndGet();
    Future<JsonObject> answer = await(f -> id.equals(f.getValue("id")));
    ws.writeTextMessage(message.copy().put("id", id).encode());
    return answer;
  }

  public void sendRaw(String text) {
    ws.writeTextMessage(text);
  }

  public synchronized List<JsonObject> frames(String type) {
    return received.stream().filter(f -> type.equals(f.getString("type"))).toList();
  }

  public Future<Void> close() {
    return ws.close();
  }
}
