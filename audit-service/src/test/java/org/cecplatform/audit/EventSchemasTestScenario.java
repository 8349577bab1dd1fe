package org.cecplatform.audit;

import java.util.ArrayList;
import java.util.List;
import org.cecplatform.audit.domain.audit.Audit;

/** The full scenario of {@link EventSchemasTest}, step by step. */
final class EventSchemasTestScenario {

    private EventSchemasTestScenario() {
    }

    static List<Audit> steps() {
        List<Audit> steps = new ArrayList<>();
        EventSchemasTest.run(steps);
        return steps;
    }
}
