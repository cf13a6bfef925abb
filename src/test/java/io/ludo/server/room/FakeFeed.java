package io.ludo.server.room;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/** What a room told the world, in order. */
final class FakeFeed implements RoomFeed {
  final List<JsonObject> frames = new ArrayList<>();
  /** The nodes each frame was sent to, by frame. */
  final List<java.util.Set<String>> listeners = new ArrayList<>();
  int reconnects;
  int presenceRequests;
  final List<String> presenceRequestsTo = new ArrayList<>();
  final List<JsonObject> finished = new ArrayList<>();

  @Override
  public void event(JsonObject frame, java.util.Set<String> listeners) {
    frames.add(frame);
    this.listeners.add(listeners);
  }

  @Override
  public void reconnect() {
    reconnects++;
  }

  @Override
  public void presenceRequest() {
    presenceRequests++;
  }

  @Override
  public void presenceRequest(String node) {
    presenceRequestsTo.add(node);
  }

  @Override
  public void finished(JsonObject view, long finishedAt) {
    finished.add(view);
  }

  List<String> types() {
    return frames.stream().map(f -> f.getJsonObject("event").getString("type")).toList();
  }
}
