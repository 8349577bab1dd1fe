-- How each proof document reached the audit: ONLINE (the person uploaded it) or POST (paper that staff uploaded on
-- the person's behalf). Documents stored before this were all uploaded online or by staff without saying so; they
-- count as ONLINE, their uploaded_by still names who uploaded them.
alter table audit_document add column received_by text not null default 'ONLINE';
