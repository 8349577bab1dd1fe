package org.cecplatform.testsupport.hostile;

import static org.cecplatform.testsupport.hostile.Caller.AUDITOR;
import static org.cecplatform.testsupport.hostile.Caller.SELF;
import static org.cecplatform.testsupport.hostile.Caller.STAFF;
import static org.cecplatform.testsupport.hostile.Caller.VICTIM;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * A reproducible corpus of bad REST requests against the three services (request {@code i} depends only on the seed
 * and {@code i}, and is built when it is needed, so the corpus never sits in memory): bad tokens, wrong roles,
 * someone else's records, wrong types, missing and extra fields, huge strings and bodies, unicode edge cases, odd
 * numbers and dates, ids that are no certificant id (in paths and bodies), wrong content types, malformed JSON,
 * hostile path and query parameters, and document uploads with traversal names, lying content types, empty and
 * oversized files.
 *
 * <p>The starting body of every state-changing endpoint but the self-report is itself invalid (an unknown credential,
 * a past due date, an empty void reason, a renewal that already has an audit...), so that no variant of it can change
 * the platform's state by accident; the self-report and document uploads are where odd-but-legal requests can be
 * accepted, and those are flagged {@link HostileRequest#mayBeValid()}.
 */
public final class HostileRequestCorpus {

    /** The body limit of the services' JSON routes (the platform's {@code cec.http.body-limit.default=256K}). */
    public static final int MAX_BODY_BYTES = 256 * 1024;
    /** The documents' limit (audit-service: 10 MB). */
    public static final int MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;

    private static final byte[] PDF = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    private final long seed;
    private final List<Endpoint> endpoints = endpoints();
    /** Indices that carry a body near or over the HTTP limit: few, since each costs megabytes. */
    private final Map<Integer, String> bigOnes = new HashMap<>();

    public HostileRequestCorpus(long seed, int size) {
        this.seed = seed;
        for (int k = 0; k < 12; k++) {
            bigOnes.put((int) ((long) size * (k + 1) / 13), k % 2 == 0 ? "body-under-limit" : "body-over-limit");
        }
        bigOnes.put(size / 7 + 1, "document-over-10MB");
        bigOnes.put(size / 3 + 1, "document-over-10MB");
    }

    public Stream<HostileRequest> stream(int size) {
        return IntStream.range(0, size).mapToObj(this::request);
    }

    public HostileRequest request(int i) {
        Random random = new Random(seed * 31 + i);
        String big = bigOnes.get(i);
        if (big != null) {
            return big.startsWith("document") ? document(i, random, "document-over-10MB") : hugeBody(i, random, big);
        }
        Endpoint e = endpoints.get(random.nextInt(endpoints.size()));
        if (e.path().endsWith("/documents") && e.method().equals("POST")) {
            return document(i, random, null);
        }
        List<String> kinds = new ArrayList<>(List.of("token", "role", "path", "content-type", "malformed"));
        if (e.certificantMayCall()) {
            kinds.add("someone-else");
        }
        if (!e.queries().isEmpty()) {
            kinds.addAll(List.of("query", "query"));
        }
        if (e.hasBody()) {
            kinds.addAll(List.of("wrong-type", "wrong-type", "missing", "missing", "extra", "huge-string", "unicode", "unicode"));
            if (!e.numbers().isEmpty()) {
                kinds.addAll(List.of("number", "number"));
            }
            if (!e.dates().isEmpty()) {
                kinds.addAll(List.of("date", "date"));
            }
            if (e.body().containsKey("certificantId")) {
                kinds.addAll(List.of("bad-id", "bad-id"));
            }
        }
        String kind = kinds.get(random.nextInt(kinds.size()));
        return switch (kind) {
            case "token" -> build(i, e, e.path(), HostileStrings.pick(List.of(Caller.NONE, Caller.FORGED, Caller.EXPIRED,
                    Caller.UNSIGNED, Caller.GARBAGE), random), e.hasBody() ? json(e.body()) : null, "token", false);
            case "role" -> wrongRole(i, e, random);
            case "someone-else" -> build(i, e, e.path().replace("{self}", "{victim}"), Caller.ATTACKER_ON_VICTIM,
                    e.hasBody() ? json(e.body()) : null, kind, false);
            case "path" -> build(i, e, hostilePath(e, random), e.caller(), e.hasBody() ? json(e.body()) : null, kind, false);
            case "query" -> build(i, e, e.path() + "?" + hostileQuery(e, random), e.caller(), null, kind, false);
            case "content-type" -> contentType(i, e, random);
            case "malformed" -> build(i, e, e.path(), e.caller(), malformed(e, random), kind, false);
            default -> bodyMutation(i, e, kind, random);
        };
    }

    // ------------------------------------------------------------------ kinds

    private HostileRequest wrongRole(int i, Endpoint e, Random random) {
        List<Caller> wrong = new ArrayList<>();
        for (Caller c : List.of(SELF, STAFF, AUDITOR, Caller.INTEGRATION)) {
            if (!e.allowed().contains(c) && !(c == SELF && e.allowed().contains(VICTIM))) {
                wrong.add(c);
            }
        }
        if (wrong.isEmpty()) {
            return build(i, e, e.path(), Caller.NONE, e.hasBody() ? json(e.body()) : null, "token", false);
        }
        return build(i, e, e.path(), wrong.get(random.nextInt(wrong.size())), e.hasBody() ? json(e.body()) : null, "role", false);
    }

    private HostileRequest bodyMutation(int i, Endpoint e, String kind, Random random) {
        Map<String, String> body = e.bodyCopy();
        boolean mayBeValid = false;
        switch (kind) {
            case "wrong-type" -> {
                String field = pickKey(body, random);
                body.put(field, HostileStrings.pick(List.of("[]", "{}", "[1,2]", "{\"$ne\":null}", "[\"a\"]", "{\"value\":1}"), random));
            }
            case "missing" -> {
                int mode = random.nextInt(4);
                if (mode == 0) {
                    body.clear();
                } else {
                    body.remove(pickRequired(e, body, random));
                    if (mode == 1) {
                        body.remove(pickRequired(e, body, random));
                    }
                }
            }
            case "extra" -> {
                body.put("unexpected" + random.nextInt(100), HostileStrings.pick(List.of("1", "\"x\"", "null", "{\"admin\":true}"), random));
                body.put("certificantId", "\"{victim}\"");
                if (e.lenient()) {
                    mayBeValid = true;
                } else {
                    body.remove(pickRequired(e, body, random)); // keep it invalid where a valid request would change state
                }
            }
            case "huge-string" -> {
                String field = e.strings().get(random.nextInt(e.strings().size()));
                body.put(field, "\"" + HostileStrings.huge(List.of(1_001, 5_000, 70_000, 1_000_000).get(random.nextInt(4)), random) + "\"");
                mayBeValid = e.lenient() && !field.equals("title") && !field.equals("provider");
            }
            case "unicode" -> {
                String field = e.strings().get(random.nextInt(e.strings().size()));
                body.put(field, "\"" + HostileStrings.pick(HostileStrings.UNICODE, random) + "\"");
                if (e.lenient()) {
                    mayBeValid = true;
                } else {
                    body.remove(pickRequired(e, body, random));
                }
            }
            case "number" -> {
                body.put(e.numbers().get(random.nextInt(e.numbers().size())), HostileStrings.pick(HostileStrings.NUMBERS, random));
                mayBeValid = e.lenient();
            }
            case "bad-id" -> body.put("certificantId",
                    "\"" + HostileStrings.pick(HostileStrings.BAD_CERTIFICANT_IDS, random) + "\"");
            case "date" -> {
                body.put(e.dates().get(random.nextInt(e.dates().size())), "\"" + HostileStrings.pick(HostileStrings.DATES, random) + "\"");
                mayBeValid = e.lenient();
            }
            default -> throw new IllegalArgumentException(kind);
        }
        return build(i, e, e.path(), e.caller(), json(body), kind, mayBeValid);
    }

    private HostileRequest contentType(int i, Endpoint e, Random random) {
        String type = HostileStrings.pick(List.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
                "multipart/form-data; boundary=xyz", "application/octet-stream", "image/png", "application/json-patch+json",
                "*/*", "application/problem+json; charset=utf-32"), random);
        byte[] body = e.hasBody() ? json(e.body()) : "<a>1</a>".getBytes(StandardCharsets.UTF_8);
        return new HostileRequest(i, e.service(), e.method().equals("GET") ? "POST" : e.method(), e.path(), e.caller(), type,
                idempotencyKey(e, random), body, "content-type", false);
    }

    private HostileRequest hugeBody(int i, Random random, String kind) {
        Endpoint e = endpoints.get(0); // the self-report: its title has a 300-character limit
        int size = kind.equals("body-under-limit") ? MAX_BODY_BYTES - 16 * 1024 : MAX_BODY_BYTES + 512 * 1024;
        Map<String, String> body = e.bodyCopy();
        body.put("title", "\"" + HostileStrings.huge(size, random) + "\"");
        return build(i, e, e.path(), e.caller(), json(body), kind, false);
    }

    private HostileRequest document(int i, Random random, String forcedKind) {
        Endpoint e = endpoints.stream().filter(p -> p.path().endsWith("/documents") && p.method().equals("POST")).findFirst().orElseThrow();
        String kind = forcedKind != null ? forcedKind : HostileStrings.pick(List.of("traversal-name", "traversal-name", "lying-type",
                "lying-type", "empty-file", "wrong-part", "wrong-caller", "executable", "html-as-png"), random);
        String name = "proof.pdf";
        String declared = "application/pdf";
        String part = "file";
        byte[] content = PDF;
        boolean mayBeValid = false;
        Caller caller = random.nextBoolean() ? STAFF : VICTIM;
        switch (kind) {
            case "traversal-name" -> {
                name = HostileStrings.pick(HostileStrings.TRAVERSAL_NAMES, random);
                mayBeValid = true; // a real PDF under a nasty name is a legal upload: the name is only kept as text
            }
            case "lying-type" -> content = "this is plain text, not a PDF at all".getBytes(StandardCharsets.UTF_8);
            case "empty-file" -> content = new byte[0];
            case "wrong-part" -> part = "document";
            case "wrong-caller" -> caller = HostileStrings.pick(List.of(Caller.ATTACKER_ON_VICTIM, Caller.AUDITOR, Caller.INTEGRATION,
                    Caller.NONE, Caller.FORGED), random);
            case "executable" -> {
                content = new byte[]{'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4, 0};
                name = "proof.exe.pdf";
            }
            case "html-as-png" -> {
                content = "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8);
                name = "proof.png";
                declared = "image/png";
            }
            case "document-over-10MB" -> {
                content = new byte[MAX_DOCUMENT_BYTES + 1];
                System.arraycopy(PDF, 0, content, 0, PDF.length);
            }
            default -> throw new IllegalArgumentException(kind);
        }
        String boundary = "hostile" + Long.toHexString(random.nextLong());
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + part + "\"; filename=\"" + name
                + "\"\r\nContent-Type: " + declared + "\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + content.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(content, 0, body, head.length, content.length);
        System.arraycopy(tail, 0, body, head.length + content.length, tail.length);
        return new HostileRequest(i, e.service(), "POST", e.path(), caller, "multipart/form-data; boundary=" + boundary, Map.of(),
                body, "document-" + kind, mayBeValid);
    }

    // ------------------------------------------------------------------ pieces

    private static String hostilePath(Endpoint e, Random random) {
        String bad = HostileStrings.pick(List.of("..%2F..%2Fetc%2Fpasswd", "%00", "not-a-uuid", "00000000-0000-0000-0000-000000000000",
                "%E2%80%AE", "x".repeat(3000), "-1", "%F0%9F%92%AA", "%C0%AE%C0%AE", "a%20b", "%25", "99999999999999999999",
                "bad%20id%3F%23x", ".leading-dot", "C" + "x".repeat(64), "a%3Bb", "a;b=c"), random);
        String path = e.path();
        for (String placeholder : List.of("{victimCredit}", "{victimRenewal}", "{victimAudit}", "{victimDocument}", "{self}", "{year}")) {
            if (path.contains(placeholder)) {
                return path.replace(placeholder, bad);
            }
        }
        return path + "/" + bad;
    }

    private static String hostileQuery(Endpoint e, Random random) {
        String name = e.queries().get(random.nextInt(e.queries().size()));
        String value = HostileStrings.pick(List.of("-1", "0", "100000", "99999999999999999999", "abc", "", "2025-02-30",
                "%00", "NOPE", "CPT,,,XYZ", "1e3", "%E2%80%AE", "x".repeat(2000), "1;drop", "[]"), random);
        return name + "=" + value + (random.nextBoolean() ? "&" + name + "=" + value : "");
    }

    private static byte[] malformed(Endpoint e, Random random) {
        String valid = e.hasBody() ? new String(json(e.body()), StandardCharsets.UTF_8) : "{\"a\":1}";
        return switch (random.nextInt(9)) {
            case 0 -> valid.substring(0, Math.max(1, random.nextInt(valid.length()))).getBytes(StandardCharsets.UTF_8);
            case 1 -> (valid + "}}garbage").getBytes(StandardCharsets.UTF_8);
            case 2 -> ("[".repeat(5000) + "]".repeat(5000)).getBytes(StandardCharsets.UTF_8);
            case 3 -> ("{\"a\":".repeat(3000) + "1" + "}".repeat(3000)).getBytes(StandardCharsets.UTF_8);
            case 4 -> valid.replace('"', '\'').getBytes(StandardCharsets.UTF_8);
            case 5 -> new byte[]{(byte) 0xC3, (byte) 0x28, '{', (byte) 0xFF, (byte) 0xFE, '}'};
            case 6 -> "null".getBytes(StandardCharsets.UTF_8);
            case 7 -> ("/* comment */ " + valid).getBytes(StandardCharsets.UTF_8);
            default -> ("\"" + "a".repeat(10) + "\"").getBytes(StandardCharsets.UTF_8);
        };
    }

    private HostileRequest build(int i, Endpoint e, String path, Caller caller, byte[] body, String kind, boolean mayBeValid) {
        return new HostileRequest(i, e.service(), e.method(), path, caller, body == null ? null : "application/json",
                idempotencyKey(e, new Random(seed ^ i)), body, kind, mayBeValid);
    }

    private static Map<String, String> idempotencyKey(Endpoint e, Random random) {
        if (!e.path().endsWith("/credits") || !e.method().equals("POST")) {
            return Map.of();
        }
        return Map.of("Idempotency-Key", HostileStrings.pick(List.of("k-" + random.nextLong(), "k-" + random.nextLong(),
                "k-" + random.nextLong(), "x".repeat(300), " ", "k\u00e9-" + random.nextInt()), random));
    }

    private static String pickKey(Map<String, String> body, Random random) {
        List<String> keys = new ArrayList<>(body.keySet());
        return keys.get(random.nextInt(keys.size()));
    }

    private static String pickRequired(Endpoint e, Map<String, String> body, Random random) {
        List<String> keys = new ArrayList<>(e.body().keySet());
        keys.retainAll(body.keySet());
        keys.removeIf(k -> k.equals("creditId") || k.equals("certifiedOn") || k.equals("notes") || k.equals("courseId"));
        return keys.isEmpty() ? "" : keys.get(random.nextInt(keys.size()));
    }

    static byte[] json(Map<String, String> fields) {
        StringBuilder json = new StringBuilder("{");
        fields.forEach((k, v) -> json.append(json.length() > 1 ? "," : "").append('"').append(k).append("\":").append(v));
        return json.append('}').toString().getBytes(StandardCharsets.UTF_8);
    }

    // ------------------------------------------------------------------ the services' endpoints

    private static List<Endpoint> endpoints() {
        Set<Caller> certificantStaff = EnumSet.of(SELF, STAFF);
        Set<Caller> readers = EnumSet.of(SELF, VICTIM, STAFF, AUDITOR);
        Set<Caller> staffAuditor = EnumSet.of(STAFF, AUDITOR);
        return List.of(
                new Endpoint("ledger", "POST", "/api/v1/certificants/{self}/credits", SELF, certificantStaff,
                        Endpoint.fields("title", "\"Hostile workshop\"", "provider", "\"NSCA\"", "providerKind", "\"MAJOR_FITNESS_ORGANIZATION\"",
                                "category", "\"GENERAL\"", "completedOn", "\"2025-03-01\"", "amount", "1.5", "unit", "\"CONTACT_HOUR\"", "inScope", "true"),
                        List.of("title", "provider", "providerKind", "category", "unit"), List.of("amount"), List.of("completedOn"), List.of(), true),
                new Endpoint("ledger", "POST", "/api/v1/certificants/{victim}/credits/{victimCredit}/void", STAFF, EnumSet.of(STAFF),
                        Endpoint.fields("reason", "\"\"") /* empty: refused, so nothing here voids the victim's credit */, List.of("reason"), List.of(), List.of(), List.of(), false),
                new Endpoint("ledger", "GET", "/api/v1/certificants/{self}/credits", SELF, readers, null, List.of(), List.of(), List.of(),
                        List.of("from", "to", "page", "size"), false),
                new Endpoint("ledger", "GET", "/api/v1/certificants/{victim}/credits/{victimCredit}", STAFF, readers, null, List.of(),
                        List.of(), List.of(), List.of(), false),
                new Endpoint("renewal", "POST", "/api/v1/certifications", STAFF, EnumSet.of(STAFF),
                        Endpoint.fields("certificantId", "\"{self}\"", "credential", "\"NOPE\"", "certifiedOn", "\"2025-01-15\""),
                        List.of("certificantId", "credential"), List.of(), List.of("certifiedOn"), List.of(), false),
                new Endpoint("renewal", "POST", "/api/v1/certificants/{self}/renewals", SELF, EnumSet.of(SELF),
                        Endpoint.fields("credentials", "[\"CPT\"]", "attestedCecs", "{\"ceOnlineAndAcsmEvents\":45}", "acknowledged", "true",
                                "cpr", "{\"provider\":\"Red Cross\",\"issuedOn\":\"2026-01-01\",\"expiresOn\":\"2028-01-01\",\"handsOnSkills\":true}",
                                "payment", "{\"amount\":60,\"currency\":\"USD\",\"reference\":\"hostile-ref\"}"),
                        List.of("credentials"), List.of("acknowledged"), List.of(), List.of(), false),
                new Endpoint("renewal", "GET", "/api/v1/certificants/{self}/renewal-quote", SELF, readers, null, List.of(), List.of(),
                        List.of(), List.of("credentials"), false),
                new Endpoint("renewal", "GET", "/api/v1/certificants/{self}/renewals", SELF, readers, null, List.of(), List.of(),
                        List.of(), List.of("page", "size"), false),
                new Endpoint("renewal", "GET", "/api/v1/renewals/{victimRenewal}", STAFF, readers, null, List.of(), List.of(), List.of(),
                        List.of(), false),
                new Endpoint("audit", "POST", "/api/v1/audits", STAFF, EnumSet.of(STAFF),
                        Endpoint.fields("renewalId", "\"{victimRenewal}\""), List.of("renewalId"), List.of(), List.of(), List.of(), false),
                new Endpoint("audit", "POST", "/api/v1/audits/{victimAudit}/submission", VICTIM, EnumSet.of(VICTIM),
                        Endpoint.fields("items", "[{\"title\":\"Course\",\"provider\":\"NSCA\",\"completedOn\":\"2025-03-01\",\"cecs\":\"x\","
                                + "\"category\":\"GENERAL\",\"documentIds\":[]}]"),
                        List.of("items"), List.of(), List.of(), List.of(), false),
                new Endpoint("audit", "POST", "/api/v1/audits/{victimAudit}/extension", STAFF, EnumSet.of(STAFF),
                        Endpoint.fields("newDueOn", "\"2020-01-01\"", "reason", "\"Hospital stay\""), List.of("reason"), List.of(),
                        List.of("newDueOn"), List.of(), false),
                new Endpoint("audit", "POST", "/api/v1/audits/{victimAudit}/decision", AUDITOR, staffAuditor,
                        Endpoint.fields("outcome", "\"MAYBE\"", "notes", "\"Reviewed\""), List.of("outcome", "notes"), List.of(), List.of(),
                        List.of(), false),
                new Endpoint("audit", "POST", "/api/v1/audits/{victimAudit}/documents", STAFF, EnumSet.of(VICTIM, STAFF), null, List.of(),
                        List.of(), List.of(), List.of(), false),
                new Endpoint("audit", "GET", "/api/v1/audits", STAFF, staffAuditor, null, List.of(), List.of(), List.of(),
                        List.of("status", "credential", "year", "page", "size"), false),
                new Endpoint("audit", "GET", "/api/v1/audits/{victimAudit}", VICTIM, readers, null, List.of(), List.of(), List.of(),
                        List.of(), false),
                new Endpoint("audit", "GET", "/api/v1/audits/{victimAudit}/documents/{victimDocument}", STAFF, readers, null, List.of(),
                        List.of(), List.of(), List.of(), false),
                new Endpoint("audit", "GET", "/api/v1/certificants/{self}/audits", SELF, readers, null, List.of(), List.of(), List.of(),
                        List.of("page", "size"), false),
                new Endpoint("audit", "GET", "/api/v1/sampling/{year}", STAFF, staffAuditor, null, List.of(), List.of(), List.of(),
                        List.of(), false));
    }
}
