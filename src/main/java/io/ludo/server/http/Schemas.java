package io.ludo.server.http;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.json.schema.Draft;
import io.vertx.json.schema.JsonSchema;
import io.vertx.json.schema.JsonSchemaOptions;
import io.vertx.json.schema.OutputUnit;
import io.vertx.json.schema.SchemaRepository;
import java.util.List;
import java.util.Optional;

/** The JSON schemas under {@code schemas/}, shared by REST and WebSocket validation. */
public final class Schemas {
  public static final String CREATE_GAME = "create-game.json";
  public static final String JOIN_GAME = "join-game.json";
  public static final String MOVE = "move.json";
  public static final String EMPTY = "empty.json";
  public static final String QUERY = "query.json";
  public static final String WS_MESSAGE = "ws-message.json";
  public static final String PLAYER_NAME = "player-name.json";
  public static final String TICKET = "ticket.json";
  public static final String LEADERBOARD_QUERY = "leaderboard-query.json";
  public static final String LOBBY_QUERY = "lobby-query.json";
  public static final String CHAT = "chat.json";
  public static final String CHAT_QUERY = "chat-query.json";
  private static final String BASE = "https://ludo.io/schemas/";
  private static final List<String> ALL =
      List.of("player-name.json", "client-seed.json", "options.json", CREATE_GAME, JOIN_GAME, MOVE, EMPTY, QUERY,
          WS_MESSAGE, TICKET, LEADERBOARD_QUERY, LOBBY_QUERY, CHAT, CHAT_QUERY);

  private final SchemaRepository repository;
  /** One validator per schema, made on first use: making one costs about as much as a validation. */
  private final java.util.concurrent.ConcurrentHashMap<String, io.vertx.json.schema.Validator> validators =
      new java.util.concurrent.ConcurrentHashMap<>();

  private Schemas(SchemaRepository repository) {
    this.repository = repository;
  }

  public static Future<Schemas> load(Vertx vertx) {
    SchemaRepository repo = SchemaRepository.create(new JsonSchemaOptions()
        .setDraft(Draft.DRAFT202012).setBaseUri(BASE).setOutputFormat(io.vertx.json.schema.OutputFormat.Basic));
    Future<Void> chain = Future.succeededFuture();
    for (String name : ALL) {
      chain = chain.compose(v -> vertx.fileSystem().readFile("schemas/" + name))
          .map(buffer -> {
            repo.dereference(BASE + name, JsonSchema.of(new JsonObject(buffer)));
            return null;
          });
    }
    return chain.map(v -> new Schemas(repo));
  }

  /** Why {@code json} does not match schema {@code name}, or empty when it does. */
  public Optional<String> problem(String name, Object json) {
    OutputUnit result = validators.computeIfAbsent(name, n -> repository.validator(BASE + n)).validate(json);
    if (Boolean.TRUE.equals(result.getValid())) {
      return Optional.empty();
    }
    List<OutputUnit> errors = result.getErrors();
    if (errors == null || errors.isEmpty()) {
      return Optional.of("does not match " + name);
    }
    OutputUnit cause = mostSpecific(errors);
    String where = cause.getInstanceLocation() == null || cause.getInstanceLocation().isEmpty()
        ? "body" : cause.getInstanceLocation();
    return Optional.of(where + ": " + (isAdditionalProperty(cause) ? "not a known property" : cause.getError()));
  }

  /**
   * The error that says what is wrong: the deepest keyword (a property's {@code maximum}, not the
   * {@code properties} that contain it), and never the echo that a declared property which failed
   * its own schema also "does not match additional properties".
   */
  private static OutputUnit mostSpecific(List<OutputUnit> errors) {
    List<OutputUnit> real = errors.stream().filter(e -> !isAdditionalProperty(e)).toList();
    List<OutputUnit> candidates = real.isEmpty() ? errors : real;
    OutputUnit best = candidates.get(0);
    for (OutputUnit e : candidates) {
      if (depth(e) > depth(best)) {
        best = e;
      }
    }
    return best;
  }

  private static boolean isAdditionalProperty(OutputUnit e) {
    return e.getKeywordLocation() != null && e.getKeywordLocation().endsWith("/additionalProperties");
  }

  private static int depth(OutputUnit e) {
    String at = e.getKeywordLocation() == null ? "" : e.getKeywordLocation();
    return (int) at.chars().filter(c -> c == '/').count();
  }

  /**
   * A request's query parameters as a JSON object (those named {@code *seq} read as integers),
   * checked against the {@link #QUERY} schema: a repeated or unknown parameter is invalid input.
   */
  public io.vertx.core.Future<io.vertx.core.json.JsonObject> query(io.vertx.ext.web.RoutingContext ctx) {
    return query(ctx, QUERY, name -> name.endsWith("seq"));
  }

  /** As {@link #query(io.vertx.ext.web.RoutingContext)}, against {@code schema}, the parameters {@code integral} names read as integers. */
  public io.vertx.core.Future<io.vertx.core.json.JsonObject> query(io.vertx.ext.web.RoutingContext ctx, String schema,
      java.util.function.Predicate<String> integral) {
    io.vertx.core.MultiMap params;
    try {
      params = ctx.queryParams();
    } catch (IllegalArgumentException e) {
      return Responses.invalid("the query string is not well-formed: " + e.getMessage());
    }
    io.vertx.core.json.JsonObject q = new io.vertx.core.json.JsonObject();
    for (var e : params) {
      if (q.containsKey(e.getKey())) {
        return Responses.invalid("query parameter " + e.getKey() + " is repeated");
      }
      q.put(e.getKey(), integral.test(e.getKey()) ? asInteger(e.getValue()) : e.getValue());
    }
    return problem(schema, q)
        .<io.vertx.core.Future<io.vertx.core.json.JsonObject>>map(Responses::invalid)
        .orElseGet(() -> io.vertx.core.Future.succeededFuture(q));
  }

  private static Object asInteger(String value) {
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      return value;
    }
  }

  /** A request's body as a JSON object checked against {@code schema}; an absent body counts as {@code {}}. */
  public io.vertx.core.Future<io.vertx.core.json.JsonObject> body(io.vertx.ext.web.RoutingContext ctx, String schema) {
    String text = ctx.body() == null ? null : ctx.body().asString();
    Object json;
    try {
      json = text == null || text.isBlank() ? new io.vertx.core.json.JsonObject() : io.vertx.core.json.Json.decodeValue(text);
    } catch (io.vertx.core.json.DecodeException e) {
      return Responses.invalid("the body is not valid JSON");
    }
    return problem(schema, json)
        .<io.vertx.core.Future<io.vertx.core.json.JsonObject>>map(Responses::invalid)
        .orElseGet(() -> io.vertx.core.Future.succeededFuture((io.vertx.core.json.JsonObject) json));
  }
}
