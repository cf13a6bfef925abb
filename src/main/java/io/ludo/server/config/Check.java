package io.ludo.server.config;

import java.net.URI;
import java.util.Arrays;
import java.util.Set;
import java.util.function.Predicate;

/**
 * What one setting accepts, as text (an environment value or a default from config.json): a
 * test of the value and the words that say what is expected when it fails. A check of its own
 * is one line: {@code new Check("at least 32 bytes", v -> v.getBytes(UTF_8).length >= 32)}.
 */
public record Check(String expects, Predicate<String> accepts) {

  /** Any text (blank included). */
  public static Check text() {
    return new Check("any text", v -> true);
  }

  /** Text that is not blank. */
  public static Check nonBlank() {
    return new Check("a value that is not empty", v -> !v.isBlank());
  }

  /** A whole number in {@code [min, max]}. */
  public static Check integer(int min, int max) {
    return new Check("an integer from " + min + " to " + max, v -> {
      try {
        long n = Long.parseLong(v.trim());
        return n >= min && n <= max;
      } catch (NumberFormatException e) {
        return false;
      }
    });
  }

  /** A TCP port; {@code 0} when {@code zeroAllowed} (a free port, or off). */
  public static Check port(boolean zeroAllowed) {
    return integer(zeroAllowed ? 0 : 1, 65535);
  }

  public static Check bool() {
    return oneOf("true", "false");
  }

  public static Check oneOf(String... values) {
    Set<String> allowed = Set.of(values);
    return new Check("one of " + String.join(", ", values), v -> allowed.contains(v.trim()));
  }

  /** Empty, or an absolute URL of one of {@code schemes} with a host. */
  public static Check urlOrEmpty(String... schemes) {
    Set<String> allowed = Set.of(schemes);
    String starts = String.join(" or ", Arrays.stream(schemes).map(scheme -> scheme + "://").toList());
    return new Check("empty or a URL starting " + starts, v -> {
      if (v.isBlank()) {
        return true;
      }
      try {
        URI uri = new URI(v.trim());
        return uri.getScheme() != null && allowed.contains(uri.getScheme()) && uri.getHost() != null;
      } catch (java.net.URISyntaxException e) {
        return false;
      }
    });
  }

  /** A comma-separated list whose entries (blanks ignored) each pass {@code entry}. */
  public static Check listOf(Check entry) {
    return new Check("a comma-separated list of " + entry.expects, v -> Arrays.stream(v.split(","))
        .filter(part -> !part.isBlank()).allMatch(part -> entry.accepts.test(part.trim())));
  }

  /** {@code host:port}. */
  public static Check hostPort() {
    return new Check("host:port", v -> {
      int colon = v.lastIndexOf(':');
      return colon > 0 && integer(1, 65535).accepts.test(v.substring(colon + 1));
    });
  }
}
