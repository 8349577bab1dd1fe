package org.cecplatform.kafka.access;

import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * The broker ACLs that grant exactly the rights of a {@link KafkaRights} table (the broker denies the rest:
 * {@code allow.everyone.if.no.acl.found=false}):
 * <ul>
 * <li>read: Read on the topic, and Read on the consumer groups whose id starts with the principal's name;</li>
 * <li>write: Write on the topic (an idempotent producer needs nothing more since Kafka 3);</li>
 * <li>manage: create, delete and configure every topic, read, describe and delete every consumer group (offset
 * resets), create topics and describe the cluster.</li>
 * </ul>
 */
public final class KafkaAcls {

    /** The one cluster resource's name in Kafka's ACLs. */
    public static final String CLUSTER = "kafka-cluster";
    private static final String ANY_HOST = "*";

    private KafkaAcls() {
    }

    /** The Kafka principal of a table principal. */
    public static String userPrincipal(String principal) {
        return "User:" + principal;
    }

    public static Set<AclBinding> of(KafkaRights rights) {
        Set<AclBinding> acls = new LinkedHashSet<>();
        for (KafkaRights.Grant grant : rights.grants()) {
            String user = userPrincipal(grant.principal());
            ResourcePattern topic = new ResourcePattern(ResourceType.TOPIC, grant.topic(), PatternType.LITERAL);
            if (grant.access().contains(KafkaRights.Access.READ)) {
                acls.add(allow(user, topic, AclOperation.READ));
                acls.add(allow(user, new ResourcePattern(ResourceType.GROUP, grant.principal(), PatternType.PREFIXED),
                        AclOperation.READ));
            }
            if (grant.access().contains(KafkaRights.Access.WRITE)) {
                acls.add(allow(user, topic, AclOperation.WRITE));
            }
            if (grant.access().contains(KafkaRights.Access.MANAGE)) {
                for (AclOperation operation : List.of(AclOperation.CREATE, AclOperation.DELETE, AclOperation.ALTER,
                        AclOperation.ALTER_CONFIGS, AclOperation.DESCRIBE_CONFIGS)) {
                    acls.add(allow(user, topic, operation));
                }
                ResourcePattern anyGroup = new ResourcePattern(ResourceType.GROUP, KafkaRights.ANY_TOPIC, PatternType.LITERAL);
                for (AclOperation operation : List.of(AclOperation.READ, AclOperation.DESCRIBE, AclOperation.DELETE)) {
                    acls.add(allow(user, anyGroup, operation));
                }
                ResourcePattern cluster = new ResourcePattern(ResourceType.CLUSTER, CLUSTER, PatternType.LITERAL);
                for (AclOperation operation : List.of(AclOperation.CREATE, AclOperation.DESCRIBE,
                        AclOperation.DESCRIBE_CONFIGS)) {
                    acls.add(allow(user, cluster, operation));
                }
            }
        }
        return acls;
    }

    /** What {@link #sync} changed. */
    public record Changes(int created, int deleted) {
    }

    /**
     * Makes the broker's ACLs exactly those of the table: creates the missing ones and deletes any other (a right
     * taken out of the table is taken from the broker on the next start). The admin client must be a super user's.
     */
    public static Changes sync(Admin admin, KafkaRights rights)
            throws InterruptedException, ExecutionException, TimeoutException {
        Set<AclBinding> wanted = of(rights);
        Collection<AclBinding> present = admin.describeAcls(AclBindingFilter.ANY).values().get(60, TimeUnit.SECONDS);
        Set<AclBinding> missing = new LinkedHashSet<>(wanted);
        missing.removeAll(present);
        Set<AclBinding> stale = new HashSet<>(present);
        stale.removeAll(wanted);
        if (!stale.isEmpty()) {
            admin.deleteAcls(stale.stream().map(AclBinding::toFilter).toList()).all().get(60, TimeUnit.SECONDS);
        }
        if (!missing.isEmpty()) {
            admin.createAcls(missing).all().get(60, TimeUnit.SECONDS);
        }
        return new Changes(missing.size(), stale.size());
    }

    private static AclBinding allow(String user, ResourcePattern pattern, AclOperation operation) {
        return new AclBinding(pattern, new AccessControlEntry(user, ANY_HOST, operation, AclPermissionType.ALLOW));
    }
}
