-- The columns each user shows in the audit log's list.
create table audit_column_preference (
    user_name varchar(255) not null primary key,
    columns varchar(4000) not null,
    updated_at timestamp(6) with time zone not null
);
