package org.cecplatform.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cecplatform.systemtests.Certificant.noon;
import static org.cecplatform.systemtests.SystemUnderTest.CERTIFICANT;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.cecplatform.systemtests.browser.Accessibility;
import org.cecplatform.systemtests.browser.Browser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;

/**
 * An audit worked in the staff console, in a real browser against the real stack. Two CPTs renew in 2034 and are
 * audited (the system tests sample every CPT renewal). Staff filter the queue to the audits due within 30 days, open
 * one still open and upload proof that came by post on the person's behalf (shown as received by post; the two-page
 * scan's every page on its own page). The other person uploaded a PDF and submitted the form: staff open that audit,
 * see the PDF's page previewed as an image,
 * disallow the item with a reason, try PASSED (the rules refuse it, next to the field, what was typed kept), decide
 * REMEDIATION, and the queue shows the new status. Screenshots under target/screenshots; axe-core on each page.
 */
@SystemTest
class ConsoleAuditSystemTest {

    private static final Path SCREENSHOTS = Path.of(System.getProperty("cec.system-tests.target", "target"), "screenshots");
    private static final Locator.GetByLabelOptions EXACT = new Locator.GetByLabelOptions().setExact(true);
    private static final String PROOF_LINE = "Sports nutrition workshop: 30 CECs, completed 9 May 2032";

    @AfterEach
    void systemTime(SystemUnderTest sut) {
        sut.resetClockEverywhere();
    }

    @Test
    void staffWorkAnAuditFromTheQueueToADecisionWithAPreviewedPdf(SystemUnderTest sut) {
        Certificant submits = Certificant.fresh(sut, "console-audit");
        Certificant byPost = Certificant.fresh(sut, "console-post");
        sut.setClockEverywhere(noon("2031-03-01"));
        submits.grant("CPT", "2031-03-01");
        byPost.grant("CPT", "2031-03-01");

        sut.setClockEverywhere(noon("2032-05-10"));
        submits.completesCourse("Resistance training for older adults", "10", "2032-04-20");
        submits.attendsMeeting("Exercise is Medicine update", "5", "2032-05-02");
        submits.selfReport("Sports nutrition workshop", "30", "2032-05-09");
        submits.awaitTracked("CPT", "45");
        byPost.selfReport("Functional movement seminar", "45", "2032-05-09");
        byPost.awaitTracked("CPT", "45");

        // the final year: both renew and are audited, proof due 1 July 2034
        sut.setClockEverywhere(noon("2034-06-01"));
        String submitted = auditAfterRenewal(submits, "15", "30");
        String open = auditAfterRenewal(byPost, "0", "45");
        JsonNode ledger = submits.awaitCredits(3);
        JsonNode document = Certificant.json(sut.audit(CERTIFICANT, submits.id)
                .multiPart("file", "sports-nutrition-certificate.pdf", pdf(PROOF_LINE), "application/pdf")
                .post("/api/v1/audits/{auditId}/documents", submitted).then().statusCode(201).extract().response());
        submits.submit(submitted, List.of(
                Certificant.item(Certificant.creditTitled(ledger, "Resistance training"), List.of()),
                Certificant.item(Certificant.creditTitled(ledger, "Exercise is Medicine"), List.of()),
                Certificant.item(Certificant.creditTitled(ledger, "Sports nutrition"),
                        List.of(document.path("documentId").asText()))));

        try (Browser browser = Browser.launch()) {
            Page page = browser.newPage();
            Browser.signIn(page, sut.staffConsoleUrl(), "sam.staff");

            // the queue: due within 30 days of the service's today (1 June 2034)
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Audit queue")).click();
            page.getByLabel("Year").fill("2034");
            page.getByLabel("Due within (days)").fill("30");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Filter")).click();
            Locator openRow = row(page, byPost.id);
            assertThat(openRow.textContent()).contains("OPEN", "2034-07-01");
            assertThat(row(page, submits.id).count()).as("a submitted audit has no deadline pending").isZero();
            assertThat(page.locator("p.count").textContent()).contains("today is 2034-06-01");
            Browser.screenshot(page, SCREENSHOTS, "console-audit-01-queue-due-within-30");
            Accessibility.assertNoSeriousViolations(page);

            // proof that came by post, uploaded on the person's behalf
            openRow.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Audit of " + byPost.id + ", CPT 2034")).click();
            page.waitForURL("**/audits/" + open);
            page.getByLabel("Proof received by post (scan: PDF, PNG or JPEG)").setInputFiles(
                    new FilePayload("postal-certificate.pdf", "application/pdf", pdf("Functional movement seminar: 45 CECs",
                            "Attendance sheet, signed by the instructor")));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Upload on the person's behalf")).click();
            page.waitForURL("**/audits/" + open + "#documents");
            Locator posted = page.locator("figure.document");
            assertThat(posted.locator("figcaption").textContent()).contains("postal-certificate.pdf", "Received by post",
                    "uploaded by sam.staff on the person's behalf");
            awaitImageLoaded(page);
            Browser.screenshot(page, SCREENSHOTS, "console-audit-02-received-by-post");
            Accessibility.assertNoSeriousViolations(page);

            // the postal scan has two pages: every page, each rendered by the console
            posted.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Every page of postal-certificate.pdf")).click();
            page.waitForURL("**/audits/" + open + "/documents/**");
            assertThat(page.locator(".document-facts").textContent()).contains("2 page(s)", "Received by post");
            assertThat(page.locator("figure.document img").count()).isEqualTo(2);
            assertThat(page.locator("#page-2 img").getAttribute("alt")).isEqualTo("Page 2 of 2 of postal-certificate.pdf");
            page.locator("#page-2").scrollIntoViewIfNeeded(); // the pages load lazily
            awaitImageLoaded(page);
            Browser.screenshot(page, SCREENSHOTS, "console-audit-02b-every-page");
            Accessibility.assertNoSeriousViolations(page);

            // the submitted audit: the PDF's first page previewed as an image, rendered by the console
            page.navigate(sut.staffConsoleUrl() + "/audits?status=SUBMITTED&year=2034");
            row(page, submits.id).getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Audit of " + submits.id + ", CPT 2034")).click();
            page.waitForURL("**/audits/" + submitted);
            assertThat(page.locator(".accepted").textContent()).contains("15.0");
            assertThat(page.locator("#requirement-progress").getAttribute("value")).isEqualTo("33");
            assertThat(page.locator("tr").filter(new Locator.FilterOptions().setHasText("Exercise is Medicine")).textContent())
                    .contains("Verified");
            Locator preview = page.locator("#document-" + document.path("documentId").asText() + " img");
            assertThat(preview.getAttribute("alt")).contains("Page 1 of sports-nutrition-certificate.pdf");
            awaitImageLoaded(page);
            Browser.screenshot(page, SCREENSHOTS, "console-audit-03-audit-with-pdf-preview");
            Accessibility.assertNoSeriousViolations(page);

            // disallow the item with a reason, try PASSED: the rules refuse, next to the outcome, what was typed kept
            Locator verdict = page.locator("fieldset.verdict").filter(new Locator.FilterOptions().setHasText("Sports nutrition"));
            verdict.getByLabel("Disallow", EXACT).check();
            verdict.getByLabel("Reason (when disallowed)").fill("The certificate does not name the provider");
            page.getByLabel("Outcome").selectOption("PASSED");
            page.getByLabel("Notes").fill("Checked against the provider's list");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Decide")).click();
            page.locator("#outcome-error").waitFor();
            assertThat(page.locator("#outcome-error").textContent()).contains("PASSED needs the accepted CECs");
            assertThat(page.getByLabel("Outcome").getAttribute("aria-invalid")).isEqualTo("true");
            verdict = page.locator("fieldset.verdict").filter(new Locator.FilterOptions().setHasText("Sports nutrition"));
            assertThat(verdict.getByLabel("Disallow", EXACT).isChecked()).isTrue();
            assertThat(verdict.getByLabel("Reason (when disallowed)").inputValue()).isEqualTo("The certificate does not name the provider");
            assertThat(page.getByLabel("Notes").inputValue()).isEqualTo("Checked against the provider's list");
            assertThat(page.locator(".status").first().textContent()).isEqualTo("SUBMITTED");
            awaitImageLoaded(page);
            Browser.screenshot(page, SCREENSHOTS, "console-audit-04-decision-refused");
            Accessibility.assertNoSeriousViolations(page);

            page.getByLabel("Outcome").selectOption("REMEDIATION");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Decide")).click();
            page.waitForURL("**/audits/" + submitted + "#decision");
            assertThat(page.locator("h1 .status").textContent()).isEqualTo("REMEDIATION");
            assertThat(page.locator("tr").filter(new Locator.FilterOptions().setHasText("Sports nutrition")).textContent())
                    .contains("disallowed: The certificate does not name the provider");
            assertThat(page.locator(".decision").textContent()).contains("REMEDIATION by sam.staff");
            Browser.screenshot(page, SCREENSHOTS, "console-audit-05-decided-remediation");
            Accessibility.assertNoSeriousViolations(page);

            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Audit queue")).click();
            page.getByLabel("Year").fill("2034");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Filter")).click();
            assertThat(row(page, submits.id).textContent()).contains("REMEDIATION");
            Browser.screenshot(page, SCREENSHOTS, "console-audit-06-queue-after-decision");
            Accessibility.assertNoSeriousViolations(page);
        }
    }

    private static String auditAfterRenewal(Certificant person, String ceOnlineAndAcsm, String otherProviders) {
        JsonNode renewal = Certificant.json(person.renew(person.renewalForm(List.of("CPT"), ceOnlineAndAcsm, otherProviders,
                "2034-06-01")).then().statusCode(200).extract().response());
        return person.awaitAuditOf(renewal.path("renewalId").asText()).path("auditId").asText();
    }

    private static Locator row(Page page, String certificantId) {
        return page.locator("table.audits tbody tr").filter(new Locator.FilterOptions().setHasText(certificantId));
    }

    /** Every document image on the page has loaded and decoded (a broken image has naturalWidth 0). */
    private static void awaitImageLoaded(Page page) {
        page.waitForFunction("() => { const images = [...document.querySelectorAll('figure.document img')];"
                + " return images.length > 0 && images.every(i => i.complete && i.naturalWidth > 0); }");
    }

    /** A PDF with one page per line, each with a heading and that visible line of text. */
    private static byte[] pdf(String... lines) {
        try (PDDocument pdf = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (String line : lines) {
                PDPage page = new PDPage(PDRectangle.LETTER);
                pdf.addPage(page);
                try (PDPageContentStream text = new PDPageContentStream(pdf, page)) {
                    text.beginText();
                    text.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD), 18);
                    text.newLineAtOffset(72, 700);
                    text.showText("Certificate of completion");
                    text.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 14);
                    text.newLineAtOffset(0, -30);
                    text.showText(line);
                    text.endText();
                }
            }
            pdf.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
