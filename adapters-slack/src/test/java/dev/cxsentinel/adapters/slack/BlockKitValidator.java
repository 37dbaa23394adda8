package dev.cxsentinel.adapters.slack;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks a body the app sends to Slack against Slack's limits, so a test fails where real Slack would refuse the
 * message. Sources: the Block Kit reference (https://api.slack.com/reference/block-kit/blocks, .../block-elements,
 * .../composition-objects: section text 3000, fields 10 × 2000, header 150, actions 25 elements, context 10,
 * button text 75 and value 2000, option text 75 and value 150, 100 options, confirm title 100 / text 300 / buttons
 * 30, ids 255 and unique block ids), views (https://api.slack.com/reference/surfaces/views: 100 blocks, title,
 * submit and close 24, private_metadata 3000, callback_id 255), chat.postMessage (50 blocks; text over 40,000 is
 * truncated) and the limit Slack enforces beyond its docs: about 12,000 characters of text across a message's blocks
 * ({@code msg_blocks_too_long}, slackapi/bolt-js#2509 and #2867).
 */
public final class BlockKitValidator {
    public static final int MESSAGE_BLOCKS = 50;
    public static final int VIEW_BLOCKS = 100;
    public static final int MESSAGE_BLOCK_TEXT = 12_000;

    private BlockKitValidator() {
    }

    /** The violations of one call ({@code method}: a Web API method or {@code response_url}); empty when Slack would accept it. */
    public static List<String> validate(String method, java.util.Map<String, String> params, String body) {
        List<String> v = new ArrayList<>();
        JsonObject json = body != null && body.strip().startsWith("{") ? JsonParser.parseString(body).getAsJsonObject() : null;
        if (method.startsWith("views.")) {
            JsonObject view = json != null && json.has("view") ? json.getAsJsonObject("view")
                    : params.containsKey("view") ? JsonParser.parseString(params.get("view")).getAsJsonObject() : null;
            if (view != null) {
                view(view, v);
            }
            return v;
        }
        if (!method.startsWith("chat.") && !method.equals("response_url")) {
            return v;
        }
        String text = params.containsKey("text") ? params.get("text") : json != null && json.has("text") && !json.get("text").isJsonNull()
                ? json.get("text").getAsString() : null;
        if (text != null && text.length() > 40_000) {
            v.add("top-level text is " + text.length() + " characters (over 40,000)");
        }
        JsonArray blocks = params.containsKey("blocks") ? JsonParser.parseString(params.get("blocks")).getAsJsonArray()
                : json != null && json.has("blocks") && json.get("blocks").isJsonArray() ? json.getAsJsonArray("blocks") : null;
        if (blocks != null) {
            blocks(blocks, MESSAGE_BLOCKS, v);
            int total = textLength(blocks);
            if (total > MESSAGE_BLOCK_TEXT) {
                v.add("msg_blocks_too_long: the blocks carry " + total + " characters of text (Slack refuses above about 12,000)");
            }
        }
        return v;
    }

    private static void view(JsonObject view, List<String> v) {
        max(v, "view title", text(view.get("title")), 24);
        max(v, "view submit", text(view.get("submit")), 24);
        max(v, "view close", text(view.get("close")), 24);
        max(v, "private_metadata", string(view, "private_metadata"), 3000);
        max(v, "callback_id", string(view, "callback_id"), 255);
        if (view.has("blocks")) {
            blocks(view.getAsJsonArray("blocks"), VIEW_BLOCKS, v);
        }
    }

    private static void blocks(JsonArray blocks, int maxBlocks, List<String> v) {
        if (blocks.size() > maxBlocks) {
            v.add(blocks.size() + " blocks (at most " + maxBlocks + ")");
        }
        Set<String> ids = new HashSet<>();
        for (JsonElement e : blocks) {
            JsonObject b = e.getAsJsonObject();
            String type = string(b, "type");
            String id = string(b, "block_id");
            if (id != null) {
                max(v, "block_id", id, 255);
                if (!ids.add(id)) {
                    v.add("duplicate block_id " + id);
                }
            }
            switch (String.valueOf(type)) {
                case "section" -> {
                    max(v, "section text", text(b.get("text")), 3000);
                    if (b.has("fields")) {
                        JsonArray fields = b.getAsJsonArray("fields");
                        if (fields.size() > 10) {
                            v.add("section with " + fields.size() + " fields (at most 10)");
                        }
                        fields.forEach(f -> max(v, "section field", text(f), 2000));
                    }
                    if (!b.has("text") && !b.has("fields")) {
                        v.add("section without text or fields");
                    }
                    if (b.has("accessory")) {
                        element(b.getAsJsonObject("accessory"), v);
                    }
                }
                case "header" -> max(v, "header text", text(b.get("text")), 150);
                case "context" -> {
                    JsonArray elements = b.getAsJsonArray("elements");
                    if (elements == null || elements.size() == 0 || elements.size() > 10) {
                        v.add("context with " + (elements == null ? 0 : elements.size()) + " elements (1 to 10)");
                    } else {
                        elements.forEach(x -> max(v, "context element", text(x), 3000));
                    }
                }
                case "actions" -> {
                    JsonArray elements = b.getAsJsonArray("elements");
                    if (elements == null || elements.size() == 0 || elements.size() > 25) {
                        v.add("actions with " + (elements == null ? 0 : elements.size()) + " elements (1 to 25)");
                    } else {
                        elements.forEach(x -> element(x.getAsJsonObject(), v));
                    }
                }
                case "input" -> {
                    max(v, "input label", text(b.get("label")), 2000);
                    max(v, "input hint", text(b.get("hint")), 2000);
                    if (b.has("element")) {
                        element(b.getAsJsonObject("element"), v);
                    }
                }
                case "divider", "image", "rich_text", "file", "video" -> { }
                default -> v.add("unknown block type " + type);
            }
        }
    }

    private static void element(JsonObject e, List<String> v) {
        max(v, "action_id", string(e, "action_id"), 255);
        String type = string(e, "type");
        if ("button".equals(type)) {
            max(v, "button text", text(e.get("text")), 75);
            max(v, "button value", string(e, "value"), 2000);
        }
        if (type != null && type.endsWith("_select") && e.has("options")) {
            JsonArray options = e.getAsJsonArray("options");
            if (options.size() > 100) {
                v.add("select with " + options.size() + " options (at most 100)");
            }
            options.forEach(o -> {
                max(v, "option text", text(o.getAsJsonObject().get("text")), 75);
                max(v, "option value", string(o.getAsJsonObject(), "value"), 150);
            });
        }
        if ("plain_text_input".equals(type) && e.has("max_length") && e.get("max_length").getAsInt() > 3000) {
            v.add("plain_text_input max_length over 3000");
        }
        if (e.has("confirm")) {
            JsonObject c = e.getAsJsonObject("confirm");
            max(v, "confirm title", text(c.get("title")), 100);
            max(v, "confirm text", text(c.get("text")), 300);
            max(v, "confirm button", text(c.get("confirm")), 30);
            max(v, "deny button", text(c.get("deny")), 30);
        }
    }

    private static int textLength(JsonArray blocks) {
        int total = 0;
        for (JsonElement e : blocks) {
            JsonObject b = e.getAsJsonObject();
            total += length(text(b.get("text")));
            if (b.has("fields")) {
                for (JsonElement f : b.getAsJsonArray("fields")) {
                    total += length(text(f));
                }
            }
            if (b.has("elements")) {
                for (JsonElement x : b.getAsJsonArray("elements")) {
                    total += length(text(x));
                    if (x.isJsonObject()) {
                        total += length(text(x.getAsJsonObject().get("text")));
                    }
                }
            }
        }
        return total;
    }

    private static int length(String s) {
        return s == null ? 0 : s.length();
    }

    private static void max(List<String> v, String what, String value, int limit) {
        if (value != null && value.length() > limit) {
            v.add(what + " is " + value.length() + " characters (at most " + limit + ")");
        }
    }

    private static String text(JsonElement e) {
        if (e == null || e.isJsonNull()) {
            return null;
        }
        if (e.isJsonPrimitive()) {
            return e.getAsString();
        }
        JsonObject o = e.getAsJsonObject();
        return o.has("text") && o.get("text").isJsonPrimitive() ? o.get("text").getAsString() : null;
    }

    private static String string(JsonObject o, String name) {
        return o != null && o.has(name) && o.get(name).isJsonPrimitive() ? o.get(name).getAsString() : null;
    }
}
