create sequence article_seq start with 1 increment by 50;
create sequence note_seq start with 1 increment by 50;
create table article (id bigint not null primary key, title varchar(255), status varchar(255));
create table note (id bigint not null primary key, article_id bigint, text varchar(255));
create table article_aud (id bigint not null, rev bigint not null, revtype smallint,
    title varchar(255), status varchar(255), primary key (rev, id));
create table note_aud (id bigint not null, rev bigint not null, revtype smallint,
    article_id bigint, text varchar(255), primary key (rev, id));
