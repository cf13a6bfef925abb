package io.ludo.server.faults;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The history checker of every fault test, in the spirit of Jepsen: each client operation (a roll
 * or a move under its own Idempotency-Key) with every answer it got — a status and body, or 0 for
 * none (a time-out or a lost connection). {@link #check} holds it against what the games' logs
 * and their command rows say: seqs gapless; every DICE_ROLLED and TOKEN_MOVED caused by exactly one
 * client key, acknowledged with that seq and that value; every acknowledged key stored; every
 * acknowledgement of a key the same; nothing stored that a client was told failed (4xx or 503).
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

    /** Refused (4xx: never to be applied), or answered 503 ("not applied") and never acknowledged after. */
    boolean toldFailed() {
      return statuses.stream().anyMatch(s -> s >= 400 && s < 500)
          || acknowledged() == null && statuses.stream().anyMatch(s -> s >= 500);
    }
  }

  /**
   * What a check found: operations, acknowledged, resends (attempts after the first), lost
   * (acknowledged, not stored), doubled (a game action not caused by exactly one key, or a key
   * that caused two), unknown resolved (never answered, settled by the log), and every discrepancy.
   */
  public record Verdict(int operations, int acknowledged, int resends, int lost, int doubled, int unknownResolved,
      List<String> discrepancies) {
    public String summary() {
      return "operations " + operations + ", acknowledged " + acknowledged + ", resends " + resends + ", lost " + lost
          + ", doubled " + doubled + ", unknown resolved " + unknownResolved + ", discrepancies " + discrepancies.size();
    }

    public JsonObject json() {
      return new JsonObject().put("operations", operations).put("acknowledged", acknowledged).put("resends", resends)
          .put("lost", lost).put("doubled", doubled).put("unknown_resolved", unknownResolved)
          .put("discrepancies", new JsonArray(discrepancies.stream().limit(20).toList()));
    }
  }

  /** The command ids clients' keys get in the log. */
  private static final String KEY_PREFIX = "key/";
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

  /** The games the operations were sent to. */
  public synchronized List<String> gameIds() {
    return operations.values().stream().map(Operation::gameId).distinct().toList();
  }

  /** Operations refused (4xx) or never acknowledged. */
  public synchronized long failures() {
    return operations.values().stream().filter(o -> o.acknowledged() == null).count();
  }

  public synchronized long attemptsWith(int status) {
    return operations.values().stream().flatMap(o -> o.statuses().stream()).filter(s -> s == status).count();
  }

  /** As {@link #check}, the discrepancies only. */
  public List<String> discrepancies(Map<String, Map<String, JsonObject>> stored, Map<String, JsonArray> logs) {
    return check(stored, logs).discrepancies();
  }

  /**
   * {@code stored} maps each game id to its command rows ({@code command_id → {"seq","reply"}},
   * the seq of the command's last event), {@code logs} to its event log, for every game played.
   */
  public synchronized Verdict check(Map<String, Map<String, JsonObject>> stored, Map<String, JsonArray> logs) {
    List<String> found = new ArrayList<>();
    int acknowledged = 0;
    int resends = 0;
    int lost = 0;
    int doubled = 0;
    int unknownResolved = 0;
    for (Operation op : operations.values()) {
      JsonObject ack = op.acknowledged();
      JsonObject row = stored.getOrDefault(op.gameId(), Map.of()).get(KEY_PREFIX + op.key());
      resends += Math.max(0, op.statuses().size() - 1);
      for (int i = 0; i < op.statuses().size(); i++) {
        if (op.statuses().get(i) == 200 && !op.bodies().get(i).equals(ack)) {
          found.add(op.key() + ": acknowledged twice with different replies");
        }
      }
      if (row != null && op.toldFailed()) {
        found.add(op.key() + ": applied, yet answered " + op.statuses());
      }
      if (ack != null) {
        acknowledged++;
        if (row == null) {
          lost++;
          found.add(op.key() + ": acknowledged but not stored (lost)");
        } else if (!row.getJsonObject("reply").equals(ack) || !row.getInteger("seq").equals(ack.getInteger("seq"))) {
          found.add(op.key() + ": acknowledged with another reply or seq than stored");
        }
      } else if (!op.toldFailed()) {
        // never answered: the log settles it, applied or not
        unknownResolved++;
      }
    }
    for (var log : logs.entrySet()) {
      doubled += checkLog(log.getKey(), log.getValue(), stored.getOrDefault(log.getKey(), Map.of()), found);
    }
    return new Verdict(operations.size(), acknowledged, resends, lost, doubled, unknownResolved, found);
  }

  /**
   * Walks one game's log: gapless seqs, and each roll or move inside the events of exactly one
   * client key (a key's events are those after the previous key's last event, up to its own),
   * with the value its acknowledgement gave. Answers how many actions were doubled or caused by no key.
   */
  private int checkLog(String gameId, JsonArray events, Map<String, JsonObject> rows, List<String> found) {
    List<Map.Entry<String, JsonObject>> byLastSeq = new ArrayList<>(rows.entrySet());
    byLastSeq.sort(Comparator.comparingInt(e -> e.getValue().getInteger("seq")));
    Map<String, Integer> actionsPerKey = new HashMap<>();
    int doubled = 0;
    int next = 0;
    for (int i = 0; i < events.size(); i++) {
      JsonObject e = events.getJsonObject(i);
      int seq = e.getInteger("seq");
      if (seq != i + 1) {
        found.add(gameId + ": seq " + seq + " at place " + (i + 1));
      }
      while (next < byLastSeq.size() && byLastSeq.get(next).getValue().getInteger("seq") < seq) {
        next++;
      }
      String type = e.getString("type");
      if (!"DICE_ROLLED".equals(type) && !"TOKEN_MOVED".equals(type)) {
        continue;
      }
      if (next >= byLastSeq.size() || !byLastSeq.get(next).getKey().startsWith(KEY_PREFIX)) {
        doubled++;
        found.add(gameId + ": " + type + " at seq " + seq + " caused by no client's key");
        continue;
      }
      String key = byLastSeq.get(next).getKey().substring(KEY_PREFIX.length());
      Operation op = operations.get(key);
      if (actionsPerKey.merge(key, 1, Integer::sum) > 1) {
        doubled++;
        found.add(key + ": caused a second " + type + " at seq " + seq);
      }
      JsonObject ack = op == null ? null : op.acknowledged();
      if (op == null) {
        found.add(gameId + ": " + type + " at seq " + seq + " under key " + key + ", which no client operation sent");
      } else if (!op.type().equals("DICE_ROLLED".equals(type) ? "roll" : "move")) {
        found.add(gameId + ": " + type + " at seq " + seq + " under key " + key + " of a " + op.type());
      } else if (ack != null && !sameValue(type, e, ack)) {
        found.add(key + ": acknowledged " + ack.encode() + " but the log has " + e.encode());
      }
    }
    return doubled;
  }

  private static boolean sameValue(String type, JsonObject event, JsonObject ack) {
    return "DICE_ROLLED".equals(type)
        ? event.getInteger("dice_value").equals(ack.getInteger("dice_value"))
        : event.getInteger("token_index").equals(ack.getInteger("token_index"));
  }
}
