package ai.heymilo.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * A page of a list in the API's envelope, {@code {data: [...], pagination: {has_more, total_count, url}}}: the items
 * after the {@code starting_after} cursor (an id of the previous page's last item; an unknown cursor gives an empty
 * page), at most {@code limit} of them (default 20, as the spec documents).
 */
final class Listing {
  private Listing() {}

  static ObjectNode page(List<? extends JsonNode> items, String idField, ApiRequest request) {
    String limitText = request.query("limit");
    int limit = limitText == null ? 20 : Integer.parseInt(limitText.trim());
    String cursor = request.query("starting_after");
    int start = 0;
    if (cursor != null && !cursor.isEmpty()) {
      start = items.size();
      for (int i = 0; i < items.size(); i++) {
        if (cursor.equals(SandboxJson.text(items.get(i), idField))) {
          start = i + 1;
          break;
        }
      }
    }
    int end = Math.min(items.size(), start + limit);
    ObjectNode envelope = SandboxJson.object();
    ArrayNode data = envelope.putArray("data");
    for (JsonNode item : items.subList(start, end)) {
      data.add(item.deepCopy());
    }
    ObjectNode pagination = envelope.putObject("pagination");
    pagination.put("has_more", end < items.size());
    pagination.put("total_count", items.size());
    pagination.put("url", request.url);
    return envelope;
  }

  /** The {@code {data, meta}} envelope of a single object. */
  static ObjectNode single(JsonNode data) {
    ObjectNode envelope = SandboxJson.object();
    envelope.set("data", data);
    envelope.putNull("meta");
    return envelope;
  }
}
