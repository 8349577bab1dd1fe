package org.cecplatform.testsupport.hostile;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An endpoint the corpus attacks, with a request that would pass its authorization: the caller that may call it,
 * a valid JSON body (field → JSON literal) and which fields are strings, numbers, dates. {@code lenient} marks an
 * endpoint where an odd but legal value (an extra field, an emoji in a title, a tiny amount) may well be accepted.
 */
record Endpoint(String service, String method, String path, Caller caller, Set<Caller> allowed,
                Map<String, String> body, List<String> strings, List<String> numbers, List<String> dates,
                List<String> queries, boolean lenient) {

    boolean hasBody() {
        return body != null;
    }

    boolean certificantMayCall() {
        return allowed.contains(Caller.SELF) || allowed.contains(Caller.VICTIM);
    }

    Map<String, String> bodyCopy() {
        return new LinkedHashMap<>(body);
    }

    static Map<String, String> fields(String... keyValues) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            fields.put(keyValues[i], keyValues[i + 1]);
        }
        return fields;
    }
}
