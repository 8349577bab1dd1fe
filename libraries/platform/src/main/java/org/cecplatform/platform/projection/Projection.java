package org.cecplatform.platform.projection;

import java.util.List;

/**
 * A read model that is a function of an event source: the service's own event log ({@link EventLogProjection}) or a
 * topic of another service ({@link TopicProjection}). It writes only its own tables and nothing else (no events, no
 * notices), so it can be rebuilt at any time while the service runs (README "Event sourcing"): into the shadow copy
 * of its tables, which replaces the live tables' contents once it has caught up ({@link ProjectionRebuilds}).
 */
public interface Projection {

    /** The name staff use: {@code POST /api/v1/admin/projections/{name}/rebuild}. */
    String name();

    /**
     * The live tables it writes, parents before children. Each has a shadow copy, {@code <table>_shadow}, created by
     * the service's migrations with the same columns (and kept so by every later migration: the service's tests
     * check it), without foreign keys.
     */
    List<String> tables();
}
