package io.ludo.conformance;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.ludo.json.JsonReads;
import io.ludo.json.OptionsJson;
import io.ludo.json.Parsed;
import io.ludo.json.PositionJson;
import io.ludo.rules.Command;
import io.ludo.rules.Decision;
import io.ludo.rules.Position;
import io.ludo.rules.RuleError;
import io.ludo.rules.Rules;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;

/**
 * The conformance runner of RULES.md: one case per input line, one result per output line, in
 * order. No input line can stop it: anything unreadable is answered with {@code INVALID_INPUT}.
 */
public final class ConformanceRunner {
  private static final JsonFactory JSON = new JsonFactory();

  /** Answers every line of {@code in} on {@code out}, flushing each so that a caller may converse. */
  public static void run(BufferedReader in, PrintWriter out) throws IOException {
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      out.println(answer(line).encode());
      out.flush();
    }
  }

  /** The result line for one input line. */
  public static JsonObject answer(String line) {
    JsonObject input;
    try {
      Object parsed = io.vertx.core.json.Json.decodeValue(line);
      if (!(parsed instanceof JsonObject o)) {
        return failure(null, RuleError.INVALID_INPUT, null);
      }
      input = o;
    } catch (DecodeException | ClassCastException e) {
      return failure(leadingId(line), RuleError.INVALID_INPUT, null);
    }
    try {
      return run(input);
    } catch (RuntimeException e) {
      // A case that breaks the runner must still get its line; the engine is what is under test.
      return failure(input.getValue("id"), RuleError.INVALID_INPUT, null);
    }
  }

  private static JsonObject run(JsonObject input) {
    Object id = input.getValue("id");
    Parsed<Rules> rules = OptionsJson.read(input.getValue("options")).map(Rules::new);
    if (!(rules instanceof Parsed.Ok<Rules>(Rules r))
        || !(PositionJson.read(input.getValue("state"), r) instanceof Parsed.Ok<Position>(Position start))
        || !(input.getValue("actions") instanceof JsonArray actions)) {
      return failure(id, RuleError.INVALID_INPUT, null);
    }
    Position at = start;
    for (int i = 0; i < actions.size(); i++) {
      Command command = command(actions.getValue(i));
      if (command == null) {
        return failure(id, RuleError.INVALID_INPUT, i);
      }
      switch (r.decide(at, command)) {
        case Decision.Rejected rejected -> {
          return failure(id, rejected.error(), i);
        }
        case Decision.Accepted accepted -> at = r.fold(at, accepted.events());
      }
    }
    return new JsonObject()
        .put("id", id)
        .put("ok", true)
        .put("state", PositionJson.write(at))
        .put("legalMoves", new JsonArray(r.legalMoves(at)));
  }

  /**
   * The command of an action, or null when it is not an object with type ROLL or MOVE. A value
   * that is not an integer becomes an out-of-range one, so that the engine still reports a wrong
   * phase first, as RULES.md orders the checks.
   */
  private static Command command(Object action) {
    if (!(action instanceof JsonObject a)) {
      return null;
    }
    Object type = a.getValue("type");
    if ("ROLL".equals(type)) {
      return new Command.Roll(JsonReads.integerOr(a.getValue("value"), 0));
    }
    if ("MOVE".equals(type)) {
      return new Command.Move(JsonReads.integerOr(a.getValue("token"), -1));
    }
    return null;
  }

  private static JsonObject failure(Object id, RuleError error, Integer failedAt) {
    return new JsonObject()
        .put("id", id)
        .put("ok", false)
        .put("error", error.name())
        .put("failedAt", failedAt);
  }

  /** The id of a line that is not valid JSON, when it opens as an object whose first field is id. */
  private static Object leadingId(String line) {
    try (JsonParser p = JSON.createParser(line)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return null;
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken value = p.nextToken();
        if ("id".equals(name)) {
          return switch (value) {
            case VALUE_STRING -> p.getText();
            case VALUE_NUMBER_INT -> p.getLongValue();
            default -> null;
          };
        }
        p.skipChildren();
      }
    } catch (IOException | RuntimeException e) {
      return null;
    }
    return null;
  }

  private ConformanceRunner() {}

}
