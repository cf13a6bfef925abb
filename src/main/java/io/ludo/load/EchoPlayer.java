package io.ludo.load;

import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketConnectOptions;

/**
 * The ceiling's stand-in for a game: four sockets to a bare echo server taking turns, one round
 * trip per action, each frame as long as an average ack of the real run. What the generator and
 * a Vert.x WebSocket server on this machine can do at most, with no game, no event bus and no
 * database.
 */
final class EchoPlayer implements LoadGame {
  private final Nodes nodes;
  private final RunStats stats;
  private final String frame;
  private final Ended ended;
  private final WebSocket[] sockets = new WebSocket[GamePlayer.SEATS];
  private int open;
  private int seat;
  private long sentAt;
  private boolean waiting;
  private boolean stopping;
  private boolean over;

  /** {@code frameBytes}: the length of each frame, both ways. */
  EchoPlayer(Nodes nodes, RunStats stats, int frameBytes, Ended ended) {
    this.nodes = nodes;
    this.stats = stats;
    this.ended = ended;
    String head = "{\"type\":\"roll\",\"id\":1,\"pad\":\"";
    this.frame = head + "x".repeat(Math.max(0, frameBytes - head.length() - 2)) + "\"}";
  }

  @Override
  public void start() {
    for (int s = 0; s < sockets.length; s++) {
      int index = s;
      nodes.ws().connect(new WebSocketConnectOptions().setHost(nodes.host(0)).setPort(nodes.port(0)).setURI("/echo"))
          .onSuccess(ws -> {
            sockets[index] = ws;
            ws.textMessageHandler(this::onEcho);
            if (++open == sockets.length) {
              next();
            }
          })
          .onFailure(e -> giveUp("SOCKET_REFUSED"));
    }
  }

  private void onEcho(String text) {
    if (!waiting) {
      return;
    }
    waiting = false;
    stats.action(true, sentAt, System.nanoTime(), text.length());
    next();
  }

  private void next() {
    if (over) {
      return;
    }
    if (stopping) {
      end();
      return;
    }
    seat = (seat + 1) % sockets.length;
    waiting = true;
    sentAt = System.nanoTime();
    sockets[seat].writeTextMessage(frame);
  }

  @Override
  public void stop() {
    stopping = true;
    if (!waiting) {
      end();
    }
  }

  @Override
  public void checkOverdue(long now, long timeoutNanos) {
    if (!over && waiting && now - sentAt > timeoutNanos) {
      giveUp("ACK_TIMEOUT");
    }
  }

  private void giveUp(String reason) {
    if (!over) {
      stats.error(reason);
      end();
    }
  }

  private void end() {
    if (over) {
      return;
    }
    over = true;
    for (WebSocket ws : sockets) {
      if (ws != null) {
        ws.close();
      }
    }
    ended.ended(this, false);
  }
}
