package org.cecplatform.contract.intake;

import java.math.BigDecimal;

/**
 * Attendance as the meeting systems post it on {@code meetings.attendance.v1}. {@code attendanceId} is the
 * deduplication key; {@code meeting} is ANNUAL_MEETING, HEALTH_FITNESS_SUMMIT or WEBINAR; {@code attendedOn} an ISO
 * date.
 */
public record MeetingAttendance(
        String attendanceId,
        String memberId,
        String meeting,
        String sessionCode,
        String title,
        BigDecimal cecs,
        String attendedOn) {
}
