package io.ludo.server.bridge;

import io.ludo.server.auth.SeatClaims;
import io.ludo.server.auth.SeatTokens;
import io.ludo.server.bus.Addresses;
import io.ludo.server.errors.ApiException;
import io.ludo.server.errors.ErrorCode;
import io.ludo.server.room.RoomFeed;
import io.ludo.server.ws.ClientMessages;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.bridge.BridgeEventType;
import io.vertx.ext.web.handler.sockjs.BridgeEvent;
import io.vertx.ext.web.handler.sockjs.SockJSSocket;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decides every frame of the event-bus bridge; nothing passes that is not named here. In:
 * a {@code send} to {@code ludo.game.<id>.commands}, handed to this node's {@link BridgeInbox}
 * (which checks its {@code token} header). Out: registrations to {@code ludo.game.<id>.events}
 * of a game that exists, with a valid token for that game when one is given (a seat's socket
 * counts as the player's presence); the first message on it is the game's state.
 * Runs on the HTTP verticle's event loop: its per-socket map needs no lock.
 */
final class BridgeGuard implements Handler<BridgeEvent> {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(BridgeGuard.class);
  private final SeatTokens tokens;
  private final ClientMessages messages;
  private final List<String> origins;
  private final int maxMessage;
  /**
   * For each socket: the event addresses it registered, with the player each counts for (empty:
   * a spectator); null while the registration is being decided, so that a second one for the same
   * address is refused and a socket closed meanwhile is not counted afterwards.
   */
  private final Map<SockJSSocket, Map<String, Optional<String>>> registered = new HashMap<>();
  /** Each registration's events in order, the missed ones read from the owner. */
  private final InOrderFeed inOrder;
  /** For each socket: its own rate-limit budget for registrations (each costs the game's owner a view). */
  private final Map<SockJSSocket, Budget> budgets = new HashMap<>();

  /** A socket's name in the limiter (its client address and an id of its own), and its refusals in a row. */
  private static final class Budget {
    final String client;
    final String id = java.util.UUID.randomUUID().toString();
    int refusedInARow;

    Budget(String client) {
      this.client = client;
    }
  }

  BridgeGuard(SeatTokens tokens, ClientMessages messages, List<String> origins, int maxMessage) {
    this.tokens = tokens;
    this.messages = messages;
    this.origins = origins;
    this.maxMessage = maxMessage;
    this.inOrder = new InOrderFeed(messages, BridgeGuard::deliver);
  }

  @Override
  public void handle(BridgeEvent event) {
    judge(event, () -> decide(event));
  }

  private static void judge(BridgeEvent event, Runnable decision) {
    try {
      decision.run();
    } catch (RuntimeException e) {
      // a frame we cannot judge is refused, and the socket lives on
      LOG.warn("bridge event " + event.type() + " refused: " + e);
      event.tryComplete(false);
    }
  }

  private void decide(BridgeEvent event) {
    switch (event.type()) {
      case SOCKET_CREATED -> event.complete(originAllowed(event.socket()));
      case SOCKET_PING, SOCKET_IDLE -> event.complete(true);
      case SOCKET_CLOSED -> {
        // whatever the bridge did not unregister before telling us is uncounted here, once
        Map<String, Optional<String>> left = registered.remove(event.socket());
        if (left != null) {
          left.forEach((address, player) -> {
            if (player != null) {
              messages.presence(Addresses.gameOfEvents(address).orElseThrow(), player.orElse(null), -1);
            }
          });
        }
        budgets.remove(event.socket());
        inOrder.forget(event.socket());
        event.complete(true);
      }
      case SEND -> withinBudget(event, "messages", () -> send(event));
      case REGISTER -> withinBudget(event, "registrations", () -> admitted(event));
      case UNREGISTER -> unregister(event);
      // no publishing by clients; RECEIVE is what the outbound permission already allowed
      case PUBLISH -> refuse(event, ErrorCode.FORBIDDEN, "clients may not publish");
      case RECEIVE -> receive(event);
      default -> event.complete(false);
    }
  }

  // ---------------------------------------------------------------- in

  private void send(BridgeEvent event) {
    JsonObject raw = event.getRawMessage();
    Optional<String> game = Addresses.gameOfCommands(raw.getString("address"));
    if (game.isEmpty()) {
      refuse(event, ErrorCode.FORBIDDEN, "only ludo.game.<id>.commands takes messages");
      return;
    }
    if (raw.encode().length() > maxMessage) {
      refuse(event, ErrorCode.PAYLOAD_TOO_LARGE, "a bridge message is at most " + maxMessage + " bytes");
      return;
    }
    JsonObject headers = raw.getValue("headers") instanceof JsonObject h ? h : new JsonObject();
    JsonObject rewritten = new JsonObject()
        .put("type", "send")
        .put("address", Addresses.BRIDGE_INBOX)
        .put("body", new JsonObject().put("game_id", game.get())
            .put("token", headers.getValue("token") instanceof String t ? t : null)
            .put("command", raw.getValue("body")));
    if (raw.getValue("replyAddress") instanceof String reply) {
      rewritten.put("replyAddress", reply);
    }
    event.setRawMessage(rewritten);
    event.complete(true);
  }

  // ---------------------------------------------------------------- out

  /**
   * Every message and registration of a socket passes that socket's own budget first (as large as
   * a seat's; a registration costs the game's owner a view, a message a command): over it, a
   * RATE_LIMITED refusal, and after {@link ClientMessages#MAX_REFUSED_IN_A_ROW} of them in a row
   * the socket is closed (1008), as a WebSocket is.
   */
  private void withinBudget(BridgeEvent event, String what, Runnable then) {
    SockJSSocket socket = event.socket();
    Budget budget = budgets.computeIfAbsent(socket, s -> new Budget(messages.client(s.remoteAddress().hostAddress(),
        s.headers().get("X-Forwarded-For"))));
    messages.admitWatcher(budget.client, budget.id).onComplete(ar -> {
      if (ar.succeeded() && !ar.result()) {
        refuse(event, ErrorCode.RATE_LIMITED, "too many " + what + " on this socket; slow down");
        if (++budget.refusedInARow >= ClientMessages.MAX_REFUSED_IN_A_ROW) {
          socket.close(1008, "rate limited");
        }
        return;
      }
      budget.refusedInARow = 0;
      judge(event, then);
    });
  }

  private void admitted(BridgeEvent event) {
    SockJSSocket socket = event.socket();
    String address = event.getRawMessage().getString("address");
    Optional<String> game = Addresses.gameOfEvents(address);
    if (game.isEmpty()) {
      refuse(event, ErrorCode.FORBIDDEN, "only ludo.game.<id>.events may be registered");
      return;
    }
    Map<String, Optional<String>> mine = registered.computeIfAbsent(socket, s -> new HashMap<>());
    if (mine.containsKey(address)) {
      refuse(event, ErrorCode.INVALID_INPUT, "already registered on this socket");
      return;
    }
    mine.put(address, null);
    JsonObject headers = event.getRawMessage().getValue("headers") instanceof JsonObject h ? h : new JsonObject();
    Future<Optional<String>> who = headers.getValue("token") == null
        ? Future.succeededFuture(Optional.empty())
        : tokens.verifyFor(headers.getValue("token") instanceof String t ? t : "", game.get())
            .map(SeatClaims::playerId).map(Optional::of);
    who.compose(player -> messages.view(game.get()).map(exists -> player))
        .onSuccess(player -> {
          if (registered.get(socket) != mine || !mine.containsKey(address)) {
            // the socket closed (or unregistered) while this was decided: nothing to count or feed
            event.complete(false);
            return;
          }
          mine.put(address, player);
          inOrder.registered(socket, address);
          // a registration its room does not count gets no frames from a room on another node
          messages.presence(game.get(), player.orElse(null), +1).onFailure(e -> socket.close());
          event.complete(true);
          // after the registration, so that no event falls between the state and the feed
          messages.view(game.get()).onSuccess(state -> {
            deliver(socket, address, state);
            inOrder.stateSent(socket, address, state.getInteger("seq"));
          });
        })
        .onFailure(e -> {
          mine.remove(address);
          ApiException api = ApiException.from(e);
          refuse(event, api.code(), api.getMessage());
        });
  }

  private void unregister(BridgeEvent event) {
    String address = event.getRawMessage().getString("address");
    Map<String, Optional<String>> mine = registered.get(event.socket());
    Optional<String> player = mine == null ? null : mine.remove(address);
    inOrder.forget(event.socket(), address);
    if (player != null) {
      messages.presence(Addresses.gameOfEvents(address).orElseThrow(), player.orElse(null), -1);
    }
    event.complete(true);
  }

  /**
   * A new owner's presence request is answered for this socket's registration, never delivered;
   * events go in order.
   */
  private void receive(BridgeEvent event) {
    JsonObject raw = event.getRawMessage();
    if (raw.getValue("body") instanceof JsonObject body && RoomFeed.PRESENCE_REQUEST.equals(body.getString("type"))) {
      String address = raw.getString("address");
      Optional<String> player = registered.getOrDefault(event.socket(), Map.of()).get(address);
      if (player != null) {
        // a registration its room does not count gets no frames from a room on another node
        messages.presence(Addresses.gameOfEvents(address).orElseThrow(), player.orElse(null), +1)
            .onFailure(e -> event.socket().close());
      }
      event.complete(false);
      return;
    }
    event.complete(!(raw.getValue("body") instanceof JsonObject body)
        || inOrder.admit(event.socket(), raw.getString("address"), body));
  }

  private static void deliver(SockJSSocket socket, String address, JsonObject body) {
    socket.write(Buffer.buffer(new JsonObject().put("type", "rec").put("address", address).put("body", body).encode()));
  }

  /**
   * Refuses the frame, first telling the client why in the bridge's own error frame, addressed
   * so that its callback (reply or handler) gets it: {@code failureType} is our stable code and
   * {@code failureCode} its HTTP status.
   */
  private static void refuse(BridgeEvent event, ErrorCode code, String why) {
    JsonObject raw = event.getRawMessage();
    String to = raw == null ? null
        : raw.getValue("replyAddress") instanceof String reply ? reply
        : event.type() == BridgeEventType.REGISTER ? raw.getString("address") : null;
    JsonObject frame = new JsonObject().put("type", "err").put("failureCode", code.status())
        .put("failureType", code.name()).put("message", why);
    if (to != null) {
      frame.put("address", to);
    }
    event.socket().write(Buffer.buffer(frame.encode()));
    event.complete(false);
  }

  /**
   * A browser names the page's origin; unless configured otherwise it must be the server's own
   * (a page elsewhere must not drive a player's socket). Clients that send no Origin are not browsers.
   */
  private boolean originAllowed(SockJSSocket socket) {
    String origin = socket.headers().get("Origin");
    if (origin == null || origins.contains("*") || origins.contains(origin)) {
      return true;
    }
    if (!origins.isEmpty()) {
      return false;
    }
    try {
      String host = socket.headers().get("Host");
      return host != null && host.equalsIgnoreCase(URI.create(origin).getRawAuthority());
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
