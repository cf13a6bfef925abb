package io.ludo.server.store;

/** An append whose expected seq was not the game's head: another writer appended first. */
final class StaleAppendException extends RuntimeException {
  StaleAppendException() {
    super("the game's log moved on; this writer is stale", null, false, false);
  }
}
