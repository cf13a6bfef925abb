package io.ludo.server.game;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.ludo.game.GameCommand;
import io.ludo.server.room.RoomRequest;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A room request crosses to another node unchanged, and stays the same object within one. */
class RoomRequestCodecTest {
  private final RoomRequestCodec codec = new RoomRequestCodec();

  private RoomRequest acrossTheWire(RoomRequest request) {
    Buffer wire = Buffer.buffer().appendString("header");
    codec.encodeToWire(wire, request);
    return codec.decodeFromWire("header".length(), wire);
  }

  @Test
  void everyKindOfRequestArrivesAsItWasSent() {
    List<RoomRequest> requests = List.of(new RoomRequest.View(), new RoomRequest.Fairness(), new RoomRequest.Head(), new RoomRequest.Recent(7, 100),
        new RoomRequest.Presence("node-a", "p_1", -1), new RoomRequest.Presence("node-b", null, 1),
        new RoomRequest.NodeLeft("node-c"), new RoomRequest.NodeReturned("node-c"),
        new RoomRequest.Command("roll", "key/abc", "{\"type\":\"roll\"}", new GameCommand.Roll("p_1")),
        new RoomRequest.Command("move", "c_1", null, new GameCommand.Move("p_1", 2, 6)),
        new RoomRequest.Command("move", "c_2", null, new GameCommand.Move("p_1", 3, 0)),
        new RoomRequest.Command("join", "key/j", "{}", new GameCommand.Join("p_2", "Bob", "seed-1")),
        new RoomRequest.Command("add_bot", "c_3", null, new GameCommand.AddBot("p_1", "b_12345678", null)),
        new RoomRequest.Command("start", "c_4", null, new GameCommand.Start("p_1")),
        new RoomRequest.Command("leave", "c_5", null, new GameCommand.Leave("p_1")),
        new RoomRequest.Command("bogus", "c_6", null, null));
    for (RoomRequest r : requests) {
      assertEquals(r, acrossTheWire(r));
    }
  }

  @Test
  void withinTheNodeTheRequestIsNotCopied() {
    RoomRequest r = new RoomRequest.Recent(1, 2);
    assertSame(r, codec.transform(r));
  }

  @Test
  void aBotIdIsTakenFromTheWireButNeverFromAClient() {
    RoomRequest fromClient = RoomRequests.of(new JsonObject().put("type", "add_bot").put("player_id", "p_1")
        .put("bot_id", "p_victim").put("command_id", "c_1"));
    GameCommand.AddBot bot = (GameCommand.AddBot) ((RoomRequest.Command) fromClient).command();
    assertEquals(true, bot.botId().startsWith("b_"));
    assertNull(((RoomRequest.Command) RoomRequests.of(new JsonObject().put("type", "move"))).command(), "malformed");
  }
}
