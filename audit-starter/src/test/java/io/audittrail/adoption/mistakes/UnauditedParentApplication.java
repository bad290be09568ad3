package io.audittrail.adoption.mistakes;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * An application whose audited entity inherits fields from a mapped superclass that
 * Envers does not audit.
 */
@SpringBootApplication
public class UnauditedParentApplication {

}
