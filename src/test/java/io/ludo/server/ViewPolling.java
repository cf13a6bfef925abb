package io.ludo.server;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.function.Predicate;

/**
 * For what the server tells no client when it happens (a presence count changing): reads a
 * game's view every {@link #EVERY_MS} until it matches, failing after a bound. A socket's count
 * is sent from its own event loop and a REST view may be served on another, so nothing orders the
 * two: a count that is lost for good shows as the bound passing.
 */
public final class ViewPolling {
  private static final long EVERY_MS = 200;

  private ViewPolling() {}

  /** The first view of {@code gameId} that matches within {@code boundMs}. */
  public static Future<JsonObject> until(Vertx vertx, ApiClient api, String gameId, Predicate<JsonObject> match, long boundMs) {
    Promise<JsonObject> found = Promise.promise();
    poll(vertx, api, gameId, match, System.currentTimeMillis() + boundMs, found);
    return found.future();
  }

  /** No player of the view has a socket open. */
  public static boolean nobodyConnected(JsonObject view) {
    return view.getJsonArray("players").stream().noneMatch(p -> ((JsonObject) p).getBoolean("connected"));
  }

  private static void poll(Vertx vertx, ApiClient api, String gameId, Predicate<JsonObject> match, long deadline,
      Promise<JsonObject> found) {
    api.view(gameId).onComplete(ar -> {
      if (ar.succeeded() && match.test(ar.result().body())) {
        found.complete(ar.result().body());
      } else if (System.currentTimeMillis() > deadline) {
        found.fail("no matching view in time; last: " + (ar.succeeded() ? ar.result().body() : ar.cause()));
      } else {
        vertx.setTimer(EVERY_MS, id -> poll(vertx, api, gameId, match, deadline, found));
      }
    });
  }
}
