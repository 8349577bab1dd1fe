-- Documents are stored in chunks of 256 KB instead of one bytea value: an upload is written, and a download read,
-- one chunk at a time, so a service with a 96 MB heap holds at most a chunk or two per transfer, never a whole
-- 10 MB document (a bytea value is read and written whole by the JDBC driver). Plain rows, not large objects: a
-- large object belongs to the role that creates it (the service's runtime role, which owns nothing here), and rows
-- follow the table's grants, backups and deletes like the rest of the data.
create table audit_document_chunk (
    document_id  uuid    not null references audit_document (document_id),
    chunk_no     integer not null,
    bytes        bytea   not null,
    primary key (document_id, chunk_no)
);

-- Documents stored before this migration keep their bytes, cut into the same 256 KB chunks (an empty content, which
-- the intake never accepted, gets one empty chunk so that every document has at least one).
insert into audit_document_chunk (document_id, chunk_no, bytes)
select d.document_id, n.chunk_no, substring(d.content from n.chunk_no * 262144 + 1 for 262144)
from audit_document d
cross join lateral generate_series(0, greatest((length(d.content) - 1) / 262144, 0)) as n(chunk_no);

alter table audit_document drop column content;

-- Who viewed or downloaded a document, and when (the service's clock): read by staff.
create table audit_document_access (
    access_id    uuid        primary key,
    document_id  uuid        not null references audit_document (document_id),
    accessed_by  text        not null,
    roles        text        not null,
    action       text        not null,
    accessed_at  timestamptz not null
);

create index audit_document_access_document on audit_document_access (document_id, accessed_at);
