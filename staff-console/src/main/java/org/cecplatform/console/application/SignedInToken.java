package org.cecplatform.console.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Sends the signed-in person's own access token with every call to a service (token propagation): the console has no
 * account of its own, so each service applies that person's rights. The sign-in refreshes the token before it
 * expires (quarkus.oidc.token.refresh-token-time-skew), so the identity of a request always holds a current one.
 * Without a signed-in person nothing is sent and the service answers 401.
 */
@ApplicationScoped
public class SignedInToken implements ClientRequestFilter {

    private final SecurityIdentity identity;

    public SignedInToken(SecurityIdentity identity) {
        this.identity = identity;
    }

    @Override
    public void filter(ClientRequestContext request) {
        AccessTokenCredential token = identity.isAnonymous() ? null : identity.getCredential(AccessTokenCredential.class);
        if (token != null) {
            request.getHeaders().putSingle(HttpHeaders.AUTHORIZATION, "Bearer " + token.getToken());
        }
    }
}
