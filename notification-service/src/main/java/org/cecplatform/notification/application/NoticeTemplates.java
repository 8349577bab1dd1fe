package org.cecplatform.notification.application;

import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import org.cecplatform.notification.domain.NoticeKind;

/**
 * Writes a notice from its Qute template, {@code templates/notices/<kind>.txt}: the first line is the subject, the
 * rest (after one blank line) the text of the e-mail. Rendered once, when the notice is recorded, so that what the
 * person reads in the list is what was sent.
 */
@ApplicationScoped
public class NoticeTemplates {

    /** A written notice. */
    public record Rendered(String subject, String text) {
    }

    private final Engine engine;

    public NoticeTemplates(Engine engine) {
        this.engine = engine;
    }

    public Rendered render(NoticeKind kind, Map<String, Object> facts) {
        Template template = engine.getTemplate("notices/" + kind.templateName() + ".txt");
        if (template == null) {
            throw new IllegalStateException("no template for notice " + kind);
        }
        TemplateInstance instance = template.instance();
        facts.forEach(instance::data);
        String all = instance.render().strip();
        int end = all.indexOf('\n');
        if (end < 0) {
            throw new IllegalStateException("template of " + kind + " has a subject and no text");
        }
        return new Rendered(all.substring(0, end).strip(), all.substring(end + 1).strip() + "\n");
    }
}
