package io.ludo.server.http;

import io.ludo.server.errors.ApiException;
import io.ludo.server.errors.ErrorCode;
import io.ludo.server.errors.Problems;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** Writing replies: JSON on success, problem+json with the stable code on failure. */
final class Responses {
  private Responses() {}

  static void json(RoutingContext ctx, int status, JsonObject body) {
    if (ctx.response().ended()) {
      return;
    }
    ctx.response().setStatusCode(status).putHeader("content-type", "application/json").end(body.toBuffer());
  }

  static void problem(RoutingContext ctx, ErrorCode code, String detail) {
    problem(ctx, code, detail, 1);
  }

  static void problem(RoutingContext ctx, ErrorCode code, String detail, long retryAfterS) {
    if (ctx.response().ended()) {
      return;
    }
    var response = ctx.response().setStatusCode(code.status()).putHeader("content-type", Problems.PROBLEM_JSON);
    if (code == ErrorCode.RATE_LIMITED) {
      response.putHeader("retry-after", String.valueOf(retryAfterS));
    }
    response.end(Problems.problem(code, detail).toBuffer());
  }

  /** Answers {@code ctx} with the outcome of {@code reply}: {@code status} and its JSON, or a problem. */
  static void reply(RoutingContext ctx, int status, Future<JsonObject> reply) {
    reply.onSuccess(body -> json(ctx, status, body)).onFailure(e -> fail(ctx, e));
  }

  static void fail(RoutingContext ctx, Throwable e) {
    ApiException api = ApiException.from(e);
    problem(ctx, api.code(), api.getMessage(), api.retryAfterS());
  }

  static <T> Future<T> invalid(String detail) {
    return Future.failedFuture(new ApiException(ErrorCode.INVALID_INPUT, detail));
  }

  /** The token of an {@code Authorization: Bearer …} header, or null. */
  static String bearer(io.vertx.ext.web.RoutingContext ctx) {
    String header = ctx.request().getHeader("Authorization");
    return header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).trim() : null;
  }
}
