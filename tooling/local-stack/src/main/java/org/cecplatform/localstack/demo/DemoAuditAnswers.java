package org.cecplatform.localstack.demo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Some of the audited people answer their audit, as themselves: for every credit of theirs that no system verified
 * they upload the provider's certificate (a PDF), then submit the detailed audit form listing all their credits. Their
 * audits wait for staff review (SUBMITTED), so a demo stack has a review queue with documents to look at; the others
 * stay OPEN, waiting for proof.
 */
final class DemoAuditAnswers {

    private final StackHttp http;
    private final String ledgerUrl;
    private final String auditUrl;

    DemoAuditAnswers(StackHttp http, String ledgerUrl, String auditUrl) {
        this.http = http;
        this.ledgerUrl = ledgerUrl;
        this.auditUrl = auditUrl;
    }

    /** Every other audited person answers (by their id, so the same seed answers the same audits). */
    static boolean answers(String certificantId) {
        return Math.floorMod(certificantId.hashCode(), 2) == 0;
    }

    /** Uploads the person's certificates and submits the form; returns the documents uploaded. */
    int answer(String certificantId, String auditId) {
        JsonNode credits = StackHttp.expect(http.get(ledgerUrl + "/api/v1/certificants/" + certificantId
                + "/credits?size=200", "certificant", certificantId), 200, "credits of " + certificantId);
        List<Map<String, Object>> items = new ArrayList<>();
        int documents = 0;
        for (JsonNode credit : credits.path("credits")) {
            if (credit.path("voided").asBoolean()) {
                continue;
            }
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("creditId", credit.path("creditId").asText());
            if (!credit.path("verified").asBoolean()) {
                byte[] pdf = ProofCertificate.of(certificantId, credit.path("title").asText(),
                        credit.path("provider").asText(), credit.path("completedOn").asText(), credit.path("cecs").asText());
                JsonNode stored = StackHttp.expect(http.upload(auditUrl + "/api/v1/audits/" + auditId + "/documents",
                        "certificant", certificantId, "certificate-" + (documents + 1) + ".pdf", "application/pdf", pdf),
                        201, "certificate upload for audit " + auditId);
                item.put("documentIds", List.of(stored.path("documentId").asText()));
                documents++;
            }
            items.add(item);
        }
        StackHttp.expect(http.post(auditUrl + "/api/v1/audits/" + auditId + "/submission", "certificant", certificantId,
                Map.of("items", items)), 200, "audit form of " + certificantId);
        return documents;
    }
}
