package org.cecplatform.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.security.ForbiddenException;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipal;
import java.util.List;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.Test;

/** The caller is the token's sub: never upn or preferred_username, which MicroProfile JWT takes first as the name. */
class CallerTest {

    private static Caller caller(String role, String sub, String upn, String certificantIdClaim) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer("cec-platform");
        claims.setSubject(sub);
        claims.setClaim("upn", upn);
        claims.setClaim("preferred_username", upn);
        claims.setStringListClaim("groups", List.of(role));
        if (certificantIdClaim != null) {
            claims.setClaim("certificantId", certificantIdClaim);
        }
        DefaultJWTCallerPrincipal token = new DefaultJWTCallerPrincipal(claims);
        assertThat(token.getName()).as("the trap: the principal's name is the upn").isEqualTo(upn);
        return new Caller(QuarkusSecurityIdentity.builder().setPrincipal(token).addRole(role).build());
    }

    @Test
    void givenUpnDifferentFromSubWhenAskedWhoThenTheSubDecides() {
        Caller caller = caller(Roles.STAFF, "staff-7", "someone-else", null);

        assertThat(caller.subject()).isEqualTo("staff-7");
    }

    @Test
    void givenACertificantWhoseUpnNamesAnotherPersonWhenCheckingOwnRecordsThenOnlyTheSubsRecordsAreTheirs() {
        Caller caller = caller(Roles.CERTIFICANT, "C-100", "C-200", null);

        assertThatCode(() -> caller.requireSelf("C-100")).doesNotThrowAnyException();
        assertThatCode(() -> caller.requireSelfOr("C-100", Roles.STAFF)).doesNotThrowAnyException();
        assertThatThrownBy(() -> caller.requireSelf("C-200")).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> caller.requireSelfOr("C-200", Roles.STAFF)).isInstanceOf(ForbiddenException.class);
    }

    @Test
    void givenACertificantWhenAskedWhichCertificantThenItIsTheirSub() {
        assertThat(caller(Roles.CERTIFICANT, "C-100", "C-200", null).certificantId()).contains("C-100");
    }

    @Test
    void givenStaffWithACertificantIdClaimWhenAskedWhichCertificantThenItIsTheClaim() {
        Caller caller = caller(Roles.AUDITOR, "auditor-3", "auditor-3", "C-300");

        assertThat(caller.certificantId()).contains("C-300");
        assertThat(caller.subject()).isEqualTo("auditor-3");
        assertThatThrownBy(() -> caller.requireSelf("C-300")).as("own-record rules still go by sub and role")
                .isInstanceOf(ForbiddenException.class);
    }

    @Test
    void givenStaffWithoutTheClaimWhenAskedWhichCertificantThenNone() {
        assertThat(caller(Roles.STAFF, "staff-1", "staff-1", null).certificantId()).isEmpty();
        assertThat(caller(Roles.STAFF, "staff-1", "staff-1", " ").certificantId()).isEmpty();
    }
}
