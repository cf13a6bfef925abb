package io.ludo.server.errors;

/** A failed future's cause that carries a stable code; cheap, as it is part of normal control flow. */
public final class ApiException extends RuntimeException {
  private final ErrorCode code;
  /** For {@link ErrorCode#RATE_LIMITED}: seconds until a retry may pass (0: one). */
  private final long retryAfterS;

  public ApiException(ErrorCode code, String message) {
    this(code, message, 0);
  }

  public ApiException(ErrorCode code, String message, long retryAfterS) {
    super(message, null, false, false);
    this.code = code;
    this.retryAfterS = retryAfterS;
  }

  /** The same, with what caused it (kept for the logs; the client sees the code and the message). */
  public ApiException(ErrorCode code, String message, Throwable cause) {
    super(message, cause, false, false);
    this.code = code;
    this.retryAfterS = 0;
  }

  public long retryAfterS() {
    return Math.max(1, retryAfterS);
  }

  public ErrorCode code() {
    return code;
  }

  /** The code of any failure: ours as they are, anything else as a retryable {@link ErrorCode#UNAVAILABLE}. */
  public static ApiException from(Throwable t) {
    return t instanceof ApiException api ? api : new ApiException(ErrorCode.UNAVAILABLE, "temporarily unavailable, retry");
  }
}
