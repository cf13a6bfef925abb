package io.ludo.cli;

import io.ludo.server.config.Config;
import io.ludo.server.config.ConfigKey;
import io.ludo.server.infra.EmbeddedServices;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * {@code java -jar ludo-server.jar services}: the embedded Postgres and Redis alone, for several
 * local nodes to share (scripts/local-cluster.sh), so that killing a node never kills the data.
 */
final class ServicesCommand {
  private ServicesCommand() {}

  static void run() throws Exception {
    Config config = Settings.loadOrExit();
    EmbeddedServices services = new EmbeddedServices();
    String db = services.startPostgres(Path.of(config.string(ConfigKey.DATA_DIR)), config.integer(ConfigKey.EMBEDDED_DB_PORT));
    String redis = services.startRedis(Path.of(config.string(ConfigKey.DATA_DIR)), config.integer(ConfigKey.EMBEDDED_REDIS_PORT));
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        services.close();
      } catch (Exception e) {
        System.err.println("services did not stop cleanly: " + e);
      }
      stopped.countDown();
    }, "ludo-services-shutdown"));
    System.out.println("ready db_url=" + db + " redis_url=" + redis);
    System.out.flush();
    stopped.await();
  }
}
