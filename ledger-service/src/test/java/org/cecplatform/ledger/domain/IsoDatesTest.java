package org.cecplatform.ledger.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IsoDatesTest {

    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @ParameterizedTest(name = "given {0}, then {1} in New York")
    @CsvSource({
            "2027-02-01, 2027-02-01",
            "2027-02-01T12:00:00Z, 2027-02-01",
            "2027-02-01T04:59:59Z, 2027-01-31",
            "2027-02-01T05:00:00Z, 2027-02-01",
            "2027-02-01T23:30:00-08:00, 2027-02-02",
            "2027-07-01T03:59:00Z, 2027-06-30",
            "2027-02-01T23:30:00, 2027-02-01",
            "2027-02-01T10:00:00+01:00[Europe/Paris], 2027-02-01",
            "' 2027-02-01 ', 2027-02-01"
    })
    void givenAnIsoDateOrDateTimeWhenReadThenItIsTheDateInThePolicyZone(String text, LocalDate expected) {
        assertThat(IsoDates.toDate(text, NEW_YORK)).contains(expected);
    }

    @ParameterizedTest(name = "given ''{0}'', then unreadable")
    @ValueSource(strings = {"", " ", "2027-02-30", "02/01/2027", "2027-02-01T", "tomorrow", "2027-2-1"})
    void givenSomethingElseWhenReadThenItIsUnreadable(String text) {
        assertThat(IsoDates.toDate(text, NEW_YORK)).isEmpty();
    }
}
