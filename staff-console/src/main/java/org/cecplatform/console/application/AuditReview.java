package org.cecplatform.console.application;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.client.api.ClientMultipartForm;

/**
 * One audit as the audit-service shows it, and the work staff and auditors do on it there: the decision with a verdict
 * per item, the one extension, proof received by post. Every call carries the signed-in person's token; the service
 * applies its rules and their rights, and its refusals come back as {@link ServiceProblem}.
 */
@ApplicationScoped
public class AuditReview {

    private final AuditApi audits;

    public AuditReview(@RestClient AuditApi audits) {
        this.audits = audits;
    }

    public AuditApi.AuditDetails audit(UUID auditId) {
        return audits.audit(auditId);
    }

    /** Decides the audit; {@code verdicts} in the order the service's violations (items[i]) refer to. */
    public void decide(UUID auditId, String outcome, String notes, List<AuditApi.ItemVerdict> verdicts) {
        audits.decide(auditId, new AuditApi.DecisionRequest(blankToNull(outcome), blankToNull(notes), verdicts));
    }

    public void extend(UUID auditId, LocalDate newDueOn, String reason) {
        audits.extend(auditId, new AuditApi.ExtensionRequest(newDueOn, reason));
    }

    /** Uploads paper proof received by post, recorded by the service as uploaded by the signed-in staff member. */
    public void uploadReceivedByPost(UUID auditId, Path file, String fileName, String contentType) {
        ClientMultipartForm form = ClientMultipartForm.create()
                .binaryFileUpload("file", fileName == null ? "scan" : fileName, file.toString(),
                        contentType == null ? "application/octet-stream" : contentType);
        audits.uploadReceivedByPost(auditId, form).close();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
