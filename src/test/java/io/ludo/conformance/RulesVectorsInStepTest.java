package io.ludo.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The rule vectors the repository carries are the team contract's ({@code ../shared}): when that
 * contract is beside the repository and changes, this fails until the copy is brought in step.
 * A clone on its own has nothing to compare with, and its vectors are its own.
 */
class RulesVectorsInStepTest {
  private static final Path CONTRACT = Path.of("../shared/rules-cases");

  @Test
  void theCarriedVectorsAreTheContractsWhenTheContractIsBeside() throws IOException {
    assumeTrue(Files.isDirectory(CONTRACT), "no ../shared beside this clone: its carried vectors stand alone");
    List<Path> contract;
    try (Stream<Path> listing = Files.list(CONTRACT)) {
      contract = listing.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList();
    }
    for (Path file : contract) {
      Path carried = SharedVectorsTest.casesDir().resolve(file.getFileName().toString());
      assertEquals(Files.readString(file), Files.exists(carried) ? Files.readString(carried) : null,
          carried + " differs from the contract's " + file + ": copy it over");
    }
  }
}
