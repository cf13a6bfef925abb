package io.ludo.server;

import io.ludo.server.infra.EmbeddedServices;
import java.nio.file.Files;
import java.nio.file.Path;

/** One embedded Postgres and one embedded Redis for the whole test JVM, started on first use. */
public final class TestServices {
  private static TestServices instance;

  public final String dbUrl;
  public final String redisUrl;

  private TestServices(String dbUrl, String redisUrl) {
    this.dbUrl = dbUrl;
    this.redisUrl = redisUrl;
  }

  public static synchronized TestServices get() {
    if (instance == null) {
      try {
        EmbeddedServices services = new EmbeddedServices();
        Path dir = Files.createTempDirectory("ludo-test-");
        instance = new TestServices(services.startPostgres(dir, 0, false), services.startRedis());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
          try {
            services.close();
          } catch (Exception ignored) {
            // the JVM is going away
          }
        }));
      } catch (Exception e) {
        throw new IllegalStateException("embedded services did not start", e);
      }
    }
    return instance;
  }
}
