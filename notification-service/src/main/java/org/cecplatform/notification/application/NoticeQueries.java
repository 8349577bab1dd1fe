package org.cecplatform.notification.application;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.cecplatform.notification.domain.Notice;
import org.cecplatform.notification.persistence.NoticeRepository;

/** The notices a person was sent (or not), newest first. */
@ApplicationScoped
public class NoticeQueries {

    /** One page and the total. */
    public record Page(List<Notice> notices, long total) {
    }

    private final NoticeRepository notices;

    public NoticeQueries(NoticeRepository notices) {
        this.notices = notices;
    }

    public Page ofPerson(String certificantId, int page, int size) {
        return new Page(notices.ofPerson(certificantId, size, page * size), notices.countOfPerson(certificantId));
    }
}
