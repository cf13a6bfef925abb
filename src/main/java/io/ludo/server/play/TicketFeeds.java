package io.ludo.server.play;

import io.ludo.server.bus.Addresses;
import io.ludo.server.errors.ApiException;
import io.ludo.server.errors.ErrorCode;
import io.ludo.server.errors.Problems;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;

/**
 * {@code GET /ws/matchmaking/{ticket_id}?token=<ticket_token>}: a socket that tells its ticket's
 * owner {@code {"type":"ticket",…as GET answers}} on connect and on every change, then closes
 * (1000) once the ticket is MATCHED, CANCELLED or EXPIRED. Changes arrive as a cluster-wide
 * nudge from the node that made them; a slow poll covers a nudge lost with its node.
 */
public final class TicketFeeds {
  static final long POLL_MS = 1_000;
  static final short CLOSE_UNAUTHORIZED = 4401;
  static final short CLOSE_NO_SUCH_TICKET = 4404;
  /** RFC 6455 "try again later". */
  static final short CLOSE_TRY_AGAIN = 1013;

  private final Vertx vertx;
  private final Matchmaking store;

  TicketFeeds(Vertx vertx, Matchmaking store) {
    this.vertx = vertx;
    this.store = store;
  }

  /**
   * The handshake: a missing, malformed or another ticket's token is refused before the upgrade
   * (401, 403). Whether the ticket exists and the token is its own needs Redis, and an upgrade
   * deferred behind I/O can lose its connection: that is told after the upgrade, by an error
   * frame and a close code (4401 wrong secret, 4404 no such ticket, 1013 Redis unreachable).
   */
  public void handle(RoutingContext ctx) {
    String ticketId = ctx.pathParam("ticketId");
    ApiException refused = Matchmaking.precheck(ticketId, ctx.queryParams().get("token"));
    if (refused != null) {
      ctx.response().setStatusCode(refused.code().status()).putHeader("content-type", Problems.PROBLEM_JSON)
          .end(Problems.problem(refused.code(), refused.getMessage()).toBuffer());
      return;
    }
    ctx.request().toWebSocket().onSuccess(ws -> {
      ws.pause();
      store.authorize(ticketId, ctx.queryParams().get("token")).onComplete(ar -> {
        ws.resume();
        if (ar.succeeded()) {
          new Feed(ws, ticketId).open(ar.result());
          return;
        }
        ApiException api = ApiException.from(ar.cause());
        ws.writeTextMessage(Problems.wsError(null, api.code(), api.getMessage()).encode());
        ws.close(closeCode(api.code()), api.getMessage());
      });
    }).onFailure(ctx::fail);
  }

  private static short closeCode(ErrorCode code) {
    return switch (code) {
      case UNAUTHORIZED -> CLOSE_UNAUTHORIZED;
      case TICKET_NOT_FOUND -> CLOSE_NO_SUCH_TICKET;
      default -> CLOSE_TRY_AGAIN;
    };
  }

  private final class Feed {
    private final ServerWebSocket ws;
    private final String ticketId;
    private MessageConsumer<JsonObject> nudges;
    private long poll = -1;
    private String sent;
    private boolean closed;

    Feed(ServerWebSocket ws, String ticketId) {
      this.ws = ws;
      this.ticketId = ticketId;
    }

    void open(Map<String, String> ticket) {
      if (ws.isClosed()) {
        return;
      }
      ws.closeHandler(v -> stop());
      ws.textMessageHandler(text -> { }); // nothing to say to this socket; pings are answered by the server
      nudges = vertx.eventBus().consumer(Addresses.ticket(ticketId), m -> refresh());
      poll = vertx.setPeriodic(POLL_MS, id -> refresh());
      show(ticket);
    }

    private void refresh() {
      if (!closed) {
        store.fields(RedisScripts.TICKET + ticketId).onSuccess(this::show);
      }
    }

    private void show(Map<String, String> ticket) {
      if (closed) {
        return;
      }
      if (ticket.isEmpty()) {
        close("the ticket is gone");
        return;
      }
      JsonObject view = Matchmaking.view(ticket);
      String text = new JsonObject().put("type", "ticket").mergeIn(view).encode();
      if (!text.equals(sent)) {
        sent = text;
        ws.writeTextMessage(text);
      }
      if (Matchmaking.isFinal(ticket.get("status"))) {
        close(ticket.get("status"));
      }
    }

    private void close(String why) {
      stop();
      ws.close((short) 1000, why);
    }

    private void stop() {
      if (!closed) {
        closed = true;
        vertx.cancelTimer(poll);
        nudges.unregister();
      }
    }
  }
}
