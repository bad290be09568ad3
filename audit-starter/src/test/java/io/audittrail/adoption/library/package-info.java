/**
 * An example application shaped like a typical open-source CRUD application (controllers
 * saving through Spring Data repositories, entities with mapped superclasses, a schema
 * from SQL scripts, no security of its own, form posts) that adopts the starter by the
 * README's checklist alone.
 */
package io.audittrail.adoption.library;
