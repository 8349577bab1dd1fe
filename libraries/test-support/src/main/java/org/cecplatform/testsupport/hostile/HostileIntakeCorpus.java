package org.cecplatform.testsupport.hostile;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.cecplatform.contract.Topics;

/**
 * A reproducible corpus of bad messages for the intake topics ({@code lms.course-completions.v1} and
 * {@code meetings.attendance.v1}): truncated and unreadable JSON, the wrong schema, unknown enum values, odd numbers
 * and dates, unicode edge cases, member ids that are no certificant id, and ids reused with different content (the first of each pair is good and must be
 * recorded; the second must be dead-lettered). Every message is keyed by a member id starting with the given prefix.
 */
public final class HostileIntakeCorpus {

    public static final String LMS = Topics.LMS_COURSE_COMPLETIONS;
    public static final String MEETINGS = Topics.MEETINGS_ATTENDANCE;

    private HostileIntakeCorpus() {
    }

    public static List<HostileMessage> generate(long seed, int size, String prefix) {
        List<HostileMessage> messages = new ArrayList<>();
        Random random = new Random(seed);
        for (int i = 0; messages.size() < size; i++) {
            boolean lms = random.nextBoolean();
            String topic = lms ? LMS : MEETINGS;
            String member = prefix + "-m" + (i % 40);
            String id = prefix + "-msg-" + i;
            Map<String, String> valid = lms ? completion(id, member) : attendance(id, member);
            String kind = HostileStrings.pick(List.of("truncated", "not-json", "empty", "array", "missing-field", "wrong-type",
                    "unknown-enum", "bad-number", "bad-date", "unicode", "huge-string", "duplicate-id", "null-id", "extra-field", "bad-member-id"), random);
            int index = messages.size();
            switch (kind) {
                case "truncated" -> {
                    String json = json(valid);
                    messages.add(bad(index, topic, member, id, json.substring(0, 1 + random.nextInt(json.length() - 2)), kind));
                }
                case "not-json" -> messages.add(new HostileMessage(index, topic, member, id,
                        new byte[]{(byte) 0xFF, (byte) 0xFE, 0, 1, (byte) 0xC3, 0x28}, kind, true, false));
                case "empty" -> messages.add(bad(index, topic, member, id, HostileStrings.pick(List.of("", "null", "{}", "\"\"", "0"), random), kind));
                case "array" -> messages.add(bad(index, topic, member, id, "[" + json(valid) + "]", kind));
                case "missing-field" -> {
                    List<String> required = lms ? List.of("completionId", "memberId", "courseTitle", "cecs", "completedAt")
                            : List.of("attendanceId", "memberId", "meeting", "title", "cecs", "attendedOn");
                    valid.remove(required.get(random.nextInt(required.size())));
                    messages.add(bad(index, topic, member, id, json(valid), kind));
                }
                case "wrong-type" -> {
                    valid.put(lms ? "cecs" : "attendedOn", HostileStrings.pick(List.of("[]", "{}", "\"lots\"", "true", "[1]"), random));
                    messages.add(bad(index, topic, member, id, json(valid), kind));
                }
                case "unknown-enum" -> {
                    if (lms) {
                        topic = MEETINGS;
                        valid = attendance(id, member);
                    }
                    valid.put("meeting", HostileStrings.pick(List.of("\"MOON_LANDING\"", "\"annual_meeting\"", "\"\"", "\"WEBINARS\"", "1"), random));
                    messages.add(bad(index, topic, member, id, json(valid), kind));
                }
                case "bad-number" -> {
                    valid.put("cecs", HostileStrings.pick(List.of("-1", "0", "-0.0", "100.1", "1e308", "1e999999", "99999999999999999999",
                            "NaN", "\"\"", "null"), random));
                    messages.add(bad(index, topic, member, id, json(valid), kind));
                }
                case "bad-date" -> {
                    valid.put(lms ? "completedAt" : "attendedOn", "\"" + HostileStrings.pick(List.of("2025-02-30", "2025-13-01", "yesterday",
                            "", "2999-01-01", "99999-01-01", "2025/01/01", "0000-00-00", "2025-01-01T25:00:00Z"), random) + "\"");
                    messages.add(bad(index, topic, member, id, json(valid), kind));
                }
                case "unicode" -> {
                    // text fields with odd characters are legal; an id made of them or a NUL may not be: either way, no stall
                    valid.put(lms ? "courseTitle" : "title", "\"" + HostileStrings.pick(HostileStrings.UNICODE, random) + "\"");
                    messages.add(new HostileMessage(index, topic, member, id, bytes(json(valid)), kind, false, true));
                }
                case "huge-string" -> {
                    valid.put(lms ? "courseTitle" : "title", "\"" + HostileStrings.huge(List.of(301, 5_000, 200_000).get(random.nextInt(3)), random) + "\"");
                    messages.add(bad(index, topic, member, id, json(valid), kind));
                }
                case "duplicate-id" -> {
                    messages.add(new HostileMessage(index, topic, member, id, bytes(json(valid)), "duplicate-id-first", false, false));
                    valid.put("cecs", "7.5");
                    valid.put(lms ? "courseTitle" : "title", "\"Changed title\"");
                    messages.add(bad(index + 1, topic, member, id, json(valid), kind));
                }
                case "null-id" -> {
                    valid.put(lms ? "completionId" : "attendanceId", HostileStrings.pick(List.of("null", "\"\"", "\"   \"", "{}"), random));
                    messages.add(bad(index, topic, member, id, json(valid), kind));
                }
                case "bad-member-id" -> {
                    // keyed by a good member, but the member id in the message is no certificant id: a dead letter
                    valid.put("memberId", "\"" + HostileStrings.pick(HostileStrings.BAD_CERTIFICANT_IDS, random) + "\"");
                    messages.add(bad(index, topic, member, id, json(valid), kind));
                }
                case "extra-field" -> {
                    valid.put("memberId", "\"\"");
                    valid.put("admin", "true");
                    messages.add(bad(index, topic, member, id, json(valid), kind));
                }
                default -> throw new IllegalArgumentException(kind);
            }
        }
        return messages;
    }

    /** A valid message for each partition's end: processed only if nothing before it stalled the partition. */
    public static String goodCompletion(String id, String member) {
        return json(completion(id, member));
    }

    private static Map<String, String> completion(String id, String member) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("completionId", "\"" + id + "\"");
        m.put("memberId", "\"" + member + "\"");
        m.put("courseId", "\"CRS-1\"");
        m.put("courseTitle", "\"Exercise is Medicine\"");
        m.put("cecs", "2.5");
        m.put("completedAt", "\"2025-04-01\"");
        return m;
    }

    private static Map<String, String> attendance(String id, String member) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("attendanceId", "\"" + id + "\"");
        m.put("memberId", "\"" + member + "\"");
        m.put("meeting", "\"WEBINAR\"");
        m.put("sessionCode", "\"W1\"");
        m.put("title", "\"Resistance training\"");
        m.put("cecs", "1.0");
        m.put("attendedOn", "\"2025-05-01\"");
        return m;
    }

    private static HostileMessage bad(int index, String topic, String key, String id, String value, String kind) {
        return new HostileMessage(index, topic, key, id, bytes(value), kind, true, false);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String json(Map<String, String> fields) {
        return new String(HostileRequestCorpus.json(fields), StandardCharsets.UTF_8);
    }
}
