package io.ludo.load;

import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketConnectOptions;

/**
 * What the echo server's stand-ins for a game share: four sockets to one URI, one action in
 * flight, given up when it is overdue or a socket is refused, and ended with its sockets closed.
 * A subclass says what one action sends and when it is answered.
 */
abstract class EchoGame implements LoadGame {
  protected final RunStats stats;
  protected final WebSocket[] sockets = new WebSocket[GamePlayer.SEATS];
  private final Nodes nodes;
  private final String uri;
  private final Ended ended;
  private int open;
  /** When the action in flight was sent. */
  protected long sentAt;
  /** Whether an action is in flight. */
  protected boolean waiting;
  private boolean stopping;
  private boolean over;

  EchoGame(Nodes nodes, RunStats stats, String uri, Ended ended) {
    this.nodes = nodes;
    this.stats = stats;
    this.uri = uri;
    this.ended = ended;
  }

  /** Socket {@code socket} got {@code text}. */
  protected abstract void onFrame(int socket, String text);

  /** Sends the next action: sets {@link #waiting} and {@link #sentAt}. */
  protected abstract void sendAction();

  @Override
  public final void start() {
    for (int s = 0; s < sockets.length; s++) {
      int index = s;
      nodes.ws().connect(new WebSocketConnectOptions().setHost(nodes.host(0)).setPort(nodes.port(0)).setURI(uri))
          .onSuccess(ws -> {
            sockets[index] = ws;
            ws.textMessageHandler(text -> onFrame(index, text));
            if (++open == sockets.length) {
              next();
            }
          })
          .onFailure(e -> giveUp("SOCKET_REFUSED"));
    }
  }

  /** The next action, unless the run is stopping or the game is over. */
  protected final void next() {
    if (over) {
      return;
    }
    if (stopping) {
      end();
      return;
    }
    sendAction();
  }

  @Override
  public final void stop() {
    stopping = true;
    if (!waiting) {
      end();
    }
  }

  @Override
  public final void checkOverdue(long now, long timeoutNanos) {
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
