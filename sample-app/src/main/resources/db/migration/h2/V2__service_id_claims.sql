-- Every service id ever used, with the service that used it: a tenant key is never handed to another service.
create table service_id_claim (service_id varchar(255) not null, service_ref bigint not null, primary key (service_id));
insert into service_id_claim (service_id, service_ref) select service_id, id from cms_service;
