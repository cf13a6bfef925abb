package io.ludo.server.http;

import io.vertx.core.Vertx;
import java.util.concurrent.TimeUnit;

/** The project's schemas, loaded as a node loads them, for tests that validate without a node. */
public final class TestSchemas {
  private TestSchemas() {}

  /** Loads every schema (the Vert.x that reads the files is closed after: validating needs none). */
  public static Schemas load() {
    Vertx vertx = Vertx.vertx();
    try {
      return Schemas.load(vertx).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError("the schemas did not load", e);
    } finally {
      vertx.close();
    }
  }
}
