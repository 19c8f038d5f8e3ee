package io.moderato.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Iterator;
import java.util.Map;

/**
 * JSON Merge Patch (RFC 7396): a patch object names the members to change; a member set to {@code null} is removed
 * (for a policy: back to its default), an object member is merged recursively, anything else replaces the target's
 * member. (Jackson, which the service already uses for JSON, has no merge patch of its own; RFC 7396's algorithm is
 * the eight lines of {@link #apply}.)
 */
public final class MergePatch {

    private MergePatch() {
    }

    /**
     * @param target the document to patch, not changed
     * @param patch  the patch
     * @return the patched document
     */
    public static JsonNode apply(JsonNode target, JsonNode patch) {
        if (patch == null || !patch.isObject()) {
            return patch;
        }
        ObjectNode result = target != null && target.isObject() ? ((ObjectNode) target).deepCopy() : JsonNodeFactory.instance.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> members = patch.fields(); members.hasNext(); ) {
            Map.Entry<String, JsonNode> member = members.next();
            if (member.getValue().isNull()) {
                result.remove(member.getKey());
            } else {
                result.set(member.getKey(), apply(result.get(member.getKey()), member.getValue()));
            }
        }
        return result;
    }
}
