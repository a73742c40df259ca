-- The change feed: every change to public content, in commit order.
-- Sequence numbers come from one counter row, updated in the writing transaction: its row lock
-- is held until commit, so a lower number can never become visible after a higher one and a
-- poller reading "seq > :after" never skips a change.
create table change_counter (
    id             integer primary key,
    last_seq       bigint  not null,
    -- changes up to this number were removed by retention: older cursors must resync (410)
    pruned_through bigint  not null
);
insert into change_counter (id, last_seq, pruned_through) values (1, 0, 0);

create table change_log (
    seq        bigint       primary key,
    type       varchar(20)  not null,
    entity_id  bigint       not null,
    slug       varchar(200),
    action     varchar(20)  not null,
    at         timestamp with time zone not null
);
create index ix_change_log_type on change_log (type, seq);
create index ix_change_log_at on change_log (at);
