package cn.worksafety.local;

import cn.worksafety.support.EmbeddedPostgresResource;
import io.quarkus.test.common.QuarkusTestResource;

/** Registers the embedded database for every Quarkus test in this module, as support.TestResources does in the service's. */
@QuarkusTestResource(EmbeddedPostgresResource.class)
public class LocalTestResources {
}
