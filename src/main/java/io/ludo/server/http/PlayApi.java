package io.ludo.server.http;

import static io.ludo.server.http.Responses.invalid;
import static io.ludo.server.http.Responses.reply;

import io.ludo.json.OptionsJson;
import io.ludo.json.Parsed;
import io.ludo.rules.Options;
import io.ludo.server.auth.SeatClaims;
import io.ludo.server.auth.SeatTokens;
import io.ludo.server.errors.ErrorCode;
import io.ludo.server.play.Matchmaking;
import io.ludo.server.play.PlayServices;
import io.ludo.server.play.RateLimiter;
import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The play routes of API.md (matchmaking, leaderboard, stats) and the rate limits in front of every route. */
final class PlayApi {
  private static final int DEFAULT_LIMIT = 100;
  /** The seat commands of REST, limited per seat. */
  private static final Pattern SEAT_COMMAND = Pattern.compile("/games/([A-Za-z0-9_-]{1,64})/(roll|move|start|leave)");

  private final PlayServices play;
  private final SeatTokens tokens;
  private final Schemas schemas;

  PlayApi(PlayServices play, SeatTokens tokens, Schemas schemas) {
    this.play = play;
    this.tokens = tokens;
    this.schemas = schemas;
  }

  // ---------------------------------------------------------------- matchmaking

  void createTicket(RoutingContext ctx) {
    reply(ctx, 201, schemas.body(ctx, Schemas.TICKET).compose(body -> {
      Options options = switch (OptionsJson.read(body.getValue("options"))) {
        case Parsed.Ok<Options> ok -> ok.value();
        case Parsed.Invalid<Options> bad -> null;
      };
      if (options == null) {
        return invalid("options are not valid rule options");
      }
      return play.matchmaking().enqueue(new Matchmaking.Request(body.getString("player_name"),
          body.getInteger("players"), OptionsJson.write(options), body.getInteger("turn_timeout_ms"),
          body.getBoolean("fill_with_bots", false), body.getString("client_seed")));
    }));
  }

  void ticket(RoutingContext ctx) {
    reply(ctx, 200, play.matchmaking().read(ctx.pathParam("ticketId"), Responses.bearer(ctx)));
  }

  void cancelTicket(RoutingContext ctx) {
    reply(ctx, 200, play.matchmaking().cancel(ctx.pathParam("ticketId"), Responses.bearer(ctx)));
  }

  void ticketSocket(RoutingContext ctx) {
    play.feeds().handle(ctx);
  }

  // ---------------------------------------------------------------- leaderboard

  void leaderboard(RoutingContext ctx) {
    reply(ctx, 200, schemas.query(ctx, Schemas.LEADERBOARD_QUERY, "limit"::equals)
        .compose(q -> play.leaderboard().top(q.getInteger("limit", DEFAULT_LIMIT))));
  }

  void stats(RoutingContext ctx) {
    String name = ctx.pathParam("playerName");
    var problem = schemas.problem(Schemas.PLAYER_NAME, name);
    if (problem.isPresent()) {
      Responses.problem(ctx, ErrorCode.INVALID_INPUT, "player_name: " + problem.get());
      return;
    }
    reply(ctx, 200, play.leaderboard().stats(name));
  }

  // ---------------------------------------------------------------- rate limits

  /**
   * First handler of every request: the client address's window, then, for a REST seat command
   * with a valid seat token, the seat's window. Over either: 429 RATE_LIMITED with Retry-After.
   * The request is paused meanwhile, so that no body is lost before the body handler.
   */
  void limit(RoutingContext ctx) {
    RateLimiter limiter = play.limiter();
    var request = ctx.request();
    boolean command = limiter.limitsCommands() && request.method() == HttpMethod.POST && Responses.bearer(ctx) != null
        && SEAT_COMMAND.matcher(request.path()).matches();
    if (!limiter.limitsRequests() && !command) {
      ctx.next();
      return;
    }
    String client = limiter.client(request.remoteAddress().hostAddress(), request.getHeader("X-Forwarded-For"));
    if (!command && "websocket".equalsIgnoreCase(request.getHeader("Upgrade"))) {
      RateLimiter.Verdict now = limiter.requestNow(client);
      if (now.allowed()) {
        ctx.next();
      } else {
        Responses.problem(ctx, ErrorCode.RATE_LIMITED, "too many requests; retry after " + now.retryAfterS() + " s");
      }
      return;
    }
    request.pause();
    Future<RateLimiter.Verdict> verdict = limiter.limitsRequests()
        ? limiter.request(client)
        : Future.succeededFuture(RateLimiter.Verdict.ALLOW);
    if (command) {
      verdict = verdict.compose(v -> v.allowed() ? seatCommand(ctx, limiter) : Future.succeededFuture(v));
    }
    verdict.onComplete(ar -> {
      if (ar.succeeded() && !ar.result().allowed()) {
        request.resume();
        Responses.problem(ctx, ErrorCode.RATE_LIMITED, "too many requests; retry after "
            + ar.result().retryAfterS() + " s");
        return;
      }
      if (request.method() != HttpMethod.POST) {
        request.resume(); // POST bodies are resumed by the body handler
      }
      ctx.next();
    });
  }

  private Future<RateLimiter.Verdict> seatCommand(RoutingContext ctx, RateLimiter limiter) {
    Matcher m = SEAT_COMMAND.matcher(ctx.request().path());
    m.matches();
    // an invalid token is not counted here: its route answers 401/403
    return tokens.verifyFor(Responses.bearer(ctx), m.group(1))
        .compose((SeatClaims seat) -> limiter.command(seat.gameId(), seat.playerId()))
        .recover(e -> Future.succeededFuture(RateLimiter.Verdict.ALLOW));
  }
}
