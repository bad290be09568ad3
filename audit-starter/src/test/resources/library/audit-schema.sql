-- The Envers tables of the library's audited entities: the DDL the starter printed at the first start.
create table author_book_aud (rev bigint not null, author_id integer not null, id integer not null, revtype tinyint, primary key (author_id, rev, id));
create table authors_aud (id integer not null, rev bigint not null, revtype tinyint, first_name varchar(255), last_name varchar(255), city varchar(255), primary key (rev, id));
create table books_aud (id integer not null, rev bigint not null, revtype tinyint, name varchar(255), published_year integer, primary key (rev, id));
alter table if exists author_book_aud add constraint fk_author_book_aud_rev foreign key (rev) references audit_revision;
alter table if exists authors_aud add constraint fk_authors_aud_rev foreign key (rev) references audit_revision;
alter table if exists books_aud add constraint fk_books_aud_rev foreign key (rev) references audit_revision;
