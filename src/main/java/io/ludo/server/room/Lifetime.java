package io.ludo.server.room;

import io.vertx.core.Future;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * When a room leaves memory: once nothing asked it for {@code idleMs} (it reloads from the log
 * when needed), {@code lingerMs} after its game ended, or at once when fenced out; always after
 * its commands in flight, and once. One timer per room, re-armed for what is left rather than
 * reset per command. A room whose server has a move pending never goes idle: no client would
 * bring it back, and no other node adopts it while this one lives.
 */
final class Lifetime {
  private final RoomClock clock;
  private final long idleMs;
  private final long lingerMs;
  /** Whether the server has an automatic move pending. */
  private final BooleanSupplier automationPending;
  /** The room's commands in flight, done. */
  private final Supplier<Future<Void>> drained;
  private final Runnable leave;
  private long timer = -1;
  private long lastActivityAt;
  private boolean lingering;
  private boolean closed;

  Lifetime(RoomClock clock, long idleMs, long lingerMs, BooleanSupplier automationPending,
      Supplier<Future<Void>> drained, Runnable leave) {
    this.clock = clock;
    this.idleMs = idleMs;
    this.lingerMs = lingerMs;
    this.automationPending = automationPending;
    this.drained = drained;
    this.leave = leave;
  }

  /** The room was asked something (or played on its own): idle time counts from now. */
  void touch() {
    lastActivityAt = clock.now();
    if (!closed && !lingering && timer < 0) {
      timer = clock.after(idleMs, this::idleCheck);
    }
  }

  /** The game ended: the room stays a while (late views, syncs, certificates), then leaves. */
  void finished() {
    if (!lingering && !closed) {
      lingering = true;
      cancel();
      timer = clock.after(lingerMs, () -> drained.get().onComplete(v -> leaveNow()));
    }
  }

  /** Leaves once: no timer of the room is armed again. */
  void leaveNow() {
    if (!closed) {
      close();
      leave.run();
    }
  }

  void close() {
    closed = true;
    cancel();
  }

  boolean closed() {
    return closed;
  }

  private void idleCheck() {
    timer = -1;
    long quiet = clock.now() - lastActivityAt;
    if (quiet < idleMs) {
      timer = clock.after(idleMs - quiet, this::idleCheck);
    } else if (automationPending.getAsBoolean()) {
      timer = clock.after(idleMs, this::idleCheck);
    } else {
      drained.get().onComplete(v -> leaveNow());
    }
  }

  private void cancel() {
    if (timer >= 0) {
      clock.cancel(timer);
      timer = -1;
    }
  }
}
