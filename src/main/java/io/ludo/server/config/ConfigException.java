package io.ludo.server.config;

/** A setting that cannot be used; its message is one line naming the variable and what it expects. */
public final class ConfigException extends RuntimeException {
  public ConfigException(String message) {
    super(message, null, false, false);
  }
}
