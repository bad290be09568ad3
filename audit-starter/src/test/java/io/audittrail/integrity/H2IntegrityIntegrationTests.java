package io.audittrail.integrity;

import io.audittrail.testapp.ChainTestContext;

@ChainTestContext
class H2IntegrityIntegrationTests extends IntegrityIntegrationTests {

}
