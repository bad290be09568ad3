package io.audittrail.retention;

import io.audittrail.testapp.PostgresChainTestContext;

@PostgresChainTestContext
class PostgresRetentionIntegrationTests extends RetentionIntegrationTests {

}
