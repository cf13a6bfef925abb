package io.ludo.verify;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.NamedParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Ed25519 (RFC 8032) with the JDK's own provider, and the raw 32-byte forms that JWKs (RFC 8037)
 * carry. The JDK has no call that turns a private key into its public key, so a key pair is made
 * from its 32-byte seed by the key pair generator itself, handed that seed as its "randomness".
 */
public final class Ed25519 {
  /** DER before the 32 seed bytes of an Ed25519 PKCS#8 private key (RFC 8410). */
  private static final byte[] PKCS8_PREFIX = HexFormat.of().parseHex("302e020100300506032b657004220420");
  /** DER before the 32 bytes of an Ed25519 X.509 SubjectPublicKeyInfo (RFC 8410). */
  private static final byte[] X509_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");
  public static final int KEY_BYTES = 32;

  private Ed25519() {}

  /** The key pair whose private key is the 32-byte {@code seed}. */
  public static KeyPair fromSeed(byte[] seed) {
    if (seed.length != KEY_BYTES) {
      throw new IllegalArgumentException("an Ed25519 seed has 32 bytes");
    }
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
      generator.initialize(NamedParameterSpec.ED25519, new SecureRandom() {
        @Override
        public void nextBytes(byte[] bytes) {
          System.arraycopy(seed, 0, bytes, 0, bytes.length);
        }
      });
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Ed25519 is part of every JDK since 15", e);
    }
  }

  /** The key pair of a PKCS#8 (DER) Ed25519 private key, as {@code openssl genpkey -algorithm ed25519} writes. */
  public static KeyPair fromPkcs8(byte[] der) {
    if (der.length != PKCS8_PREFIX.length + KEY_BYTES
        || !Arrays.equals(Arrays.copyOf(der, PKCS8_PREFIX.length), PKCS8_PREFIX)) {
      throw new IllegalArgumentException("not an Ed25519 PKCS#8 private key");
    }
    return fromSeed(Arrays.copyOfRange(der, PKCS8_PREFIX.length, der.length));
  }

  /** The 32 raw bytes of a public key: a JWK's {@code x}. */
  public static byte[] raw(PublicKey key) {
    byte[] der = key.getEncoded();
    return Arrays.copyOfRange(der, der.length - KEY_BYTES, der.length);
  }

  /** The public key whose raw bytes are {@code x}. */
  public static PublicKey publicKey(byte[] x) throws GeneralSecurityException {
    if (x.length != KEY_BYTES) {
      throw new GeneralSecurityException("an Ed25519 public key has 32 bytes");
    }
    byte[] der = Arrays.copyOf(X509_PREFIX, X509_PREFIX.length + KEY_BYTES);
    System.arraycopy(x, 0, der, X509_PREFIX.length, KEY_BYTES);
    return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der));
  }

  public static byte[] sign(PrivateKey key, byte[] message) {
    try {
      Signature s = Signature.getInstance("Ed25519");
      s.initSign(key);
      s.update(message);
      return s.sign();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Ed25519 signing failed", e);
    }
  }

  public static boolean verify(PublicKey key, byte[] message, byte[] signature) {
    try {
      Signature s = Signature.getInstance("Ed25519");
      s.initVerify(key);
      s.update(message);
      return s.verify(signature);
    } catch (GeneralSecurityException e) {
      return false;
    }
  }
}
