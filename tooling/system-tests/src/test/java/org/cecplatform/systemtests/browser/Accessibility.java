package org.cecplatform.systemtests.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Page;

/**
 * Runs axe-core (Deque's rules, the WCAG 2.x A and AA tags) in a page as it stands and fails on any serious or
 * critical violation, naming each rule and the elements it found: the console's pages must work with the keyboard and
 * a screen reader, not only look right.
 */
public final class Accessibility {

    static final List<String> WCAG_TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");
    static final Set<String> BLOCKING_IMPACTS = Set.of("serious", "critical");

    private Accessibility() {
    }

    /** Fails when axe-core finds a serious or critical violation in the page as it is now. */
    public static void assertNoSeriousViolations(Page page) {
        AxeResults results = new AxeBuilder(page).withTags(WCAG_TAGS).analyze();
        assertThat(results.getErrorMessage()).as("axe-core ran in %s", page.url()).isNull();
        List<String> serious = seriousViolations(results.getViolations());
        assertThat(serious).as("serious accessibility violations in %s", page.url()).isEmpty();
    }

    static List<String> seriousViolations(List<Rule> violations) {
        return violations.stream()
                .filter(rule -> BLOCKING_IMPACTS.contains(rule.getImpact()))
                .map(rule -> rule.getImpact() + " " + rule.getId() + " (" + rule.getHelp() + "): "
                        + rule.getNodes().stream().map(node -> String.valueOf(node.getTarget()))
                                .collect(Collectors.joining(", ")))
                .toList();
    }
}
