create table article_tags (article_id bigint not null, tags varchar(255));
create table article_tags_aud (rev bigint not null, revtype smallint not null, article_id bigint not null,
    tags varchar(255) not null, primary key (rev, revtype, article_id, tags));
