package io.ludo.server.faults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Stalls an embedded Postgres the way a frozen VM or a full disk does: SIGSTOP of the postmaster
 * and every backend (connections stay open, nothing answers), then SIGCONT.
 */
public final class PostgresStall {
  private final Path dataDir;

  /** {@code dataDir}: the folder given to EmbeddedServices (its postgres/postmaster.pid names the server). */
  public PostgresStall(Path dataDir) {
    this.dataDir = dataDir;
  }

  public void stop() throws IOException, InterruptedException {
    signal("-STOP");
  }

  public void resume() throws IOException, InterruptedException {
    signal("-CONT");
  }

  private void signal(String which) throws IOException, InterruptedException {
    long postmaster = Long.parseLong(Files.readAllLines(dataDir.resolve("postgres").resolve("postmaster.pid")).get(0).trim());
    List<String> command = new ArrayList<>(List.of("kill", which, Long.toString(postmaster)));
    ProcessHandle.of(postmaster).orElseThrow().descendants().forEach(p -> command.add(Long.toString(p.pid())));
    int exit = new ProcessBuilder(command).inheritIO().start().waitFor();
    if (exit != 0) {
      throw new IOException(String.join(" ", command) + " exited " + exit);
    }
  }
}
