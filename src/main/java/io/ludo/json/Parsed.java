package io.ludo.json;

import java.util.function.Function;

/** The result of reading untrusted JSON: a value, or why the input is invalid. */
public sealed interface Parsed<T> {

  record Ok<T>(T value) implements Parsed<T> {}

  record Invalid<T>(String reason) implements Parsed<T> {}

  static <T> Parsed<T> ok(T value) {
    return new Ok<>(value);
  }

  static <T> Parsed<T> invalid(String reason) {
    return new Invalid<>(reason);
  }

  default <R> Parsed<R> map(Function<T, R> f) {
    return switch (this) {
      case Ok<T> ok -> new Ok<>(f.apply(ok.value()));
      case Invalid<T> bad -> new Invalid<>(bad.reason());
    };
  }

  default <R> Parsed<R> flatMap(Function<T, Parsed<R>> f) {
    return switch (this) {
      case Ok<T> ok -> f.apply(ok.value());
      case Invalid<T> bad -> new Invalid<>(bad.reason());
    };
  }
}
