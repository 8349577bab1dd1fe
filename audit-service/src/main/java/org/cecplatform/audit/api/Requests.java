package org.cecplatform.audit.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.cecplatform.audit.domain.audit.DecisionOutcome;

/** The request bodies of the audit API (SPEC §4 field names). */
public final class Requests {

    private Requests() {
    }

    /** Staff select a renewal by hand. */
    public record HandSelection(@NotNull UUID renewalId) {
    }

    /** Staff move the proof deadline, once. */
    public record ExtensionRequest(@NotNull LocalDate newDueOn, @NotBlank @Size(max = 2000) String reason) {
    }

    public enum Category {
        GENERAL, COLLEGE_COURSE, COMMITTEE_SERVICE, CPR_AED_FIRST_AID, PUBLICATION, PRESENTATION
    }

    /**
     * One credit on the detailed audit form. An item naming a ledger credit ({@code creditId}) takes the ledger's
     * title, provider, completion date, CECs and category: leave them out, or send the ledger's values. Any other item
     * needs them all. The audit's rules check them (and list every problem at once); here only their size.
     */
    public record SubmittedCredit(UUID creditId,
                                  @Size(max = 500) String title,
                                  @Size(max = 500) String provider,
                                  LocalDate completedOn,
                                  BigDecimal cecs,
                                  Category category,
                                  @Size(max = 20) List<@NotNull UUID> documentIds) {
    }

    public record Submission(@NotEmpty @Size(max = 200) List<@Valid @NotNull SubmittedCredit> items) {
    }

    public record ItemVerdict(@NotNull UUID itemId, @NotNull Boolean accepted, @Size(max = 2000) String disallowedReason) {
    }

    public record DecisionRequest(@NotNull DecisionOutcome outcome, @Size(max = 4000) String notes,
                                  List<@Valid @NotNull ItemVerdict> items) {
    }
}
