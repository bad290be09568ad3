package io.audittrail.integrity;

import io.audittrail.testapp.PostgresChainTestContext;

@PostgresChainTestContext
class PostgresIntegrityIntegrationTests extends IntegrityIntegrationTests {

}
