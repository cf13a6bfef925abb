package io.ludo.server.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The seat-token key of a node whose operator set none: generated once and kept in the data
 * directory (owner-only), so that a restarted node still accepts the tokens it issued and the
 * certificates signed under the key derived from it still verify.
 */
public final class StoredJwtKey {
  static final String FILE_NAME = "jwt.key";

  private StoredJwtKey() {}

  /** The key kept under {@code dataDir}, made (48 random bytes, base64) if there is none yet. Blocking. */
  public static String loadOrCreate(Path dataDir) throws IOException {
    Path dir = dataDir.resolve("keys");
    Path file = dir.resolve(FILE_NAME);
    if (Files.exists(file)) {
      return Files.readString(file, StandardCharsets.UTF_8).trim();
    }
    Files.createDirectories(dir);
    ownerOnly(dir, "rwx------");
    byte[] key = new byte[48];
    new SecureRandom().nextBytes(key);
    Path partial = Files.createTempFile(dir, FILE_NAME, ".partial");
    ownerOnly(partial, "rw-------");
    Files.writeString(partial, Base64.getEncoder().encodeToString(key), StandardCharsets.UTF_8);
    try {
      // a node started beside another on the same data directory keeps whichever key came first
      Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
    } catch (FileAlreadyExistsException raced) {
      Files.deleteIfExists(partial);
    }
    return Files.readString(file, StandardCharsets.UTF_8).trim();
  }

  public static Path file(Path dataDir) {
    return dataDir.resolve("keys").resolve(FILE_NAME);
  }

  private static void ownerOnly(Path path, String permissions) throws IOException {
    if (Files.getFileStore(path).supportsFileAttributeView("posix")) {
      Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
    }
  }
}
