package io.ludo.load;

/** One game's worth of clients under a driver: started once, stopped at the run's end. */
interface LoadGame {
  /** Told once when a game ends: played to the end ({@code finished}), or given up (an error, the run's end). */
  interface Ended {
    void ended(LoadGame game, boolean finished);
  }

  void start();

  /** No new action; the game ends once its action in flight is answered. */
  void stop();

  /** An action unanswered for longer than {@code timeoutNanos} ends the game as failed. */
  void checkOverdue(long now, long timeoutNanos);
}
