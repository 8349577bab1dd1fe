package org.cecplatform.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;
import static org.cecplatform.systemtests.Certificant.PROOF_PDF;
import static org.cecplatform.systemtests.Certificant.noon;
import static org.cecplatform.systemtests.SystemUnderTest.CERTIFICANT;
import static org.cecplatform.systemtests.SystemUnderTest.STAFF;

import java.io.File;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.cecplatform.clients.audit.api.AuditsApi;
import org.cecplatform.clients.audit.api.SamplingApi;
import org.cecplatform.clients.audit.model.AuditView;
import org.cecplatform.clients.audit.model.Category;
import org.cecplatform.clients.audit.model.DecisionOutcome;
import org.cecplatform.clients.audit.model.DecisionRequest;
import org.cecplatform.clients.audit.model.DocumentCreated;
import org.cecplatform.clients.audit.model.DrawView;
import org.cecplatform.clients.audit.model.HandSelection;
import org.cecplatform.clients.audit.model.Submission;
import org.cecplatform.clients.audit.model.SubmittedCredit;
import org.cecplatform.clients.ledger.api.CreditsApi;
import org.cecplatform.clients.ledger.model.CreditRequest;
import org.cecplatform.clients.ledger.model.CreditView;
import org.cecplatform.clients.renewal.api.CertificationsApi;
import org.cecplatform.clients.renewal.api.RenewalsApi;
import org.cecplatform.clients.renewal.model.Attested;
import org.cecplatform.clients.renewal.model.CertificationView;
import org.cecplatform.clients.renewal.model.Cpr;
import org.cecplatform.clients.renewal.model.GrantRequest;
import org.cecplatform.clients.renewal.model.QuoteView;
import org.cecplatform.clients.renewal.model.RenewalBody;
import org.cecplatform.clients.renewal.model.RenewalView;
import org.cecplatform.localstack.DevPaymentProvider;
import org.cecplatform.localstack.PlatformService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One whole story driven only through the Java clients generated at build time from the services' served OpenAPI
 * documents (openapi-generator, library native): a change to a document that breaks what a client relies on fails the
 * build here (compilation) or this test (the answers). Only the payment webhook (the provider's call) and the tokens
 * come from elsewhere. A CET (15 CECs, fee 35) is used because its renewals are sampled at the policy's 10 %, so that
 * staff can select the renewal by hand; CPT renewals are always drawn on this stack.
 */
@SystemTest
class GeneratedClientStorySystemTest {

    private static final Duration EVENTUALLY = Duration.ofSeconds(120);

    @AfterEach
    void systemTime(SystemUnderTest sut) {
        sut.resetClockEverywhere();
    }

    @Test
    void grantCreditsQuoteRenewPayHandSelectProveAndPassThroughTheGeneratedClients(SystemUnderTest sut, @TempDir Path dir)
            throws Exception {
        String person = "generated-client-" + UUID.randomUUID().toString().substring(0, 8);
        Clients staff = new Clients(sut, STAFF, "registrar");
        Clients member = new Clients(sut, CERTIFICANT, person);

        sut.setClockEverywhere(noon("2027-03-01"));
        CertificationView granted = staff.certifications.grantCertification(new GrantRequest()
                .certificantId(person).credential("CET").certifiedOn(LocalDate.parse("2027-03-01")));
        assertThat(granted.getStatus()).isEqualTo("ACTIVE");
        assertThat(granted.getCycleEnd()).isEqualTo("2030-12-31");
        assertThat(granted.getCecsRequired()).isEqualByComparingTo("15");
        assertThat(granted.getCecsTracked()).isEqualByComparingTo("0");

        sut.setClockEverywhere(noon("2028-05-10"));
        CreditView credit = member.credits.recordCredit(person, new CreditRequest()
                .title("Exercise for cancer survivors workshop").provider("Regional Fitness Association")
                .providerKind(CreditRequest.ProviderKindEnum.MAJOR_FITNESS_ORGANIZATION)
                .category(CreditRequest.CategoryEnum.GENERAL).completedOn(LocalDate.parse("2028-05-09"))
                .amount(new BigDecimal("15")).unit(CreditRequest.UnitEnum.CEC).inScope(true), null);
        assertThat(credit.getCecs()).isEqualByComparingTo("15");
        assertThat(credit.getVerified()).as("self-reported").isFalse();
        assertThat(member.credits.creditHistory(person, null, null, null, null).getCredits())
                .extracting(CreditView::getCreditId).containsExactly(credit.getCreditId());
        // the renewal-service counts the credit once the ledger's event crossed the broker
        CertificationView tracked = await(person + " CET tracks 15").atMost(EVENTUALLY).pollInterval(Duration.ofMillis(300))
                .until(() -> cet(member, person), c -> c.getCecsTracked().compareTo(new BigDecimal("15")) == 0);
        assertThat(tracked.getCecsRemaining()).isEqualByComparingTo("0");
        assertThat(tracked.getRenewable()).as("not yet in the final year").isFalse();

        sut.setClockEverywhere(noon("2030-06-01"));
        QuoteView quote = member.certifications.quoteRenewal(person, List.of("CET"));
        assertThat(quote.getKind()).isEqualTo("RENEWAL");
        assertThat(quote.getFee().getTotal()).isEqualByComparingTo("35.00");
        assertThat(quote.getCycleStart()).isEqualTo("2031-01-01");
        assertThat(quote.getCycleEnd()).isEqualTo("2033-12-31");

        RenewalView pending = member.renewals.requestRenewal(person, renewalForm(LocalDate.parse("2030-06-01")), null);
        assertThat(pending.getStatus()).isEqualTo("PENDING");
        UUID renewalId = pending.getRenewalId();
        DevPaymentProvider.Answer paid = sut.cluster().paymentProvider().pay(renewalId.toString());
        assertThat(paid.status()).as(paid.body()).isEqualTo(200);
        assertThat(paid.json().path("outcome").asText()).as(paid.body()).isEqualTo("RENEWED");
        RenewalView renewed = member.renewals.getRenewal(renewalId.toString());
        assertThat(renewed.getStatus()).isEqualTo("COMPLETED");
        assertThat(renewed.getCycleStart()).isEqualTo("2031-01-01");
        assertThat(renewed.getCycleEnd()).isEqualTo("2033-12-31");
        assertThat(renewed.getPayment().getAmount()).isEqualByComparingTo("35");

        // The audit-service draws the renewal once it reads it from the broker; staff then select it by hand, unless
        // the 10 % draw already selected it (then the hand-selection is refused and the drawn audit is the one).
        DrawView draw = await("the draw of " + renewalId).atMost(EVENTUALLY).pollInterval(Duration.ofMillis(300))
                .ignoreException(org.cecplatform.clients.audit.ApiException.class)
                .until(() -> staff.sampling.getDraw(renewalId), d -> d != null);
        assertThat(draw.getCredential()).isEqualTo("CET");
        assertThat(draw.getYear()).isEqualTo(2030);
        AuditView audit;
        if (Boolean.TRUE.equals(draw.getSelected())) {
            org.cecplatform.clients.audit.ApiException refused = catchThrowableOfType(org.cecplatform.clients.audit.ApiException.class,
                    () -> staff.audits.selectForAudit(new HandSelection().renewalId(renewalId)));
            assertThat(refused.getCode()).as(refused.getResponseBody()).isEqualTo(409);
            audit = staff.audits.getAudit(draw.getAuditId());
            assertThat(audit.getSelection().getMethod()).isEqualTo("RANDOM");
        } else {
            audit = staff.audits.selectForAudit(new HandSelection().renewalId(renewalId));
            assertThat(audit.getSelection().getMethod()).isEqualTo("MANUAL");
            assertThat(audit.getSelection().getSelectedBy()).isEqualTo("registrar");
        }
        UUID auditId = audit.getAuditId();
        assertThat(audit.getRenewalId()).isEqualTo(renewalId);
        assertThat(audit.getStatus()).isEqualTo("OPEN");
        assertThat(audit.getProofDueOn()).isEqualTo("2030-07-01");
        assertThat(audit.getVerifiedCecs()).as("nothing verified: the credit is self-reported").isEqualByComparingTo("0");
        assertThat(member.audits.listCertificantAudits(person, null, null, null).getAudits())
                .extracting(AuditView::getAuditId).containsExactly(auditId);

        File proof = Files.write(dir.resolve("cancer-exercise-workshop.pdf"), PROOF_PDF).toFile();
        DocumentCreated document = member.audits.uploadDocument(auditId, proof);
        assertThat(document.getContentType()).isEqualTo("application/pdf");
        assertThat(document.getSize()).isEqualTo(PROOF_PDF.length);
        AuditView submitted = member.audits.submitAuditForm(auditId, new Submission().items(List.of(new SubmittedCredit()
                .creditId(credit.getCreditId()).title(credit.getTitle()).provider(credit.getProvider())
                .completedOn(credit.getCompletedOn()).cecs(credit.getCecs()).category(Category.GENERAL)
                .documentIds(List.of(document.getDocumentId())))));
        assertThat(submitted.getStatus()).isEqualTo("SUBMITTED");

        AuditView decided = staff.audits.decideAudit(auditId, new DecisionRequest()
                .outcome(DecisionOutcome.PASSED).notes("workshop certificate checked"));
        assertThat(decided.getStatus()).isEqualTo("PASSED");
        assertThat(decided.getValidUntil()).as("the end of the cycle the renewal started").isEqualTo(renewed.getCycleEnd());

        CertificationView after = cet(member, person);
        assertThat(after.getStatus()).isEqualTo("ACTIVE");
        assertThat(after.getCycleEnd()).isEqualTo("2033-12-31");
    }

    private static CertificationView cet(Clients member, String person) throws Exception {
        return member.certifications.listCertifications(person, null).getCertifications().stream()
                .filter(c -> c.getCredential().equals("CET")).findFirst()
                .orElseThrow(() -> new AssertionError(person + " holds no CET"));
    }

    /** 15 CECs attested from other providers, the acknowledgement and a current CPR card (the payment is the provider's). */
    private static RenewalBody renewalForm(LocalDate today) {
        return new RenewalBody().credentials(List.of("CET"))
                .attestedCecs(new Attested().ceOnlineAndAcsmEvents(BigDecimal.ZERO).otherProviders(new BigDecimal("15"))
                        .collegeCourses(BigDecimal.ZERO).committeeService(BigDecimal.ZERO).cprAedFirstAid(BigDecimal.ZERO)
                        .publicationsAndPresentations(BigDecimal.ZERO))
                .acknowledged(true)
                .cpr(new Cpr().provider("American Red Cross").issuedOn(today.minusMonths(6)).expiresOn(today.plusMonths(18))
                        .handsOnSkills(true));
    }

    /** The generated APIs of the three services, each call carrying a bearer token of this role and subject. */
    private static final class Clients {

        final CertificationsApi certifications;
        final RenewalsApi renewals;
        final CreditsApi credits;
        final AuditsApi audits;
        final SamplingApi sampling;

        Clients(SystemUnderTest sut, String role, String subject) {
            String bearer = "Bearer " + sut.token(role, subject);
            org.cecplatform.clients.renewal.ApiClient renewal = new org.cecplatform.clients.renewal.ApiClient()
                    .setRequestInterceptor(request -> request.header("Authorization", bearer));
            renewal.updateBaseUri(sut.baseUrl(PlatformService.RENEWAL));
            org.cecplatform.clients.ledger.ApiClient ledger = new org.cecplatform.clients.ledger.ApiClient()
                    .setRequestInterceptor(request -> request.header("Authorization", bearer));
            ledger.updateBaseUri(sut.baseUrl(PlatformService.LEDGER));
            org.cecplatform.clients.audit.ApiClient audit = new org.cecplatform.clients.audit.ApiClient()
                    .setRequestInterceptor(request -> request.header("Authorization", bearer));
            audit.updateBaseUri(sut.baseUrl(PlatformService.AUDIT));
            certifications = new CertificationsApi(renewal);
            renewals = new RenewalsApi(renewal);
            credits = new CreditsApi(ledger);
            audits = new AuditsApi(audit);
            sampling = new SamplingApi(audit);
        }
    }
}
