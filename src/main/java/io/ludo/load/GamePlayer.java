package io.ludo.load;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.SplittableRandom;

/**
 * One real game under load: created over REST with four seats, one WebSocket per seat, then
 * played to its end by legal random moves. The seat whose turn it is acts, on its own socket;
 * the {@code turn} of each ack says who acts next and which tokens may move, so the players
 * never fold events. Event frames (four per event: one per socket) are counted, not parsed.
 * Runs on one driver's event loop: no locks.
 */
final class GamePlayer implements LoadGame {
  static final int SEATS = 4;
  private static final int MAX_ERRORS_IN_A_ROW = 5;
  private static final String EVENT_PREFIX = "{\"type\":\"event\"";
  private static final String ACK_PREFIX = "{\"type\":\"ack\"";

  private final Nodes nodes;
  private final RunStats stats;
  private final SplittableRandom random;
  private final Ended ended;
  private final int creator;
  private final String namePrefix;
  private final WebSocket[] sockets = new WebSocket[SEATS];
  private final String[] players = new String[SEATS];
  private final String[] tokens = new String[SEATS];
  private final boolean[] stateSeen = new boolean[SEATS];
  private String gameId;
  private JsonObject turn;
  private int turnSeq = -1;

  private int pendingSeat = -1;
  private long pendingId;
  private boolean pendingRoll;
  private long sentAt;
  private int errorsInARow;
  private boolean stopping;
  private boolean over;

  GamePlayer(Nodes nodes, RunStats stats, SplittableRandom random, int creator, String namePrefix, Ended ended) {
    this.nodes = nodes;
    this.stats = stats;
    this.random = random;
    this.creator = creator;
    this.namePrefix = namePrefix;
    this.ended = ended;
  }

  // ---------------------------------------------------------------- set-up

  /** Creates the game, seats four players and opens their sockets; play starts once every socket has its state. */
  @Override
  public void start() {
    nodes.http(creator).post("/games")
        .sendJsonObject(new JsonObject().put("player_name", namePrefix + "-0").put("max_players", SEATS))
        .compose(r -> r.statusCode() == 201 ? Future.succeededFuture(r.bodyAsJsonObject())
            : Future.failedFuture("CREATE_" + r.statusCode()))
        .compose(created -> {
          gameId = created.getString("game_id");
          seat(created);
          return join(1);
        })
        .compose(v -> join(2))
        .compose(v -> join(3))
        .compose(v -> {
          stats.gameStarted();
          for (int s = 0; s < SEATS; s++) {
            open(s);
          }
          return Future.succeededFuture();
        })
        .onFailure(e -> giveUp(e.getMessage()));
  }

  private Future<Void> join(int seat) {
    int node = nodes.nodeForSeat(creator, seat);
    return nodes.http(node).post("/games/" + gameId + "/join")
        .sendJsonObject(new JsonObject().put("player_name", namePrefix + "-" + seat))
        .compose(r -> {
          if (r.statusCode() != 200) {
            return Future.failedFuture("JOIN_" + r.statusCode());
          }
          seat(r.bodyAsJsonObject());
          return Future.succeededFuture();
        });
  }

  private void seat(JsonObject seated) {
    int seat = seated.getInteger("seat");
    players[seat] = seated.getString("player_id");
    tokens[seat] = seated.getString("token");
  }

  private void open(int seat) {
    int node = nodes.nodeForSeat(creator, seat);
    nodes.ws().connect(new WebSocketConnectOptions().setHost(nodes.host(node)).setPort(nodes.port(node))
            .setURI("/ws/" + gameId + "/" + players[seat] + "?token=" + tokens[seat]))
        .onSuccess(ws -> {
          if (over) {
            ws.close();
            return;
          }
          sockets[seat] = ws;
          ws.textMessageHandler(text -> onFrame(seat, text));
          ws.closeHandler(v -> {
            if (!over) {
              giveUp("SOCKET_CLOSED");
            }
          });
        })
        .onFailure(e -> giveUp("SOCKET_REFUSED"));
  }

  // ---------------------------------------------------------------- play

  private void onFrame(int seat, String text) {
    if (text.startsWith(EVENT_PREFIX)) {
      stats.eventFrame();
      return;
    }
    long now = System.nanoTime();
    JsonObject frame = new JsonObject(text);
    switch (frame.getString("type", "")) {
      case "ack" -> onAck(seat, frame, now, text.length());
      case "state" -> onState(seat, frame);
      case "error" -> onError(frame.getString("code", "ERROR"));
      default -> { }
    }
  }

  private void onState(int seat, JsonObject view) {
    stateSeen[seat] = true;
    JsonObject t = view.getJsonObject("turn");
    if (t != null && t.getInteger("seq", 0) > turnSeq) {
      turn = t;
      turnSeq = t.getInteger("seq", 0);
    }
    for (boolean seen : stateSeen) {
      if (!seen) {
        return;
      }
    }
    if (pendingSeat < 0) {
      next();
    }
  }

  private void onAck(int seat, JsonObject ack, long now, int bytes) {
    if (seat != pendingSeat || ack.getLong("id", -1L) != pendingId) {
      return;
    }
    stats.action(pendingRoll, sentAt, now, bytes);
    pendingSeat = -1;
    errorsInARow = 0;
    JsonObject t = ack.getJsonObject("turn");
    if (t != null) {
      turn = t;
      turnSeq = t.getInteger("seq", turnSeq);
    }
    next();
  }

  private void onError(String code) {
    stats.error(code);
    pendingSeat = -1;
    if (++errorsInARow > MAX_ERRORS_IN_A_ROW) {
      giveUp("TOO_MANY_ERRORS");
      return;
    }
    // learn whose turn it really is, then go on
    nodes.http(creator).get("/games/" + gameId).send().onComplete(ar -> {
      if (over) {
        return;
      }
      if (ar.succeeded() && ar.result().statusCode() == 200) {
        turn = ar.result().bodyAsJsonObject().getJsonObject("turn");
        next();
      } else {
        giveUp("VIEW_FAILED");
      }
    });
  }

  private void next() {
    if (over) {
      return;
    }
    String phase = turn == null ? null : turn.getString("phase");
    if ("FINISHED".equals(phase)) {
      end(true);
    } else if (stopping) {
      end(false);
    } else if ("ROLL".equals(phase)) {
      send(turn.getInteger("current"), true, "{\"type\":\"roll\",\"id\":" + (pendingId + 1) + "}");
    } else if ("MOVE".equals(phase)) {
      JsonArray legal = turn.getJsonArray("legal_moves");
      int token = legal.getInteger(random.nextInt(legal.size()));
      send(turn.getInteger("current"), false,
          "{\"type\":\"move\",\"token_index\":" + token + ",\"id\":" + (pendingId + 1) + "}");
    } else {
      giveUp("NO_TURN");
    }
  }

  private void send(int seat, boolean roll, String frame) {
    WebSocket ws = sockets[seat];
    if (ws == null) {
      giveUp("NO_SOCKET");
      return;
    }
    pendingId++;
    pendingSeat = seat;
    pendingRoll = roll;
    sentAt = System.nanoTime();
    ws.writeTextMessage(frame);
  }

  // ---------------------------------------------------------------- end

  @Override
  public void stop() {
    stopping = true;
    if (pendingSeat < 0) {
      end(false);
    }
  }

  @Override
  public void checkOverdue(long now, long timeoutNanos) {
    if (!over && pendingSeat >= 0 && now - sentAt > timeoutNanos) {
      giveUp("ACK_TIMEOUT");
    }
  }

  private void giveUp(String reason) {
    if (over) {
      return;
    }
    if (!stopping) {
      stats.error(reason);
    }
    end(false);
  }

  private void end(boolean finished) {
    if (over) {
      return;
    }
    over = true;
    if (finished) {
      stats.gameCompleted();
    }
    for (WebSocket ws : sockets) {
      if (ws != null) {
        ws.close();
      }
    }
    ended.ended(this, finished);
  }
}
