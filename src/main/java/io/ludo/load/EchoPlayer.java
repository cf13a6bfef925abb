package io.ludo.load;

/**
 * The ceiling's stand-in for a game: four sockets to a bare echo server taking turns, one round
 * trip per action, each frame as long as an average ack of the real run. What the generator and
 * a Vert.x WebSocket server on this machine can do at most, with no game, no event bus and no
 * database.
 */
final class EchoPlayer extends EchoGame {
  private final String frame;
  private int seat;

  /** {@code frameBytes}: the length of each frame, both ways. */
  EchoPlayer(Nodes nodes, RunStats stats, int frameBytes, Ended ended) {
    super(nodes, stats, "/echo", ended);
    String head = "{\"type\":\"roll\",\"id\":1,\"pad\":\"";
    this.frame = head + "x".repeat(Math.max(0, frameBytes - head.length() - 2)) + "\"}";
  }

  @Override
  protected void onFrame(int socket, String text) {
    if (!waiting) {
      return;
    }
    waiting = false;
    stats.action(true, sentAt, System.nanoTime(), text.length());
    next();
  }

  @Override
  protected void sendAction() {
    seat = (seat + 1) % sockets.length;
    waiting = true;
    sentAt = System.nanoTime();
    sockets[seat].writeTextMessage(frame);
  }
}
