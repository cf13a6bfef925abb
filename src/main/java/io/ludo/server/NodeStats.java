package io.ludo.server;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What this node holds and does, shared by its verticles and published for operators: the
 * {@code ludo_*} meters of {@code GET /metrics}. Safe to call from any thread.
 */
public final class NodeStats {
  private final MeterRegistry registry;
  private final AtomicInteger games = new AtomicInteger();
  private final AtomicInteger sockets = new AtomicInteger();
  private final ConcurrentHashMap<String, Counter> commands = new ConcurrentHashMap<>();
  private final Counter eventsPersisted;
  private final Counter handedAcrossLoops;
  private final DistributionSummary batchSizes;
  private final Timer commitLatency;
  private final Timer appendLatency;

  /** Meters kept in memory only (tests that need no registry). */
  public NodeStats() {
    this(new SimpleMeterRegistry());
  }

  public NodeStats(MeterRegistry registry) {
    this.registry = registry;
    Gauge.builder("ludo.games.active", games, AtomicInteger::get)
        .description("games whose owner is this node, in memory").register(registry);
    Gauge.builder("ludo.sockets.open", sockets, AtomicInteger::get)
        .description("WebSocket connections open on this node").register(registry);
    handedAcrossLoops = Counter.builder("ludo.sockets.handed.across.loops")
        .description("WebSockets taken by the WebSocket verticle of another event loop than their connection's")
        .register(registry);
    eventsPersisted = Counter.builder("ludo.events.persisted")
        .description("game events committed to Postgres by this node").register(registry);
    batchSizes = DistributionSummary.builder("ludo.persist.batch.size")
        .description("game appends per group-commit transaction").publishPercentiles(0.5, 0.99).register(registry);
    commitLatency = Timer.builder("ludo.persist.commit")
        .description("one group-commit transaction, from its start to its commit")
        .publishPercentiles(0.5, 0.99).register(registry);
    io.micrometer.core.instrument.FunctionCounter.builder("ludo.validator.fail.open", validatorFailOpen,
            java.util.concurrent.atomic.AtomicLong::get)
        .description("moves applied unvalidated because the validator was unavailable (fail-open)").register(registry);
    appendLatency = Timer.builder("ludo.persist.append")
        .description("one game's append, from its arrival at persistence (queueing included) to its commit")
        .publishPercentiles(0.5, 0.99).register(registry);
  }

  public MeterRegistry registry() {
    return registry;
  }
  private final java.util.concurrent.atomic.AtomicLong validatorFailOpen = new java.util.concurrent.atomic.AtomicLong();

  public void gameLoaded() {
    games.incrementAndGet();
  }

  public void gameUnloaded() {
    games.decrementAndGet();
  }

  public int games() {
    return games.get();
  }

  /** A socket taken by the WebSocket verticle of another event loop than its connection's (a hop per frame). */
  public void socketHandedAcrossLoops() {
    handedAcrossLoops.increment();
  }

  public void socketOpened() {
    sockets.incrementAndGet();
  }

  public void socketClosed() {
    sockets.decrementAndGet();
  }

  /**
   * A command decided by a game this node owns: {@code type} as on the wire ({@code roll},
   * {@code move}, …), {@code outcome} {@code accepted} or the error code it was refused with.
   */
  public void command(String type, String outcome) {
    commands.computeIfAbsent(type + '|' + outcome, k -> Counter.builder("ludo.commands")
        .description("commands decided by the games this node owns, by type and outcome")
        .tag("type", type).tag("outcome", outcome).register(registry)).increment();
  }

  /** A group-commit transaction of {@code appends} game appends and {@code events} events committed. */
  public void committed(int appends, int events, long nanos) {
    batchSizes.record(appends);
    eventsPersisted.increment(events);
    commitLatency.record(nanos, TimeUnit.NANOSECONDS);
  }

  /** One append waited {@code nanos} from its arrival to its commit. */
  public void appended(long nanos) {
    appendLatency.record(nanos, TimeUnit.NANOSECONDS);
  }

  /** A move was applied unvalidated because the validator was unavailable (policy fail-open). */
  public void validatorFailedOpen() {
    validatorFailOpen.incrementAndGet();
  }

  public long validatorFailOpen() {
    return validatorFailOpen.get();
  }
}
