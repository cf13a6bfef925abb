package io.ludo.server.room;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A room's open sockets, counted by the node that holds them: a node that leaves the cluster
 * (crashed or cut off) takes its counts with it, and no player stays connected through it.
 */
final class Presence {
  private final Map<String, Map<String, Integer>> playersByNode = new HashMap<>();
  private final Map<String, Integer> spectatorsByNode = new HashMap<>();
  /** The nodes with a socket counted, made again when a count changes (rarely) and read for every frame. */
  private Set<String> nodes = Set.of();
  /** Nodes dropped out with sockets counted (null: none, as nearly always). */
  private Set<String> dropped;

  /** A socket of {@code playerId} (null: a spectator's) opened (+1) or closed (−1) on {@code node}. */
  void count(String node, String playerId, int delta) {
    if (playerId == null) {
      spectatorsByNode.merge(node, delta, Integer::sum);
      spectatorsByNode.values().removeIf(n -> n <= 0);
    } else {
      Map<String, Integer> players = playersByNode.computeIfAbsent(node, n -> new HashMap<>());
      players.merge(playerId, delta, Integer::sum);
      players.values().removeIf(n -> n <= 0);
      if (players.isEmpty()) {
        playersByNode.remove(node);
      }
    }
    countNodes();
  }

  /**
   * {@code node} dropped out of the live nodes: nothing it counted is open any more, as far as
   * anyone can tell. Remembered, when it counted sockets: a node that was only cut off or frozen
   * comes back with them open.
   */
  void dropNode(String node) {
    if (nodes.contains(node)) {
      if (dropped == null) {
        dropped = new HashSet<>();
      }
      dropped.add(node);
    }
    playersByNode.remove(node);
    spectatorsByNode.remove(node);
    countNodes();
  }

  /** {@code node} is live again; true when it was dropped with sockets counted, which it must count again. */
  boolean returned(String node) {
    return dropped != null && dropped.remove(node);
  }

  /** The nodes where at least one socket of the game is open: where its frames must go. */
  Set<String> nodes() {
    return nodes;
  }

  private void countNodes() {
    Set<String> counted = new HashSet<>(playersByNode.keySet());
    counted.addAll(spectatorsByNode.keySet());
    nodes = counted.equals(nodes) ? nodes : Set.copyOf(counted);
  }

  /** The players with at least one socket open on some node. */
  Set<String> connected() {
    Set<String> players = new TreeSet<>();
    playersByNode.values().forEach(p -> players.addAll(p.keySet()));
    return players;
  }

  int spectators() {
    return spectatorsByNode.values().stream().mapToInt(Integer::intValue).sum();
  }
}
