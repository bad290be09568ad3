create table article_tags (article_id bigint not null, tags varchar(255));
create table article_tags_aud (rev bigint not null, revtype smallint not null, article_id bigint not null,
    tags varchar(255) not null, primary key (rev, revtype, article_id, tags));
create sequence review_seq start with 1 increment by 50;
create table review (id bigint not null primary key, article_id bigint, verdict varchar(255));
create table review_aud (id bigint not null, rev bigint not null, revtype smallint,
    article_id bigint, verdict varchar(255), primary key (rev, id));
