package io.ludo.server;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * A test client of the SockJS event-bus bridge, speaking its frames over the raw WebSocket
 * transport ({@code /eventbus/websocket}) as {@code @vertx/eventbus-bridge-client.js} does.
 */
public final class BridgeClient {
  private final Vertx vertx;
  private final WsClient ws;
  private final long pinger;

  private BridgeClient(Vertx vertx, WsClient ws) {
    this.vertx = vertx;
    this.ws = ws;
    // the bridge closes a socket that stops pinging
    this.pinger = vertx.setPeriodic(3_000, id -> ws.sendRaw("{\"type\":\"ping\"}"));
  }

  public static Future<BridgeClient> connect(Vertx vertx, int port) {
    return WsClient.connect(vertx, port, "/eventbus/websocket").map(ws -> new BridgeClient(vertx, ws));
  }

  public void register(String address, String token) {
    ws.sendRaw(frame("register", address, null, token).encode());
  }

  /** Sends with a reply address; answers the reply ({@code rec}) or the bridge's {@code err} frame for it. */
  public Future<JsonObject> send(String address, Object body, String token) {
    String replyAddress = UUID.randomUUID().toString();
    Future<JsonObject> answer = ws.await(f -> replyAddress.equals(f.getString("address")));
    ws.sendRaw(frame("send", address, body, token).put("replyAddress", replyAddress).encode());
    return answer;
  }

  public void publish(String address, Object body, String token) {
    ws.sendRaw(frame("publish", address, body, token).encode());
  }

  /** The first frame, received already or to come, that matches. */
  public Future<JsonObject> await(Predicate<JsonObject> match) {
    return ws.await(match);
  }

  /** The first frame from now on that matches. */
  public Future<JsonObject> awaitNew(Predicate<JsonObject> match) {
    return ws.awaitNew(match);
  }

  /** The first message delivered on {@code address} whose body matches. */
  public Future<JsonObject> awaitBody(String address, Predicate<JsonObject> match) {
    return ws.await(f -> "rec".equals(f.getString("type")) && address.equals(f.getString("address"))
        && f.getValue("body") instanceof JsonObject b && match.test(b)).map(f -> f.getJsonObject("body"));
  }

  /** Every frame received so far. */
  public java.util.List<JsonObject> received() {
    synchronized (ws) {
      return java.util.List.copyOf(ws.received);
    }
  }

  /** Completes with the close code once the server closes the socket. */
  public Future<Short> closed() {
    return ws.closed.future();
  }

  public Future<Void> close() {
    vertx.cancelTimer(pinger);
    return ws.close();
  }

  private static JsonObject frame(String type, String address, Object body, String token) {
    JsonObject f = new JsonObject().put("type", type).put("address", address);
    if (body != null) {
      f.put("body", body);
    }
    if (token != null) {
      f.put("headers", new JsonObject().put("token", token));
    }
    return f;
  }
}
