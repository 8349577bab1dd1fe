package org.cecplatform.kafka.access;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * SASL/PLAIN on a broker this product runs itself (the local stack, the in-process test broker, both on the loopback
 * interface), with the same ACLs and deny-by-default as production, where SCRAM-SHA-512 is used (deploy/kubernetes).
 * The broker's users are listed in its listeners' JAAS configuration; it authorises with KRaft's standard authoriser,
 * refuses whatever no ACL allows, and only its own principal ({@link KafkaCredentials#BROKER}) is a super user.
 */
public final class SaslPlain {

    public static final String MECHANISM = "PLAIN";
    public static final String PROTOCOL = ClientLogin.PROTOCOL;
    private static final String AUTHORIZER = "org.apache.kafka.metadata.authorizer.StandardAuthorizer";

    private SaslPlain() {
    }

    /**
     * The broker settings for SASL/PLAIN on the named listeners (map them to {@value #PROTOCOL} in
     * {@code listener.security.protocol.map}), the controller's included: the broker logs in to its controller as
     * {@link KafkaCredentials#BROKER}.
     */
    public static Map<String, String> brokerProperties(KafkaCredentials credentials, String... listeners) {
        Map<String, String> props = new LinkedHashMap<>();
        props.put("sasl.enabled.mechanisms", MECHANISM);
        props.put("sasl.mechanism.inter.broker.protocol", MECHANISM);
        props.put("sasl.mechanism.controller.protocol", MECHANISM);
        StringBuilder jaas = new StringBuilder(ClientLogin.loginModule(MECHANISM)).append(" required")
                .append(ClientLogin.option("username", KafkaCredentials.BROKER))
                .append(ClientLogin.option("password", credentials.password(KafkaCredentials.BROKER)));
        credentials.all().forEach((principal, password) -> jaas.append(ClientLogin.option("user_" + principal, password)));
        jaas.append(';');
        for (String listener : listeners) {
            props.put("listener.name." + listener.toLowerCase(Locale.ROOT) + ".plain.sasl.jaas.config", jaas.toString());
        }
        props.put("authorizer.class.name", AUTHORIZER);
        props.put("allow.everyone.if.no.acl.found", "false");
        props.put("super.users", KafkaAcls.userPrincipal(KafkaCredentials.BROKER));
        return props;
    }

    /** A client's settings to log in as {@code principal} with the password of {@code credentials}. */
    public static Map<String, Object> clientProperties(KafkaCredentials credentials, String principal) {
        return ClientLogin.properties(MECHANISM, principal, credentials.password(principal));
    }
}
