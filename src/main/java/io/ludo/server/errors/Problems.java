package io.ludo.server.errors;

import io.vertx.core.json.JsonObject;

/** The one mapping of an error to its wire forms: RFC 9457 problem+json and a WebSocket error frame. */
public final class Problems {
  public static final String PROBLEM_JSON = "application/problem+json";

  private Problems() {}

  /**
   * A problem's {@code type}: relative to the server that answered (which serves it, see
   * {@link #describe}), not a domain the project does not own.
   */
  public static String typeOf(ErrorCode code) {
    return "/problems/" + slug(code);
  }

  private static String slug(ErrorCode code) {
    return code.name().toLowerCase().replace('_', '-');
  }

  /** What {@code GET /problems/{slug}} answers: the code, its status and title; null for an unknown slug. */
  public static JsonObject describe(String slug) {
    for (ErrorCode code : ErrorCode.values()) {
      if (slug(code).equals(slug)) {
        return new JsonObject().put("type", typeOf(code)).put("code", code.name()).put("status", code.status())
            .put("title", code.title());
      }
    }
    return null;
  }

  public static JsonObject problem(ErrorCode code, String detail) {
    return new JsonObject()
        .put("type", typeOf(code))
        .put("title", code.title())
        .put("status", code.status())
        .put("detail", detail)
        .put("code", code.name());
  }

  public static JsonObject wsError(Object id, ErrorCode code, String message) {
    return new JsonObject().put("type", "error").put("id", id).put("code", code.name()).put("message", message);
  }
}
