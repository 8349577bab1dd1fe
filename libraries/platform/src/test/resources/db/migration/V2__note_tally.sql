-- A projection of the notes: how many each person wrote, and the last one. With its shadow copy for rebuilds.
create table note_tally (
    certificant_id text   primary key,
    notes          int    not null,
    last_text      text   not null
);
create table note_tally_shadow (like note_tally including defaults including constraints including indexes);
