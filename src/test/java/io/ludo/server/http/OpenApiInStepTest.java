package io.ludo.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ludo.server.TestNodes;
import io.ludo.server.config.ConfigKey;
import io.ludo.server.ws.WebSocketEndpoint;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The OpenAPI document names exactly the routes the router serves, with the same methods. */
class OpenApiInStepTest {

  @Test
  void theDocumentAndTheRouterAgree() throws Exception {
    Vertx vertx = Vertx.vertx();
    try {
      var config = TestNodes.config(Map.of()).with(ConfigKey.CORS_ORIGINS, "");
      Router router = HttpVerticle.routes(vertx, config, new RestApi(null, null, null, null),
          new WebSocketEndpoint(null, null, null, null), null, Future::succeededFuture, new PlayApi(null, null, null),
          new FriendsApi(null, null, null, null, null));
      Set<String> served = new TreeSet<>();
      for (Route route : router.getRoutes()) {
        if (route.getPath() != null && route.methods() != null) {
          route.methods().forEach(m -> served.add(m.name().toLowerCase() + " " + route.getPath().replaceAll(":(\\w+)", "{$1}")));
        }
      }
      JsonObject doc = new JsonObject(Files.readString(Path.of("src/main/resources/web/openapi.json")));
      Set<String> documented = new TreeSet<>();
      doc.getJsonObject("paths").forEach(p -> ((JsonObject) p.getValue()).fieldNames()
          .forEach(method -> documented.add(method + " " + p.getKey())));
      assertEquals(served, documented);
      assertEquals("3.1.0", doc.getString("openapi"));
    } finally {
      vertx.close();
    }
  }
}
