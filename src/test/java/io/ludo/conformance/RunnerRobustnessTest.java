package io.ludo.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The runner answers every line, whatever it holds, and never stops early. */
class RunnerRobustnessTest {
  private static final String STATE = """
      {"seats":[0,2],"tokens":[[-1,-1,-1,-1],null,[-1,-1,-1,-1],null],"current":0,"phase":"ROLL",\
      "dice":null,"sixes":0,"finished":[],"winner":null}""";

  @Test
  void givenBrokenJsonWithALeadingId_thenInvalidInputCarriesThatId() {
    JsonObject answer = ConformanceRunner.answer("{\"id\":\"c9\",\"state\":");
    assertEquals("c9", answer.getValue("id"));
    assertEquals("INVALID_INPUT", answer.getString("error"));
    assertNull(answer.getValue("failedAt"));
  }

  @Test
  void givenJsonThatIsNotAnObject_thenInvalidInput() {
    for (String line : new String[] {"", "[]", "42", "null", "\"x\"", "{", "}{"}) {
      JsonObject answer = ConformanceRunner.answer(line);
      assertEquals(false, answer.getBoolean("ok"), line);
      assertEquals("INVALID_INPUT", answer.getString("error"), line);
    }
  }

  @Test
  void givenMissingFields_thenInvalidInputBeforeAnyAction() {
    assertEquals("INVALID_INPUT", ConformanceRunner.answer("{\"id\":1}").getString("error"));
    JsonObject noActions = ConformanceRunner.answer("{\"id\":1,\"state\":" + STATE + "}");
    assertEquals("INVALID_INPUT", noActions.getString("error"));
    assertNull(noActions.getValue("failedAt"));
  }

  @Test
  void givenAFloatDieInTheWrongPhase_thenWrongPhaseComesFirst() {
    String line = "{\"id\":\"a\",\"state\":" + STATE
        + ",\"actions\":[{\"type\":\"MOVE\",\"token\":1.5}]}";
    assertEquals("WRONG_PHASE", ConformanceRunner.answer(line).getString("error"));
    String roll = "{\"id\":\"b\",\"state\":" + STATE
        + ",\"actions\":[{\"type\":\"ROLL\",\"value\":6.0}]}";
    JsonObject answer = ConformanceRunner.answer(roll);
    assertEquals("INVALID_INPUT", answer.getString("error"));
    assertEquals(0, answer.getInteger("failedAt"));
  }

  @Test
  void givenRandomGarbageLines_thenOneAnswerPerLineInOrder() throws Exception {
    Random random = new Random(7);
    StringBuilder input = new StringBuilder();
    int lines = 500;
    String valid = "{\"id\":\"v\",\"state\":" + STATE + ",\"actions\":[{\"type\":\"ROLL\",\"value\":6}]}";
    for (int i = 0; i < lines; i++) {
      char[] chars = valid.toCharArray();
      for (int k = random.nextInt(4); k > 0; k--) {
        chars[random.nextInt(chars.length)] = (char) (32 + random.nextInt(95));
      }
      input.append(new String(chars)).append('\n');
    }
    StringWriter output = new StringWriter();
    ConformanceRunner.run(new BufferedReader(new StringReader(input.toString())), new PrintWriter(output));
    String[] answers = output.toString().split("\n");
    assertEquals(lines, answers.length);
    for (String answer : answers) {
      new JsonObject(answer); // each answer is one JSON object
    }
  }
}
