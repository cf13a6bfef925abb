package io.ludo.json;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * RFC 8785 JSON Canonicalization Scheme: object members sorted by the UTF-16 code units of their
 * names, no white space, numbers as ECMAScript prints them, strings with the minimal escaping of
 * ECMAScript's {@code JSON.stringify}. The same JSON value always gives the same text, whatever
 * the order or spacing it was received in.
 */
public final class Jcs {
  /** Integers beyond this are not exact as IEEE 754 doubles: they are printed as the double they are read as. */
  private static final long MAX_EXACT = 1L << 53;

  private Jcs() {}

  /** The canonical text of a JSON value (object, array, string, number, boolean or null). */
  public static String canonicalize(Object value) {
    StringBuilder out = new StringBuilder();
    write(out, value);
    return out.toString();
  }

  private static void write(StringBuilder out, Object value) {
    switch (value) {
      case null -> out.append("null");
      case JsonObject o -> writeObject(out, o.getMap());
      case Map<?, ?> m -> writeObject(out, m);
      case JsonArray a -> writeArray(out, a.getList());
      case List<?> l -> writeArray(out, l);
      case CharSequence s -> writeString(out, s.toString());
      case Boolean b -> out.append(b);
      // an exact integer is appended as it is, without a string of its own: every event has several
      case Number n when exactInteger(n) -> out.append(n.longValue());
      case Number n -> out.append(number(n.doubleValue()));
      default -> throw new IllegalArgumentException("not a JSON value: " + value.getClass().getName());
    }
  }

  /**
   * Where a member left out of an object's canonical text goes: the offset to insert it at, and
   * whether a member precedes it there (insert a comma before it) or only follows it (after it).
   */
  record Slot(int offset, boolean afterAnother, boolean beforeAnother) {}

  /**
   * Writes the canonical text of {@code members} without {@code left} (if present; null: none left
   * out), and where it would go.
   */
  static Slot writeObjectWithSlot(StringBuilder out, Map<?, ?> members, String left) {
    List<String> names = sortedNames(members);
    if (left != null) {
      names.remove(left);
    }
    out.append('{');
    int offset = out.length();
    boolean after = false;
    boolean first = true;
    for (String name : names) {
      if (!first) {
        out.append(',');
      }
      first = false;
      writeString(out, name);
      out.append(':');
      write(out, members.get(name));
      if (left != null && name.compareTo(left) < 0) {
        offset = out.length();
        after = true;
      }
    }
    out.append('}');
    return new Slot(offset, after, !after && !names.isEmpty());
  }

  private static List<String> sortedNames(Map<?, ?> members) {
    List<String> names = new ArrayList<>(members.size());
    for (Object name : members.keySet()) {
      names.add((String) name);
    }
    // String.compareTo compares UTF-16 code units, which is exactly the order RFC 8785 asks for
    names.sort(String::compareTo);
    return names;
  }

  private static void writeObject(StringBuilder out, Map<?, ?> members) {
    writeObjectWithSlot(out, members, null);
  }

  private static void writeArray(StringBuilder out, List<?> items) {
    out.append('[');
    for (int i = 0; i < items.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      write(out, items.get(i));
    }
    out.append(']');
  }

  private static void writeString(StringBuilder out, String s) {
    out.append('"');
    if (plain(s)) {
      // most strings of a record (names, ids, hashes) need no escape: appended whole
      out.append(s).append('"');
      return;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  private static boolean plain(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x20 || c == '"' || c == '\\') {
        return false;
      }
    }
    return true;
  }

  /** A number as ECMAScript's {@code Number.prototype.toString} prints it (RFC 8785 section 3.2.2.3). */
  public static String number(Number n) {
    return exactInteger(n) ? Long.toString(n.longValue()) : number(n.doubleValue());
  }

  /** An integer type whose value a double holds exactly: printed as its digits. */
  private static boolean exactInteger(Number n) {
    return (n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte)
        && Math.abs(n.longValue()) <= MAX_EXACT;
  }

  public static String number(double d) {
    if (Double.isNaN(d) || Double.isInfinite(d)) {
      throw new IllegalArgumentException("NaN and Infinity are not JSON numbers");
    }
    if (d == 0) {
      return "0"; // -0 too
    }
    String sign = d < 0 ? "-" : "";
    // Double.toString gives the shortest decimal that reads back as d (JDK 19 and later), as ECMAScript does
    BigDecimal exact = new BigDecimal(Double.toString(Math.abs(d))).stripTrailingZeros();
    if (exact.precision() == 2) {
      // Java prints at least two digits (4.9E-324) where one would read back the same (5e-324)
      BigDecimal one = exact.round(new java.math.MathContext(1, java.math.RoundingMode.HALF_EVEN));
      if (one.doubleValue() == Math.abs(d)) {
        exact = one.stripTrailingZeros();
      }
    }
    String digits = exact.unscaledValue().toString();
    int k = digits.length();
    int n = k - exact.scale(); // the value is 0.digits × 10^n
    String body;
    if (k <= n && n <= 21) {
      body = digits + "0".repeat(n - k);
    } else if (0 < n && n <= 21) {
      body = digits.substring(0, n) + "." + digits.substring(n);
    } else if (-6 < n && n <= 0) {
      body = "0." + "0".repeat(-n) + digits;
    } else {
      int e = n - 1;
      String exponent = "e" + (e < 0 ? "-" : "+") + Math.abs(e);
      body = k == 1 ? digits + exponent : digits.charAt(0) + "." + digits.substring(1) + exponent;
    }
    return sign + body;
  }
}
