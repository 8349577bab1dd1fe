package org.cecplatform.platform.messaging;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.util.List;
import org.cecplatform.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/admin/consumers")
@Tag(name = "admin")
public class ConsumersResource {

    public record ConsumerGroupList(List<ConsumerLag.GroupLag> groups) {
    }

    private final ConsumerLag lag;

    public ConsumersResource(ConsumerLag lag) {
        this.lag = lag;
    }

    @GET
    @RolesAllowed({Roles.STAFF, Roles.AUDITOR})
    @Operation(operationId = "listConsumerGroups", summary = "This service's consumer groups: per topic partition the"
            + " committed offset, the end offset and the lag, and each group's total lag (503 when the broker does not"
            + " answer)")
    public ConsumerGroupList list() {
        return new ConsumerGroupList(lag.all());
    }
}
