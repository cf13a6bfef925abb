package io.ludo.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The node processes of scripts/local-cluster.sh, for the multi-process tests: their ports, and the script. */
final class LocalCluster {
  private static final int HTTP_BASE = 8080;

  private LocalCluster() {}

  /** Node {@code node}'s HTTP port (nodes count from 1). */
  static int port(int node) {
    return HTTP_BASE + node;
  }

  /** Runs {@code scripts/local-cluster.sh args…}, its output appended to target/cluster-it.log; fails the test if it fails. */
  static void script(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("bash", "scripts/local-cluster.sh"));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(Path.of("target/cluster-it.log").toFile())).start();
    assertTrue(p.waitFor(5, TimeUnit.MINUTES), "local-cluster.sh " + String.join(" ", args) + " timed out");
    assertEquals(0, p.exitValue(), "local-cluster.sh " + String.join(" ", args) + " failed (target/cluster-it.log)");
  }
}
