-- The ledger projection keeps every credit, verified or not, with the figures an audit item naming it must carry.
-- Rows recorded before were verified credits without category, title or provider: GENERAL and unknown.
alter table verified_credit rename to ledger_credit;
alter index verified_credit_person rename to ledger_credit_person;
alter table ledger_credit
    add column category text    not null default 'GENERAL',
    add column title    text,
    add column provider text,
    add column verified boolean not null default true;
alter table ledger_credit alter column category drop default, alter column verified drop default;

-- One counting window: a renewal's proof is judged inside the window the renewal counted, which for a renewal ended
-- on the renewal date (not at the later end of the old cycle). Reinstatements counted to the lapsed cycle's end.
update audit set state = jsonb_set(state, '{renewal,windowEnd}', state -> 'renewal' -> 'renewedOn')
 where state -> 'renewal' ->> 'kind' <> 'REINSTATEMENT';
update pool_entry set renewal = jsonb_set(renewal, '{windowEnd}', renewal -> 'renewedOn')
 where renewal ->> 'kind' <> 'REINSTATEMENT';

-- A person's renewals, for the last day a later renewal counted (replacement CECs must be dated after it).
create index pool_entry_certificant on pool_entry (certificant_id, renewed_on);
