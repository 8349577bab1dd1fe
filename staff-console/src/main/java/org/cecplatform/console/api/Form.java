package org.cecplatform.console.api;

import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.cecplatform.console.application.ServiceProblem;

/** A form as typed (shown again in its fields) and the service's words for each refused field. */
public record Form(Map<String, String> values, Map<String, String> errors) {

    static final Form EMPTY = new Form(Map.of(), Map.of());

    /** A form with these values and no errors. */
    static Form of(Map<String, String> values) {
        return new Form(values, Map.of());
    }

    /**
     * The service's refusal of this form: each violation next to the field it names; a refusal naming none of the
     * form's fields (a conflict, say) next to {@code mainField}.
     */
    static Form refused(Map<String, String> values, ServiceProblem problem, String mainField) {
        Map<String, String> errors = problem.byField().entrySet().stream()
                .filter(e -> values.containsKey(e.getKey()))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, HashMap::new));
        if (errors.isEmpty()) {
            errors.put(mainField, problem.detail());
        }
        return new Form(values, errors);
    }

    public String value(String field) {
        String value = values.get(field);
        return value == null ? "" : value;
    }

    public boolean invalid(String field) {
        return errors.containsKey(field);
    }

    public String error(String field) {
        return errors.get(field);
    }
}
