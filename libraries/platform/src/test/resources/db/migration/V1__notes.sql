create table note (
    note_id        text primary key,
    certificant_id text not null,
    text           text not null
);
