# Sourced by .ci/run and the scripts: exports JAVA_HOME as a JDK 21 or newer (the default java
# on these machines may be older; a Temurin JDK 25 is installed beside it).
java_major() { "$1" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -1; }

if [ -z "${JAVA_HOME:-}" ] || [ "$(java_major "$JAVA_HOME/bin/java")" -lt 21 ] 2>/dev/null; then
  for candidate in /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/temurin-21-jdk-amd64 /usr/lib/jvm/*; do
    if [ -x "$candidate/bin/javac" ] && [ "$(java_major "$candidate/bin/java")" -ge 21 ] 2>/dev/null; then
      export JAVA_HOME="$candidate"
      break
    fi
  done
fi
if [ -z "${JAVA_HOME:-}" ] || [ "$(java_major "$JAVA_HOME/bin/java")" -lt 21 ]; then
  echo "no JDK 21 or newer found: set JAVA_HOME" >&2
  exit 1
fi
export PATH="$JAVA_HOME/bin:$PATH"
# JDK 24 and newer warn on stderr when a library (Hazelcast) uses sun.misc.Unsafe; the jar's
# manifest cannot allow it, so the scripts pass the flag. Older JDKs would refuse the flag.
LUDO_JAVA_OPTS=""
if [ "$(java_major "$JAVA_HOME/bin/java")" -ge 24 ] 2>/dev/null; then
  LUDO_JAVA_OPTS="--sun-misc-unsafe-memory-access=allow"
fi
export LUDO_JAVA_OPTS
