package org.cecplatform.localstack;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.cecplatform.contract.payments.PaymentSignature;

/**
 * A development payment provider: it "takes" the member's money and notifies the renewal-service the way the real
 * provider does, with a webhook call signed with the stack's webhook secret. {@link #pay} pays exactly what a pending
 * renewal asks; {@link #notify} sends any notification (a wrong amount, a failed payment, a redelivery), so every case
 * of the contract can be played by hand ({@code deploy/pay.sh}) and by the tests.
 */
public final class DevPaymentProvider {

    /** The renewal-service's answer to a notification. */
    public record Answer(int status, String body) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("not JSON: " + body, e);
            }
        }
    }

    /** One notification as the provider sends it. */
    public record Notice(String eventId, String status, String reference, BigDecimal amount, String currency) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI renewalService;
    private final String secret;
    private final String staffToken;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /**
     * @param renewalService the renewal-service's base URL, e.g. {@code http://127.0.0.1:8082}
     * @param staffToken     a staff token, to read what a renewal asks (the real provider is told at checkout)
     */
    public DevPaymentProvider(URI renewalService, String secret, String staffToken) {
        this.renewalService = renewalService;
        this.secret = secret;
        this.staffToken = staffToken;
    }

    /** What the renewal asks to be paid, as a successful payment notification with a new provider event id. */
    public Notice paymentOf(String renewalId) throws IOException, InterruptedException {
        HttpResponse<String> renewal = http.send(HttpRequest.newBuilder(renewalService.resolve("/api/v1/renewals/"
                        + renewalId)).header("Authorization", "Bearer " + staffToken).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (renewal.statusCode() != 200) {
            throw new IOException("renewal " + renewalId + ": HTTP " + renewal.statusCode() + " " + renewal.body());
        }
        return paymentDue(JSON.readTree(renewal.body()));
    }

    /** A successful payment of what a renewal view (the 202 answer to the request, or a GET) asks. */
    public static Notice paymentDue(JsonNode renewal) {
        JsonNode due = renewal.path("payment");
        return new Notice("evt_" + UUID.randomUUID(), "SUCCEEDED", due.path("reference").asText(),
                due.path("amount").decimalValue(), due.path("currency").asText());
    }

    /** Pays exactly what the renewal asks. */
    public Answer pay(String renewalId) throws IOException, InterruptedException {
        return notify(paymentOf(renewalId));
    }

    /** Sends one notification, signed now. */
    public Answer notify(Notice notice) throws IOException, InterruptedException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("eventId", notice.eventId());
        body.put("status", notice.status());
        body.put("reference", notice.reference());
        body.put("amount", notice.amount());
        body.put("currency", notice.currency());
        byte[] bytes = JSON.writeValueAsBytes(body);
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(renewalService.resolve(
                        "/api/v1/payments/webhook")).header("Content-Type", "application/json")
                .header(PaymentSignature.HEADER, PaymentSignature.header(secret, Instant.now().getEpochSecond(), bytes))
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build(), HttpResponse.BodyHandlers.ofString(
                StandardCharsets.UTF_8));
        return new Answer(answer.statusCode(), answer.body());
    }
}
