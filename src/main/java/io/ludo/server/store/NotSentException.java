package io.ludo.server.store;

/** An append never sent to Postgres because its owner had stopped waiting for it: certainly not stored. */
public final class NotSentException extends RuntimeException {
  public NotSentException() {
    super("the append's owner stopped waiting before it could be sent", null, false, false);
  }
}
