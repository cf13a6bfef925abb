package io.ludo.server.bridge;

import io.ludo.server.auth.SeatTokens;
import io.ludo.server.bus.Addresses;
import io.ludo.server.config.Config;
import io.ludo.server.config.ConfigKey;
import io.ludo.server.http.Schemas;
import io.ludo.server.ws.ClientMessages;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.bridge.PermittedOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.sockjs.SockJSBridgeOptions;
import io.vertx.ext.web.handler.sockjs.SockJSHandler;
import io.vertx.ext.web.handler.sockjs.SockJSHandlerOptions;

/**
 * The SockJS event-bus bridge at {@code /eventbus}: browsers register to a game's events and
 * send it commands, through any node. The permissions below are the outer wall; the
 * {@link BridgeGuard} decides each frame.
 */
public final class EventBusBridge {
  private EventBusBridge() {}

  /** The bridge's router (mounted at {@code /eventbus/*}) once this node's inbox listens. */
  public static Future<Router> start(Vertx vertx, Config config, SeatTokens tokens, Schemas schemas,
      ClientMessages messages) {
    BridgeInbox inbox = new BridgeInbox(tokens, schemas, messages);
    var consumer = vertx.eventBus().<JsonObject>localConsumer(Addresses.BRIDGE_INBOX, inbox::handle);
    return consumer.completion().map(v -> router(vertx, config, tokens, messages));
  }

  static Router router(Vertx vertx, Config config, SeatTokens tokens, ClientMessages messages) {
    SockJSBridgeOptions options = new SockJSBridgeOptions()
        // the guard rewrites each accepted command to the inbox before this check
        .addInboundPermitted(new PermittedOptions().setAddress(Addresses.BRIDGE_INBOX))
        .addOutboundPermitted(new PermittedOptions().setAddressRegex(Addresses.gameEventsPattern()))
        .setMaxHandlersPerSocket(config.integer(ConfigKey.BRIDGE_MAX_HANDLERS))
        .setMaxAddressLength(100)
        .setReplyTimeout(config.integer(ConfigKey.COMMAND_TIMEOUT_MS) + 2_000L);
    BridgeGuard guard = new BridgeGuard(tokens, messages,
        config.list(ConfigKey.BRIDGE_ORIGINS).stream().map(String::valueOf).toList(),
        config.integer(ConfigKey.BRIDGE_MAX_MESSAGE));
    return SockJSHandler.create(vertx, new SockJSHandlerOptions().setRegisterWriteHandler(false))
        .bridge(options, guard);
  }
}
