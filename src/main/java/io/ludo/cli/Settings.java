package io.ludo.cli;

import io.ludo.server.config.Config;
import io.ludo.server.config.ConfigException;
import java.io.IOException;
import java.nio.file.Path;

/** The node's settings for a command, or, when one cannot be used, its one line on stderr and exit 2. */
final class Settings {
  /** The exit status of a node stopped by its configuration (as for a bad command line). */
  static final int BAD_CONFIGURATION = 2;

  private Settings() {}

  static Config loadOrExit() throws IOException {
    try {
      return Config.load(Path.of("conf/config.json"), System.getenv());
    } catch (ConfigException e) {
      // an operator's mistake, not a bug: the line that says which variable, no stack trace
      System.err.println(e.getMessage());
      System.exit(BAD_CONFIGURATION);
      throw e;
    }
  }
}
