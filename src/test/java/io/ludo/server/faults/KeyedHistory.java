package io.ludo.server.faults;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What clients were told, per Idempotency-Key: each attempt's status and body (0 for no answer
 * in time). Checked against what the games' logs hold: an acknowledged command is in its log
 * exactly once with the reply it was acknowledged with; a command in a log was acknowledged;
 * no command in a log was answered 4xx; every acknowledgement of a key is the same.
 */
public final class KeyedHistory {
  /** One command as a client sent it, and every answer it got. */
  public record Operation(String gameId, String key, String type, List<Integer> statuses, List<JsonObject> bodies) {
    JsonObject acknowledged() {
      for (int i = 0; i < statuses.size(); i++) {
        if (statuses.get(i) == 200) {
          return bodies.get(i);
        }
      }
      return null;
    }
  }

  private final Map<String, Operation> operations = new LinkedHashMap<>();

  public synchronized Operation invoke(String gameId, String key, String type) {
    return operations.computeIfAbsent(key, k -> new Operation(gameId, key, type, new ArrayList<>(), new ArrayList<>()));
  }

  public synchronized void answered(Operation op, int status, JsonObject body) {
    op.statuses().add(status);
    op.bodies().add(body);
  }

  public synchronized int operations() {
    return operations.size();
  }

  public synchronized long attemptsWith(int status) {
    return operations.values().stream().flatMap(o -> o.statuses().stream()).filter(s -> s == status).count();
  }

  /**
   * The discrepancies between this history and what was stored: {@code stored} maps each game id
   * to its commands' rows ({@code command_id → {seq, reply}}), {@code logs} to its event log.
   */
  public synchronized List<String> discrepancies(Map<String, Map<String, JsonObject>> stored, Map<String, JsonArray> logs) {
    List<String> found = new ArrayList<>();
    Map<String, Integer> ackedRolls = new LinkedHashMap<>();
    Map<String, Integer> ackedMoves = new LinkedHashMap<>();
    for (Operation op : operations.values()) {
      JsonObject ack = op.acknowledged();
      JsonObject row = stored.getOrDefault(op.gameId(), Map.of()).get("key/" + op.key());
      for (int i = 0; i < op.statuses().size(); i++) {
        int status = op.statuses().get(i);
        if (status == 200 && !op.bodies().get(i).equals(ack)) {
          found.add(op.key() + ": acknowledged twice with different replies");
        }
        if (status >= 400 && status < 500 && row != null) {
          found.add(op.key() + ": applied, yet answered " + status + " " + op.bodies().get(i));
        }
      }
      if (ack != null && row == null) {
        found.add(op.key() + ": acknowledged but not stored (lost)");
      }
      if (ack != null && row != null && !row.getJsonObject("reply").equals(ack)) {
        found.add(op.key() + ": acknowledged with another reply than stored");
      }
      if (ack == null && row != null) {
        found.add(op.key() + ": stored but never acknowledged (its resends were not answered with its reply)");
      }
      if (ack != null) {
        (op.type().equals("roll") ? ackedRolls : ackedMoves).merge(op.gameId(), 1, Integer::sum);
      }
    }
    for (var log : logs.entrySet()) {
      int rolls = 0;
      int moves = 0;
      for (int i = 0; i < log.getValue().size(); i++) {
        JsonObject e = log.getValue().getJsonObject(i);
        if (e.getInteger("seq") != i + 1) {
          found.add(log.getKey() + ": seq " + e.getInteger("seq") + " at place " + (i + 1));
        }
        rolls += "DICE_ROLLED".equals(e.getString("type")) ? 1 : 0;
        moves += "TOKEN_MOVED".equals(e.getString("type")) ? 1 : 0;
      }
      if (rolls != ackedRolls.getOrDefault(log.getKey(), 0) || moves != ackedMoves.getOrDefault(log.getKey(), 0)) {
        found.add(log.getKey() + ": log has " + rolls + " rolls and " + moves + " moves, clients were acknowledged "
            + ackedRolls.getOrDefault(log.getKey(), 0) + " and " + ackedMoves.getOrDefault(log.getKey(), 0) + " (doubled or lost)");
      }
    }
    return found;
  }
}
