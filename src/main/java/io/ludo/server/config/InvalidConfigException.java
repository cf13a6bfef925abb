package io.ludo.server.config;

/**
 * A setting a node cannot run with. Its message is one line naming the variable and what it
 * expects: the node prints it and exits, with no stack trace to read through.
 */
public final class InvalidConfigException extends RuntimeException {
  public InvalidConfigException(String message) {
    super(message, null, false, false);
  }
}
