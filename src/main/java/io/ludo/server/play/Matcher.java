package io.ludo.server.play;

import io.ludo.server.auth.SeatTokens;
import io.ludo.server.bus.Addresses;
import io.ludo.server.game.GameRouter;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every node's matcher: on each tick it visits a bounded page of queues, takes full matches out
 * of them (atomically, in Redis), and makes each match's game: created for the first ticket's
 * player, joined by the others, seat tokens issued, the tickets marked MATCHED.
 *
 * <p>Recovery: a match is leased to the node that took it. If that node dies, or making the
 * game fails, the lease ends and any node's next tick takes the match over and completes it
 * from where it is: the game recorded first for the match counts ({@code SET_GAME}), and joins
 * carry a command id made of the match and the ticket, so a join resent by another node is
 * answered from its record, never applied twice. A game created by a node that died before
 * recording it stays behind, waiting, and leaves memory when idle; its seat tokens were never
 * issued. After {@link #MAX_ATTEMPTS} attempts the match is released: its tickets wait again
 * in their old places.
 */
final class Matcher {
  private static final Logger LOG = LoggerFactory.getLogger(Matcher.class);
  /** A node taking a match has this long to make its game before others may take over. */
  static final long LEASE_MS = 20_000;
  /** After a failed attempt, the next one comes this much later. */
  static final long RETRY_MS = 1_000;
  static final int MAX_ATTEMPTS = 5;
  private static final int QUEUES_PER_TICK = 64;
  private static final int MATCHES_PER_QUEUE = 8;
  private static final int STALE_PER_TICK = 8;
  /** Matches this node makes at once, at most. */
  private static final int MAX_IN_FLIGHT = 32;

  private final Vertx vertx;
  private final Matchmaking store;
  private final GameRouter games;
  private final SeatTokens tokens;
  private String cursor = "0";
  private boolean ticking;
  private int inFlight;
  private long matched;

  Matcher(Vertx vertx, Matchmaking store, GameRouter games, SeatTokens tokens) {
    this.vertx = vertx;
    this.store = store;
    this.games = games;
    this.tokens = tokens;
  }

  /** One pass; a tick that finds the previous one still running does nothing. Never fails. */
  Future<Void> tick() {
    if (ticking) {
      return Future.succeededFuture();
    }
    ticking = true;
    return recoverStale().transform(v -> visitQueues())
        .transform(ar -> {
          ticking = false;
          return Future.succeededFuture();
        });
  }

  /** Games made by this node (tickets matched: more). */
  long matched() {
    return matched;
  }

  private Future<Void> recoverStale() {
    if (inFlight >= MAX_IN_FLIGHT) {
      return Future.succeededFuture();
    }
    return store.claimStale(System.currentTimeMillis() + Matcher.LEASE_MS, STALE_PER_TICK).compose(stale -> {
      for (Map.Entry<String, Integer> e : stale.entrySet()) {
        if (e.getValue() > MAX_ATTEMPTS) {
          LOG.warn("match {} failed {} times; its tickets wait again", e.getKey(), e.getValue() - 1);
          store.release(e.getKey()).onSuccess(this::notifyTickets);
        } else {
          complete(e.getKey());
        }
      }
      return Future.<Void>succeededFuture();
    });
  }

  private Future<Void> visitQueues() {
    return store.queues(cursor, QUEUES_PER_TICK).compose(page -> {
      cursor = page.cursor();
      Future<Void> chain = Future.succeededFuture();
      for (String q : page.queues()) {
        chain = chain.compose(v -> stepQueue(q, MATCHES_PER_QUEUE));
      }
      return chain;
    });
  }

  private Future<Void> stepQueue(String queue, int budget) {
    if (budget == 0 || inFlight >= MAX_IN_FLIGHT) {
      return Future.succeededFuture();
    }
    String matchId = "m_" + Matchmaking.hex(8);
    return store.step(queue, matchId, System.currentTimeMillis() + LEASE_MS).compose(step -> {
      notifyTickets(step.expired());
      if (step.taken().isEmpty()) {
        return Future.succeededFuture();
      }
      complete(matchId);
      return stepQueue(queue, budget - 1);
    });
  }

  /** Makes (or finishes making) a match's game; on failure the match is tried again later. */
  Future<Void> complete(String matchId) {
    inFlight++;
    return store.match(matchId).compose(m -> {
      if (m.isEmpty()) {
        return Future.<Void>succeededFuture(); // finished or released meanwhile
      }
      List<String> ids = List.of(m.get("tickets").split(","));
      List<Future<Map<String, String>>> reads = new ArrayList<>();
      ids.forEach(id -> reads.add(store.ticket(id)));
      return Future.all(reads).compose(all -> {
        List<Map<String, String>> tickets = all.list();
        if (tickets.stream().anyMatch(Map::isEmpty)) {
          return release(matchId);
        }
        return game(matchId, m, tickets).compose(game -> game == null ? Future.succeededFuture()
            : seat(matchId, game, tickets).compose(seats -> store.finish(matchId, seats).compose(done -> {
              if (done) {
                matched++;
                notifyTickets(ids);
                return Future.succeededFuture();
              }
              return release(matchId);
            })));
      });
    }).recover(e -> {
      LOG.info("match {} not made yet ({}); retrying", matchId, e.getMessage());
      return store.lease(matchId, System.currentTimeMillis() + RETRY_MS).recover(x -> Future.succeededFuture());
    }).eventually(() -> {
      inFlight--;
      return Future.succeededFuture();
    });
  }

  private Future<Void> release(String matchId) {
    return store.release(matchId).map(back -> {
      notifyTickets(back);
      return null;
    });
  }

  /** The match's game {game_id, creator_player_id, creator_seat}: the recorded one, or a new one. */
  private Future<List<String>> game(String matchId, Map<String, String> match, List<Map<String, String>> tickets) {
    if (match.get("game_id") != null) {
      return Future.succeededFuture(List.of(match.get("game_id"), match.get("creator_player_id"), match.get("creator_seat")));
    }
    Map<String, String> first = tickets.get(0);
    JsonObject request = new JsonObject()
        .put("player_name", first.get("player_name"))
        .put("max_players", Integer.parseInt(match.get("players")))
        .put("options", new JsonObject(first.get("options")));
    if (!first.get("turn_timeout_ms").isEmpty()) {
      request.put("turn_timeout_ms", Integer.parseInt(first.get("turn_timeout_ms")));
    }
    int bots = Integer.parseInt(match.get("bots"));
    if (bots > 0) {
      request.put("bots", bots);
    }
    if (!first.get("client_seed").isEmpty()) {
      request.put("client_seed", first.get("client_seed"));
    }
    return games.create(request).compose(created -> store.setGame(matchId, created.getString("game_id"),
        created.getString("player_id"), created.getInteger("seat")));
  }

  /** Joins the other tickets' players one by one (seat order = ticket order); answers every ticket's seat. */
  private Future<List<Matchmaking.Seat>> seat(String matchId, List<String> game, List<Map<String, String>> tickets) {
    String gameId = game.get(0);
    List<Matchmaking.Seat> seats = new ArrayList<>();
    seats.add(seatOf(tickets.get(0).get("id"), gameId, game.get(1), Integer.parseInt(game.get(2))));
    Future<Void> chain = Future.succeededFuture();
    for (Map<String, String> t : tickets.subList(1, tickets.size())) {
      chain = chain.compose(v -> {
        JsonObject join = new JsonObject().put("type", "join").put("player_id", t.get("player_id"))
            .put("player_name", t.get("player_name")).put("command_id", "mm/" + matchId + "/" + t.get("id"));
        if (!t.get("client_seed").isEmpty()) {
          join.put("client_seed", t.get("client_seed"));
        }
        return games.send(gameId, join).map(joined -> {
          seats.add(seatOf(t.get("id"), gameId, joined.getString("player_id"), joined.getInteger("seat")));
          return null;
        });
      });
    }
    return chain.map(v -> seats);
  }

  private Matchmaking.Seat seatOf(String ticketId, String gameId, String playerId, int seat) {
    return new Matchmaking.Seat(ticketId, gameId, playerId, seat, tokens.issue(gameId, playerId, seat));
  }

  private void notifyTickets(List<String> ticketIds) {
    ticketIds.forEach(id -> vertx.eventBus().publish(Addresses.ticket(id), new JsonObject()));
  }
}
