package io.ludo.server.game;

import io.ludo.game.GameCommand;
import io.ludo.server.room.RoomRequest;
import io.vertx.core.json.JsonObject;

/** A room request from the edges' JSON (parsed once, at the edge) and to and from the wire between nodes. */
final class RoomRequests {
  private RoomRequests() {}

  static RoomRequest of(JsonObject m) {
    String type = m.getString("type", "");
    return switch (type) {
      case "view" -> new RoomRequest.View();
      case "fairness" -> new RoomRequest.Fairness();
      case "head" -> new RoomRequest.Head();
      case "recent" -> new RoomRequest.Recent(m.getInteger("since_seq", 0), m.getInteger("max", 0));
      case "presence" -> new RoomRequest.Presence(m.getString("node"), m.getString("player_id"), m.getInteger("delta", 0));
      case "rematch" -> new RoomRequest.Rematch(m.getString("player_id"));
      case "epoch_moved" -> new RoomRequest.EpochMoved(m.getLong("epoch", 0L), m.getString("node"));
      case "chat" -> new RoomRequest.Chat(m.getString("player_id"), m.getString("text"));
      case "node_left" -> new RoomRequest.NodeLeft(m.getString("node"));
      case "node_returned" -> new RoomRequest.NodeReturned(m.getString("node"));
      default -> {
        String commandId = m.getString("command_id");
        yield new RoomRequest.Command(type, commandId, commandId == null ? null : CommandFingerprint.of(m), parse(m));
      }
    };
  }

  private static GameCommand parse(JsonObject m) {
    try {
      return GameCommands.parse(m);
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static GameCommand parseWire(JsonObject m) {
    try {
      return GameCommands.parseWire(m);
    } catch (RuntimeException e) {
      return null;
    }
  }

  /** The wire form: the edge's JSON again (with the bot id and seed drawn at the edge), and the fingerprint. */
  static JsonObject toJson(RoomRequest request) {
    return switch (request) {
      case RoomRequest.View v -> new JsonObject().put("type", "view");
      case RoomRequest.Fairness f -> new JsonObject().put("type", "fairness");
      case RoomRequest.Head h -> new JsonObject().put("type", "head");
      case RoomRequest.Recent r -> new JsonObject().put("type", "recent").put("since_seq", r.sinceSeq()).put("max", r.max());
      case RoomRequest.Presence p -> new JsonObject().put("type", "presence").put("node", p.node())
          .put("player_id", p.playerId()).put("delta", p.delta());
      case RoomRequest.Rematch r -> new JsonObject().put("type", "rematch").put("player_id", r.playerId());
      case RoomRequest.EpochMoved e -> new JsonObject().put("type", "epoch_moved").put("epoch", e.epoch()).put("node", e.node());
      case RoomRequest.Chat c -> new JsonObject().put("type", "chat").put("player_id", c.playerId()).put("text", c.text());
      case RoomRequest.NodeLeft n -> new JsonObject().put("type", "node_left").put("node", n.node());
      case RoomRequest.NodeReturned n -> new JsonObject().put("type", "node_returned").put("node", n.node());
      case RoomRequest.Command c -> {
        JsonObject json = c.command() == null ? new JsonObject() : GameCommands.write(c.command());
        yield json.put("type", c.type()).put("command_id", c.commandId()).put("fingerprint", c.fingerprint())
            .put("malformed", c.command() == null);
      }
    };
  }

  static RoomRequest fromJson(JsonObject m) {
    if (m.containsKey("fingerprint") || m.containsKey("malformed")) {
      return new RoomRequest.Command(m.getString("type"), m.getString("command_id"), m.getString("fingerprint"),
          m.getBoolean("malformed", false) ? null : parseWire(m));
    }
    return of(m);
  }
}
