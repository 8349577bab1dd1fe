package org.cecplatform.contract.intake;

import java.math.BigDecimal;

/**
 * A course completion as ceOnline posts it on {@code lms.course-completions.v1}: plain JSON from a system we do not
 * control. {@code completionId} is the deduplication key; {@code memberId} is the certificant id; {@code completedAt}
 * is an ISO date or date-time.
 */
public record CourseCompletion(
        String completionId,
        String memberId,
        String courseId,
        String courseTitle,
        BigDecimal cecs,
        String completedAt) {
}
