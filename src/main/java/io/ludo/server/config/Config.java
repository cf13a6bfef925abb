package io.ludo.server.config;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A node's settings: {@code conf/config.json} (or the copy inside the jar), overridden by
 * {@code LUDO_*} environment variables, overridden in turn by explicit values (tests, scripts).
 * An environment value takes the type of the default it replaces.
 */
public final class Config {
  private final JsonObject values;

  private Config(JsonObject values) {
    this.values = values;
  }

  public static Config of(JsonObject values) {
    return new Config(values.copy());
  }

  /**
   * Loads the defaults, then applies {@code env}, checking every setting once ({@link ConfigChecks}).
   * Blocking: call before Vert.x starts.
   *
   * @throws ConfigException naming the first variable whose value cannot be used
   */
  public static Config load(Path file, Map<String, String> env) throws IOException {
    JsonObject defaults = Files.exists(file)
        ? new JsonObject(Files.readString(file))
        : bundledDefaults();
    JsonObject merged = defaults.copy();
    for (ConfigKey k : ConfigKey.values()) {
      Object like = defaults.getValue(k.key());
      String override = env.get(k.env());
      ConfigChecks.verify(k, like, override != null ? override : like instanceof JsonArray a ? a.encode()
          : like == null ? "" : String.valueOf(like));
      if (override != null) {
        merged.put(k.key(), coerce(override, like));
      }
    }
    return new Config(merged);
  }

  public static JsonObject bundledDefaults() throws IOException {
    try (InputStream in = Config.class.getResourceAsStream("/config.json")) {
      if (in == null) {
        throw new IOException("config.json is missing from the jar");
      }
      return new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  private static Object coerce(String value, Object like) {
    if (like instanceof Integer) {
      return Integer.parseInt(value.trim());
    }
    if (like instanceof Long) {
      return Long.parseLong(value.trim());
    }
    if (like instanceof Boolean) {
      return Boolean.parseBoolean(value.trim());
    }
    return value;
  }

  public Config with(ConfigKey key, Object value) {
    return new Config(values.copy().put(key.key(), value));
  }

  public String string(ConfigKey key) {
    Object v = values.getValue(key.key());
    return v == null ? "" : String.valueOf(v);
  }

  public int integer(ConfigKey key) {
    Object v = values.getValue(key.key());
    return v instanceof Number n ? n.intValue() : Integer.parseInt(String.valueOf(v).trim());
  }

  public boolean bool(ConfigKey key) {
    Object v = values.getValue(key.key());
    return v instanceof Boolean b ? b : Boolean.parseBoolean(String.valueOf(v).trim());
  }

  public boolean isSet(ConfigKey key) {
    return !string(key).isBlank();
  }

  /** A comma-separated list setting (or a JSON array), without blanks. */
  public JsonArray list(ConfigKey key) {
    Object v = values.getValue(key.key());
    if (v instanceof JsonArray a) {
      return a;
    }
    JsonArray out = new JsonArray();
    for (String part : string(key).split(",")) {
      if (!part.isBlank()) {
        out.add(part.trim());
      }
    }
    return out;
  }

  public JsonObject toJson() {
    return values.copy();
  }
}
