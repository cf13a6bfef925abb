package io.ludo.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Every rule vector (docs/RULES.md; {@code src/test/resources/rules-cases/*.jsonl}) gives exactly its {@code expect}. */
class SharedVectorsTest {

  static Path casesDir() {
    return Path.of(System.getProperty("rules.cases.dir", "src/test/resources/rules-cases"));
  }

  @TestFactory
  Stream<DynamicTest> everySharedVectorPasses() throws IOException {
    List<Path> files;
    try (Stream<Path> listing = Files.list(casesDir())) {
      files = listing.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList();
    }
    assertFalse(files.isEmpty(), "no vectors found in " + casesDir().toAbsolutePath());
    return files.stream().flatMap(SharedVectorsTest::linesOf).map(line -> {
      JsonObject vector = new JsonObject(line);
      return DynamicTest.dynamicTest(String.valueOf(vector.getValue("id")), () -> {
        JsonObject answer = ConformanceRunner.answer(line);
        assertEquals(vector.getValue("id"), answer.remove("id"));
        assertEquals(vector.getJsonObject("expect"), answer);
      });
    });
  }

  private static Stream<String> linesOf(Path file) {
    try {
      return Files.readAllLines(file).stream().filter(l -> !l.isBlank());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
