package io.ludo.json;

import io.vertx.core.json.JsonArray;
import java.util.ArrayList;
import java.util.List;

/** Strict reads of JSON values: an integer is a JSON integer (not 6.0, not "6", not true). */
public final class JsonReads {
  private JsonReads() {}

  /** Thrown inside a codec; every public codec method turns it into {@link Parsed.Invalid}. */
  static final class InvalidJson extends RuntimeException {
    InvalidJson(String message) {
      super(message, null, false, false);
    }
  }

  public static boolean isInteger(Object v) {
    return v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte;
  }

  /** {@code v} as an int when it is a JSON integer that fits, otherwise {@code fallback}. */
  public static int integerOr(Object v, int fallback) {
    if (!isInteger(v)) {
      return fallback;
    }
    long l = ((Number) v).longValue();
    return l < Integer.MIN_VALUE || l > Integer.MAX_VALUE ? fallback : (int) l;
  }

  static int integer(Object v, String name) {
    if (!isInteger(v)) {
      throw new InvalidJson(name + " must be an integer");
    }
    long l = ((Number) v).longValue();
    if (l < Integer.MIN_VALUE || l > Integer.MAX_VALUE) {
      throw new InvalidJson(name + " is out of range");
    }
    return (int) l;
  }

  static boolean bool(Object v, String name) {
    if (!(v instanceof Boolean b)) {
      throw new InvalidJson(name + " must be a boolean");
    }
    return b;
  }

  /** The constant of {@code type} named exactly by the string {@code v}. */
  static <E extends Enum<E>> E constant(Object v, Class<E> type, String name) {
    if (v instanceof String s) {
      for (E c : type.getEnumConstants()) {
        if (c.name().equals(s)) {
          return c;
        }
      }
    }
    throw new InvalidJson(name + " must be one of " + java.util.Arrays.toString(type.getEnumConstants()));
  }

  static JsonArray array(Object v, String name) {
    if (!(v instanceof JsonArray a)) {
      throw new InvalidJson(name + " must be an array");
    }
    return a;
  }

  static List<Integer> integers(Object v, String name) {
    JsonArray a = array(v, name);
    var out = new ArrayList<Integer>(a.size());
    for (int i = 0; i < a.size(); i++) {
      out.add(integer(a.getValue(i), name + "[" + i + "]"));
    }
    return out;
  }
}
