package io.ludo.server.infra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import redis.embedded.RedisServer;

/**
 * Postgres and Redis for a node that was given none: real servers started from jars of Maven
 * Central, so that a fresh clone needs only a JDK and Maven. Postgres keeps its data under the
 * data folder, so that games survive a restart. Blocking: call before Vert.x starts.
 */
public final class EmbeddedServices implements AutoCloseable {
  private EmbeddedPostgres postgres;
  private RedisServer redis;
  private int redisPort;

  /**
   * Starts Postgres with its data in {@code dataDir/postgres}; port 0 picks a free one. Durable: a
   * commit returns once its WAL is flushed to disk, as a Postgres server does by default.
   */
  public String startPostgres(Path dataDir, int port) throws IOException {
    return startPostgres(dataDir, port, true);
  }

  /**
   * As {@link #startPostgres(Path, int)}; {@code durable = false} turns off fsync, for test
   * databases that are thrown away and must not make every test wait on the disk.
   */
  public String startPostgres(Path dataDir, int port, boolean durable) throws IOException {
    Path pgData = dataDir.resolve("postgres");
    Files.createDirectories(pgData);
    var builder = EmbeddedPostgres.builder()
        .setDataDirectory(pgData.toFile())
        .setCleanDataDirectory(false)
        .setPort(port == 0 ? freePort() : port);
    // said either way: the library starts Postgres for throw-away test databases, with fsync off
    // (-F, which a later -c overrides) and synchronous_commit off, so that a durable one left as it
    // is could acknowledge a commit, and a command be answered 200, ~0.6 s before its WAL is on disk
    String onDisk = durable ? "on" : "off";
    builder.setServerConfig("fsync", onDisk).setServerConfig("synchronous_commit", onDisk)
        .setServerConfig("full_page_writes", onDisk);
    postgres = builder.start();
    return "postgresql://postgres:postgres@localhost:" + postgres.getPort() + "/postgres";
  }

  /** Redis without persistence on a free port: for tests whose Redis is thrown away. */
  public String startRedis() throws IOException {
    return startRedis(0);
  }

  /** Redis on {@code port} (0 picks a free one) without persistence: for tests. */
  public String startRedis(int port) throws IOException {
    return startRedis(port, "save \"\"", "appendonly no");
  }

  /**
   * Redis on {@code port} with its append-only file in {@code dataDir/redis}, written through
   * every second, as docker-compose.yml runs it: waiting matchmaking tickets are not a cache, and a
   * Redis restarted (stopped, not killed) gives back every one it acknowledged.
   */
  public String startRedis(Path dataDir, int port) throws IOException {
    Path dir = dataDir.resolve("redis");
    Files.createDirectories(dir);
    return startRedis(port, "save \"\"", "appendonly yes", "appendfsync everysec",
        "dir \"" + dir.toAbsolutePath() + "\"");
  }

  private String startRedis(int port, String... settings) throws IOException {
    redisPort = port == 0 ? freePort() : port;
    var builder = RedisServer.newRedisServer().port(redisPort).setting("bind 127.0.0.1");
    for (String setting : settings) {
      builder.setting(setting);
    }
    redis = builder.build();
    redis.start();
    return "redis://127.0.0.1:" + redisPort;
  }

  /** Stops Redis as a service manager would (SIGTERM: it writes what it holds and exits). */
  public void stopRedis() throws IOException {
    if (redis != null) {
      redis.stop();
      redis = null;
    }
  }

  /**
   * A free port is chosen below the kernel's ephemeral range, the range it draws from for
   * outgoing connections and for servers bound to port 0 (Hazelcast's connection attempts, the
   * clustered event bus). A port chosen in that range could be taken by one of those before it
   * is bound. Each port is offered once per process, in turn from a random start, so that
   * processes choosing at the same time rarely meet.
   */
  private static final int CHOSEN_PORTS = 10_000;
  private static final int FIRST_CHOSEN_PORT = Math.max(1024, ephemeralPortsFrom() - CHOSEN_PORTS);
  private static final AtomicInteger nextPort = new AtomicInteger(new Random().nextInt(CHOSEN_PORTS));

  public static int freePort() throws IOException {
    for (int tries = 0; tries < CHOSEN_PORTS; tries++) {
      int port = FIRST_CHOSEN_PORT + Math.floorMod(nextPort.getAndIncrement(), CHOSEN_PORTS);
      try (ServerSocket s = new ServerSocket(port)) {
        return port;
      } catch (IOException taken) {
        // in use: the next one
      }
    }
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  /** The first port of Linux's ephemeral range, or its usual default where it cannot be read. */
  private static int ephemeralPortsFrom() {
    try {
      return Integer.parseInt(Files.readString(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).trim().split("\\s+")[0]);
    } catch (IOException | RuntimeException e) {
      return 32_768;
    }
  }

  @Override
  public void close() throws IOException {
    stopRedis();
    if (postgres != null) {
      postgres.close();
    }
  }
}
