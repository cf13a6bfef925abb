package io.ludo.load;

import io.vertx.core.Vertx;

/**
 * The floor's stand-in for a game: four sockets in one group of the echo server's fan-out, taking
 * turns. Each action sends one frame and gets back what a real action brings: the ack on the
 * acting socket and the action's event frames on all four, as many per action on average as the
 * real run counted. The next action waits for all of them, as a real player waits for its turn's
 * event, and no sooner than the real run's pace allows, so that the echo server works at the real
 * run's rate (a server's CPU per message depends on it: fewer wake-ups per message under load).
 * What sockets alone cost a Vert.x server per action, with no game, no event bus and no database.
 */
final class FanoutPlayer extends EchoGame {
  private final String[] frames = new String[10];
  private final double eventsPerSocket;
  private final long intervalNanos;
  private double eventsOwed;
  private int seat;
  private int framesAwaited;
  private boolean ackSeen;

  /**
   * {@code frameBytes}: the length of each frame; {@code eventsPerSocket}: the event frames each
   * socket gets per action, on average (a real run's event frames ÷ actions ÷ 4); {@code
   * intervalNanos}: the least time from one action to the next (the real run's games ÷ actions/s).
   */
  FanoutPlayer(Nodes nodes, RunStats stats, String group, int frameBytes, double eventsPerSocket, long intervalNanos,
      Ended ended) {
    super(nodes, stats, EchoServer.FANOUT_PATH + group, ended);
    this.eventsPerSocket = eventsPerSocket;
    this.intervalNanos = intervalNanos;
    String head = "{\"type\":\"roll\",\"id\":1,\"pad\":\"";
    String pad = "x".repeat(Math.max(0, frameBytes - head.length() - 3));
    for (int n = 0; n < frames.length; n++) {
      frames[n] = n + head + pad + "\"}";
    }
  }

  @Override
  protected void onFrame(int socket, String text) {
    if (!waiting) {
      return;
    }
    if (socket == seat && !ackSeen) {
      ackSeen = true;
      stats.action(true, sentAt, System.nanoTime(), text.length());
    } else {
      stats.eventFrame();
    }
    if (--framesAwaited == 0) {
      waiting = false;
      long waitMs = (sentAt + intervalNanos - System.nanoTime()) / 1_000_000;
      if (waitMs > 0) {
        Vertx.currentContext().owner().setTimer(waitMs, t -> next());
      } else {
        next();
      }
    }
  }

  @Override
  protected void sendAction() {
    eventsOwed += eventsPerSocket;
    int events = Math.min(frames.length - 1, (int) eventsOwed);
    eventsOwed -= events;
    seat = (seat + 1) % sockets.length;
    framesAwaited = 1 + events * sockets.length;
    ackSeen = false;
    waiting = true;
    sentAt = System.nanoTime();
    sockets[seat].writeTextMessage(frames[events]);
  }
}
