package io.ludo.load;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Readings taken around a run, from the caller's thread (never an event loop): a node's
 * {@code /metrics}, this machine's CPU ({@code /proc/stat}) and the generator's own CPU time.
 */
final class Probes {
  /** HTTP/1.1 only: no h2c upgrade, which once left a scrape hanging past its timeout. */
  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();
  private static final long SCRAPE_TIMEOUT_S = 10;

  private Probes() {}

  /** One scrape of a node's metrics: the sum of each metric's series, by metric name and labels. */
  record Scrape(Map<String, Double> values) {
    /** The sum of every series of {@code name} whose labels contain {@code labelPart} (empty: all). */
    double sum(String name, String labelPart) {
      double total = 0;
      for (var e : values.entrySet()) {
        String key = e.getKey();
        int brace = key.indexOf('{');
        String metric = brace < 0 ? key : key.substring(0, brace);
        if (metric.equals(name) && (labelPart.isEmpty() || key.contains(labelPart))) {
          total += e.getValue();
        }
      }
      return total;
    }

    double sum(String name) {
      return sum(name, "");
    }

    boolean has(String name) {
      return values.keySet().stream().anyMatch(k -> k.equals(name) || k.startsWith(name + "{"));
    }
  }

  static Scrape scrape(String baseUrl) {
    try {
      HttpResponse<String> r = HTTP.sendAsync(HttpRequest.newBuilder(URI.create(baseUrl + "/metrics"))
              .timeout(Duration.ofSeconds(SCRAPE_TIMEOUT_S)).GET().build(), HttpResponse.BodyHandlers.ofString())
          .get(SCRAPE_TIMEOUT_S + 1, TimeUnit.SECONDS);
      Map<String, Double> values = new HashMap<>();
      if (r.statusCode() == 200) {
        r.body().lines().filter(l -> !l.isEmpty() && !l.startsWith("#")).forEach(line -> {
          int space = line.lastIndexOf(' ');
          try {
            values.merge(line.substring(0, space), Double.parseDouble(line.substring(space + 1)), Double::sum);
          } catch (NumberFormatException | StringIndexOutOfBoundsException ignored) {
            // a line we do not need
          }
        });
      }
      return new Scrape(values);
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      System.err.println("no metrics from " + baseUrl + ": " + e);
      return new Scrape(Map.of());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Scrape(Map.of());
    }
  }

  /** The machine's CPU jiffies: busy and total, from the first line of {@code /proc/stat}. */
  record MachineCpu(long busy, long total) {
    static MachineCpu now() {
      try {
        String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
        long total = 0;
        for (int i = 1; i < f.length && i <= 8; i++) {
          total += Long.parseLong(f[i]);
        }
        long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
        return new MachineCpu(total - idle, total);
      } catch (IOException | RuntimeException e) {
        return new MachineCpu(0, 0);
      }
    }

    /** The busy share of every core since {@code before}, 0..1. */
    double busySince(MachineCpu before) {
      long t = total - before.total;
      return t <= 0 ? 0 : (double) (busy - before.busy) / t;
    }
  }

  /** CPU time this JVM (the generator) has used, in nanoseconds. */
  static long generatorCpuNanos() {
    var os = ManagementFactory.getOperatingSystemMXBean();
    return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0;
  }

  /** The 1-minute load average. */
  static double loadAverage() {
    return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }

  /** Asks a local JVM for a full GC ({@code jcmd PID GC.run}), waiting at most a minute. */
  static void fullGc(long pid) {
    if (pid <= 0) {
      return;
    }
    String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
    for (int attempt = 1; attempt <= 3; attempt++) {
      try {
        Process p = new ProcessBuilder(jcmd, String.valueOf(pid), "GC.run").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0 && out.contains("successfully")) {
          Thread.sleep(1_000);
          return;
        }
        p.destroyForcibly();
        System.err.println("jcmd " + pid + " GC.run, attempt " + attempt + ": " + out.strip());
        Thread.sleep(1_000);
      } catch (IOException e) {
        System.err.println("jcmd GC.run failed: " + e.getMessage());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
