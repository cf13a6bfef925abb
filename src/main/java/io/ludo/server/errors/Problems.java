package io.ludo.server.errors;

import io.vertx.core.json.JsonObject;

/** The one mapping of an error to its wire forms: RFC 9457 problem+json and a WebSocket error frame. */
public final class Problems {
  public static final String PROBLEM_JSON = "application/problem+json";

  private Problems() {}

  public static JsonObject problem(ErrorCode code, String detail) {
    return new JsonObject()
        .put("type", "https://ludo.io/problems/" + code.name().toLowerCase().replace('_', '-'))
        .put("title", code.title())
        .put("status", code.status())
        .put("detail", detail)
        .put("code", code.name());
  }

  public static JsonObject wsError(Object id, ErrorCode code, String message) {
    return new JsonObject().put("type", "error").put("id", id).put("code", code.name()).put("message", message);
  }
}
