package io.ludo.server.bus;

/** Every event-bus address, in one place. */
public final class Addresses {
  private static final String GAME = "ludo.game.";

  /** Appends a batch of one game's events (group-committed with other games'). */
  public static final String PERSIST_APPEND = "ludo.persistence.append";
  /** Reads a game's events from a sequence number. */
  public static final String PERSIST_READ = "ludo.persistence.read";
  /** Takes a stored game over for a node and answers its new ownership epoch. */
  public static final String PERSIST_CLAIM = "ludo.persistence.claim";
  /** Reads the replies of a game's latest accepted commands. */
  public static final String PERSIST_COMMANDS = "ludo.persistence.commands";
  /** Answers once the database answers. */
  public static final String PERSIST_PING = "ludo.persistence.ping";

  private Addresses() {}

  /** Commands for a game, consumed by its owner (and, through the bridge, sent by browsers). */
  public static String gameCommands(String gameId) {
    return GAME + gameId + ".commands";
  }

  /** Events and state of a game, published by its owner to every node's sockets. */
  public static String gameEvents(String gameId) {
    return GAME + gameId + ".events";
  }

  /** A node's game directory: it creates and loads game verticles on that node. */
  public static String directory(String nodeId) {
    return "ludo.node." + nodeId + ".directory";
  }
}
