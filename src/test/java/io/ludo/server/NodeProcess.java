package io.ludo.server;

import io.ludo.server.infra.EmbeddedServices;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * A node in a process of its own, started as {@code java -jar ludo-server.jar} would be (the test
 * class path instead of the jar), on the tests' Postgres and Redis; its output is kept.
 */
public final class NodeProcess {
  /** How a stop ended: the exit status, how long after the signal, and everything the node wrote. */
  public record Exit(int status, long millis, List<String> output) {}

  public final int httpPort;
  private final Process process;
  private final List<String> output = new ArrayList<>();
  private final CompletableFuture<Void> listening = new CompletableFuture<>();

  private NodeProcess(int httpPort, Process process) {
    this.httpPort = httpPort;
    this.process = process;
  }

  /** Starts a clustered node (a cluster of one) with {@code env} on top of the test settings; answers once it listens. */
  public static Future<NodeProcess> start(Vertx vertx, Map<String, String> env) throws IOException {
    TestServices services = TestServices.get();
    int port = EmbeddedServices.freePort();
    String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    List<String> command = new ArrayList<>(List.of(java));
    command.addAll(jarJvmFlags());
    // the node's own logging, not the tests' quieter one
    command.add("-Dlogback.configurationFile=logback.xml");
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), "io.ludo.cli.Main", "node"));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    Map<String, String> settings = new HashMap<>(Map.of(
        "LUDO_HTTP_PORT", String.valueOf(port), "LUDO_HTTP_HOST", "127.0.0.1",
        "LUDO_CLUSTER_PORT", String.valueOf(EmbeddedServices.freePort()),
        "LUDO_DB_URL", services.dbUrl, "LUDO_REDIS_URL", services.redisUrl,
        "LUDO_JWT_KEY", TestNodes.JWT_KEY, "LUDO_TEST_DICE", "seed:42"));
    settings.putAll(env);
    builder.environment().putAll(settings);
    NodeProcess node = new NodeProcess(port, builder.start());
    Thread reader = new Thread(node::readOutput, "node-process-output");
    reader.setDaemon(true);
    reader.start();
    return Future.fromCompletionStage(node.listening, vertx.getOrCreateContext()).map(v -> node);
  }

  /**
   * What {@code java -jar} gets from the jar's manifest (Add-Opens, Add-Exports, passed by the
   * build), and what the scripts add on JDK 24 and newer, where Hazelcast's use of
   * {@code sun.misc.Unsafe} is otherwise warned about.
   */
  static List<String> jarJvmFlags() {
    List<String> flags = new ArrayList<>();
    for (String open : System.getProperty("jar.add.opens", "").split("\\s+")) {
      if (!open.isBlank()) {
        flags.add("--add-opens=" + open + "=ALL-UNNAMED");
      }
    }
    for (String export : System.getProperty("jar.add.exports", "").split("\\s+")) {
      if (!export.isBlank()) {
        flags.add("--add-exports=" + export + "=ALL-UNNAMED");
      }
    }
    if (Runtime.version().feature() >= 24) {
      flags.add("--sun-misc-unsafe-memory-access=allow");
    }
    return flags;
  }

  /** Sends SIGTERM and answers when the process has exited. */
  public Future<Exit> terminate(Vertx vertx) {
    long signalled = System.nanoTime();
    process.destroy();
    return Future.fromCompletionStage(process.onExit(), vertx.getOrCreateContext())
        .map(p -> new Exit(p.exitValue(), (System.nanoTime() - signalled) / 1_000_000, output()));
  }

  /** Kills the process if a test left it running. */
  public void kill() {
    process.destroyForcibly();
  }

  private synchronized List<String> output() {
    return List.copyOf(output);
  }

  private void readOutput() {
    try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        synchronized (this) {
          output.add(line);
        }
        if (line.contains("listening on port")) {
          listening.complete(null);
        }
      }
    } catch (IOException e) {
      listening.completeExceptionally(e);
    }
    listening.completeExceptionally(new IllegalStateException("the node exited before listening: " + output()));
  }
}
