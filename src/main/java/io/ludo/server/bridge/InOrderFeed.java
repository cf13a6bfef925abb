package io.ludo.server.bridge;

import io.ludo.server.bus.Addresses;
import io.ludo.server.ws.ClientMessages;
import io.ludo.server.ws.InOrderEvents;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.handler.sockjs.SockJSSocket;
import java.util.HashMap;
import java.util.Map;

/**
 * The events of each bridge registration in order and once each after its state, as a WebSocket
 * gets them ({@link InOrderEvents}). Before the registration's state is sent, events pass as they
 * come. Runs on the bridge's event loop, with its guard.
 */
final class InOrderFeed {
  /** Writes a message body to a socket for an address, as the bridge would. */
  interface Writer {
    void write(SockJSSocket socket, String address, JsonObject body);
  }

  private static final class Line {
    /** The newest event passed before the state. */
    int beforeState;
    /** The events after the state; null until it is sent. */
    InOrderEvents<JsonObject> order;
  }

  private final ClientMessages messages;
  private final Writer writer;
  private final Map<SockJSSocket, Map<String, Line>> lines = new HashMap<>();

  InOrderFeed(ClientMessages messages, Writer writer) {
    this.messages = messages;
    this.writer = writer;
  }

  void registered(SockJSSocket socket, String address) {
    lines.computeIfAbsent(socket, s -> new HashMap<>()).put(address, new Line());
  }

  /** The registration's state was sent: the events after its seq follow it in order. */
  void stateSent(SockJSSocket socket, String address, int seq) {
    Line line = line(socket, address);
    if (line != null) {
      String gameId = Addresses.gameOfEvents(address).orElseThrow();
      line.order = new InOrderEvents<>(Math.max(seq, line.beforeState), since -> messages.sync(gameId, since),
          JsonObject::new, body -> {
            // not to a registration that went away while its missed events were read
            if (line(socket, address) == line) {
              writer.write(socket, address, body);
            }
          });
    }
  }

  void forget(SockJSSocket socket, String address) {
    Map<String, Line> mine = lines.get(socket);
    if (mine != null) {
      mine.remove(address);
    }
  }

  void forget(SockJSSocket socket) {
    lines.remove(socket);
  }

  /** Whether the bridge sends this message as it is; when not, it was sent already, or it will be, in order. */
  boolean admit(SockJSSocket socket, String address, JsonObject body) {
    int seq = body.getInteger("seq", 0);
    Line line = line(socket, address);
    if (seq == 0 || line == null) {
      return true;
    }
    if (line.order == null) {
      line.beforeState = Math.max(line.beforeState, seq);
      return true;
    }
    return line.order.admit(seq, body);
  }

  private Line line(SockJSSocket socket, String address) {
    Map<String, Line> mine = lines.get(socket);
    return mine == null ? null : mine.get(address);
  }
}
