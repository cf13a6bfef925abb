package io.ludo.server.play;

import io.ludo.server.bus.Addresses;
import io.ludo.server.errors.ApiException;
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

  private final Vertx vertx;
  private final Matchmaking store;

  TicketFeeds(Vertx vertx, Matchmaking store) {
    this.vertx = vertx;
    this.store = store;
  }

  /** The handshake: 401/403/404 as for {@code GET /matchmaking/tickets/{id}}, before any upgrade. */
  public void handle(RoutingContext ctx) {
    String ticketId = ctx.pathParam("ticketId");
    ctx.request().pause();
    store.authorize(ticketId, ctx.queryParams().get("token")).onComplete(ar -> {
      if (ar.failed()) {
        ApiException api = ApiException.from(ar.cause());
        ctx.request().resume();
        ctx.response().setStatusCode(api.code().status()).putHeader("content-type", Problems.PROBLEM_JSON)
            .end(Problems.problem(api.code(), api.getMessage()).toBuffer());
        return;
      }
      ctx.request().toWebSocket()
          .onSuccess(ws -> new Feed(ws, ticketId).open(ar.result()))
          .onFailure(ctx::fail);
    });
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
