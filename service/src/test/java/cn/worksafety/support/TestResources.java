package cn.worksafety.support;

import io.quarkus.test.common.QuarkusTestResource;

/** Registers the embedded database for every Quarkus test in the module. */
@QuarkusTestResource(EmbeddedPostgresResource.class)
public class TestResources {
}
