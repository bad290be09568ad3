package io.audittrail.retention;

import io.audittrail.testapp.ChainTestContext;

@ChainTestContext
class H2RetentionIntegrationTests extends RetentionIntegrationTests {

}
