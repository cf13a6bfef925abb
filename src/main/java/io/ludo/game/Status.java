package io.ludo.game;

/** A room's life: seats being taken, play, over. */
public enum Status {
  WAITING,
  PLAYING,
  FINISHED
}
