package org.cecplatform.contract.upcasting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Version 1 → 2 of a renewal event (renewed or reinstated): version 2 adds the receipt. What version 1 implies is
 * filled in: one certification entry per credential with the level's previous cycle, gap and tracked CECs (its
 * {@code certificationId} unknown: the certification held with that credential at the time), the counting window as
 * version 1 documents it when absent, the payment's amount and currency (the fee, paid exactly). The rest of the
 * receipt (attested fields, fee items, payment reference, CPR card, who submitted it) is unknown: null.
 */
abstract class RenewalReceiptUpcaster implements EventUpcaster {

    /** The names version 1 gives the previous cycle, its day and the gap; the gap is absent from a renewal. */
    private final String previousStart;
    private final String previousEnd;
    private final String day;
    private final boolean hasGap;

    RenewalReceiptUpcaster(String previousStart, String previousEnd, String day, boolean hasGap) {
        this.previousStart = previousStart;
        this.previousEnd = previousEnd;
        this.day = day;
        this.hasGap = hasGap;
    }

    /** The last day counted when version 1 leaves it out: the renewal day, or the lapsed cycle's end. */
    abstract String countedToWhenAbsent();

    @Override
    public ObjectNode upcast(ObjectNode body) {
        if (isAbsent(body.get("countedFrom"))) {
            body.set("countedFrom", body.get(previousStart));
        }
        if (isAbsent(body.get("countedTo"))) {
            body.set("countedTo", body.get(countedToWhenAbsent()));
        }
        ArrayNode certifications = body.putArray("certifications");
        JsonNode credentials = body.path("credentials");
        for (JsonNode credential : credentials) {
            ObjectNode entry = certifications.addObject();
            entry.putNull("certificationId");
            entry.set("credential", credential);
            entry.set("previousCycleStart", body.get(previousStart));
            entry.set("previousCycleEnd", body.get(previousEnd));
            entry.set("cecsTracked", body.get("cecsTracked"));
            entry.set("gapFrom", hasGap ? body.get("gapFrom") : null);
            entry.set("gapTo", hasGap ? body.get("gapTo") : null);
            entry.set("countedFrom", body.get("countedFrom"));
            entry.set("countedTo", body.get("countedTo"));
            nullIfMissing(entry, "gapFrom", "gapTo");
        }
        body.putNull("attestedSubmitted");
        body.putNull("attestedCounted");
        body.putNull("feeItems");
        ObjectNode payment = body.putObject("payment");
        payment.set("amount", body.get("feeTotal"));
        payment.set("currency", body.get("currency"));
        payment.putNull("reference");
        body.putNull("cpr");
        body.putNull("submittedBy");
        return body;
    }

    String day() {
        return day;
    }

    String previousEnd() {
        return previousEnd;
    }

    private static boolean isAbsent(JsonNode node) {
        return node == null || node.isNull();
    }

    private static void nullIfMissing(ObjectNode node, String... fields) {
        for (String field : fields) {
            if (isAbsent(node.get(field))) {
                node.putNull(field);
            }
        }
    }
}
