package io.ludo.json;

import static io.ludo.json.JsonReads.array;
import static io.ludo.json.JsonReads.integer;
import static io.ludo.json.JsonReads.integers;

import io.ludo.json.JsonReads.InvalidJson;
import io.ludo.rules.Board;
import io.ludo.rules.Phase;
import io.ludo.rules.Position;
import io.ludo.rules.Rules;
import io.ludo.rules.Tokens;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/** The canonical position of RULES.md as JSON, read strictly and written in its field order. */
public final class PositionJson {
  private static final List<String> FIELDS =
      List.of("seats", "tokens", "current", "phase", "dice", "sixes", "finished", "winner");

  private PositionJson() {}

  /** Reads a position and checks that it is valid under the options of {@code rules}. */
  public static Parsed<Position> read(Object json, Rules rules) {
    if (!(json instanceof JsonObject o)) {
      return Parsed.invalid("state must be an object");
    }
    try {
      for (String f : FIELDS) {
        if (!o.containsKey(f)) {
          throw new InvalidJson("state lacks " + f);
        }
      }
      List<Integer> seats = integers(o.getValue("seats"), "seats");
      Position p = new Position(
          seats,
          tokens(o.getValue("tokens"), seats),
          integer(o.getValue("current"), "current"),
          JsonReads.constant(o.getValue("phase"), Phase.class, "phase"),
          o.getValue("dice") == null ? Position.NO_DICE : integer(o.getValue("dice"), "dice"),
          integer(o.getValue("sixes"), "sixes"),
          integers(o.getValue("finished"), "finished"),
          o.getValue("winner") == null ? Position.NO_WINNER : integer(o.getValue("winner"), "winner"));
      if (p.dice() == Position.NO_DICE && o.getValue("dice") != null) {
        throw new InvalidJson("dice must be 1..6");
      }
      return rules.invalidity(p).<Parsed<Position>>map(Parsed::invalid).orElseGet(() -> Parsed.ok(p));
    } catch (InvalidJson | IllegalArgumentException e) {
      return Parsed.invalid(e.getMessage());
    }
  }

  private static Tokens tokens(Object v, List<Integer> seats) {
    JsonArray rows = array(v, "tokens");
    if (rows.size() != Board.SEATS) {
      throw new InvalidJson("tokens must have 4 entries");
    }
    int[][] bySeat = new int[Board.SEATS][];
    for (int seat = 0; seat < Board.SEATS; seat++) {
      Object row = rows.getValue(seat);
      if (!seats.contains(seat)) {
        if (row != null) {
          throw new InvalidJson("tokens of a seat that does not play must be null");
        }
        continue;
      }
      List<Integer> progress = integers(row, "tokens[" + seat + "]");
      if (progress.size() != Board.TOKENS) {
        throw new InvalidJson("a seat has exactly 4 tokens");
      }
      bySeat[seat] = progress.stream().mapToInt(Integer::intValue).toArray();
    }
    return Tokens.of(bySeat);
  }

  public static JsonObject write(Position p) {
    JsonArray tokens = new JsonArray();
    for (int seat = 0; seat < Board.SEATS; seat++) {
      if (p.seats().contains(seat)) {
        JsonArray row = new JsonArray();
        for (int t = 0; t < Board.TOKENS; t++) {
          row.add(p.progress(seat, t));
        }
        tokens.add(row);
      } else {
        tokens.addNull();
      }
    }
    return new JsonObject()
        .put("seats", new JsonArray(p.seats()))
        .put("tokens", tokens)
        .put("current", p.current())
        .put("phase", p.phase().name())
        .put("dice", p.dice() == Position.NO_DICE ? null : p.dice())
        .put("sixes", p.sixes())
        .put("finished", new JsonArray(p.finished()))
        .put("winner", p.winner() == Position.NO_WINNER ? null : p.winner());
  }
}
