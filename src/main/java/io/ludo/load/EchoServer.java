package io.ludo.load;

import io.vertx.core.Context;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.ServerWebSocket;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The ceiling: a bare Vert.x WebSocket server that sends every text frame straight back, with
 * the node's frame limits. Against it, the generator measures what this machine's WebSockets
 * allow with no game, no event bus and no database.
 *
 * <p>The floor, on {@code /fanout/{group}}: the socket traffic of a game's action and nothing
 * else. A text frame that begins with a digit {@code n} is sent back to its sender (the ack), then
 * {@code n} times to every socket of its group (the events), as a room's frames reach its four
 * players. {@code GET /metrics} gives this process's CPU time in the node's metric name, so the
 * generator reads the floor's CPU per action as it reads a node's.
 */
public final class EchoServer {
  static final String FANOUT_PATH = "/fanout/";

  private EchoServer() {}

  /** Listens on 127.0.0.1:{@code port} with {@code instances} event loops; answers the deployment. */
  public static Future<String> start(Vertx vertx, int port, int instances) {
    Map<String, Group> groups = new ConcurrentHashMap<>();
    return vertx.deployVerticle(() -> new VerticleBase() {
      @Override
      public Future<?> start() {
        return vertx.createHttpServer(new HttpServerOptions().setMaxWebSocketFrameSize(65_536)
                .setMaxWebSocketMessageSize(1 << 20))
            .webSocketHandler(ws -> {
              if (ws.path().startsWith(FANOUT_PATH)) {
                joinGroup(groups, ws);
              } else {
                ws.textMessageHandler(ws::writeTextMessage);
              }
            })
            .requestHandler(EchoServer::metricsOrNotFound)
            .listen(port, "127.0.0.1");
      }
    }, new DeploymentOptions().setInstances(instances));
  }

  /**
   * The sockets of one fan-out group by the event loop each was accepted on, the only thread that
   * writes to it. Grouped when a socket joins or leaves, not per frame, so that the floor carries
   * no work of its own beyond the writes.
   */
  private static final class Group {
    private record Member(Context loop, ServerWebSocket ws) {}

    private final List<Member> members = new ArrayList<>();
    /** Made anew on each join and leave, never changed after: read by every loop without a lock. */
    private volatile Map<Context, List<ServerWebSocket>> byLoop = Map.of();

    synchronized void join(Context loop, ServerWebSocket ws) {
      members.add(new Member(loop, ws));
      regroup();
    }

    /** Whether the group is empty after {@code ws} left it. */
    synchronized boolean leave(Context loop, ServerWebSocket ws) {
      members.remove(new Member(loop, ws));
      regroup();
      return members.isEmpty();
    }

    private void regroup() {
      Map<Context, List<ServerWebSocket>> grouped = new HashMap<>();
      for (Member m : members) {
        grouped.computeIfAbsent(m.loop(), c -> new ArrayList<>()).add(m.ws());
      }
      byLoop = grouped;
    }

    /** {@code copies} times {@code text} to every socket: written here for this loop's, handed over once per other loop. */
    void fanOut(Context here, String text, int copies) {
      byLoop.forEach((loop, sockets) -> {
        if (loop == here) {
          writeCopies(sockets, text, copies);
        } else {
          loop.runOnContext(v -> writeCopies(sockets, text, copies));
        }
      });
    }
  }

  private static void joinGroup(Map<String, Group> groups, ServerWebSocket ws) {
    String name = ws.path().substring(FANOUT_PATH.length());
    Context here = Vertx.currentContext();
    Group group = groups.computeIfAbsent(name, g -> new Group());
    group.join(here, ws);
    ws.closeHandler(v -> {
      if (group.leave(here, ws)) {
        groups.remove(name, group);
      }
    });
    ws.textMessageHandler(text -> {
      ws.writeTextMessage(text);
      int copies = text.isEmpty() ? 0 : Math.max(0, Character.digit(text.charAt(0), 10));
      group.fanOut(here, text, copies);
    });
  }

  private static void writeCopies(List<ServerWebSocket> sockets, String text, int copies) {
    for (int i = 0; i < copies; i++) {
      for (ServerWebSocket s : sockets) {
        s.writeTextMessage(text);
      }
    }
  }

  private static void metricsOrNotFound(HttpServerRequest req) {
    if (req.path().equals("/metrics")) {
      long cpu = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
      req.response().putHeader("content-type", "text/plain").end("process_cpu_time_ns_total " + cpu + "\n");
    } else {
      req.response().setStatusCode(404).end();
    }
  }
}
