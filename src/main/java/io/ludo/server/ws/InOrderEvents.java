package io.ludo.server.ws;

import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * A client's events of one game in order and once each, from the state it was sent: an event that
 * does not follow the last one sent (some never reached this node while the game's owner did not
 * count its sockets) waits while the missed ones are read from the owner, as a sync would, and an
 * event sent already is not sent again. A WebSocket session and a bridge registration each keep
 * one. Guarded by itself.
 *
 * @param <T> an event as the client's channel carries it
 */
public final class InOrderEvents<T> {
  private record Held<T>(int seq, T event) {}

  private final IntFunction<Future<ClientMessages.Sync>> missedSince;
  private final Function<String, T> fromFrame;
  private final Consumer<T> out;
  private int delivered;
  /** Events that came while missed ones are read; null when none are. */
  private List<Held<T>> held;

  /**
   * From a state at {@code stateSeq}. {@code missedSince} reads the events after a seq (a sync),
   * whose frames {@code fromFrame} makes events of; {@code out} sends the events held back.
   */
  public InOrderEvents(int stateSeq, IntFunction<Future<ClientMessages.Sync>> missedSince, Function<String, T> fromFrame,
      Consumer<T> out) {
    this.delivered = stateSeq;
    this.missedSince = missedSince;
    this.fromFrame = fromFrame;
    this.out = out;
  }

  /**
   * Whether event {@code seq} is to be sent now, by the caller; when not, it was sent already, or
   * it goes {@code out} in order once the events missed before it are sent.
   */
  public synchronized boolean admit(int seq, T event) {
    if (held != null) {
      held.add(new Held<>(seq, event));
      return false;
    }
    if (seq <= delivered) {
      return false;
    }
    if (seq == delivered + 1) {
      delivered = seq;
      return true;
    }
    held = new ArrayList<>(List.of(new Held<>(seq, event)));
    int since = delivered;
    missedSince.apply(since).onComplete(ar -> filled(since, ar.succeeded() ? ar.result() : null));
    return false;
  }

  /** The missed events (or the state, when too many were missed; null: unreadable), then what came meanwhile. */
  private synchronized void filled(int since, ClientMessages.Sync missed) {
    if (missed != null) {
      for (int i = 0; i < missed.frames().size(); i++) {
        int seq = missed.state() ? missed.seq() : since + 1 + i;
        if (seq > delivered) {
          delivered = seq;
          out.accept(fromFrame.apply(missed.frames().get(i)));
        }
      }
    }
    List<Held<T>> waiting = held;
    held = null;
    for (Held<T> e : waiting) {
      // a gap left after the read failed is not read again for these: the events go on in order
      if (e.seq() > delivered) {
        delivered = e.seq();
        out.accept(e.event());
      }
    }
  }
}
