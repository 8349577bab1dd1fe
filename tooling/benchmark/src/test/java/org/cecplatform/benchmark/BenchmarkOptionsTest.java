package org.cecplatform.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.cecplatform.benchmark.Settings.Part;
import org.junit.jupiter.api.Test;

import picocli.CommandLine;

class BenchmarkOptionsTest {

    private static Settings parse(String... args) {
        Benchmark benchmark = new Benchmark();
        new CommandLine(benchmark).parseArgs(args);
        return benchmark.settings();
    }

    @Test
    void withoutOptionsTheIssuesProfileRunsEveryPart() {
        Settings s = parse();
        assertThat(s.completions()).isEqualTo(200_000);
        assertThat(s.certificants()).isEqualTo(20_000);
        assertThat(s.steadyRate()).isEqualTo(5_000);
        assertThat(s.steadySeconds()).isEqualTo(60);
        assertThat(s.readClients()).isEqualTo(32);
        assertThat(s.renewals()).isEqualTo(5_000);
        assertThat(s.parts()).containsExactlyInAnyOrder(Part.values());
    }

    @Test
    void quickIsSmallerAndOptionsOverrideTheProfile() {
        Settings quick = parse("--quick");
        assertThat(quick.completions()).isLessThan(Settings.defaults().completions());

        Settings s = parse("--quick", "--completions", "1234", "--steady-seconds", "7", "--clients", "8");
        assertThat(s.completions()).isEqualTo(1234);
        assertThat(s.steadySeconds()).isEqualTo(7);
        assertThat(s.readClients()).isEqualTo(8);
        assertThat(s.renewalClients()).isEqualTo(8);
        assertThat(s.certificants()).isEqualTo(quick.certificants());
    }

    @Test
    void onlyRunsTheNamedPartsAndRebuildBringsThePipeline() {
        assertThat(parse("--only", "pipeline, reads").parts()).containsExactlyInAnyOrder(Part.PIPELINE, Part.READS);
        assertThat(parse("--only", "rebuild").parts()).containsExactlyInAnyOrder(Part.REBUILD, Part.PIPELINE);
        assertThatThrownBy(() -> Settings.parseParts("pipeline,fastest")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void readsWithUploadsIsAPartOfItsOwnWithCertificantsSetAsideForTheAuditsItUploadsTo() {
        Settings s = parse("--only", "reads-with-uploads", "--grants", "100", "--renewals", "300");
        assertThat(s.parts()).containsExactly(Part.READS_WITH_UPLOADS);
        assertThat(s.certificationsToGrant()).isEqualTo(100 + ReadsWithUploads.AUDITS);
        assertThat(parse("--grants", "100", "--renewals", "300").certificationsToGrant())
                .as("past the renewal burst's certificants").isEqualTo(300 + ReadsWithUploads.AUDITS);
    }

    @Test
    void grantsCoverBothReadsAndRenewalsButOnlyWhenOneOfThemRuns() {
        assertThat(parse("--only", "reads,renewals", "--grants", "100", "--renewals", "300").certificationsToGrant())
                .isEqualTo(300);
        assertThat(parse("--only", "reads", "--grants", "100", "--renewals", "300").certificationsToGrant())
                .isEqualTo(100);
        assertThat(parse("--only", "pipeline").certificationsToGrant()).isZero();
    }

    @Test
    void theJsonFileIsDatedUnderTargetUnlessGiven(@org.junit.jupiter.api.io.TempDir Path dir) {
        Benchmark b = new Benchmark();
        new CommandLine(b).parseArgs();
        assertThat(b.outputFile(dir).toString()).startsWith(dir.resolve("target").resolve("benchmark-").toString())
                .endsWith(".json");
        new CommandLine(b).parseArgs("--output", dir.resolve("x.json").toString());
        assertThat(b.outputFile(dir)).isEqualTo(dir.resolve("x.json"));
    }
}
