package io.ludo.server.bus;

/** Every event-bus address, in one place. */
public final class Addresses {
  private static final String GAME = "ludo.game.";

  /** Appends a batch of one game's events (group-committed with other games'). */
  public static final String PERSIST_APPEND = "ludo.persistence.append";
  /** Reads a game's events from a sequence number. */
  public static final String PERSIST_READ = "ludo.persistence.read";
  /** A game's status and last event, without its log. */
  public static final String PERSIST_HEAD = "ludo.persistence.head";
  /** Takes a stored game over for a node and answers its new ownership epoch. */
  public static final String PERSIST_CLAIM = "ludo.persistence.claim";
  /** Reads the replies of a game's latest accepted commands. */
  public static final String PERSIST_COMMANDS = "ludo.persistence.commands";
  /** One command's stored reply by its id: {@code {"game_id","command_id"}} → {@code {"reply"?,"fingerprint"?}}. */
  public static final String PERSIST_COMMAND = "ludo.persistence.command";
  /** Lists games in play that no live node owns and that the server must drive (timers, bots). */
  public static final String PERSIST_ORPHANS = "ludo.persistence.orphans";
  /** Whether a game is stored: {@code {"game_id"}} → {@code {"exists"}}. */
  public static final String PERSIST_EXISTS = "ludo.persistence.exists";
  /** A game's stored ownership epoch: {@code {"game_id"}} → {@code {"epoch"}}. */
  public static final String PERSIST_EPOCH = "ludo.persistence.epoch";
  /**
   * A game's ownership moved (local, published by this node's persistence when Postgres tells of
   * a claim, by any node): {@code {"game_id","epoch","node"}}. A room holding an older epoch stops.
   */
  public static final String EPOCH_MOVED = "ludo.games.epoch-moved";
  /** The waiting game holding an invite code: {@code {"code"}} → {@code {"game_id"?}}. */
  public static final String PERSIST_INVITE = "ludo.persistence.invite";
  /** The lobby: {@code {"players"?,"limit"}} → {@code {"games":[…]}}. */
  public static final String PERSIST_LOBBY = "ludo.persistence.lobby";
  /** Names a finished game's rematch once: {@code {"game_id","rematch_game_id"}} → {@code {"rematch_game_id"}}. */
  public static final String PERSIST_REMATCH = "ludo.persistence.rematch";
  /** Keeps a chat line: the chat frame with its {@code game_id}. */
  public static final String PERSIST_CHAT_ADD = "ludo.persistence.chat.add";
  /** A game's latest chat lines: {@code {"game_id","limit"}} → {@code {"messages":[…]}}. */
  public static final String PERSIST_CHAT_READ = "ludo.persistence.chat.read";
  /** Answers once the database answers. */
  public static final String PERSIST_PING = "ludo.persistence.ping";

  /**
   * A game finished (local, sent by its owner; again after a takeover of a finished game):
   * {@code {"game_id","view"}}. Consumers must be idempotent by game id.
   */
  public static final String GAMES_FINISHED = "ludo.games.finished";

  /**
   * Finished games whose status changed since a point, for the leaderboard's catch-up (local):
   * {@code {"after_updated","after_game_id","limit"}} → {@code {"games":[{"game_id","updated"}]}}.
   */
  public static final String PERSIST_FINISHED = "ludo.persistence.finished";

  /**
   * A node left the list of live nodes, or came back into it after it had left (local, published
   * by this node's cluster entry, told to each room by the directory):
   * {@code {"node","change":"left"|"returned"}}.
   */
  public static final String NODES_CHANGED = "ludo.cluster.nodes-changed";

  /**
   * Every node's feed relay (clustered, published): a frame for the sockets of the game named by
   * the {@link #FEED_GAME_HEADER} header, wherever they are. A room uses it only when it cannot
   * know where they are: just after it was taken over, and to tell them it lost its game.
   */
  public static final String FEED_ALL = "ludo.feed.all";

  /** The header that names the game of a frame sent to {@link #FEED_ALL} or a {@link #nodeFeed}. */
  public static final String FEED_GAME_HEADER = "game";

  /** This node's door for bridge commands, after the bridge guard checked where they were sent (local). */
  public static final String BRIDGE_INBOX = "ludo.bridge.inbox";

  private static final java.util.regex.Pattern GAME_ADDRESS =
      java.util.regex.Pattern.compile("ludo\\.game\\.([A-Za-z0-9_-]{1,64})\\.(commands|events)");

  private Addresses() {}

  /** The game of a {@link #gameCommands} address, or empty for any other address. */
  public static java.util.Optional<String> gameOfCommands(String address) {
    return gameOf(address, "commands");
  }

  /** The game of a {@link #gameEvents} address, or empty for any other address. */
  public static java.util.Optional<String> gameOfEvents(String address) {
    return gameOf(address, "events");
  }

  private static java.util.Optional<String> gameOf(String address, String kind) {
    var m = GAME_ADDRESS.matcher(address == null ? "" : address);
    return m.matches() && m.group(2).equals(kind) ? java.util.Optional.of(m.group(1)) : java.util.Optional.empty();
  }

  /** The regular expression of every game's events address, for the bridge's outbound permission. */
  public static String gameEventsPattern() {
    return "ludo\\.game\\.[A-Za-z0-9_-]{1,64}\\.events";
  }

  /** Commands for a game, consumed by its owner (and, through the bridge, sent by browsers). */
  public static String gameCommands(String gameId) {
    return GAME + gameId + ".commands";
  }

  /**
   * Events and state of a game, for the sockets and bridge registrations of this node: published
   * within the owner's node by its room, and on every other node with sockets by that node's feed
   * relay, never across nodes (the sockets' hubs listen with local consumers).
   */
  public static String gameEvents(String gameId) {
    return GAME + gameId + ".events";
  }

  /**
   * A matchmaking ticket changed (published cluster-wide by the node that changed it; the body is
   * empty: listeners read the ticket from Redis).
   */
  public static String ticket(String ticketId) {
    return "ludo.matchmaking.ticket." + ticketId;
  }

  /**
   * A node's feed relay (clustered, one consumer per node): a frame from a room on another node for
   * this node's sockets of the game named by {@link #FEED_GAME_HEADER}, published on its events
   * address within this node. One route per node rather than one per game: Vert.x keeps a route
   * (~4.7 KB) for each address it sends to across nodes while that address has consumers.
   */
  public static String nodeFeed(String nodeId) {
    return "ludo.node." + nodeId + ".feed";
  }

  /** A node's game directory: it creates and loads game verticles on that node. */
  public static String directory(String nodeId) {
    return "ludo.node." + nodeId + ".directory";
  }
}
