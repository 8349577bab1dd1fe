package org.cecplatform.platform.api;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.cecplatform.platform.persistence.DataAccessException;
import org.junit.jupiter.api.Test;

class ProblemMappersTest {

    private final ProblemMappers mappers = new ProblemMappers();

    @Test
    void aValueTheDatabaseRefusesIs422NotA500() {
        Response response = mappers.unexpected(new DataAccessException("insert into note",
                new SQLException("invalid byte sequence for encoding \"UTF8\": 0x00", "22021")), null);

        assertThat(response.getStatus()).isEqualTo(422);
        assertThat(((Problem) response.getEntity()).type()).isEqualTo("urn:cec:problem:validation");
    }

    @Test
    void anUnreachableDatabaseIs503WithRetryAfter() {
        Response response = mappers.unexpected(new DataAccessException("select from note",
                new SQLTransientConnectionException("Connection refused")), null);

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeaderString("Retry-After")).isEqualTo("5");
    }

    @Test
    void anythingElseIsALogged500() {
        Response response = mappers.unexpected(new NullPointerException("a bug"), null);

        assertThat(response.getStatus()).isEqualTo(500);
        assertThat(((Problem) response.getEntity()).detail()).doesNotContain("a bug");
    }
}
