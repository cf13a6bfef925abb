package io.ludo.load;

import io.vertx.core.Vertx;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * One driver's connections to the nodes under load: an HTTP client per node (for creating and
 * joining games) and a WebSocket client. Games are created on the nodes in turn; with
 * {@code crossNodes}, a game's players open their sockets on the other nodes, so that their
 * commands and the game's events cross the cluster's event bus.
 */
final class Nodes {
  private static final int HTTP_POOL = 16;

  private final List<URI> urls = new ArrayList<>();
  private final List<WebClient> http = new ArrayList<>();
  private final WebSocketClient ws;
  private final boolean crossNodes;

  Nodes(Vertx vertx, List<String> urls, boolean crossNodes, int maxSockets) {
    this.crossNodes = crossNodes;
    for (String u : urls) {
      URI uri = URI.create(u);
      this.urls.add(uri);
      http.add(WebClient.create(vertx, new WebClientOptions().setDefaultHost(uri.getHost()).setDefaultPort(uri.getPort())
          .setKeepAlive(true), new PoolOptions().setHttp1MaxSize(HTTP_POOL)));
    }
    ws = vertx.createWebSocketClient(new WebSocketClientOptions().setMaxConnections(maxSockets)
        .setMaxFrameSize(65_536).setMaxMessageSize(1 << 20));
  }

  int count() {
    return urls.size();
  }

  WebClient http(int node) {
    return http.get(node);
  }

  WebSocketClient ws() {
    return ws;
  }

  String host(int node) {
    return urls.get(node).getHost();
  }

  int port(int node) {
    return urls.get(node).getPort();
  }

  /** The node a seat's socket opens on, for a game created on {@code creator}. */
  int nodeForSeat(int creator, int seat) {
    int n = urls.size();
    if (!crossNodes || n == 1) {
      return creator;
    }
    return (creator + 1 + seat % (n - 1)) % n;
  }

  void close() {
    http.forEach(WebClient::close);
    ws.close();
  }
}
