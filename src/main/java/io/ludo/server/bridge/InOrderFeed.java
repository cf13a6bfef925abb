package io.ludo.server.bridge;

import io.ludo.server.bus.Addresses;
import io.ludo.server.ws.ClientMessages;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.handler.sockjs.SockJSSocket;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The events of each bridge registration in order, as a WebSocket gets them: an event that does
 * not follow the last one sent (some never reached this node while its game's owner did not count
 * it) waits while the missed ones are read from the owner, and an event sent already is not sent
 * again. Before the registration's state is sent, events pass as they come. Runs on the bridge's
 * event loop, with its guard.
 */
final class InOrderFeed {
  /** Writes a message body to a socket for an address, as the bridge would. */
  interface Writer {
    void write(SockJSSocket socket, String address, JsonObject body);
  }

  private static final class Line {
    /** The seq of the last event sent after the state; −1 until the state is sent. */
    int delivered = -1;
    /** The newest event passed before the state. */
    int beforeState;
    /** Events that came while missed ones are read; null when none are. */
    List<JsonObject> held;
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
      line.delivered = Math.max(seq, line.beforeState);
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
    if (line.delivered < 0) {
      line.beforeState = Math.max(line.beforeState, seq);
      return true;
    }
    if (line.held != null) {
      line.held.add(body);
      return false;
    }
    if (seq <= line.delivered) {
      return false;
    }
    if (seq == line.delivered + 1) {
      line.delivered = seq;
      return true;
    }
    line.held = new ArrayList<>(List.of(body));
    int since = line.delivered;
    messages.sync(Addresses.gameOfEvents(address).orElseThrow(), since)
        .onComplete(ar -> filled(socket, address, line, since, ar.succeeded() ? ar.result() : null));
    return false;
  }

  /** The missed events (or the state, when too many were missed; null: unreadable), then what came meanwhile. */
  private void filled(SockJSSocket socket, String address, Line line, int since, ClientMessages.Sync missed) {
    if (line(socket, address) != line) {
      return;
    }
    if (missed != null) {
      for (int i = 0; i < missed.frames().size(); i++) {
        JsonObject frame = new JsonObject(missed.frames().get(i));
        int seq = "state".equals(frame.getString("type")) ? missed.seq() : since + 1 + i;
        if (seq > line.delivered) {
          line.delivered = seq;
          writer.write(socket, address, frame);
        }
      }
    }
    List<JsonObject> waiting = line.held;
    line.held = null;
    for (JsonObject body : waiting) {
      // a gap left after the read failed is not read again for these: the events go on in order
      int seq = body.getInteger("seq", 0);
      if (seq > line.delivered) {
        line.delivered = seq;
        writer.write(socket, address, body);
      }
    }
  }

  private Line line(SockJSSocket socket, String address) {
    Map<String, Line> mine = lines.get(socket);
    return mine == null ? null : mine.get(address);
  }
}
