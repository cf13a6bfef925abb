package io.ludo.server;

import static org.junit.jupiter.api.Assertions.assertNull;

import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A browser offering per-message deflate gets a plain socket: no zlib context held per connection. */
@ExtendWith(VertxExtension.class)
class WebSocketCompressionTest {

  @Test
  void aSocketOfferingDeflateIsOpenedWithoutIt(Vertx vertx, VertxTestContext test) {
    TestNodes.start(vertx).compose(node -> RestGame.open(new ApiClient(vertx, node.httpPort())).compose(game -> {
      var client = vertx.createWebSocketClient(new WebSocketClientOptions()
          .setTryUsePerMessageCompression(true).setTryUsePerFrameCompression(true));
      return client.connect(new WebSocketConnectOptions().setHost("127.0.0.1").setPort(node.httpPort())
              .setURI("/ws/" + game.gameId + "?spectate"))
          .map(ws -> {
            test.verify(() -> assertNull(ws.headers().get("sec-websocket-extensions"),
                "the server accepted an extension: " + ws.headers().get("sec-websocket-extensions")));
            return ws.close();
          })
          .eventually(client::close);
    })).onComplete(test.succeedingThenComplete());
  }
}
