package org.cecplatform.audit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.cecplatform.audit.application.LedgerCreditsWriter;
import org.cecplatform.audit.application.PoolStore;
import org.cecplatform.audit.application.SamplingProjection;
import org.cecplatform.audit.persistence.CreditRepository;
import org.cecplatform.audit.persistence.SamplingTables;
import org.junit.jupiter.api.Test;

/**
 * The pools' state comes from their events only: the sampling tables are written by the sampling projection alone
 * (fed by the pool store, which appends the events), and ledger_credit by the ledger credits projection alone.
 */
class PoolArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.cecplatform.audit");

    /** A statement that writes one of these tables, named plainly or through {@code tables.of("...")}. */
    private static final Pattern WRITE = Pattern.compile(
            "(?i)(insert\\s+into|update|delete\\s+from|truncate)\\s+(sampling_pool|pool_entry|ledger_credit)\\b"
                    + "|tables\\.of\\(\"(sampling_pool|pool_entry|ledger_credit)\"\\)");

    private static final Map<String, List<String>> WRITERS = Map.of(
            "sampling_pool", List.of("SamplingTables.java"),
            "pool_entry", List.of("SamplingTables.java"),
            "ledger_credit", List.of("CreditRepository.java"));

    @Test
    void onlyTheProjectionsWriteTheirTables() throws IOException {
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = WRITE.matcher(Files.readString(source));
                while (m.find()) {
                    String table = m.group(2) != null ? m.group(2) : m.group(3);
                    assertThat(WRITERS.get(table)).as(source + " writes " + table)
                            .contains(source.getFileName().toString());
                }
            }
        }
    }

    @Test
    void onlyTheLedgerCreditsWriterCallsTheCreditWrites() {
        noClasses().that().doNotHaveFullyQualifiedName(LedgerCreditsWriter.class.getName())
                .should().callMethodWhere(DescribedPredicate.<JavaMethodCall>describe("a write of CreditRepository",
                        call -> call.getTarget().getOwner().isEquivalentTo(CreditRepository.class)
                                && List.of("recordAll", "voidCredit").contains(call.getTarget().getName())))
                .check(CLASSES);
    }

    @Test
    void onlyTheSamplingProjectionWritesThePoolTables() {
        noClasses().that().doNotBelongToAnyOf(SamplingProjection.class, SamplingTables.class)
                .should().accessClassesThat().belongToAnyOf(SamplingTables.class)
                .because("the pool tables are the sampling projection's: folded from the pools' events, rebuildable")
                .check(CLASSES);
    }

    @Test
    void onlyThePoolStoreProjectsPoolEventsLive() {
        noClasses().that().doNotHaveFullyQualifiedName(PoolStore.class.getName())
                .and().doNotHaveFullyQualifiedName(SamplingProjection.class.getName())
                .should().callMethodWhere(DescribedPredicate.<JavaMethodCall>describe("an apply of SamplingProjection",
                        call -> call.getTarget().getOwner().isEquivalentTo(SamplingProjection.class)
                                && call.getTarget().getName().startsWith("apply")))
                .check(CLASSES);
    }
}
